/**
 * The draft 07 keywords that say what a value must not be: `not`, `if`/`then`/`else`, and the
 * "exactly one" of `oneOf`. Each is built constructively where the negated schema states a type,
 * `const` or `enum` (other types are generated, or excluded constants dropped at generate time),
 * and by filtering only where few values are rejected (an excluded constant among many values).
 * A negated schema that states none of those has no complement the generator can build: it is
 * reported, never approximated.
 */
import type { JsonSchema, JsonValue, SpecPath } from '../../model.js';
import { isRecord } from '../../load/schemas.js';
import { array, call, json, method, raw, type Code } from '../../lib/code.js';
import { hasType, isAnnotation, resolve, typesOf, type DeriveContext, type JsonType } from './context.js';
import { conjunction, mergeAllOf } from './merge.js';
import { finiteDomain } from './domain.js';

/** What a negated schema allows, in the terms a complement can be built from. */
export interface Excluded {
  /** The only types the negated schema allows; `null` when it allows any. */
  readonly types: JsonType[] | null;
  /** The only values it allows; `null` when it does not list them. */
  readonly values: JsonValue[] | null;
  /** Whether it says nothing else, so that a value of those types and values matches it. */
  readonly exact: boolean;
}

const EXACT_KEYS = new Set(['type', 'const', 'enum']);

/** What `schema` allows, or `null` when it states no type, `const` or `enum` (its complement is unknown). */
export function excludedBy(schema: JsonValue, ctx: Pick<DeriveContext, 'schemas'>): Excluded | null {
  const r = resolve(schema, ctx);
  const s = r !== null && 'allOf' in r ? mergeAllOf(r, ctx) : r;
  if (!isRecord(s)) return null;
  const keys = Object.keys(s as JsonSchema).filter((k) => !isAnnotation(k));
  const types = typesOf(s as JsonSchema);
  if ('type' in (s as JsonSchema) && types === null) return null;
  const c = (s as JsonSchema)['const'];
  const e = (s as JsonSchema)['enum'];
  const values = c !== undefined ? [c] : Array.isArray(e) ? (e as JsonValue[]) : null;
  if (types === null && values === null) return null;
  return { types, values, exact: keys.every((k) => EXACT_KEYS.has(k)) };
}

/** Whether a value surely fails the negated schema (it is not of its types, or not one of its values). */
export function surelyOutside(value: JsonValue, ex: Excluded): boolean {
  if (ex.types !== null && !hasType(value, ex.types)) return true;
  return ex.values !== null && !ex.values.some((v) => JSON.stringify(v) === JSON.stringify(value));
}

/** A derivation of valid values, passed in to avoid a module cycle with `valid.ts`. */
export type Derive = (schema: JsonValue, at: SpecPath, ctx: DeriveContext) => Code | null;

/** Valid values of a schema with `not`: the other keywords' values that the negated schema rejects. */
export function notArbitrary(s: JsonSchema, at: SpecPath, ctx: DeriveContext, derive: Derive): Code | null {
  const { not: negated, ...rest } = s;
  const ex = excludedBy(negated ?? true, ctx);
  if (ex === null) return fail(ctx, [...at, 'not'], 'not is supported for a schema that states a type, const or enum (the values it rejects must be known)');
  const constants = 'const' in rest ? [rest['const'] ?? null] : Array.isArray(rest['enum']) ? (rest['enum'] as JsonValue[]) : null;
  if (constants !== null) {
    // The excluded constants are dropped now; one that may or may not match is dropped too.
    const kept = constants.filter((v) => surelyOutside(v, ex));
    if (kept.length === 0) return fail(ctx, [...at, 'not'], 'not excludes every value of the const or enum beside it');
    const { const: _c, enum: _e, ...others } = rest;
    return derive(kept.length === 1 ? { ...others, const: kept[0] ?? null } : { ...others, enum: kept }, at, ctx);
  }
  // A base of few values (booleans, a small integer range, a $ref to an enum, ...) is narrowed
  // now: a filter over them could reject every one, and generation would never end.
  const domain = finiteDomain(rest, ctx);
  if (domain !== null) {
    const kept = domain.filter((v) => surelyOutside(v, ex));
    if (kept.length === 0) return fail(ctx, [...at, 'not'], `not excludes every value the schema beside it allows (${domain.length === 1 ? 'its one value' : `all ${domain.length}`})`);
    // Nothing ruled out: the base's own values, unfiltered.
    if (kept.length === domain.length) return derive(rest, at, ctx);
    return derive(kept.length === 1 ? { const: kept[0] ?? null } : { enum: kept }, at, ctx);
  }
  const said = Object.keys(rest).some((k) => !isAnnotation(k));
  if (ex.values !== null) return withDerived(said ? derive(rest, at, ctx) : call('fc.jsonValue'), (a) => call('noneOf', a, array(ex.values?.map(json) ?? [])));
  const excludedTypes = ex.types ?? [];
  if (!said) {
    const left = ['string', 'number', 'boolean', 'null', 'array', 'object'].filter((t) => !excludedTypes.includes(t as JsonType));
    if (left.length === 0) return fail(ctx, [...at, 'not'], 'not excludes every JSON type');
    return call('otherTypes', array(excludedTypes.map(json)));
  }
  const own = typesOf(rest) ?? ('properties' in rest || 'required' in rest ? ['object' as const] : null);
  if (own === null) return fail(ctx, [...at, 'not'], 'not beside keywords that state no type is not supported');
  const narrowed = own.filter((t) => !excludedTypes.includes(t) && !(t === 'integer' && excludedTypes.includes('number')));
  if (narrowed.length === 0) return fail(ctx, [...at, 'not'], `no value of type ${own.join(' or ')} satisfies not`);
  const values = derive({ ...rest, type: narrowed.length === 1 ? (narrowed[0] as string) : narrowed }, at, ctx);
  // Numbers that are not integers: few generated doubles are whole, so the filter rejects little.
  const fractions = narrowed.includes('number') && excludedTypes.includes('integer');
  return fractions ? withDerived(values, (a) => method(a, 'filter', raw("(v) => typeof v !== 'number' || !Number.isInteger(v)"))) : values;
}

