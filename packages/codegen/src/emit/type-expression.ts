/**
 * A TypeScript type expression for a schema (JSON Schema draft 07 / AsyncAPI 3.x Schema Object),
 * for the schemas modelina does not declare by name (it inlines unions, primitives and arrays)
 * and for the places where modelina would say `any`. Every schema gets the closest honest type:
 * an open object keeps its declared properties beside an index signature, a schema that says
 * nothing about its value is `unknown`, a `not` of types alone is the other types, and keywords
 * TypeScript cannot state (`not` beside others, `pattern`, bounds) leave the type of the rest.
 */
import type { JsonSchema, JsonValue } from '../model.js';
import { isRecord, refName } from '../load/schemas.js';
import { typeName } from '../lib/names.js';
import { literal, propertyName } from '../lib/ts.js';

/**
 * Whether a schema says what type its value has (so `unknown` for it is a loss worth reporting);
 * `required` or `minimum` alone constrain values of one type and let every other type through.
 */
export function statesType(schema: JsonValue): boolean {
  return isRecord(schema) && ['type', '$ref', 'enum', 'const', 'allOf', 'oneOf', 'anyOf', 'properties', 'items', 'prefixItems'].some((k) => k in schema);
}

/** The type of `schema`; `unknown` only where the schema allows any value. */
export function typeExpression(schema: JsonValue): string {
  if (schema === false) return 'never';
  if (!isRecord(schema)) return 'unknown';
  const s = schema as JsonSchema;
  const ref = refName(s);
  if (ref !== null) return typeName(ref);
  if ('const' in s) return valueType(s['const'] ?? null);
  const values = s['enum'];
  if (Array.isArray(values)) return union(values.map(valueType));
  const parts = [ownType(s), ...combinators(s)].filter((p): p is string => p !== null);
  if (parts.length === 0) return otherTypes(s['not']);
  return parts.length === 1 ? (parts[0] as string) : parts.map(paren).join(' & ');
}

/** TypeScript's name for each JSON type a value may have (an integer is a number). */
const TS_TYPES: readonly (readonly [string, string])[] = [
  ['string', 'string'], ['number', 'number'], ['boolean', 'boolean'], ['null', 'null'], ['array', 'unknown[]'], ['object', 'Record<string, unknown>'],
];

/**
 * The type of a schema that says only `not: { type: ... }`: the other JSON types. Excluding
 * integers leaves every type (a fraction is still a number), so that is `unknown`; a `not` of
 * anything else can exclude values but no type, so it is `unknown` too.
 */
function otherTypes(not: JsonValue | undefined): string {
  if (!isRecord(not) || !Object.keys(not).every((k) => k === 'type')) return 'unknown';
  const type = not['type'];
  const excluded = new Set((Array.isArray(type) ? type : [type]).map(String));
  const left = TS_TYPES.filter(([json]) => !excluded.has(json));
  return left.length === TS_TYPES.length ? 'unknown' : union(left.map(([, ts]) => ts));
}

/** `allOf` as an intersection, `oneOf` / `anyOf` as unions; `not` and `if` cannot narrow a type. */
function combinators(s: JsonSchema): string[] {
  const out: string[] = [];
  const all = s['allOf'];
  if (Array.isArray(all)) out.push(...all.map(typeExpression).filter((t) => t !== 'unknown'));
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = s[key];
    if (Array.isArray(list) && list.length > 0) out.push(union(list.map(typeExpression)));
  }
  return out;
}

/** The type the schema's own `type` (or, without one, its object or array keywords) says. */
function ownType(s: JsonSchema): string | null {
  const type = s['type'];
  if (Array.isArray(type)) return union(type.map((t) => primitive(String(t), s)));
  if (typeof type === 'string') return primitive(type, s);
  if ('properties' in s || 'additionalProperties' in s || 'patternProperties' in s) return objectType(s);
  if ('items' in s || 'prefixItems' in s) return arrayType(s);
  return null;
}

function primitive(type: string, s: JsonSchema): string {
  switch (type) {
    case 'string': return 'string';
    case 'integer':
    case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'null': return 'null';
    case 'array': return arrayType(s);
    case 'object': return objectType(s);
    default: return 'unknown';
  }
}

