/**
 * The arbitraries emitter: given a schema, want this expression; the chat fixture's file as a
 * snapshot that compiles under `tsc --strict`; and, run for real on the chat fixture, a fixture of
 * the remaining keywords and the real spec, valid values the generated validators accept and
 * invalid values they reject with exactly the keyword and pointer declared.
 */
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from '../src/index.js';
import { arbitrariesEmitter } from '../src/emit/arbitraries.js';
import { mutations } from '../src/emit/arbitraries/invalid.js';
import { INVALID_KINDS } from '../src/emit/arbitraries/runtime.js';
import { validArbitrary } from '../src/emit/arbitraries/valid.js';
import { printCode } from '../src/lib/code.js';
import type { JsonSchema } from '../src/model.js';
import {
  RUNS, checkEveryMessage, generateWithArbitraries, testContext, tscStrict, type Generated,
} from './arbitraries-support.js';
import { TEST_DIR, fixture, miniSpec, specFile } from './helpers.js';

const ROOT = path.resolve(TEST_DIR, '../../..');

/** Component schemas the given/want cases refer to. */
const SCHEMAS: Record<string, JsonSchema> = {
  EventName: { type: 'string', enum: ['a', 'b', 'c'] },
  RoomId: { type: 'string' },
  Circle: { type: 'object', required: ['kind'], properties: { kind: { const: 'circle' } } },
  Square: { type: 'object', required: ['kind'], properties: { kind: { const: 'square' } } },
  Leaf: { type: 'object', additionalProperties: false, required: ['value'], properties: { value: { type: 'integer' } } },
  Branch: { type: 'object', required: ['children'], properties: { children: { type: 'array', items: { type: 'integer' } } } },
};

function expression(schema: JsonSchema): string {
  const ctx = testContext(SCHEMAS);
  const code = validArbitrary(schema, [], ctx);
  return code && ctx.problems.length === 0 ? printCode(code, 0, 1000) : ctx.problems.join('\n');
}

