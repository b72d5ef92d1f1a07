/**
 * Valid values (JSON Schema draft 07 validation keywords, as the AsyncAPI 3.0.0 Schema Object
 * uses them): one fast-check expression per schema, built from combinators so that every value
 * shrinks. `$ref`s become the referenced schema's arbitrary; anything the derivation cannot honour
 * exactly is reported, never approximated.
 */
import type { JsonSchema, JsonValue, SpecPath } from '../../model.js';
import { isRecord, refName } from '../../load/schemas.js';
import { array, call, json, method, object, printCode, propertyKey, raw, type Code } from '../../lib/code.js';
import {
  SUPPORTED_KEYWORDS, bound, count, countRange, domainSize, hasType, isAnnotation, isScalar, resolve, typesOf,
  type CountRange, type DeriveContext, type JsonType,
} from './context.js';
import { lengthsOf, stringArbitrary } from './strings.js';
import { mergeAllOf } from './merge.js';
import { conditionalArbitrary, isObjectOnly, lacksRequired, notArbitrary, propertiesOf, separate } from './negate.js';

/** The valid arbitrary of a schema; `null` after reporting why there is none. */
export function validArbitrary(schema: JsonValue, at: SpecPath, ctx: DeriveContext): Code | null {
  // A schema that allows any value: any JSON value is a valid one.
  if (schema === true) return call('fc.jsonValue');
  if (!isRecord(schema)) return fail(ctx, at, 'the schema `false` has no valid value');
  const s = schema as JsonSchema;
  const merged = 'allOf' in s ? mergeAllOf(s, ctx) : null;
  if (merged !== null) return validArbitrary(merged, at, ctx);
  if ('if' in s || 'then' in s || 'else' in s) return conditionalArbitrary(s, at, ctx, validArbitrary);
  if ('not' in s) return notArbitrary(s, at, ctx, validArbitrary);
  checkKeywords(s, at, ctx);
  if (Object.keys(s).every(isAnnotation)) return call('fc.jsonValue');
  const constraints = Object.keys(s).filter((k) => !isAnnotation(k));
  if ('$ref' in s) {
    const name = refName(s);
    if (name === null || !ctx.schemas.has(name)) return fail(ctx, [...at, '$ref'], `$ref ${JSON.stringify(s['$ref'])} does not name a component schema`);
    if (constraints.length > 1) return fail(ctx, [...at, '$ref'], 'keywords beside $ref are not supported');
    return ctx.ref(name);
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    if (keyword in s) {
      if (constraints.some((k) => k !== keyword && k !== 'type')) return fail(ctx, [...at, keyword], `keywords beside ${keyword} are not supported`);
      return union(s, keyword, at, ctx);
    }
  }
  const types = typesOf(s);
  if ('type' in s && types === null) return fail(ctx, [...at, 'type'], `type ${JSON.stringify(s['type'])} is not a JSON type or a list of them`);
  if ('const' in s || 'enum' in s) return constants(s, types, constraints, at, ctx);
  // Without `type`, object keywords describe the objects among any values: objects are valid ones.
  const implied: JsonType[] | null = types ?? ('properties' in s || 'required' in s || 'additionalProperties' in s ? ['object'] : null);
  if (implied === null) return fail(ctx, at, 'a schema without type, const, enum or $ref is not supported (it allows any value)');
  const parts = implied.map((t) => typed(s, t, at, ctx));
  if (parts.some((p) => p === null)) return null;
  return parts.length === 1 ? (parts[0] as Code) : call('fc.oneof', ...(parts as Code[]));
}

/** Reports every keyword that is neither implemented nor an annotation. */
export function checkKeywords(s: JsonSchema, at: SpecPath, ctx: DeriveContext): void {
  for (const keyword of Object.keys(s)) {
    if (!SUPPORTED_KEYWORDS.has(keyword) && !isAnnotation(keyword)) {
      ctx.unsupported([...at, keyword], `keyword "${keyword}" is not supported by the arbitraries emitter`);
    }
  }
}

function fail(ctx: DeriveContext, at: SpecPath, message: string): null {
  ctx.unsupported(at, message);
  return null;
}

