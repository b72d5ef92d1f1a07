/**
 * What the derivations of valid and invalid arbitraries share: how to name another schema's
 * arbitrary, where to report what cannot be derived, and small readers of JSON Schema keywords.
 */
import type { JsonSchema, JsonValue, SchemaModel, SpecPath } from '../../model.js';
import { COMPONENT_REF_PREFIX, isRecord, refName } from '../../load/schemas.js';
import type { Code } from '../../lib/code.js';

export const RULE = 'switchboard/unsupported-arbitrary';

export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'array' | 'object';
const JSON_TYPES: ReadonlySet<string> = new Set(['string', 'integer', 'number', 'boolean', 'null', 'array', 'object']);

/** Keywords that constrain values and that the derivations implement. */
export const SUPPORTED_KEYWORDS: ReadonlySet<string> = new Set([
  '$ref', 'type', 'const', 'enum', 'oneOf', 'anyOf', 'not', 'if', 'then', 'else',
  'minLength', 'maxLength', 'pattern', 'format',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'properties', 'required', 'additionalProperties', 'minProperties', 'dependencies',
  'items', 'additionalItems', 'minItems', 'maxItems', 'uniqueItems',
]);

/** Keywords that do not constrain values (JSON Schema annotations, AsyncAPI Schema Object extras). */
export const ANNOTATIONS: ReadonlySet<string> = new Set([
  'title', 'description', 'examples', 'example', 'default', '$comment', '$schema', '$id', 'deprecated', 'readOnly', 'writeOnly',
  'externalDocs', 'discriminator', 'xml', 'contentEncoding', 'contentMediaType',
]);

export function isAnnotation(keyword: string): boolean {
  return ANNOTATIONS.has(keyword) || keyword.startsWith('x-');
}

export interface DeriveContext {
  /** Every schema of the model by name, to resolve `$ref`s. */
  readonly schemas: ReadonlyMap<string, SchemaModel>;
  /** The expression for the valid arbitrary of a named schema: its const, or `tie('Name')` in a recursive group. */
  ref(name: string): Code;
  /**
   * The expression for the invalid values of a named schema, or `null` when there is none to use
   * here (the schema has no mutations, or it is in the same recursive group).
   */
  invalidRef(name: string): Code | null;
  /** Reports what cannot be derived; `at` is relative to the schema being derived. */
  unsupported(at: SpecPath, message: string): void;
}

/** The JSON types a schema's `type` keyword allows, or `null` without a (valid) `type`. */
export function typesOf(schema: JsonSchema): JsonType[] | null {
  const type = schema['type'];
  const list = typeof type === 'string' ? [type] : Array.isArray(type) ? type : null;
  if (list === null || list.length === 0 || !list.every((t) => typeof t === 'string' && JSON_TYPES.has(t))) return null;
  return list as JsonType[];
}

/** The JSON type of a value, `integer` for whole numbers. */
export function jsonTypeOf(value: JsonValue): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as 'string' | 'boolean' | 'object';
}

/** Whether `value` has one of `types` (an integer is a number too). */
export function hasType(value: JsonValue, types: readonly JsonType[]): boolean {
  const t = jsonTypeOf(value);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

/** A non-negative integer keyword, `undefined` when absent, `null` when malformed. */
export function count(schema: JsonSchema, keyword: string): number | undefined | null {
  const v = schema[keyword];
  if (v === undefined) return undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
}

/** An inclusive count range (of characters, items, ...): `max` is `Infinity` when unbounded. */
export interface CountRange {
  readonly min: number;
  readonly max: number;
}

/**
 * The range a pair of count keywords gives (`minLength`/`maxLength`, `minItems`/`maxItems`); a
 * malformed keyword is reported and read as absent.
 */
export function countRange(schema: JsonSchema, minKey: string, maxKey: string, at: SpecPath, ctx: DeriveContext): CountRange {
  const min = count(schema, minKey);
  const max = count(schema, maxKey);
  if (min === null) ctx.unsupported([...at, minKey], `${minKey} must be a non-negative integer`);
  if (max === null) ctx.unsupported([...at, maxKey], `${maxKey} must be a non-negative integer`);
  return { min: min ?? 0, max: max ?? Infinity };
}

/** A number keyword, `undefined` when absent, `null` when not a finite number. */
export function bound(schema: JsonSchema, keyword: string): number | undefined | null {
  const v = schema[keyword];
  if (v === undefined) return undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Follows `$ref`s to the schema that says something; `null` at a dangling or circular ref. */
export function resolve(schema: JsonValue, ctx: Pick<DeriveContext, 'schemas'>): JsonSchema | null {
  let current: JsonValue = schema;
  for (let hops = 0; hops < 64; hops++) {
    if (!isRecord(current)) return null;
    const name = refName(current as JsonSchema);
    if (name === null) return current as JsonSchema;
    const target = ctx.schemas.get(name);
    if (!target) return null;
    current = target.schema;
  }
  return null;
}

/** Names of the component schemas a schema refers to, in document order, each once. */
export function refsIn(schema: JsonValue): string[] {
  const out = new Set<string>();
  const visit = (node: JsonValue): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isRecord(node)) {
      for (const [k, v] of Object.entries(node as Record<string, JsonValue>)) {
        if (k === '$ref' && typeof v === 'string' && v.startsWith(COMPONENT_REF_PREFIX)) out.add(v.slice(COMPONENT_REF_PREFIX.length));
        else if (k !== 'enum' && k !== 'const' && k !== 'examples' && k !== 'default') visit(v);
      }
    }
  };
  visit(schema);
  return [...out];
}

/**
 * How many distinct values a schema allows, when that is small and known (`enum`, `const`,
 * `boolean`, `null`); `Infinity` otherwise. Bounds `uniqueItems` arrays.
 */
export function domainSize(schema: JsonValue, ctx: Pick<DeriveContext, 'schemas'>): number {
  const s = resolve(schema, ctx);
  if (s === null) return Infinity;
  if ('const' in s) return 1;
  const values = s['enum'];
  if (Array.isArray(values)) return new Set(values.map((v) => JSON.stringify(v))).size;
  const types = typesOf(s);
  if (types && types.every((t) => t === 'boolean' || t === 'null')) return types.reduce((n, t) => n + (t === 'boolean' ? 2 : 1), 0);
  return Infinity;
}

/** Whether every value a schema allows is a string, number, boolean or null (compared with `===`). */
export function isScalar(schema: JsonValue, ctx: Pick<DeriveContext, 'schemas'>): boolean {
  const s = resolve(schema, ctx);
  if (s === null) return false;
  const values = 'const' in s ? [s['const'] ?? null] : Array.isArray(s['enum']) ? (s['enum'] as JsonValue[]) : null;
  if (values) return values.every((v) => v === null || typeof v !== 'object');
  const types = typesOf(s);
  return types !== null && types.every((t) => t !== 'array' && t !== 'object');
}