describe('valid arbitraries: given a schema, want this expression', () => {
  it.each<[string, JsonSchema, string]>([
    ['a bounded pattern', { type: 'string', minLength: 2, maxLength: 5, pattern: '^[a-z]+$' },
      "fc.string({ unit: chars('abcdefghijklmnopqrstuvwxyz'), minLength: 2, maxLength: 5 })"],
    ['any characters, counted in code points', { type: 'string', minLength: 1, maxLength: 4000 },
      "fc.string({ unit: 'binary', minLength: 1, maxLength: 4000 })"],
    ['a JWT, the room shared out', { type: 'string', maxLength: 20, pattern: '^[a-z]+\\.[a-z]*\\.[a-z]*$' },
      "joined(fc.string({ unit: chars('abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 7 }), fc.constant('.'), fc.string({ unit: chars('abcdefghijklmnopqrstuvwxyz'), maxLength: 6 }), fc.constant('.'), fc.string({ unit: chars('abcdefghijklmnopqrstuvwxyz'), maxLength: 5 }))"],
    ['a minimum length raises the first run', { type: 'string', minLength: 7, maxLength: 7, pattern: '^[0-9]+\\.[0-9]+$' },
      "joined(fc.string({ unit: chars('0123456789'), minLength: 5, maxLength: 5 }), fc.constant('.'), chars('0123456789'))"],
    ['an unanchored \\S', { type: 'string', maxLength: 5, pattern: '\\S' },
      "joined(fc.string({ unit: 'binary', maxLength: 2 }), charExcept('\\t\\n\\u000b\\u000c\\r \\u00a0\\u1680\\u2000\\u2001\\u2002\\u2003\\u2004\\u2005\\u2006\\u2007\\u2008\\u2009\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff', 'x'), fc.string({ unit: 'binary', maxLength: 2 }))"],
    ['a negated class', { type: 'string', minLength: 1, pattern: '^[^/\\\\]+$' }, "fc.string({ unit: charExcept('/\\\\', 'x'), minLength: 1 })"],
    ['a literal prefix and a repeated group', { type: 'string', maxLength: 16, pattern: '^ab(/[a-z])*$' },
      "joined(fc.constant('ab'), repeated(joined(fc.constant('/'), chars('abcdefghijklmnopqrstuvwxyz')), { maxLength: 7 }))"],
    ['a date-time of 20 to 40 characters', { type: 'string', format: 'date-time', minLength: 20, maxLength: 40 }, 'dateTime(0, 19)'],
    ['a uri', { type: 'string', format: 'uri', maxLength: 2048 },
      'fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((s) => s.length <= 2048)'],
    ['a uuid', { type: 'string', format: 'uuid' }, 'fc.uuid()'],
    ['an email', { type: 'string', format: 'email' }, 'fc.emailAddress()'],
    ['an iri', { type: 'string', format: 'iri' }, 'iris(false)'],
    ['an iri-reference', { type: 'string', format: 'iri-reference' }, 'iris(true)'],
    ['an idn-email', { type: 'string', format: 'idn-email' }, 'idnEmails()'],
    ['an idn-hostname, its length in code points', { type: 'string', format: 'idn-hostname', maxLength: 100 }, 'idnHostnames().filter((s) => Array.from(s).length <= 100)'],
    ['an integer range', { type: 'integer', minimum: 0, maximum: 100 }, 'fc.integer({ min: 0, max: 100 })'],
    ['exclusive integer bounds', { type: 'integer', exclusiveMinimum: 3, exclusiveMaximum: 9 }, 'fc.integer({ min: 4, max: 8 })'],
    ['any integer', { type: 'integer' }, 'fc.maxSafeInteger()'],
    ['multiples', { type: 'integer', multipleOf: 5, minimum: 12, maximum: 100 }, 'fc.integer({ min: 3, max: 20 }).map((n) => n * 5)'],
    ['a number', { type: 'number', minimum: 0, exclusiveMaximum: 1 },
      'fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true, noDefaultInfinity: true })'],
    ['a boolean', { type: 'boolean' }, 'fc.boolean()'],
    ['null', { type: 'null' }, 'fc.constant(null)'],
    ['a string or null', { type: ['string', 'null'], maxLength: 3 }, "fc.oneof(fc.string({ unit: 'binary', maxLength: 3 }), fc.constant(null))"],
    ['a const', { type: 'string', const: 'chat.send' }, "fc.constant('chat.send')"],
    ['an enum', { type: 'integer', enum: [1000, 4001] }, 'fc.constantFrom(1000, 4001)'],
    ['a closed object', { type: 'object', additionalProperties: false, required: ['room_id', 'content'], properties: { room_id: { $ref: '#/components/schemas/RoomId' }, content: { type: 'string', minLength: 1, maxLength: 4000 } } },
      "fc.record({ room_id: RoomId, content: fc.string({ unit: 'binary', minLength: 1, maxLength: 4000 }) })"],
    ['optional properties, one needing quotes', { type: 'object', required: ['a'], properties: { a: { type: 'boolean' }, 'Sec-Key': { type: 'boolean' } } },
      "fc.record({ a: fc.boolean(), 'Sec-Key': fc.boolean() }, { requiredKeys: ['a'] })"],
    ['dependencies and minProperties', { type: 'object', additionalProperties: false, minProperties: 1, dependencies: { room_id: ['seq'], seq: ['room_id'] }, properties: { room_id: { type: 'string' }, seq: { type: 'integer', minimum: 0 } } },
      "someProperties({ room_id: fc.string({ unit: 'binary' }), seq: fc.integer({ min: 0, max: 9007199254740991 }) }, { required: [], dependencies: { room_id: ['seq'], seq: ['room_id'] }, minProperties: 1 })"],
    ['unique scalars', { type: 'array', maxItems: 12, uniqueItems: true, items: { $ref: '#/components/schemas/EventName' } },
      "fc.uniqueArray(EventName, { maxLength: 3, comparator: 'SameValueZero' })"],
    ['unique objects', { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'object', properties: { a: { type: 'null' } } } },
      'fc.uniqueArray(fc.record({ a: fc.constant(null) }, { requiredKeys: [] }), { minLength: 1, selector: canonical })'],
    ['a oneOf told apart by a const', { oneOf: [{ $ref: '#/components/schemas/Circle' }, { $ref: '#/components/schemas/Square' }] }, 'fc.oneof(Circle, Square)'],
    ['a oneOf told apart by a closed branch', { oneOf: [{ $ref: '#/components/schemas/Leaf' }, { $ref: '#/components/schemas/Branch' }] }, 'fc.oneof(Leaf, Branch)'],
    ['a oneOf told apart by type', { oneOf: [{ type: 'string' }, { type: 'integer' }] }, "fc.oneof(fc.string({ unit: 'binary' }), fc.maxSafeInteger())"],
    // Valid values of an open object need no extra keys, whatever schema those keys would have.
    ['an open object whose extra keys are strings', { type: 'object', additionalProperties: { type: 'string' } }, 'fc.record({})'],
    ['a required key without a schema', { type: 'object', required: ['a'] }, 'fc.record({ a: fc.jsonValue() })'],
    ['a schema that says nothing', { description: 'anything' }, 'fc.jsonValue()'],
    // The validators accept any string for a format ajv-formats does not know (with a warning).
    ['a date', { type: 'string', format: 'date' },
      "fc.date({ min: new Date('0001-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))"],
    ['a format the validators do not know', { type: 'string', format: 'x-link', maxLength: 3 }, "fc.string({ unit: 'binary', maxLength: 3 })"],
    ['a described reference', { allOf: [{ $ref: '#/components/schemas/RoomId' }, { description: 'the room' }] }, 'RoomId'],
    ['an allOf of open objects, merged', { allOf: [{ type: 'object', required: ['a'], properties: { a: { type: 'boolean' } } }, { properties: { b: { type: 'null' } } }] },
      "fc.record({ a: fc.boolean(), b: fc.constant(null) }, { requiredKeys: ['a'] })"],
    ['object keywords without type', { properties: { a: { type: 'null' } } }, 'fc.record({ a: fc.constant(null) }, { requiredKeys: [] })'],
    ['a oneOf told apart by a required key the other branch never builds', { oneOf: [{ $ref: '#/components/schemas/Branch' }, { $ref: '#/components/schemas/Circle' }] }, 'fc.oneof(Branch, Circle)'],
    ['a oneOf of open objects, each given a value the other rejects', { oneOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', properties: { b: { type: 'string' } } }] },
      "fc.oneof(fc.record({ a: fc.string({ unit: 'binary' }), b: otherTypes(['string']) }, { requiredKeys: ['b'] }), fc.record({ b: fc.string({ unit: 'binary' }), a: otherTypes(['string']) }, { requiredKeys: ['a'] }))"],
    ['a tuple of at least one item', { type: 'array', items: [{ type: 'boolean' }, { type: 'null' }], minItems: 1, additionalItems: false },
      'fc.oneof(fc.tuple(fc.boolean()), fc.tuple(fc.boolean(), fc.constant(null)))'],
    ['a pair, open at the end', { type: 'array', items: [{ type: 'boolean' }, { type: 'null' }], minItems: 2 }, 'fc.tuple(fc.boolean(), fc.constant(null))'],
    ['an enum of several types', { enum: [1, 'm', null] }, "fc.constantFrom(...([1, 'm', null] as const))"],
    ['not a type', { not: { type: 'integer' } }, "otherTypes(['integer'])"],
    ['not a type, beside types', { type: ['string', 'integer'], maxLength: 2, not: { type: 'integer' } }, "fc.string({ unit: 'binary', maxLength: 2 })"],
    ['not an integer, beside number', { type: 'number', minimum: 0, not: { type: 'integer' } },
      "fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }).filter((v) => typeof v !== 'number' || !Number.isInteger(v))"],
    ['not a const', { type: 'string', not: { const: 'x' } }, "noneOf(fc.string({ unit: 'binary' }), ['x'])"],
    ['not true, decided now', { type: ['boolean', 'null'], not: { const: true } }, 'fc.constantFrom(...([false, null] as const))'],
    ['not among an enum, dropped now', { type: 'string', enum: ['a', 'b', 'c'], not: { enum: ['b'] } }, "fc.constantFrom('a', 'c')"],
    ['not beside an enum by $ref, narrowed now', { allOf: [{ $ref: '#/components/schemas/EventName' }, { not: { const: 'a' } }] }, "fc.constantFrom('b', 'c')"],
    ['not inside a small integer range, narrowed now', { type: 'integer', minimum: 1, maximum: 4, not: { enum: [2, 3] } }, 'fc.constantFrom(1, 4)'],
    ['not outside a small integer range, no filter', { type: 'integer', minimum: 0, maximum: 5, not: { const: 6 } }, 'fc.integer({ min: 0, max: 5 })'],
    ['not beside a pattern of few strings, narrowed now', { type: 'string', pattern: '^(ab)?c$', not: { const: 'c' } }, "fc.constant('abc')"],
    ['decimal multiples', { type: 'number', multipleOf: 0.01, minimum: 0, maximum: 5 },
      'fc.integer({ min: 0, max: 500 }).map((n) => Number((n * 0.01).toFixed(2))).filter((x) => Number.isInteger(x / 0.01))'],
    ['if/then/else on a property const', { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: ['a', 'b'] }, n: { type: 'integer' } }, if: { properties: { kind: { const: 'a' } } }, then: { required: ['n'] }, else: { properties: { n: { maximum: 0 } } } },
      "fc.oneof(fc.record({ kind: fc.constant('a'), n: fc.maxSafeInteger() }), fc.record({ kind: fc.constant('b'), n: fc.integer({ min: -9007199254740991, max: 0 }) }, { requiredKeys: ['kind'] }))"],
  ])('%s', (_name, schema, want) => {
    expect(expression(schema)).toBe(want);
  });
});

