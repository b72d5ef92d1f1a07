/**
 * Invalid values (JSON Schema draft 07 validation keywords): for a schema, arbitraries of values
 * that break exactly one keyword, each tagged with its kind, the keyword and the JSON pointer a
 * validator reports. One exception is certain all the same: a value of the wrong type also fails
 * `enum`/`const` when the schema has them, and validators check `type` first.
 *
 * Values are built from a valid one and one change, so everything else about them stays valid:
 * nested changes go through `inProperty`/`inItem` with the child schema's own invalid values.
 * Not mutated: inside `oneOf`/`anyOf` (which branch a validator reports is not defined), `if`, and
 * through a `$ref` back into the same recursive group (it would never end).
 */
import type { JsonSchema, JsonValue, SpecPath } from '../../model.js';
import { isRecord, refName } from '../../load/schemas.js';
import { array, call, json, object, quote, raw, type Code } from '../../lib/code.js';
import { hasType, jsonTypeOf, typesOf, type DeriveContext, type JsonType } from './context.js';
import { stringMutations } from './strings.js';
import { notMutations } from './negate.js';
import {
  arrayArbitrary, fieldsOf, validArbitrary, itemCounts, needsPresenceRules, numberRange, objectArbitrary, objectShape, type ObjectShape,
} from './valid.js';

export interface MutationOptions {
  /** A property whose `const` routes the message (`type`): changing it is not a mutation but another message. */
  readonly discriminator?: string;
  /** The valid arbitrary of this very schema, when it is a named const (else it is derived inline). */
  readonly self?: Code;
  /** A const of every property's arbitrary, for objects with presence rules. */
  readonly fields?: Code;
  /**
   * Values a `not` beside the schema may match: a mutation of one constant that is one of them
   * would be filtered out every time (negate.ts keeps only values the `not` rejects), so none is made.
   */
  readonly ruledOut?: (value: JsonValue) => boolean;
}

/** Arbitraries of `InvalidValue`, one per mutation (or group of them), for the schema. */
export function mutations(schema: JsonValue, at: SpecPath, ctx: DeriveContext, options: MutationOptions = {}): Code[] {
  if (!isRecord(schema)) return [];
  const s = schema as JsonSchema;
  const ref = refName(s);
  if (ref !== null) {
    const target = ctx.invalidRef(ref);
    return target ? [target] : [];
  }
  if ('oneOf' in s || 'anyOf' in s) return [];
  // Which keyword a validator names for a value breaking then or else is `if`'s business: not mutated.
  if ('if' in s) return [];
  if ('not' in s) return notMutations(s, at, ctx, validArbitrary, (rest, ruledOut) => mutations(rest, at, ctx, { ...options, ruledOut }));
  const types = typesOf(s);
  const out: Code[] = [];
  const kept = (value: JsonValue): boolean => !(options.ruledOut?.(value) ?? false);
  if (types) out.push(wrongType(s, types, at, ctx));
  if ('const' in s) {
    const other = otherThan([s['const'] ?? null]);
    if (other !== undefined && kept(other)) out.push(invalid('const-violation', 'const', call('fc.constant', json(other))));
    return out;
  }
  if (Array.isArray(s['enum'])) {
    const values = s['enum'] as JsonValue[];
    const misses = nearMisses(values).filter(kept);
    if (misses.length > 0) out.push(invalid('enum-violation', 'enum', call('fc.constantFrom', ...misses.map(json))));
    return out;
  }
  for (const type of types ?? []) {
    if (type === 'string') {
      for (const [kind, keyword, values] of stringMutations(s, at, ctx)) out.push(invalid(kind, keyword, values));
    } else if (type === 'integer' || type === 'number') {
      out.push(...numberMutations(s, type, at, ctx, kept));
    } else if (type === 'array') {
      out.push(...arrayMutations(s, at, ctx));
    } else if (type === 'object') {
      out.push(...objectMutations(s, at, ctx, options));
    }
  }
  return out;
}

function invalid(kind: string, keyword: string, values: Code): Code {
  return call('invalid', raw(quote(kind)), raw(quote(keyword)), values);
}

function wrongType(s: JsonSchema, types: readonly JsonType[], at: SpecPath, ctx: DeriveContext): Code {
  const args: Code[] = [array(types.map((t) => raw(quote(t))))];
  if (types.includes('integer') && !types.includes('number') && s['multipleOf'] === undefined) {
    // A fraction inside the bounds fails `type` only.
    const r = numberRange(s, 'integer', at, ctx);
    const fraction = r && r.min < r.max ? (r.min === Number.MIN_SAFE_INTEGER ? 0.5 : r.min + 0.5) : undefined;
    if (fraction !== undefined) args.push(json(fraction));
  }
  return call('wrongType', ...args);
}

