/**
 * Walks the subschemas of a JSON Schema (draft 07, the base of the AsyncAPI 3.0.0 "Schema
 * Object"), knowing which keywords hold schemas and which hold data (`enum`, `const`, `default`,
 * `examples`, `x-*`), so that a `$ref` or a keyword-like key inside data is never touched.
 */
import type { JsonSchema, JsonValue, SchemaModel, SpecPath } from '../model.js';
import { isRecord, refName } from '../load/schemas.js';

/** Keywords whose value is a map of name -> schema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);
/** Keywords whose value is a schema, or (for `items`) a schema or a list of schemas. */
const SCHEMA_VALUES = new Set([
  'items', 'additionalItems', 'additionalProperties', 'unevaluatedItems', 'unevaluatedProperties',
  'contains', 'propertyNames', 'not', 'if', 'then', 'else',
]);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

/**
 * Rebuilds a schema bottom-up: `visit` gets each schema object (its subschemas already rebuilt)
 * and returns its replacement. Key order is kept; boolean schemas are passed through.
 */
export function mapSchema(schema: JsonValue, visit: (schema: JsonSchema) => JsonSchema): JsonValue {
  if (!isRecord(schema)) return schema;
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(schema as JsonSchema)) {
    if (SCHEMA_MAPS.has(key) && isRecord(value)) {
      const map: Record<string, JsonValue> = {};
      for (const [name, sub] of Object.entries(value as JsonSchema)) map[name] = mapSchema(sub, visit);
      out[key] = map;
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map((sub: JsonValue) => mapSchema(sub, visit));
    } else if (SCHEMA_VALUES.has(key)) {
      out[key] = Array.isArray(value) ? value.map((sub: JsonValue) => mapSchema(sub, visit)) : mapSchema(value, visit);
    } else {
      out[key] = value;
    }
  }
  return visit(out);
}

/** The component names a schema refers to (`#/components/schemas/<Name>`), each once, in the order met. */
export function refsOf(schema: JsonValue): string[] {
  const found: string[] = [];
  mapSchema(schema, (s) => {
    const name = refName(s);
    if (name !== null && !found.includes(name)) found.push(name);
    return s;
  });
  return found;
}

/**
 * Every component a schema needs, directly or through other components, in the order of
 * `schemas` (the document's order), so output built from it does not depend on traversal order.
 */
export function closureOf(schema: JsonValue, schemas: ReadonlyMap<string, SchemaModel>): string[] {
  const seen = new Set<string>();
  const queue = refsOf(schema);
  while (queue.length > 0) {
    const name = queue.shift() ?? '';
    if (seen.has(name)) continue;
    seen.add(name);
    const target = schemas.get(name);
    if (target) queue.push(...refsOf(target.schema));
  }
  return [...schemas.keys()].filter((name) => seen.has(name));
}

/** Follows `$ref`s to the schema they name (at most 16 hops, so a cycle of bare refs ends). */
export function resolve(schema: JsonValue, schemas: ReadonlyMap<string, SchemaModel>): JsonSchema | null {
  let current: JsonValue | undefined = schema;
  for (let hops = 0; hops < 16; hops++) {
    if (!isRecord(current)) return null;
    const name = refName(current as JsonSchema);
    if (name === null) return current as JsonSchema;
    current = schemas.get(name)?.schema;
  }
  return null;
}

/**
 * Calls `visit` on every schema object inside `schema` (itself included), with its path, so that
 * a finding about a nested schema can name where it is.
 */
export function walkSchema(schema: JsonValue, path: SpecPath, visit: (schema: JsonSchema, path: SpecPath) => void): void {
  if (!isRecord(schema)) return;
  visit(schema as JsonSchema, path);
  for (const [key, value] of Object.entries(schema as JsonSchema)) {
    if (SCHEMA_MAPS.has(key) && isRecord(value)) {
      for (const [name, sub] of Object.entries(value as JsonSchema)) walkSchema(sub, [...path, key, name], visit);
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      value.forEach((sub: JsonValue, i: number) => walkSchema(sub, [...path, key, i], visit));
    } else if (SCHEMA_VALUES.has(key)) {
      if (Array.isArray(value)) value.forEach((sub: JsonValue, i: number) => walkSchema(sub, [...path, key, i], visit));
      else walkSchema(value, [...path, key], visit);
    }
  }
}
