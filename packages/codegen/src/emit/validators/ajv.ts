/**
 * The ajv the validators emitter compiles with (JSON Schema draft 07, as the AsyncAPI 3.0.0
 * Schema Object uses it): strict about schemas, never about what JSON Schema allows, holding every
 * schema of the model under one `$id` so that `$ref`s between them compile to shared functions.
 */
import { Ajv, _ } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { EXTRA_FORMATS } from '@switchboard/runtime/validation/formats';
import type { Diagnostic } from '../../diagnostics.js';
import type { JsonValue, Model, SpecPath } from '../../model.js';
import { walkSchema } from '../../lib/json-schema.js';
import { COMPONENT_REF_PREFIX, isRecord } from '../../load/schemas.js';

// A CommonJS module whose `module.exports` carries the function as `default` too.
const addFormats = addFormatsModule.default;

export const SPEC_ID = 'asyncapi';
/** Schema Object keywords that are not JSON Schema: dropped before ajv sees the schema. */
const NON_JSON_SCHEMA_KEYWORDS = new Set(['discriminator', 'externalDocs', 'xml', 'example']);

/** The reference ajv resolves to a component schema. */
export function definitionRef(schema: string): string {
  return `${SPEC_ID}#/definitions/${schema}`;
}

/** ajv as the generated validators need it; strict about schemas, never about what JSON Schema allows. */
function createAjv(validateSchema: boolean): Ajv {
  const ajv = new Ajv({
    strict: true,
    // JSON Schema allows `required` without `properties`, keywords without `type`, open tuples:
    // published documents do all three, and the parser accepts them, so ajv must too.
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    // Without the meta-schema check for the fallback (see compileStandalone): the parser has
    // checked every schema against the AsyncAPI meta-schema already. It stays on otherwise, as it
    // numbers the functions of the module.
    validateSchema,
    allowUnionTypes: true,
    allErrors: false,
    ownProperties: true,
    // Each referenced schema becomes one function instead of a copy at every use: a third less code.
    inlineRefs: false,
    code: { source: true, esm: true, lines: true, formats: _`fullFormats`, optimize: true },
  });
  addFormats(ajv);
  // The draft 07 formats ajv-formats lacks (iri, iri-reference, idn-hostname, idn-email): the
  // runtime's checks, which the generated module imports in place of `fullFormats` (module.ts).
  for (const [name, { format }] of Object.entries(EXTRA_FORMATS)) ajv.addFormat(name, format);
  return ajv;
}

/**
 * Keywords ajv does not know (OpenAPI's `nullable`, a vendor's own) are annotations to JSON
 * Schema, and formats it does not know are not checked (JSON Schema says so for unknown formats):
 * both are registered so that strict mode accepts the schema, and each is reported where it is.
 */
function admitUnknowns(ajv: Ajv, model: Model, diagnostics: Diagnostic[]): void {
  for (const s of model.schemas) {
    walkSchema(forAjv(s.schema), s.path, (node, at) => {
      for (const key of Object.keys(node)) {
        if (ajv.RULES.keywords[key] === true || ajv.RULES.all[key] !== undefined || key === 'definitions') continue;
        ajv.addKeyword({ keyword: key });
        diagnostics.push(emitterWarning(model, 'unknown-keyword', `keyword "${key}" is not JSON Schema; the validators ignore it`, [...at, key]));
      }
      const format = node['format'];
      if (typeof format === 'string' && !(format in ajv.formats)) {
        ajv.addFormat(format, true);
        diagnostics.push(emitterWarning(model, 'unknown-format', `format "${format}" is unknown; the validators accept any string for it`, [...at, 'format']));
      }
    });
  }
}

/** A finding of this emitter; the pipeline gives it the line and column of `path`. */
export function emitterWarning(model: Model, rule: string, message: string, path: SpecPath): Diagnostic {
  return { severity: 'warning', rule: `switchboard/${rule}`, message, file: model.source, line: 0, column: 0, path };
}

/** A fresh ajv holding every schema of the model, ready to compile any of them. */
export function ajvFor(model: Model, diagnostics: Diagnostic[], validateSchema = true): Ajv {
  const ajv = createAjv(validateSchema);
  admitUnknowns(ajv, model, diagnostics);
  const definitions: Record<string, JsonValue> = {};
  for (const s of model.schemas) definitions[s.name] = forAjv(s.schema);
  ajv.addSchema({ $id: SPEC_ID, definitions }, SPEC_ID);
  return ajv;
}

/** The schema as ajv should see it: refs into `definitions`, extensions and non-JSON-Schema keywords dropped. */
function forAjv(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(forAjv);
  if (!isRecord(value)) return value;
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(value as Record<string, JsonValue>)) {
    if (k.startsWith('x-') || NON_JSON_SCHEMA_KEYWORDS.has(k)) continue;
    // `$id` would move the base of the `#/definitions/...` references; `$schema` names a meta-schema ajv may not have.
    if (k === '$id' || k === '$schema') continue;
    if (k === '$ref' && typeof v === 'string' && v.startsWith(COMPONENT_REF_PREFIX)) {
      out[k] = `#/definitions/${v.slice(COMPONENT_REF_PREFIX.length)}`;
    } else if (k === 'enum' || k === 'const' || k === 'examples' || k === 'default') {
      out[k] = v;
    } else {
      out[k] = forAjv(v);
    }
  }
  return out;
}