/** A value of the same JSON type as `values[0]` that is none of them. */
function otherThan(values: readonly JsonValue[]): JsonValue | undefined {
  const v = values[0];
  const taken = new Set(values.map((x) => JSON.stringify(x)));
  const free = (x: JsonValue): boolean => !taken.has(JSON.stringify(x));
  if (typeof v === 'string') return [`${v}_`, `${v}__`, ''].find(free);
  if (typeof v === 'number') return [v + 1, v - 1, v + 2].find(free);
  if (typeof v === 'boolean') return [!v].find(free);
  return undefined; // null, arrays and objects: their wrong-type values already differ
}

/** Up to three values of the members' type that are not members: each member with a suffix, or one past them. */
function nearMisses(values: readonly JsonValue[]): JsonValue[] {
  if (values.length === 0) return [];
  const type = jsonTypeOf(values[0] ?? null);
  if (!values.every((v) => jsonTypeOf(v) === type)) return [];
  const taken = new Set(values.map((x) => JSON.stringify(x)));
  const out: JsonValue[] = [];
  if (type === 'string') {
    for (const v of values.slice(0, 3)) {
      const miss = [`${v as string}_`, (v as string).toLowerCase(), (v as string).toUpperCase()].find((m) => !taken.has(JSON.stringify(m)) && !out.includes(m));
      if (miss !== undefined) out.push(miss);
    }
  } else if (type === 'integer' || type === 'number') {
    const nums = values as number[];
    for (const miss of [Math.max(...nums) + 1, Math.min(...nums) - 1]) if (!taken.has(JSON.stringify(miss))) out.push(miss);
  } else {
    const other = otherThan(values);
    if (other !== undefined) out.push(other);
  }
  return out;
}

/**
 * Numbers one step past each bound (the next integer, or the next multiple with `multipleOf`; the
 * exclusive bound itself), and a non-multiple inside them, each kept only when it breaks that one keyword.
 */
function numberMutations(s: JsonSchema, type: 'integer' | 'number', at: SpecPath, ctx: DeriveContext, kept: (value: number) => boolean): Code[] {
  const r = numberRange(s, type, at, ctx);
  if (r === null) return [];
  const step = r.multipleOf ?? 1;
  const grid = (v: number, up: boolean): number => (type === 'integer' || r.multipleOf !== undefined ? (up ? Math.ceil(v / step) : Math.floor(v / step)) * step : v);
  const candidates: [string, string, number | undefined][] = [];
  const num = (k: string): number | undefined => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
  const maximum = num('maximum');
  const minimum = num('minimum');
  const exMax = num('exclusiveMaximum');
  const exMin = num('exclusiveMinimum');
  if (maximum !== undefined) candidates.push(['above-maximum', 'maximum', grid(Math.floor(maximum / step) * step + step, true)]);
  if (exMax !== undefined) candidates.push(['above-maximum', 'exclusiveMaximum', grid(exMax, true)]);
  if (minimum !== undefined) candidates.push(['below-minimum', 'minimum', grid(Math.ceil(minimum / step) * step - step, false)]);
  if (exMin !== undefined) candidates.push(['below-minimum', 'exclusiveMinimum', grid(exMin, false)]);
  if (r.multipleOf !== undefined && r.multipleOf > 1) {
    const first = Math.ceil(r.min / r.multipleOf) * r.multipleOf;
    candidates.push(['not-multiple-of', 'multipleOf', first + 1 <= r.max ? first + 1 : undefined]);
  }
  const out: Code[] = [];
  for (const [kind, keyword, value] of candidates) {
    if (value === undefined || !Number.isFinite(value) || !kept(value)) continue;
    const broken = numberViolations(s, type, value);
    if (broken.length === 1 && broken[0] === keyword) out.push(invalid(kind, keyword, call('fc.constant', json(value))));
  }
  return out;
}

/** The keywords of a number schema that `value` breaks. */
export function numberViolations(s: JsonSchema, type: 'integer' | 'number', value: number): string[] {
  const out: string[] = [];
  const num = (k: string): number | undefined => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
  if (!hasType(value, [type])) out.push('type');
  const check = (k: string, ok: (b: number) => boolean): void => {
    const b = num(k);
    if (b !== undefined && !ok(b)) out.push(k);
  };
  check('maximum', (b) => value <= b);
  check('minimum', (b) => value >= b);
  check('exclusiveMaximum', (b) => value < b);
  check('exclusiveMinimum', (b) => value > b);
  check('multipleOf', (b) => Number.isInteger(value / b));
  return out;
}

function arrayMutations(s: JsonSchema, at: SpecPath, ctx: DeriveContext): Code[] {
  const counts = itemCounts(s, at, ctx);
  const items = s['items'];
  const out: Code[] = [];
  const sized = (min: number, max: number): Code | null => (min > max ? null : arrayArbitrary(s, at, ctx, { min, max }, false));
  if (counts.max !== Infinity) {
    const tooMany = sized(counts.max + 1, counts.max + 1);
    if (tooMany) out.push(invalid('too-many-items', 'maxItems', tooMany));
  }
  if (counts.min > 0) {
    const tooFew = sized(counts.min - 1, counts.min - 1);
    if (tooFew) out.push(invalid('too-few-items', 'minItems', tooFew));
  }
  if (s['uniqueItems'] === true && items !== undefined) {
    // n distinct items, then a copy of one: n + 1 items, within minItems..maxItems.
    const base = sized(Math.max(counts.min - 1, 1), counts.max - 1);
    if (base) out.push(call('withDuplicateItem', base));
  }
  if (items !== undefined && !Array.isArray(items)) {
    const children = mutations(items, [...at, 'items'], ctx);
    const base = sized(Math.max(counts.min, 1), counts.max);
    if (children.length > 0 && base) out.push(nested('inItem', base, null, children));
  }
  return out;
}

