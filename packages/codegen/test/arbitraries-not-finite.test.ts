/**
 * A `not` of constants beside a schema of few values (booleans, a small enum or integer range, a
 * `$ref` to an enum, a pattern of few strings): the arbitraries narrow the base to the values the
 * `not` leaves instead of filtering, so they produce values at once however many the `not`
 * excludes; a `not` that excludes all of them is a finding at the `not` (with its rule, file, line
 * and column) and no arbitrary, never a generator that spins. Each derived arbitrary is run in a
 * `vm` context with a time limit, so one that spins fails here instead of hanging the suite.
 */
import vm from 'node:vm';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { runPipeline, type Diagnostic } from '../src/index.js';
import { mutations } from '../src/emit/arbitraries/invalid.js';
import { helpersFor } from '../src/emit/arbitraries/runtime.js';
import { validArbitrary } from '../src/emit/arbitraries/valid.js';
import { printCode, type Code } from '../src/lib/code.js';
import type { JsonSchema, JsonValue } from '../src/model.js';
import { testContext } from './arbitraries-support.js';
import { specFile } from './helpers.js';

const LEVELS = ['debug', 'info', 'warn', 'error'];
const SCHEMAS: Record<string, JsonSchema> = { Level: { type: 'string', enum: LEVELS } };
const LEVEL_REF = '#/components/schemas/Level';

/** A schema of few values and every one of them. */
interface Finite { readonly base: JsonSchema; readonly domain: readonly JsonValue[] }

const finite: fc.Arbitrary<Finite> = fc.oneof(
  fc.constant({ base: { type: 'boolean' }, domain: [true, false] }),
  fc.constant({ base: { type: ['boolean', 'null'] }, domain: [true, false, null] }),
  fc.uniqueArray(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 5 }).map((values) => ({ base: { enum: values }, domain: values })),
  fc.tuple(fc.integer({ min: -5, max: 5 }), fc.nat(6)).map(([lo, n]) => ({
    base: { type: 'integer', minimum: lo, maximum: lo + n },
    domain: Array.from({ length: n + 1 }, (_, i) => lo + i),
  })),
  fc.constant({ base: { $ref: LEVEL_REF }, domain: LEVELS }),
  fc.constant({ base: { allOf: [{ $ref: LEVEL_REF }, { enum: ['info', 'warn', 'error'] }] }, domain: ['info', 'warn', 'error'] }),
  fc.constant({ base: { type: 'string', pattern: '^[ab]{1,2}$' }, domain: ['a', 'b', 'aa', 'ab', 'ba', 'bb'] }),
);

/** A finite schema with `not` of some of its values (a `const` for one, else an `enum`), and what is left. */
const negated = finite.chain(({ base, domain }) =>
  fc.tuple(fc.subarray([...domain], { minLength: 1 }), fc.boolean()).map(([excluded, asConst]) => ({
    schema: { ...base, not: excluded.length === 1 && asConst ? { const: excluded[0] ?? null } : { enum: excluded } } as JsonSchema,
    left: domain.filter((v) => !excluded.includes(v)),
  })));

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'components', definitions: SCHEMAS });
const validate = (schema: JsonSchema) => ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll(LEVEL_REF, 'components#/definitions/Level')) as object);

/**
 * Runs `expression` (with the helpers it calls and the component arbitraries it names) in a fresh
 * `vm` context with fast-check, and returns 50 of its values; throws after five seconds (a spinning filter).
 */
function sample(expression: Code): unknown[] {
  const derive = testContext(SCHEMAS);
  const components = Object.entries(SCHEMAS).flatMap(([name, schema]) => {
    const valid = validArbitrary(schema, [], derive);
    const invalid = mutations(schema, [], derive);
    return [`const ${name} = ${printCode(valid as Code, 0, 1000)};`, `const invalid${name} = fc.oneof(${invalid.map((c) => printCode(c, 0, 1000)).join(', ')});`];
  });
  const text = printCode(expression, 0, 1000);
  const helpers = helpersFor([...components, text].join('\n')).map((h) => h.code);
  const source = [...helpers, ...components, `fc.sample(${text}, { numRuns: 50, seed: 7 });`].join('\n');
  const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  return vm.runInNewContext(js, { fc }, { timeout: 5000 }) as unknown[];
}