/** Invalid values of a schema with `not`: one the negated schema matches, and the others' that it still rejects. */
export function notMutations(
  s: JsonSchema, at: SpecPath, ctx: DeriveContext, derive: Derive, others: (rest: JsonSchema, ruledOut: (value: JsonValue) => boolean) => Code[],
): Code[] {
  const { not: negated, ...rest } = s;
  const ex = excludedBy(negated ?? true, ctx);
  if (ex === null) return [];
  const out: Code[] = [];
  const matching = ex.exact ? conjunction([rest, negated ?? true], ctx) : null;
  const values = matching ? probe(ctx, (quiet) => derive(matching, at, quiet)) : null;
  if (values) out.push(call('invalid', raw("'matches-not'"), raw("'not'"), values));
  const types = ex.types === null ? raw('null') : array(ex.types.map(json));
  const listed = ex.values === null ? raw('null') : array(ex.values.map(json));
  // The others' constants the negated schema may match are not made at all (`outside` would reject them forever).
  for (const m of others(rest, (v) => !surelyOutside(v, ex))) out.push(call('outside', m, types, listed));
  return out;
}

/**
 * Valid values of a schema with `if`: those matching `if` and `then`, and those made to miss
 * `if` and matching `else` (each way of missing it that can be built). Either side may be
 * impossible to build; values come from the other then, and both failing is reported.
 */
export function conditionalArbitrary(s: JsonSchema, at: SpecPath, ctx: DeriveContext, derive: Derive): Code | null {
  const { if: cond, then: yes, else: no, ...rest } = s;
  if (cond === undefined) return derive(rest, at, ctx);
  const sides: JsonSchema[] = [];
  const matched = conjunction([rest, cond, yes ?? true], ctx);
  if (matched) sides.push(matched);
  for (const miss of missing(cond, ctx)) {
    const side = conjunction([rest, no ?? true, miss], ctx);
    if (side) sides.push(side);
  }
  const built = sides.map((side) => probe(ctx, (quiet) => derive(side, at, quiet))).filter((c): c is Code => c !== null);
  if (built.length === 0) return fail(ctx, [...at, 'if'], 'neither side of if/then/else can be built: join if and then, or else and a way to miss if, into one schema');
  return built.length === 1 ? (built[0] as Code) : call('fc.oneof', ...built);
}

/**
 * Schemas each of whose values misses `cond`: a value of another type or constant; an object
 * without one of its required properties (`false` under `properties`); or with one of its
 * properties holding a value that property's schema rejects.
 */
function missing(cond: JsonValue, ctx: Pick<DeriveContext, 'schemas'>): JsonSchema[] {
  const out: JsonSchema[] = [];
  if (excludedBy(cond, ctx)) out.push({ not: cond });
  const c = resolve(cond, ctx);
  if (c === null) return out;
  const props = isRecord(c['properties']) ? (c['properties'] as Record<string, JsonValue>) : {};
  for (const r of Array.isArray(c['required']) ? c['required'] : []) if (typeof r === 'string') out.push({ properties: { [r]: false } });
  for (const [k, sub] of Object.entries(props)) if (excludedBy(sub, ctx)) out.push({ properties: { [k]: { not: sub } }, required: [k] });
  return out;
}