/** How many single mutations an arbitrary of invalid values chooses from (1 unless recorded). */
const LEAVES = new WeakMap<Code, number>();

export function leavesOf(code: Code): number {
  return LEAVES.get(code) ?? 1;
}

/** Records that `code` chooses from `leaves` mutations, e.g. the const of another schema's invalid values. */
export function withLeaves(code: Code, leaves: number): Code {
  LEAVES.set(code, leaves);
  return code;
}

/**
 * One of several arbitraries of invalid values, each weighted by the mutations it holds, so
 * that every single mutation of a message is about as likely as any other, however deep.
 */
export function oneOf(codes: readonly Code[]): Code {
  const total = codes.reduce((n, c) => n + leavesOf(c), 0);
  if (codes.length === 1) return codes[0] as Code;
  const weighted = codes.map((c) => (leavesOf(c) === 1 ? c : object([['arbitrary', c], ['weight', json(leavesOf(c))]])));
  return withLeaves(call('fc.oneof', ...weighted), total);
}

function nested(helper: string, base: Code, key: Code | null, children: readonly Code[]): Code {
  const child = oneOf(children);
  return withLeaves(call(helper, base, ...(key ? [key] : []), child), leavesOf(child));
}

function objectMutations(s: JsonSchema, at: SpecPath, ctx: DeriveContext, options: MutationOptions): Code[] {
  const shape = objectShape(s, at, ctx);
  if (shape === null) return [];
  const presence = needsPresenceRules(shape);
  // With presence rules, changes start from an object with every property, so that none is missing.
  const fields = options.fields ?? (presence ? fieldsOf(shape, at, ctx) : null);
  const full = presence && fields ? call('fc.record', fields) : null;
  const self = options.self ?? objectArbitrary(s, at, ctx);
  const base = full ?? self;
  if (base === null) return [];
  const count = presence ? shape.properties.length : shape.required.length;
  const targets = new Set([...shape.dependencies.values()].flat());
  const out: Code[] = [];
  for (const key of shape.required) {
    // Without `key`, still enough properties and no dependency broken: only `required` fails.
    if (!targets.has(key) && count - 1 >= shape.minProperties) out.push(call('withoutProperty', base, raw(quote(key)), raw("'required'")));
  }
  for (const key of [...targets].sort()) {
    if (!shape.required.includes(key) && full && shape.properties.length - 1 >= shape.minProperties) {
      out.push(call('withoutProperty', full, raw(quote(key)), raw("'dependencies'")));
    }
  }
  if (shape.minProperties > 0 && full) {
    const keep = closedSubset(shape, shape.minProperties - 1);
    if (keep) out.push(call('pickProperties', full, array(keep.map(json))));
  }
  if (shape.closed) {
    const declared = new Set(shape.properties.map(([k]) => k));
    const extras = ['extra', '__proto__', 'a/b~c'].filter((k) => !declared.has(k));
    out.push(call('withExtraProperty', base, array(extras.map(json))));
  }
  for (const [key, schema] of shape.properties) {
    const where = [...at, 'properties', key];
    const own = key === options.discriminator ? discriminatorMutations(schema, where, ctx) : mutations(schema, where, ctx);
    if (own.length > 0) out.push(nested('inProperty', base, raw(quote(key)), own));
  }
  return out;
}

/** The routing property keeps its wrong-type change; another `const` would be another message. */
function discriminatorMutations(schema: JsonValue, at: SpecPath, ctx: DeriveContext): Code[] {
  if (!isRecord(schema)) return [];
  const types = typesOf(schema as JsonSchema);
  return types ? [wrongType(schema as JsonSchema, types, at, ctx)] : [];
}

/** `size` property names, closed under `dependencies` and holding every required one; `null` if none is found. */
function closedSubset(shape: ObjectShape, size: number): string[] | null {
  const close = (keys: Iterable<string>): Set<string> => {
    const set = new Set<string>();
    const add = (k: string): void => {
      if (set.has(k)) return;
      set.add(k);
      for (const d of shape.dependencies.get(k) ?? []) add(d);
    };
    for (const k of keys) add(k);
    return set;
  };
  let chosen = close(shape.required);
  for (const [name] of shape.properties) {
    if (chosen.size >= size) break;
    const next = close([...chosen, name]);
    if (next.size <= size) chosen = next;
  }
  return chosen.size === size ? shape.properties.map(([k]) => k).filter((k) => chosen.has(k)) : null;
}