describe('a not of constants beside a schema of few values', () => {
  it('gives values at once, only those the not leaves; invalid values too; or, with none left, a finding at the not', () => {
    fc.assert(fc.property(negated, ({ schema, left }) => {
      const ctx = testContext(SCHEMAS);
      const valid = validArbitrary(schema, [], ctx);
      if (left.length === 0) {
        expect(valid).toBeNull();
        expect(ctx.problems).toEqual([expect.stringMatching(/^not: not excludes every value/)]);
        return;
      }
      expect(ctx.problems).toEqual([]);
      const values = sample(valid as Code);
      const check = validate(schema);
      for (const v of values) expect(check(v), JSON.stringify(v)).toBe(true);
      expect(values.every((v) => left.includes(v as JsonValue))).toBe(true);
      const invalid = mutations(schema, [], ctx);
      if (invalid.length === 0) return;
      for (const bad of sample({ kind: 'call', callee: { kind: 'raw', text: 'fc.oneof' }, args: invalid }) as { value: unknown }[]) {
        expect(check(bad.value), JSON.stringify(bad.value)).toBe(false);
      }
    }), { numRuns: 300, seed: 20250108, endOnFailure: true });
  });

  it('bound integers beside a not of a constant past them keep their out-of-bounds mutations apart from it', () => {
    const schema: JsonSchema = { type: 'integer', minimum: 0, maximum: 5, not: { enum: [-1, 6] } };
    const ctx = testContext(SCHEMAS);
    expect(printCode(validArbitrary(schema, [], ctx) as Code, 0, 1000)).toBe('fc.integer({ min: 0, max: 5 })');
    const bad = sample({ kind: 'call', callee: { kind: 'raw', text: 'fc.oneof' }, args: mutations(schema, [], ctx) }) as { value: unknown }[];
    expect(bad.every((b) => !validate(schema)(b.value))).toBe(true);
  });

  it('that excludes every value is reported with its rule at the file, line and column of the not', async () => {
    const file = await specFile('not-every-value.yaml', [
      'asyncapi: 3.0.0',
      'info: { title: Not every value, version: 1.0.0 }',
      'channels:',
      '  ws:',
      '    address: /ws',
      '    messages:',
      '      flag: { payload: { $ref: "#/components/schemas/Flag" } }',
      'operations:',
      '  flag:',
      '    action: receive',
      '    channel: { $ref: "#/channels/ws" }',
      '    messages: [{ $ref: "#/channels/ws/messages/flag" }]',
      'components:',
      '  schemas:',
      '    Flag:',
      '      type: object',
      '      properties:',
      '        on: { $ref: "#/components/schemas/On" }',
      '        level: { $ref: "#/components/schemas/Quiet" }',
      '        small: { $ref: "#/components/schemas/Small" }',
      '    On: { const: a, not: { const: a } }',
      '    Quiet:',
      '      allOf:',
      '        - $ref: "#/components/schemas/Level"',
      '        - not: { enum: [debug, info, warn, error] }',
      '    Small: { type: integer, minimum: 1, maximum: 3, not: { enum: [1, 2, 3] } }',
      '    Level: { type: string, enum: [debug, info, warn, error] }',
      '',
    ].join('\n'));
    const run = await runPipeline(file, { reuse: false });
    const found = run.result.diagnostics.filter((d: Diagnostic) => d.rule === 'switchboard/unsupported-arbitrary');
    expect(found.map((d) => [d.severity, `${d.line}:${d.column}`, d.message])).toEqual([
      ['warning', '21:21', 'schema On: not excludes every value of the const or enum beside it; it and the schemas using it have no arbitrary'],
      ['warning', '22:5', 'schema Quiet: not excludes every value of the const or enum beside it; it and the schemas using it have no arbitrary'],
      ['warning', '26:53', 'schema Small: not excludes every value the schema beside it allows (all 3); it and the schemas using it have no arbitrary'],
    ]);
  }, 60_000);
});