describe('unsupported schemas: given a schema, want this problem', () => {
  it.each<[JsonSchema, string]>([
    [{ type: 'string', not: { minLength: 2 } }, 'not: not is supported for a schema that states a type, const or enum (the values it rejects must be known)'],
    [{ type: 'string', not: { type: 'string' } }, 'not: no value of type string satisfies not'],
    [{ type: 'boolean', not: { enum: [true, false] } }, 'not: not excludes every value the schema beside it allows (all 2)'],
    [{ not: { type: ['string', 'number', 'boolean', 'null', 'array', 'object'] } }, 'not: not excludes every JSON type'],
    [{ type: 'integer', if: { minimum: 3 }, then: { maximum: 2 }, else: { minimum: 4 } }, 'if: neither side of if/then/else can be built: join if and then, or else and a way to miss if, into one schema'],
    [{ type: 'string', pattern: '^(a|b)$' }, 'pattern: pattern "^(a|b)$": alternation "|" is not supported'],
    [{ type: 'string', pattern: '^(?=a)b$' }, 'pattern: pattern "^(?=a)b$": look-around and named groups are not supported'],
    [{ type: 'string', pattern: '^[a-z]{3}$', maxLength: 2 }, 'pattern: pattern "^[a-z]{3}$" matches no string of 0 to 2 code points the generator can build'],
    [{ type: 'string', format: 'hostname' }, 'format: format "hostname" is not supported (supported: date-time, date, uri, email, uuid, iri, iri-reference, idn-hostname, idn-email)'],
    [{ type: 'string', format: 'date-time', maxLength: 19 }, 'format: no date-time string has 0 to 19 code points'],
    [{ type: 'string', format: 'uri', maxLength: 20 }, 'format: format uri is supported with minLength up to 11 and maxLength from 64 (generated values are filtered by length), not 0 to 20'],
    [{ type: 'string', format: 'uuid', maxLength: 20 }, 'format: a uuid has 36 code points, not 0 to 20'],
    [{ type: 'number', multipleOf: Math.PI }, 'multipleOf: multipleOf must be a positive integer or a decimal of at most 12 places'],
    [{ type: 'array' }, 'items: an array without items is not supported (its items may be anything)'],
    [{ allOf: [{ type: 'object', additionalProperties: false, properties: { a: { type: 'boolean' } } }, { properties: { b: { type: 'null' } } }] }, 'allOf: keyword "allOf" is not supported by the arbitraries emitter\n: a schema without type, const, enum or $ref is not supported (it allows any value)'],
    [{ allOf: [{ type: 'object', additionalProperties: { type: 'string' } }, { properties: { b: { type: 'null' } } }] }, 'allOf: keyword "allOf" is not supported by the arbitraries emitter\n: a schema without type, const, enum or $ref is not supported (it allows any value)'],
    [{ type: 'array', minItems: 3, uniqueItems: true, items: { type: 'boolean' } }, 'minItems: no array of 3 or more items satisfies the schema'],
    [{ oneOf: [{ type: 'string' }, { type: 'string', maxLength: 1 }] }, 'oneOf: oneOf branches that may overlap are not supported: tell them apart by type, by a required property with a different const in each, by a required property the other branch does not declare, or by a property only the other declares with a type, const or enum'],
    [{ $ref: '#/components/schemas/Nowhere' }, '$ref: $ref "#/components/schemas/Nowhere" does not name a component schema'],
  ])('%j', (schema, want) => {
    expect(expression(schema)).toBe(want);
  });
});

