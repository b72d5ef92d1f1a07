/**
 * Finite domains (JSON Schema draft 07 validation keywords): every value a schema allows, listed
 * at generate time when they are few and known exactly. A `not` beside such a schema is decided
 * by dropping the values it rules out (negate.ts), never by a filter that could reject all of
 * them: `{ type: boolean, not: { const: true } }` is `false`, `{ $ref: Level, not: { enum: [...] } }`
 * the levels left, and a schema with none left is reported where it is written.
 */
import type { JsonSchema, JsonValue } from '../../model.js';
import { isRecord, refName } from '../../load/schemas.js';
import { bound, count, hasType, isAnnotation, resolve, typesOf, type DeriveContext, type JsonType } from './context.js';
import { mergeAllOf } from './merge.js';
import { parseRegexSubset, setText, size, type RegexNode } from '../../lib/regex-subset.js';

/** The most values a domain is listed with; a larger one is generated and filtered (a `not` then rejects little). */
export const MAX_LISTED_VALUES = 256;

/** Keywords a listed domain may be stated with, besides annotations; any other makes it unknown. */
const LISTABLE = new Set([
  '$ref', 'allOf', 'anyOf', 'oneOf', 'type', 'const', 'enum',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'items', 'additionalItems', 'uniqueItems',
  'properties', 'additionalProperties', 'required', 'minProperties', 'maxProperties',
]);

/** Every value `schema` allows, in a stable order, when there are at most MAX_LISTED_VALUES; else `null`. */
export function finiteDomain(schema: JsonValue, ctx: Pick<DeriveContext, 'schemas'>, depth = 0): JsonValue[] | null {
  if (schema === false) return [];
  if (!isRecord(schema) || depth > 16) return null;
  const s = schema as JsonSchema;
  const keys = Object.keys(s).filter((k) => !isAnnotation(k));
  if (!keys.every((k) => LISTABLE.has(k))) return null;
  if ('$ref' in s) {
    if (keys.length > 1 || refName(s) === null) return null;
    const target = resolve(s, ctx);
    return target === null ? null : finiteDomain(target, ctx, depth + 1);
  }
  if ('allOf' in s) {
    const merged = mergeAllOf(s, ctx);
    return merged === null ? null : finiteDomain(merged, ctx, depth + 1);
  }
  const types = typesOf(s);
  if ('type' in s && types === null) return null;
  const listed = listedValues(s, keys, ctx, depth);
  if (listed !== undefined) return listed === null ? null : small(listed.filter((v) => types === null || hasType(v, types)));
  if (types === null) return null;
  const parts = types.map((t) => typedDomain(s, t));
  return parts.some((p) => p === null) ? null : small(unique((parts as JsonValue[][]).flat()));
}

/**
 * The values of `const`, `enum`, `anyOf` or `oneOf` (only beside `type`), `null` when they are
 * not all known, `undefined` when the schema states none of them.
 */
function listedValues(s: JsonSchema, keys: readonly string[], ctx: Pick<DeriveContext, 'schemas'>, depth: number): JsonValue[] | null | undefined {
  const keyword = ['const', 'enum', 'anyOf', 'oneOf'].find((k) => k in s);
  if (keyword === undefined) return undefined;
  if (keys.some((k) => k !== keyword && k !== 'type')) return null;
  if (keyword === 'const') return [s['const'] ?? null];
  const given = s[keyword];
  if (!Array.isArray(given)) return null;
  if (keyword === 'enum') return unique(given as JsonValue[]);
  const branches = (given as JsonValue[]).map((b) => finiteDomain(b, ctx, depth + 1));
  if (branches.some((b) => b === null)) return null;
  const lists = (branches as JsonValue[][]).map(unique);
  const all = unique(lists.flat());
  // `oneOf` allows a value exactly one branch allows; `anyOf`, one any branch does.
  return keyword === 'anyOf' ? all : all.filter((v) => lists.filter((l) => l.some((x) => same(x, v))).length === 1);
}

/** The values of one JSON type the schema allows, or `null` when they are many or not known. */
function typedDomain(s: JsonSchema, type: JsonType): JsonValue[] | null {
  switch (type) {
    case 'boolean': return [true, false];
    case 'null': return [null];
    case 'integer':
    case 'number': return numbers(s, type);
    case 'string': return strings(s);
    case 'array': return count(s, 'maxItems') === 0 && !(count(s, 'minItems') ?? 0) ? [[]] : null;
    case 'object': return emptyObjectOnly(s) ? [{}] : null;
  }
}

