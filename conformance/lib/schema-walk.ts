/** Walking JSON Schemas of the raw spec: every subschema, with its path, and the `$ref`s between them. */
import { isObject, type Json, type JsonObject } from './spec.js';

/** Keywords whose value is one schema (or, for `items`, a schema or a list of schemas). */
const SCHEMA_VALUES = ['items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'not', 'if', 'then', 'else'];
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
/** Keywords whose value maps names to schemas (`dependencies` also allows lists of names). */
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', 'dependencies'];

export const COMPONENT_SCHEMA_PREFIX = '#/components/schemas/';

export interface Visited {
  readonly schema: JsonObject;
  /** Path from the walk's root, e.g. `properties/data/properties/events/items`. */
  readonly path: string;
}

/** Every schema object in `root`, the root included, depth first; `$ref`s are not followed. */
export function subschemas(root: Json, rootPath = ''): Visited[] {
  const out: Visited[] = [];
  const visit = (node: Json | undefined, path: string): void => {
    if (!isObject(node)) return;
    out.push({ schema: node, path });
    const at = (key: string): string => (path === '' ? key : `${path}/${key}`);
    for (const key of SCHEMA_VALUES) {
      const value = node[key];
      if (Array.isArray(value)) value.forEach((s, i) => visit(s, at(`${key}/${i}`)));
      else visit(value, at(key));
    }
    for (const key of SCHEMA_LISTS) {
      const value = node[key];
      if (Array.isArray(value)) value.forEach((s, i) => visit(s, at(`${key}/${i}`)));
    }
    for (const key of SCHEMA_MAPS) {
      const value = node[key];
      if (isObject(value)) for (const [name, s] of Object.entries(value)) visit(s, at(`${key}/${name}`));
    }
  };
  visit(root, rootPath);
  return out;
}

/** Component schema names that `root` refers to directly (not transitively). */
export function directRefs(root: Json): string[] {
  return subschemas(root)
    .map(({ schema }) => schema['$ref'])
    .filter((ref): ref is string => typeof ref === 'string')
    .map((ref) => {
      if (!ref.startsWith(COMPONENT_SCHEMA_PREFIX)) throw new RangeError(`$ref outside components.schemas: ${ref}`);
      return ref.slice(COMPONENT_SCHEMA_PREFIX.length);
    });
}

/** Names of every component schema reachable from `roots`, following `$ref`s transitively. */
export function reachableSchemas(roots: readonly Json[], components: JsonObject): Set<string> {
  const seen = new Set<string>();
  const queue = roots.flatMap(directRefs);
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const schema = components[name];
    if (schema === undefined) throw new RangeError(`$ref to a missing component schema: ${name}`);
    queue.push(...directRefs(schema));
  }
  return seen;
}