function constants(s: JsonSchema, types: JsonType[] | null, constraints: string[], at: SpecPath, ctx: DeriveContext): Code | null {
  const keyword = 'const' in s ? 'const' : 'enum';
  if (constraints.some((k) => k !== keyword && k !== 'type')) return fail(ctx, [...at, keyword], `keywords beside ${keyword} (other than type) are not supported`);
  const given = s[keyword];
  const values: JsonValue[] = keyword === 'const' ? [given ?? null] : Array.isArray(given) ? [...(given as JsonValue[])] : [];
  if (values.length === 0) return fail(ctx, [...at, keyword], 'enum must list at least one value');
  if (types && values.some((v) => !hasType(v, types))) return fail(ctx, [...at, keyword], `a ${keyword} value is not of type ${types.join(' or ')}`);
  if (keyword === 'const') return call('fc.constant', json(values[0]));
  // Members of several types keep their literal types only as a const tuple (inference widens them).
  const mixed = new Set(values.map((v) => (v === null ? 'null' : typeof v))).size > 1;
  return mixed ? call('fc.constantFrom', raw(`...(${printCode(array(values.map(json)), 0, Infinity)} as const)`)) : call('fc.constantFrom', ...values.map(json));
}

function typed(s: JsonSchema, type: JsonType, at: SpecPath, ctx: DeriveContext): Code | null {
  switch (type) {
    case 'string': return stringArbitrary(s, at, ctx, lengthsOf(s, at, ctx));
    case 'integer':
    case 'number': return numberArbitrary(s, type, at, ctx);
    case 'boolean': return call('fc.boolean');
    case 'null': return call('fc.constant', raw('null'));
    case 'array': return arrayArbitrary(s, at, ctx, itemCounts(s, at, ctx));
    case 'object': return objectArbitrary(s, at, ctx);
  }
}

export interface NumberRange {
  /** Smallest and largest allowed values (exclusive bounds turned inclusive for integers). */
  readonly min: number;
  readonly max: number;
  readonly minExcluded: boolean;
  readonly maxExcluded: boolean;
  readonly multipleOf: number | undefined;
}

/** The effective range of a number schema, or `null` after reporting a malformed bound. */
export function numberRange(s: JsonSchema, type: 'integer' | 'number', at: SpecPath, ctx: DeriveContext): NumberRange | null {
  const read = (k: string): number | undefined | null => {
    const v = bound(s, k);
    if (v === null) ctx.unsupported([...at, k], `${k} must be a number (draft-07)`);
    return v;
  };
  const [minimum, maximum, exMin, exMax, multipleOf] = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'].map(read);
  if ([minimum, maximum, exMin, exMax, multipleOf].includes(null)) return null;
  if (multipleOf !== undefined && multipleOf !== null && (multipleOf <= 0 || (!Number.isInteger(multipleOf) && decimalsOf(multipleOf) === null))) {
    return fail(ctx, [...at, 'multipleOf'], 'multipleOf must be a positive integer or a decimal of at most 12 places');
  }
  const integer = type === 'integer' || (multipleOf !== undefined && Number.isInteger(multipleOf));
  let min = integer ? Number.MIN_SAFE_INTEGER : -Number.MAX_VALUE;
  let max = integer ? Number.MAX_SAFE_INTEGER : Number.MAX_VALUE;
  let minExcluded = false;
  let maxExcluded = false;
  if (typeof minimum === 'number' && minimum > min) min = integer ? Math.ceil(minimum) : minimum;
  if (typeof exMin === 'number' && (exMin > min || (exMin === min && !integer))) {
    if (integer) min = Math.floor(exMin) + 1;
    else { min = exMin; minExcluded = true; }
  }
  if (typeof maximum === 'number' && maximum < max) max = integer ? Math.floor(maximum) : maximum;
  if (typeof exMax === 'number' && (exMax < max || (exMax === max && !integer))) {
    if (integer) max = Math.ceil(exMax) - 1;
    else { max = exMax; maxExcluded = true; }
  }
  return { min, max, minExcluded, maxExcluded, multipleOf: multipleOf ?? undefined };
}

function numberArbitrary(s: JsonSchema, type: 'integer' | 'number', at: SpecPath, ctx: DeriveContext): Code | null {
  const r = numberRange(s, type, at, ctx);
  if (r === null) return null;
  if (r.multipleOf !== undefined && !Number.isInteger(r.multipleOf)) return decimalMultiples(r, r.multipleOf, ctx, at);
  if (r.multipleOf !== undefined) {
    const m = r.multipleOf;
    const lo = Math.ceil(r.min / m);
    const hi = Math.floor(r.max / m);
    if (lo > hi) return fail(ctx, [...at, 'multipleOf'], `no multiple of ${m} lies within the bounds`);
    return method(call('fc.integer', object([['min', json(lo)], ['max', json(hi)]])), 'map', raw(`(n) => n * ${m}`));
  }
  if (r.min > r.max || (r.min === r.max && (r.minExcluded || r.maxExcluded))) return fail(ctx, at, 'no number lies within the bounds');
  if (type === 'integer') {
    if (r.min === Number.MIN_SAFE_INTEGER && r.max === Number.MAX_SAFE_INTEGER) return call('fc.maxSafeInteger');
    return call('fc.integer', object([['min', json(r.min)], ['max', json(r.max)]]));
  }
  const options: [string, Code][] = [];
  if (r.min !== -Number.MAX_VALUE) options.push(['min', json(r.min)]);
  if (r.minExcluded) options.push(['minExcluded', raw('true')]);
  if (r.max !== Number.MAX_VALUE) options.push(['max', json(r.max)]);
  if (r.maxExcluded) options.push(['maxExcluded', raw('true')]);
  options.push(['noNaN', raw('true')], ['noDefaultInfinity', raw('true')]);
  return call('fc.double', object(options));
}