/**
 * The branches of a `oneOf`, each narrowed so that no value built from it matches another: left
 * as it is where the two cannot overlap, else given a property the other declares, holding a
 * value the other's schema for it rejects. `null` when a branch cannot be told apart.
 */
export function separate(branches: readonly JsonValue[], ctx: Pick<DeriveContext, 'schemas'>, disjoint: (a: JsonSchema, b: JsonSchema) => boolean): JsonValue[] | null {
  const flat = branches.map((b) => flatten(b, ctx));
  if (flat.some((f) => f === null)) return null;
  const schemas = flat as JsonSchema[];
  const out: JsonValue[] = [];
  for (const [i, x] of schemas.entries()) {
    const extra: Record<string, JsonValue> = {};
    for (const [j, y] of schemas.entries()) {
      if (i === j || disjoint(x, y)) continue;
      const key = distinguishing(x, y, ctx);
      if (key === null) return null;
      extra[key] = { not: propertiesOf(y)[key] ?? true };
    }
    if (Object.keys(extra).length === 0) {
      out.push(branches[i] ?? true);
      continue;
    }
    const narrowed = conjunction([x, { properties: extra, required: Object.keys(extra) }], ctx);
    if (narrowed === null) return null;
    out.push(narrowed);
  }
  return out;
}

/** A branch as one schema: its `$ref`s followed and its `allOf` joined. */
export function flatten(schema: JsonValue, ctx: Pick<DeriveContext, 'schemas'>): JsonSchema | null {
  const r = resolve(schema, ctx);
  if (r === null || !('allOf' in r)) return r;
  const merged = mergeAllOf(r, ctx);
  return isRecord(merged) ? flatten(merged, ctx) : null;
}

/** Keywords of an object schema that adding an undeclared property cannot break. */
const OPEN_OBJECT_KEYS = new Set(['type', 'properties', 'required', 'additionalProperties', 'minProperties', 'dependencies']);

/** A property `y` declares with a schema whose complement is known, that the open object `x` does not declare. */
function distinguishing(x: JsonSchema, y: JsonSchema, ctx: Pick<DeriveContext, 'schemas'>): string | null {
  const open = x['additionalProperties'] === undefined || x['additionalProperties'] === true;
  if (!open || !Object.keys(x).every((k) => OPEN_OBJECT_KEYS.has(k) || isAnnotation(k)) || !isObjectOnly(x)) return null;
  const own = propertiesOf(x);
  const key = Object.keys(propertiesOf(y)).find((k) => !(k in own) && excludedBy(propertiesOf(y)[k] ?? true, ctx)?.types);
  return key ?? null;
}

export function propertiesOf(s: JsonSchema): Record<string, JsonValue> {
  return isRecord(s['properties']) ? (s['properties'] as Record<string, JsonValue>) : {};
}

export function isObjectOnly(s: JsonSchema): boolean {
  const t = typesOf(s);
  return t !== null && t.length === 1 && t[0] === 'object';
}

/**
 * Whether values generated from the object schema `x` never match `y`: `y` requires a key that
 * `x` neither declares nor requires, and `x`'s arbitrary builds only the keys it declares.
 */
export function lacksRequired(x: JsonSchema, y: JsonSchema): boolean {
  if (!isObjectOnly(x) || !Object.keys(x).every((k) => OPEN_OBJECT_KEYS.has(k) || isAnnotation(k))) return false;
  const keys = new Set([...Object.keys(propertiesOf(x)), ...(Array.isArray(x['required']) ? x['required'].filter((k): k is string => typeof k === 'string') : [])]);
  return Array.isArray(y['required']) && y['required'].some((k) => typeof k === 'string' && !keys.has(k));
}

/** Derives with findings held back: a way of building values that fails is one of several tried. */
function probe(ctx: DeriveContext, derive: (quiet: DeriveContext) => Code | null): Code | null {
  let failed = false;
  const code = derive({ ...ctx, unsupported: () => { failed = true; } });
  return failed ? null : code;
}

function withDerived(code: Code | null, wrap: (code: Code) => Code): Code | null {
  return code === null ? null : wrap(code);
}

function fail(ctx: DeriveContext, at: SpecPath, message: string): null {
  ctx.unsupported(at, message);
  return null;
}