/** The strings of a pattern anchored at both ends whose language is small, or of `maxLength: 0`, within the lengths. */
function strings(s: JsonSchema): JsonValue[] | null {
  const min = count(s, 'minLength') ?? 0;
  const max = count(s, 'maxLength') ?? Infinity;
  if (min === null || max === null) return null;
  const pattern = s['pattern'];
  if (pattern === undefined) return max === 0 && min === 0 ? [''] : null;
  const parsed = typeof pattern === 'string' ? parseRegexSubset(pattern) : null;
  if (parsed === null || 'error' in parsed || !parsed.anchoredStart || !parsed.anchoredEnd) return null;
  const all = language(parsed.body);
  return all === null ? null : all.filter((text) => Array.from(text).length >= min && Array.from(text).length <= max);
}

/** Every string a sequence of pattern nodes matches, when there are at most MAX_LISTED_VALUES; else `null`. */
function language(nodes: readonly RegexNode[]): string[] | null {
  let out: string[] | null = [''];
  for (const node of nodes) {
    if (node.max === Infinity) return null;
    const one = node.kind === 'chars' ? (size(node.set) <= MAX_LISTED_VALUES ? Array.from(setText(node.set)) : null) : language(node.body);
    if (one === null) return null;
    // The strings of `min` to `max` repetitions, each repetition any string of `one`.
    const repeated: string[] = [];
    let run: string[] = [''];
    for (let k = 0; ; k++) {
      if (k >= node.min) repeated.push(...run);
      if (k >= node.max) break;
      const next = product(run, one);
      if (next === null) return null;
      run = next;
    }
    out = product(out, [...new Set(repeated)]);
    if (out === null) return null;
  }
  return [...new Set(out)];
}

/** Every head followed by every tail; `null` past MAX_LISTED_VALUES strings. */
function product(heads: readonly string[], tails: readonly string[]): string[] | null {
  if (heads.length * tails.length > MAX_LISTED_VALUES) return null;
  return heads.flatMap((h) => tails.map((t) => h + t));
}

/** The numbers within the bounds: integers (or multiples of an integer `multipleOf`), or the one number two equal bounds allow. */
function numbers(s: JsonSchema, type: 'integer' | 'number'): JsonValue[] | null {
  const [minimum, maximum, exMin, exMax, step] = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'].map((k) => bound(s, k));
  if ([minimum, maximum, exMin, exMax, step].includes(null)) return null;
  const integral = type === 'integer' || (step !== undefined && step !== null && Number.isInteger(step));
  if (!integral) {
    // Only `minimum` = `maximum` leaves a number type one value (and `multipleOf` must allow it).
    const only = minimum !== undefined && minimum === maximum && exMin === undefined && exMax === undefined ? minimum : null;
    return only !== null && (step === undefined || (step !== null && Number.isInteger(only / step))) ? [only] : null;
  }
  const m = step ?? 1;
  if (m <= 0 || (step !== undefined && !Number.isInteger(m))) return null;
  const lows = [minimum === undefined || minimum === null ? -Infinity : Math.ceil(minimum), exMin === undefined || exMin === null ? -Infinity : Math.floor(exMin) + 1];
  const highs = [maximum === undefined || maximum === null ? Infinity : Math.floor(maximum), exMax === undefined || exMax === null ? Infinity : Math.ceil(exMax) - 1];
  const first = Math.ceil(Math.max(...lows) / m);
  const last = Math.floor(Math.min(...highs) / m);
  if (!Number.isFinite(first) || !Number.isFinite(last)) return null;
  if (last - first + 1 > MAX_LISTED_VALUES) return null;
  const out: number[] = [];
  for (let n = first; n <= last; n++) out.push(n * m === 0 ? 0 : n * m);
  return out;
}

/** Whether the object schema allows `{}` and nothing else. */
function emptyObjectOnly(s: JsonSchema): boolean {
  const required = s['required'];
  if (Array.isArray(required) && required.length > 0) return false;
  if ((count(s, 'minProperties') ?? 0) > 0) return false;
  if (count(s, 'maxProperties') === 0) return true;
  const props = isRecord(s['properties']) ? Object.values(s['properties'] as Record<string, JsonValue>) : [];
  return s['additionalProperties'] === false && props.every((p) => p === false);
}

function same(a: JsonValue, b: JsonValue): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with sorted keys: equal for values JSON Schema deems equal. */
function canonical(value: JsonValue): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v);
}

function unique(values: readonly JsonValue[]): JsonValue[] {
  return [...new Map(values.map((v) => [canonical(v), v])).values()];
}

function small(values: JsonValue[]): JsonValue[] | null {
  return values.length <= MAX_LISTED_VALUES ? values : null;
}