/** The decimal places of a number written in at most 12 of them, else `null`. */
export function decimalsOf(m: number): number | null {
  for (let d = 1; d <= 12; d++) if (Number.isInteger(Number((m * 10 ** d).toFixed(6)))) return d;
  return null;
}

/** The bound on the multiplier of a decimal `multipleOf` when the schema sets none: values stay exact in a double. */
const DECIMAL_MULTIPLIER = 1e9;

/**
 * Multiples of a decimal step, rounded to its places; ajv accepts `x` when `x / step` is an
 * integer in floating point, which rounding does not always give, so the few that miss are
 * filtered out (about one in seven for 0.01).
 */
function decimalMultiples(r: NumberRange, m: number, ctx: DeriveContext, at: SpecPath): Code | null {
  const d = decimalsOf(m) ?? 12;
  const lo = Math.max(Math.ceil(r.min / m), -DECIMAL_MULTIPLIER);
  const hi = Math.min(Math.floor(r.max / m), DECIMAL_MULTIPLIER);
  if (lo > hi) return fail(ctx, [...at, 'multipleOf'], `no multiple of ${m} lies within the bounds`);
  const keep = [`Number.isInteger(x / ${m})`];
  if (r.minExcluded) keep.push(`x > ${r.min}`);
  if (r.maxExcluded) keep.push(`x < ${r.max}`);
  const multiples = method(call('fc.integer', object([['min', json(lo)], ['max', json(hi)]])), 'map', raw(`(n) => Number((n * ${m}).toFixed(${d}))`));
  return method(multiples, 'filter', raw(`(x) => ${keep.join(' && ')}`));
}

/** An array's item-count range. */
export type ItemCounts = CountRange;

export function itemCounts(s: JsonSchema, at: SpecPath, ctx: DeriveContext): ItemCounts {
  return countRange(s, 'minItems', 'maxItems', at, ctx);
}

/** Valid arrays with `counts` items (the schema's, or overridden by a mutation); `null` when none exist. */
export function arrayArbitrary(s: JsonSchema, at: SpecPath, ctx: DeriveContext, counts: ItemCounts, report = true): Code | null {
  const items = s['items'];
  if (Array.isArray(items)) return tupleArbitrary(s, items, at, ctx, counts, report);
  if (items === undefined) return report ? fail(ctx, [...at, 'items'], 'an array without items is not supported (its items may be anything)') : null;
  const unique = s['uniqueItems'] === true;
  let max = counts.max;
  if (unique) max = Math.min(max, domainSize(items, ctx));
  if (counts.min > max) return report ? fail(ctx, [...at, 'minItems'], `no array of ${counts.min} or more items satisfies the schema`) : null;
  const item = validArbitrary(items, [...at, 'items'], ctx);
  if (item === null) return null;
  const options: [string, Code][] = [];
  if (counts.min > 0) options.push(['minLength', json(counts.min)]);
  if (max !== Infinity) options.push(['maxLength', json(max)]);
  const recursive = printCode(item, 0, Infinity).includes('tie(');
  if (recursive) options.push(['depthIdentifier', raw("'recursion'")]);
  if (!unique) {
    const arrays = call('fc.array', item, ...(options.length > 0 ? [object(options)] : []));
    // Items of the schema's own recursive group: an empty array, ever likelier the deeper it sits,
    // ends the tree (fc.letrec alone recurses until the stack overflows, even with a depthIdentifier).
    if (!recursive || counts.min > 0) return arrays;
    const empty = call('fc.array', item, object([['maxLength', json(0)]]));
    return call('fc.oneof', object([['depthSize', raw("'small'")], ['depthIdentifier', raw("'recursion'")]]), empty, arrays);
  }
  // ajv compares items with deep equality: scalars by value (0 and -0 alike), the rest as canonical JSON.
  options.push(isScalar(items, ctx) ? ['comparator', raw("'SameValueZero'")] : ['selector', raw('canonical')]);
  return call('fc.uniqueArray', item, object(options));
}

