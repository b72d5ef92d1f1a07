/**
 * Conjunctions of schemas for the derivations (JSON Schema draft 07 `allOf`, and the branches
 * `if`/`then`/`else` and `oneOf` are turned into): one schema whose values satisfy every part,
 * or `null` when the parts cannot be joined exactly. Keywords are independent of each other in
 * draft 07 except `additionalProperties` (it reads `properties`) and `then`/`else` (they read
 * `if`), so a keyword only one part states is kept as it is, and one several parts state is
 * joined by its own rule below.
 */
import type { JsonSchema, JsonValue } from '../../model.js';
import { isRecord } from '../../load/schemas.js';
import { hasType, isAnnotation, resolve, typesOf, type DeriveContext, type JsonType } from './context.js';

/** Keywords that bound from below (the larger value wins) and from above (the smaller wins). */
const LOWER = new Set(['minLength', 'minItems', 'minProperties', 'minimum', 'exclusiveMinimum']);
const UPPER = new Set(['maxLength', 'maxItems', 'maxProperties', 'maximum', 'exclusiveMaximum']);
/** Keywords whose meaning depends on a sibling, or that combine branches: joined only when one part states them. */
const ALONE = new Set(['additionalProperties', 'oneOf', 'anyOf', 'allOf', 'if', 'then', 'else', 'not', 'items', 'patternProperties']);

/**
 * `allOf` of one schema and annotations, as that schema (a described `$ref` stays a `$ref`);
 * otherwise the conjunction of the schema's own keywords and every branch.
 */
export function mergeAllOf(s: JsonSchema, ctx: Pick<DeriveContext, 'schemas'>): JsonValue | null {
  const branches = s['allOf'];
  if (!Array.isArray(branches)) return null;
  const own: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(s)) if (k !== 'allOf' && !isAnnotation(k)) own[k] = v;
  // Branches of only annotations (`allOf: [{ $ref }, { description }]`, a described reference) constrain nothing.
  const substantive = [own, ...branches].filter((b) => !isRecord(b) || !Object.keys(b).every(isAnnotation));
  if (substantive.length === 1) return substantive[0] as JsonValue;
  return conjunction([own, ...branches], ctx);
}

/** One schema whose values satisfy every part; `null` when they cannot be joined exactly. */
export function conjunction(parts: readonly JsonValue[], ctx: Pick<DeriveContext, 'schemas'>): JsonSchema | null {
  const resolved: JsonSchema[] = [];
  for (const p of parts) {
    if (p === true) continue;
    const r = resolve(p, ctx);
    if (r === null) return null;
    const inner = 'allOf' in r ? mergeAllOf(r, ctx) : r;
    if (!isRecord(inner)) return null;
    resolved.push(inner as JsonSchema);
  }
  const out: Record<string, JsonValue> = {};
  const keys = [...new Set(resolved.flatMap((r) => Object.keys(r).filter((k) => !isAnnotation(k))))];
  const objectLike = keys.some((k) => k === 'properties' || k === 'required');
  for (const key of keys) {
    const values = resolved.filter((r) => key in r).map((r) => r[key] as JsonValue);
    const joined = join(key, values, resolved);
    if (joined === undefined) return null;
    out[key] = joined;
  }
  // Values written from `enum`/`const` must still have the joined type.
  if (!finishConstants(out)) return null;
  // An object made of property-only parts is an object, as the parts' own objects were.
  if (objectLike && !('type' in out) && resolved.every((r) => r['type'] === undefined || r['type'] === 'object')) return { type: 'object', ...out };
  return out;
}