describe('invalid arbitraries: given a schema, want these mutations', () => {
  it.each<[string, JsonSchema, string[]]>([
    ['a patterned id', { type: 'string', minLength: 1, maxLength: 8, pattern: '^[a-z]+$' }, [
      "wrongType(['string'])",
      "invalid('too-long', 'maxLength', fc.string({ unit: chars('abcdefghijklmnopqrstuvwxyz'), minLength: 9, maxLength: 9 }))",
      "invalid('pattern-mismatch', 'pattern', withFirstChar(fc.string({ unit: chars('abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 8 }), fc.constantFrom(' ', '\\u00e9', '\\u{1f600}')))",
    ]],
    ['a date-time', { type: 'string', format: 'date-time', minLength: 20, maxLength: 40 }, [
      "wrongType(['string'])",
      "invalid('too-long', 'maxLength', dateTime(20, 20))",
      "invalid('bad-format', 'format', badDateTime(dateTime(0, 19)))",
    ]],
    ['bounded integers', { type: 'integer', minimum: 1, maximum: 1000 }, [
      "wrongType(['integer'], 1.5)",
      "invalid('above-maximum', 'maximum', fc.constant(1001))",
      "invalid('below-minimum', 'minimum', fc.constant(0))",
    ]],
    ['multiples', { type: 'integer', multipleOf: 5, minimum: 10, exclusiveMaximum: 100 }, [
      "wrongType(['integer'])",
      "invalid('above-maximum', 'exclusiveMaximum', fc.constant(100))",
      "invalid('below-minimum', 'minimum', fc.constant(5))",
      "invalid('not-multiple-of', 'multipleOf', fc.constant(11))",
    ]],
    ['an idn-hostname', { type: 'string', format: 'idn-hostname', maxLength: 100 }, [
      "wrongType(['string'])",
      "invalid('bad-format', 'format', withFirstChar(fc.string({ unit: chars('abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: 41 }), fc.constantFrom('-', '.', ' ', '_')))",
    ]],
    ['an enum', { type: 'string', enum: ['online', 'away'] }, ["wrongType(['string'])", "invalid('enum-violation', 'enum', fc.constantFrom('online_', 'away_'))"]],
    ['a const', { const: 2 }, ["invalid('const-violation', 'const', fc.constant(3))"]],
    ['an object with dependencies', { type: 'object', additionalProperties: false, minProperties: 1, dependencies: { a: ['b'] }, properties: { a: { $ref: '#/components/schemas/A' }, b: { type: 'boolean' } } }, [
      "wrongType(['object'])",
      "withoutProperty(fc.record({ a: A, b: fc.boolean() }), 'b', 'dependencies')",
      "pickProperties(fc.record({ a: A, b: fc.boolean() }), [])",
      "withExtraProperty(fc.record({ a: A, b: fc.boolean() }), ['extra', '__proto__', 'a/b~c'])",
      "inProperty(fc.record({ a: A, b: fc.boolean() }), 'a', invalidA)",
      "inProperty(fc.record({ a: A, b: fc.boolean() }), 'b', wrongType(['boolean']))",
    ]],
    ['an array of unique items', { type: 'array', minItems: 1, maxItems: 3, uniqueItems: true, items: { type: 'integer', minimum: 0, maximum: 9 } }, [
      "wrongType(['array'])",
      "invalid('too-many-items', 'maxItems', fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 4, comparator: 'SameValueZero' }))",
      "invalid('too-few-items', 'minItems', fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 0, comparator: 'SameValueZero' }))",
      "withDuplicateItem(fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 2, comparator: 'SameValueZero' }))",
      "inItem(fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 3, comparator: 'SameValueZero' }), fc.oneof(wrongType(['integer'], 0.5), invalid('above-maximum', 'maximum', fc.constant(10)), invalid('below-minimum', 'minimum', fc.constant(-1))))",
    ]],
  ])('%s', (_name, schema, want) => {
    const ctx = testContext({ A: { type: 'string' } });
    expect(mutations(schema, [], ctx).map((c) => printCode(c, 0, 1000))).toEqual(want);
    expect(ctx.problems).toEqual([]);
  });
});

