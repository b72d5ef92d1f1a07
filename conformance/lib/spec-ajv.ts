/**
 * An ajv instance that knows the spec's component schemas, built from the raw YAML and nothing of
 * our codegen, so the suites that use it check the spec independently of the generated code.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { child, isObject, rawSpec, type Json, type JsonObject } from './spec.js';

// A CommonJS module whose `module.exports` carries the function as `default` too.
const addFormats = addFormatsModule.default;

/** Base URI under which the spec's components are registered; `$ref`s stay as written. */
export const SPEC_URI = 'https://switchboard.invalid/asyncapi.yaml';

/** Keywords whose value is data, not a schema: their keys are never extensions. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'examples', 'default']);
/** Keywords whose value maps names to schemas: their keys are names, not keywords. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);

/** The schema without AsyncAPI extensions (`x-*` keywords), which ajv's strict mode refuses. */
export function withoutExtensions(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(withoutExtensions);
  if (!isObject(schema)) return schema;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-')) continue;
    if (DATA_KEYWORDS.has(key)) {
      out[key] = value;
    } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
      const map: Record<string, Json> = {};
      for (const [name, sub] of Object.entries(value)) map[name] = withoutExtensions(sub);
      out[key] = map;
    } else {
      out[key] = withoutExtensions(value);
    }
  }
  return out;
}

/**
 * A strict draft-07 ajv with ajv-formats, holding `{ components: { schemas } }` of the spec under
 * {@link SPEC_URI}, so that `#/components/schemas/<Name>` resolves exactly as written in the spec.
 */
export function createSpecAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  // `components` is not a JSON Schema keyword: declare it so strict mode accepts the container.
  ajv.addKeyword({ keyword: 'components' });
  const schemas = withoutExtensions(child(child(rawSpec(), 'components'), 'schemas')) as JsonObject;
  ajv.addSchema({ $id: SPEC_URI, components: { schemas } });
  return ajv;
}

/** Compiles a message payload, which the spec always writes as `{ $ref: '#/components/schemas/X' }`. */
export function compilePayload(ajv: Ajv, payload: Json): ValidateFunction {
  const ref = isObject(payload) ? payload['$ref'] : undefined;
  if (typeof ref !== 'string' || !ref.startsWith('#/components/schemas/')) {
    throw new TypeError(`payload is not a $ref to a component schema: ${JSON.stringify(payload)}`);
  }
  return ajv.compile({ $ref: SPEC_URI + ref });
}