/** The joined value of `key` (`null` is one: `const: null`), `undefined` when the parts cannot be joined. */
function join(key: string, values: readonly JsonValue[], parts: readonly JsonSchema[]): JsonValue | undefined {
  const same = values.every((v) => JSON.stringify(v) === JSON.stringify(values[0]));
  if (key === 'type') return joinTypes(parts);
  if (key === 'properties') return joinProperties(values, parts);
  if (key === 'required') return [...new Set(values.flatMap((v) => (Array.isArray(v) ? v : [])))];
  if (key === 'const') return same ? values[0] ?? null : undefined;
  if (key === 'enum') return joinEnums(values);
  if (same) return values[0] ?? null;
  if (ALONE.has(key)) return undefined;
  if (values.every((v) => typeof v === 'number')) {
    if (LOWER.has(key)) return Math.max(...(values as number[]));
    if (UPPER.has(key)) return Math.min(...(values as number[]));
  }
  return undefined;
}

function joinTypes(parts: readonly JsonSchema[]): JsonValue | undefined {
  let allowed: JsonType[] | null = null;
  for (const p of parts) {
    if (!('type' in p)) continue;
    const t = typesOf(p);
    if (t === null) return undefined;
    allowed = allowed === null ? t : allowed.flatMap((a): JsonType[] => {
      if (t.includes(a)) return [a];
      // An integer is a number: number and integer meet at integer.
      if (a === 'number' && t.includes('integer')) return ['integer'];
      if (a === 'integer' && t.includes('number')) return ['integer'];
      return [];
    });
  }
  if (allowed === null || allowed.length === 0) return undefined;
  const unique = [...new Set(allowed)];
  return unique.length === 1 ? (unique[0] as string) : unique;
}

/**
 * Each property as its own schema where one part declares it (or all declare it alike), else the
 * `allOf` of the declarations.
 */
function joinProperties(values: readonly JsonValue[], parts: readonly JsonSchema[]): JsonValue | undefined {
  const byName = new Map<string, JsonValue[]>();
  for (const v of values) {
    if (!isRecord(v)) return undefined;
    for (const [name, sub] of Object.entries(v as Record<string, JsonValue>)) byName.set(name, [...(byName.get(name) ?? []), sub]);
  }
  // A part that constrains the keys it does not declare (closed, an additionalProperties schema,
  // patternProperties) would constrain another part's property too: joined only when it declares them all.
  const constraining = parts.filter((p) => (p['additionalProperties'] !== undefined && p['additionalProperties'] !== true) || 'patternProperties' in p);
  for (const part of constraining) {
    const own = isRecord(part['properties']) ? (part['properties'] as Record<string, JsonValue>) : {};
    if ([...byName.keys()].some((name) => !(name in own))) return undefined;
  }
  const out: Record<string, JsonValue> = {};
  for (const [name, list] of byName) {
    const distinct = [...new Map(list.map((s) => [JSON.stringify(s), s])).values()];
    // `false` (the property may not be present) wins over any other declaration.
    out[name] = distinct.includes(false) ? false : distinct.length === 1 ? (distinct[0] as JsonValue) : { allOf: distinct };
  }
  return out;
}

/** The values every `enum` allows, in the first one's order (compared as JSON). */
function joinEnums(values: readonly JsonValue[]): JsonValue | undefined {
  const lists = values.map((v) => (Array.isArray(v) ? v : null));
  if (lists.some((l) => l === null)) return undefined;
  const [first, ...rest] = lists as JsonValue[][];
  const kept = (first ?? []).filter((v) => rest.every((l) => l.some((x) => JSON.stringify(x) === JSON.stringify(v))));
  return kept.length === 0 ? undefined : kept;
}

/** Joins `const` with `enum` and keeps only constants of the joined type; `false` when none is left. */
function finishConstants(out: Record<string, JsonValue>): boolean {
  const types = typesOf(out as JsonSchema);
  if ('const' in out) {
    const c = out['const'] ?? null;
    if (Array.isArray(out['enum']) && !(out['enum'] as JsonValue[]).some((v) => JSON.stringify(v) === JSON.stringify(c))) return false;
    delete out['enum'];
    return types === null || hasType(c, types);
  }
  if (Array.isArray(out['enum'])) {
    const kept = (out['enum'] as JsonValue[]).filter((v) => types === null || hasType(v, types));
    if (kept.length === 0) return false;
    out['enum'] = kept;
  }
  return true;
}