describe('diagnostics', () => {
  const spec = (schemas: string) => miniSpec({
    channelMessages: `say:\n  $ref: '#/components/messages/say'`,
    operations: `say:\n  action: receive\n  channel:\n    $ref: '#/channels/ws'\n  messages:\n    - $ref: '#/channels/ws/messages/say'`,
    messages: `say:\n  payload:\n    $ref: '#/components/schemas/SayEnvelope'`,
    schemas: `SayEnvelope:\n  type: object\n  additionalProperties: false\n  required: [type]\n  properties:\n    type: { type: string, const: say }\n${schemas}`,
  });

  it.each([
    ['not of a pattern', `    text: { type: string, not: { pattern: '^x' } }`, 'schema SayEnvelope: not is supported for a schema that states a type, const or enum (the values it rejects must be known)', ['components', 'schemas', 'SayEnvelope', 'properties', 'text', 'not']],
    ['not beside minProperties', `    a: { type: boolean }\nObj:\n  type: object\n  minProperties: 1\n  properties:\n    a: { type: string }\n  not: { required: [a] }`,
      'schema Obj: not is supported for a schema that states a type, const or enum (the values it rejects must be known)', ['components', 'schemas', 'Obj', 'not']],
    ['endless recursion', `    a: { $ref: '#/components/schemas/A' }\nA:\n  type: object\n  required: [b]\n  properties:\n    b: { $ref: '#/components/schemas/B' }\nB:\n  type: object\n  required: [a]\n  properties:\n    a: { $ref: '#/components/schemas/A' }`,
      'schema A: the references A -> B -> A never end: every value would be infinite', ['components', 'schemas', 'A']],
  ])('%s is a warning with the schema path, and costs only the schemas it touches', async (name, schemas, message, where) => {
    const file = await specFile(`arbitraries-${name.replace(/ /g, '-')}.yaml`, spec(schemas));
    const { model } = await load(file);
    const result = await arbitrariesEmitter.emit(model, { source: 'spec.yaml', packageName: './generated' });
    const failed = String(where[2]);
    const content = result.files.find((f) => f.path === 'src/arbitraries.ts')?.content ?? '';
    expect(content).not.toMatch(new RegExp(`\\b${failed}: fc\\.Arbitrary`));
    expect(result.diagnostics.map((d) => [d.severity, d.rule, d.message, d.path])).toEqual([
      ['warning', 'switchboard/unsupported-arbitrary', `${message}; it and the schemas using it have no arbitrary`, where],
    ]);
  });
});