/**
 * Tuples (draft-07 `items` as a list): the first items, as many as `minItems` asks and up to the
 * list's length (or `maxItems`). Items beyond the list are never built, whatever
 * `additionalItems` allows, so a tuple that must be longer than its list is not supported.
 */
function tupleArbitrary(s: JsonSchema, items: readonly JsonValue[], at: SpecPath, ctx: DeriveContext, counts: ItemCounts, report: boolean): Code | null {
  const quiet = (where: SpecPath, message: string): null => (report ? fail(ctx, where, message) : null);
  if (s['uniqueItems'] === true) return quiet([...at, 'uniqueItems'], 'uniqueItems over tuple items is not supported');
  const longest = Math.min(items.length, counts.max);
  if (counts.min > longest) return quiet([...at, 'minItems'], `no tuple of ${counts.min} or more items is built from ${items.length} item schemas`);
  const parts = items.slice(0, longest).map((item, i) => validArbitrary(item, [...at, 'items', i], ctx));
  if (parts.some((p) => p === null)) return null;
  const tuples: Code[] = [];
  for (let n = counts.min; n <= longest; n++) tuples.push(call('fc.tuple', ...(parts.slice(0, n) as Code[])));
  return tuples.length === 1 ? (tuples[0] as Code) : call('fc.oneof', ...tuples);
}

export interface ObjectShape {
  readonly properties: readonly (readonly [string, JsonValue])[];
  readonly required: readonly string[];
  readonly closed: boolean;
  readonly minProperties: number;
  /** Draft-07 `dependencies` in their array form: a present key requires the listed ones. */
  readonly dependencies: ReadonlyMap<string, readonly string[]>;
}

/** The object keywords of a schema, or `null` after reporting what is not supported. */
export function objectShape(s: JsonSchema, at: SpecPath, ctx: DeriveContext): ObjectShape | null {
  const props = s['properties'] ?? {};
  const required = s['required'] ?? [];
  const additional = s['additionalProperties'];
  const deps = s['dependencies'] ?? {};
  if (!isRecord(props)) return fail(ctx, [...at, 'properties'], 'properties must be an object');
  if (!Array.isArray(required) || !required.every((r) => typeof r === 'string')) return fail(ctx, [...at, 'required'], 'required must list property names');
  // Valid objects need not carry keys beyond the declared ones, whatever additionalProperties allows;
  // a required key without a schema under properties may hold any value.
  // A property whose schema is `false` may not be present: valid objects leave it out.
  const absent = Object.entries(props as Record<string, JsonValue>).filter(([, v]) => v === false).map(([k]) => k);
  const forced = absent.find((k) => (required as string[]).includes(k));
  if (forced !== undefined) return fail(ctx, [...at, 'properties', forced], `property "${forced}" is required, and its schema false allows no value`);
  const declared = Object.entries(props as Record<string, JsonValue>).filter(([, v]) => v !== false);
  const undeclared = (required as string[]).filter((r) => !(r in (props as object))).map((r): [string, JsonValue] => [r, true]);
  const properties = [...declared, ...undeclared];
  const names = new Set(properties.map(([k]) => k));
  const dependencies = new Map<string, readonly string[]>();
  if (!isRecord(deps)) return fail(ctx, [...at, 'dependencies'], 'dependencies must be an object');
  for (const [key, list] of Object.entries(deps as Record<string, JsonValue>)) {
    if (!Array.isArray(list) || !list.every((d) => typeof d === 'string')) {
      return fail(ctx, [...at, 'dependencies', key], 'schema dependencies are not supported (only lists of property names)');
    }
    const unknown = [key, ...(list as string[])].find((d) => !names.has(d));
    if (unknown !== undefined) return fail(ctx, [...at, 'dependencies', key], `dependency on "${unknown}", which has no schema under properties`);
    dependencies.set(key, list as string[]);
  }
  const minProperties = count(s, 'minProperties');
  if (minProperties === null) return fail(ctx, [...at, 'minProperties'], 'minProperties must be a non-negative integer');
  if ((minProperties ?? 0) > properties.length) {
    return fail(ctx, [...at, 'minProperties'], `minProperties ${minProperties} is more than the ${properties.length} properties the generator knows`);
  }
  return { properties, required: [...new Set(required as string[])], closed: additional === false, minProperties: minProperties ?? 0, dependencies };
}

