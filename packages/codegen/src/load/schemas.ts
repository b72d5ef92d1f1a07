import type { JsonSchema, JsonValue, SpecPath } from '../model.js';

/** Keywords whose value is a map of name -> schema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);
/** Keywords whose value is a schema, or (for `items`) a schema or a list of schemas. */
const SCHEMA_VALUES = new Set([
  'items', 'additionalItems', 'additionalProperties', 'unevaluatedItems', 'unevaluatedProperties',
  'contains', 'propertyNames', 'not', 'if', 'then', 'else',
]);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

export const COMPONENT_REF_PREFIX = '#/components/schemas/';

export interface PlainSchemaProblem {
  readonly rule: 'circular-inline-schema';
  readonly message: string;
  readonly path: SpecPath;
}

/**
 * Turns a schema the parser has dereferenced back into plain JSON in which every use of a
 * component schema is a `$ref` again (the parser tags each schema with `x-parser-schema-id`,
 * which is the component key for components). Parser annotations (`x-parser-*`) are dropped;
 * the spec's own `x-*` extensions are kept.
 */
export function toPlainSchema(
  schema: unknown,
  /** Parser schema id (the key, or the schema's `$id`) -> component key. */
  componentNames: ReadonlyMap<string, string>,
  path: SpecPath,
  problems: PlainSchemaProblem[],
): JsonSchema {
  const stack = new Set<object>();

  const visit = (node: unknown, at: SpecPath, root: boolean): JsonValue => {
    if (typeof node === 'boolean') return node;
    if (!isRecord(node)) return copyData(node);
    const id = node['x-parser-schema-id'];
    const key = typeof id === 'string' ? componentNames.get(id) : undefined;
    if (!root && key !== undefined) {
      return { $ref: COMPONENT_REF_PREFIX + key };
    }
    if (stack.has(node)) {
      problems.push({
        rule: 'circular-inline-schema',
        message: 'a schema refers to itself without going through components.schemas; give it a component name',
        path: at,
      });
      return {};
    }
    stack.add(node);
    const out: Record<string, JsonValue> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-parser-')) continue;
      if (SCHEMA_MAPS.has(key) && isRecord(value)) {
        const map: Record<string, JsonValue> = {};
        for (const [name, sub] of Object.entries(value)) map[name] = visit(sub, [...at, key, name], false);
        out[key] = map;
      } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
        out[key] = value.map((sub, i) => visit(sub, [...at, key, i], false));
      } else if (SCHEMA_VALUES.has(key)) {
        out[key] = Array.isArray(value)
          ? value.map((sub, i) => visit(sub, [...at, key, i], false))
          : visit(value, [...at, key], false);
      } else {
        out[key] = copyData(value);
      }
    }
    stack.delete(node);
    return out;
  };

  const result = visit(schema, path, true);
  return isRecord(result) ? (result as JsonSchema) : {};
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep copy of a JSON value (enum members, examples, defaults), dropping parser annotations. */
export function copyData(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map(copyData);
  if (isRecord(value)) {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) {
      if (!k.startsWith('x-parser-')) out[k] = copyData(v);
    }
    return out;
  }
  return null;
}

/** The component name a `$ref` points to, or `null` for any other schema. */
export function refName(schema: JsonSchema): string | null {
  const ref = schema['$ref'];
  return typeof ref === 'string' && ref.startsWith(COMPONENT_REF_PREFIX) ? ref.slice(COMPONENT_REF_PREFIX.length) : null;
}