describe('the chat fixture', () => {
  let g: Generated;
  beforeAll(async () => {
    g = await generateWithArbitraries(fixture('chat.yaml'), 'arbitraries-chat');
  });

  it('src/arbitraries.ts matches its snapshot and is deterministic', async () => {
    const file = g.files.find((f) => f.path === 'src/arbitraries.ts');
    await expect(file?.content).toMatchFileSnapshot('__snapshots__/chat/src__arbitraries.ts.snap');
    const again = await arbitrariesEmitter.emit(g.model, { source: 'chat.yaml', packageName: './generated' });
    expect(again.files).toEqual([file]);
    expect(g.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('passes tsc --noEmit --strict', async () => {
    expect(await tscStrict(g.out)).toEqual({ code: 0, out: '' });
  });

  it('every message: valid values pass, invalid ones fail as declared', () => {
    expect([...checkEveryMessage(g)].sort()).toEqual([
      'above-maximum', 'bad-format', 'below-minimum', 'duplicate-items', 'enum-violation', 'extra-property',
      'missing-required', 'pattern-mismatch', 'too-long', 'too-many-items', 'too-short', 'wrong-type',
    ]);
  });

  it('strings with no pattern hold characters outside the BMP, counted as one code point each', () => {
    const texts = fc.sample(g.api.arbitraries['SayData'] as fc.Arbitrary<{ text: string }>, { seed: 42, numRuns: 200 }).map((d) => d.text);
    expect(texts.some((t) => [...t].some((c) => (c.codePointAt(0) ?? 0) > 0xffff))).toBe(true);
    expect(texts.every((t) => [...t].length >= 1 && [...t].length <= 10)).toBe(true);
  });
});

describe('the keywords fixture', () => {
  let g: Generated;
  beforeAll(async () => {
    g = await generateWithArbitraries(fixture('arbitraries-keywords.yaml'), 'arbitraries-keywords');
  });

  it('derives every schema without a diagnostic, into code that passes tsc --noEmit --strict', async () => {
    // Neither emitter has anything to report: the `type: 'null'` property is typed `null`, not `any`.
    // The server emitter says why there is no server.ts: the fixture's messages have no envelope `id`.
    expect(g.diagnostics.map((d) => d.rule)).toEqual(['switchboard/not-an-envelope']);
    expect(await tscStrict(g.out)).toEqual({ code: 0, out: '' });
  }, 60_000);

  it('every message: valid values pass, invalid ones fail as declared, and every kind shows up', () => {
    expect([...checkEveryMessage(g, 400)].sort()).toEqual([...INVALID_KINDS].sort());
  });

  it('recursive values end, and nest', () => {
    const depth = (t: { children?: unknown[]; label?: { subtree?: unknown } }): number =>
      1 + Math.max(0, ...(t.children ?? []).map((c) => depth(c as never)), t.label?.subtree ? depth(t.label.subtree as never) : 0);
    const depths = fc.sample(g.api.arbitraries['Tree'] as fc.Arbitrary<never>, { seed: 7, numRuns: 200 }).map(depth);
    expect(Math.max(...depths)).toBeGreaterThan(2);
  });
});

describe('the unions fixture (oneOf, anyOf, a recursive oneOf)', () => {
  it('every message: valid values pass, invalid ones fail as declared', async () => {
    const g = await generateWithArbitraries(fixture('unions.yaml'), 'arbitraries-unions');
    expect(g.diagnostics.filter((d) => d.rule === 'switchboard/unsupported-arbitrary')).toEqual([]);
    expect([...checkEveryMessage(g)].sort()).toEqual(['extra-property', 'missing-required', 'wrong-type']);
  });
});

describe('the real spec', () => {
  let g: Generated;
  beforeAll(async () => {
    g = await generateWithArbitraries(path.join(ROOT, 'asyncapi.yaml'), 'arbitraries-real');
  }, 60_000);

  it('derives every schema without a diagnostic, into code that passes tsc --noEmit --strict', async () => {
    expect(g.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(g.files.some((f) => f.path === 'src/arbitraries.ts')).toBe(true);
    expect(await tscStrict(g.out)).toEqual({ code: 0, out: '' });
  }, 60_000);

  it('every message: valid values pass, invalid ones fail as declared', () => {
    const kinds = checkEveryMessage(g);
    // No const but the routing `type` (kept), no multipleOf: every other kind shows up.
    expect([...kinds].sort()).toEqual([
      'above-maximum', 'bad-format', 'below-minimum', 'duplicate-items', 'enum-violation', 'extra-property', 'missing-required',
      'pattern-mismatch', 'too-few-items', 'too-few-properties', 'too-long', 'too-many-items', 'too-short', 'wrong-type',
    ]);
  }, 60_000);

  it('a free-text string holds characters outside the BMP', () => {
    const names = fc.sample(g.api.arbitraries['Username'] as fc.Arbitrary<string>, { ...RUNS, numRuns: 200 });
    expect(names.some((t) => [...t].some((c) => (c.codePointAt(0) ?? 0) > 0xffff))).toBe(true);
  });
});