/** `{ key: arbitrary, ... }` for every property; `null` when one has none. */
export function fieldsOf(shape: ObjectShape, at: SpecPath, ctx: DeriveContext): Code | null {
  const entries: [string, Code][] = [];
  let ok = true;
  for (const [name, schema] of shape.properties) {
    const arb = validArbitrary(schema, [...at, 'properties', name], ctx);
    if (arb === null) ok = false;
    else entries.push([propertyKey(name), arb]);
  }
  return ok ? object(entries) : null;
}

/** Whether the object needs `someProperties` (presence rules beyond `required`). */
export function needsPresenceRules(shape: ObjectShape): boolean {
  return shape.minProperties > 0 || shape.dependencies.size > 0;
}

/** Presence rules for `someProperties`, as an object literal. */
export function presenceRules(shape: ObjectShape): Code {
  return object([
    ['required', array(shape.required.map(json))],
    ['dependencies', object([...shape.dependencies].map(([k, list]) => [propertyKey(k), array(list.map(json))]))],
    ['minProperties', json(shape.minProperties)],
  ]);
}

/**
 * Objects: `fc.record` with `requiredKeys`, or `someProperties` when `minProperties` or
 * `dependencies` constrain which properties are present. `fields` names a const holding the
 * property arbitraries (the emitter declares one when mutations need every property present).
 */
export function objectArbitrary(s: JsonSchema, at: SpecPath, ctx: DeriveContext, fields?: Code): Code | null {
  const shape = objectShape(s, at, ctx);
  if (shape === null) return null;
  const model = fields ?? fieldsOf(shape, at, ctx);
  if (model === null) return null;
  if (needsPresenceRules(shape)) return call('someProperties', model, presenceRules(shape));
  if (shape.required.length === shape.properties.length) return call('fc.record', model);
  return call('fc.record', model, object([['requiredKeys', array(shape.required.map(json))]]));
}

/**
 * `oneOf` / `anyOf`: any branch. For `oneOf` a value must match exactly one branch, so the branches
 * must be told apart by type or by a required property with a different `const` in each.
 */
function union(s: JsonSchema, keyword: 'oneOf' | 'anyOf', at: SpecPath, ctx: DeriveContext): Code | null {
  const branches = s[keyword];
  if (!Array.isArray(branches) || branches.length === 0) return fail(ctx, [...at, keyword], `${keyword} must list at least one schema`);
  const separated = keyword === 'oneOf' ? separate(branches, ctx, (a, b) => disjointPair(a, b, ctx) || lacksRequired(a, b)) : branches;
  if (separated === null) {
    return fail(ctx, [...at, keyword], 'oneOf branches that may overlap are not supported: tell them apart by type, by a required property with a different const in each, by a required property the other branch does not declare, or by a property only the other declares with a type, const or enum');
  }
  const parts = separated.map((b, i) => validArbitrary(b, [...at, keyword, i], ctx));
  if (parts.some((p) => p === null)) return null;
  return parts.length === 1 ? (parts[0] as Code) : call('fc.oneof', ...(parts as Code[]));
}

/**
 * Whether no value matches both schemas, by one of three proofs: their types do not meet; both
 * are objects requiring a property with a different `const` in each; or one is a closed object
 * that does not declare a property the other requires.
 */
function disjointPair(a: JsonSchema, b: JsonSchema, ctx: DeriveContext): boolean {
  const ta = typeSet(a);
  const tb = typeSet(b);
  if (ta && tb && ![...ta].some((t) => tb.has(t))) return true;
  if (!isObjectOnly(a) || !isObjectOnly(b)) return false;
  const props = propertiesOf;
  const required = (s: JsonSchema): string[] => (Array.isArray(s['required']) ? (s['required'] as JsonValue[]).filter((k): k is string => typeof k === 'string') : []);
  const constOf = (s: JsonSchema, key: string): string | undefined => {
    const prop = resolve(props(s)[key] ?? null, ctx);
    return prop && 'const' in prop ? JSON.stringify(prop['const']) : undefined;
  };
  const discriminated = required(a).some((k) => {
    const [ca, cb] = [constOf(a, k), constOf(b, k)];
    return required(b).includes(k) && ca !== undefined && cb !== undefined && ca !== cb;
  });
  const excludes = (x: JsonSchema, y: JsonSchema): boolean => y['additionalProperties'] === false && required(x).some((k) => !(k in props(y)));
  return discriminated || excludes(a, b) || excludes(b, a);
}

function typeSet(s: JsonSchema): Set<string> | null {
  const t = typesOf(s);
  return t === null ? null : new Set<string>(t.flatMap((x) => (x === 'number' ? ['number', 'integer'] : [x])));
}