/** `T[]`, or a tuple for `prefixItems` / a list of `items`, open at the end unless closed. */
function arrayType(s: JsonSchema): string {
  const items = s['items'];
  const prefix = Array.isArray(s['prefixItems']) ? (s['prefixItems'] as JsonValue[]) : Array.isArray(items) ? items : null;
  if (prefix === null) return items === undefined ? 'unknown[]' : `${paren(typeExpression(items))}[]`;
  const rest = Array.isArray(items) ? s['additionalItems'] : items;
  const min = typeof s['minItems'] === 'number' ? s['minItems'] : 0;
  const elements = prefix.map((item, i) => `${typeExpression(item)}${i < min ? '' : '?'}`);
  if (rest !== false) elements.push(`...${paren(rest === undefined ? 'unknown' : typeExpression(rest))}[]`);
  return `[${elements.join(', ')}]`;
}

/** Declared properties, then an index signature unless `additionalProperties: false`. */
function objectType(s: JsonSchema): string {
  const members = objectMembers(s);
  if (members.length === 0) return s['additionalProperties'] === false ? 'Record<string, never>' : 'Record<string, unknown>';
  return `{ ${members.join('; ')} }`;
}

/**
 * The members of an object schema's type (`name?: T`, then `[key: string]: T` unless closed),
 * or `null` when the schema is not a plain object: one with combinators, constants or a `$ref`.
 */
export function interfaceMembers(s: JsonSchema): string[] | null {
  const plain = (s['type'] === 'object' || (s['type'] === undefined && 'properties' in s)) &&
    !['allOf', 'oneOf', 'anyOf', '$ref', 'const', 'enum'].some((k) => k in s);
  return plain ? objectMembers(s) : null;
}

function objectMembers(s: JsonSchema): string[] {
  const props = isRecord(s['properties']) ? (s['properties'] as Record<string, JsonValue>) : {};
  const required = new Set(Array.isArray(s['required']) ? s['required'].filter((r): r is string => typeof r === 'string') : []);
  const members = Object.entries(props).map(([name, sub]) => `${propertyName(name)}${required.has(name) ? '' : '?'}: ${typeExpression(sub)}`);
  const extra = indexType(s, Object.values(props).map(typeExpression), Object.keys(props).some((k) => !required.has(k)));
  if (extra !== null) members.push(`[key: string]: ${extra}`);
  return members;
}

/**
 * The type of the keys an object allows beyond its declared ones, or `null` when it allows none.
 * An index signature must also admit every declared property's type.
 */
export function indexType(s: JsonSchema, declared: readonly string[], optional: boolean): string | null {
  const additional = s['additionalProperties'];
  if (additional === false && !isRecord(s['patternProperties'])) return null;
  const schemas = [additional ?? true, ...Object.values(isRecord(s['patternProperties']) ? (s['patternProperties'] as Record<string, JsonValue>) : {})];
  const extras = schemas.map((x) => (x === false ? 'never' : typeExpression(x))).filter((t) => t !== 'never');
  if (extras.includes('unknown')) return 'unknown';
  const all = union([...extras, ...declared]);
  if (all === 'unknown' || declared.includes('unknown')) return 'unknown';
  return optional ? union([all, 'undefined']) : all;
}

function valueType(value: JsonValue): string {
  if (typeof value === 'string') return literal(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return `readonly [${value.map(valueType).join(', ')}]`;
  const entries = Object.entries(value as Record<string, JsonValue>);
  return entries.length === 0 ? 'Record<string, never>' : `{ ${entries.map(([k, v]) => `readonly ${propertyName(k)}: ${valueType(v)}`).join('; ')} }`;
}

function union(parts: readonly string[]): string {
  if (parts.includes('unknown')) return 'unknown';
  const unique = [...new Set(parts.flatMap((p) => (p === 'never' ? [] : [p])))];
  return unique.length === 0 ? 'never' : unique.map((p) => (topLevel(p, '&') ? `(${p})` : p)).join(' | ');
}

function paren(expr: string): string {
  return topLevel(expr, '|') || topLevel(expr, '&') ? `(${expr})` : expr;
}

/** Whether `op` occurs in `expr` outside brackets and string literals. */
function topLevel(expr: string, op: '|' | '&'): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === "'") quoted = false;
    } else if (c === "'") quoted = true;
    else if (c === '(' || c === '{' || c === '[' || c === '<') depth++;
    else if (c === ')' || c === '}' || c === ']' || c === '>') depth--;
    else if (c === op && depth === 0) return true;
  }
  return false;
}
