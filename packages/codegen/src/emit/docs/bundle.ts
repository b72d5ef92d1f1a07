/**
 * Self-contained JSON Schemas (AsyncAPI 3.0.0 "Message Object" `payload`, "Schema Object"
 * written as JSON Schema draft 07): one file per message, its payload at the root and every
 * component it needs copied into `definitions`, plus `index.json` listing them.
 *
 * `$id` is relative (`chatSend.json`): the model knows no URL the schemas are served from (the
 * servers are message endpoints), and a relative id stays right wherever the package is read
 * from (node_modules, a CDN, a checkout), resolving against the file's own location.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { JsonSchema, JsonValue, MessageModel, Model, SchemaModel } from '../../model.js';
import { COMPONENT_REF_PREFIX, isRecord } from '../../load/schemas.js';
import { closureOf, mapSchema } from '../../lib/json-schema.js';
import type { GeneratedFile } from '../context.js';

export const SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

/** Schema Object keywords that are AsyncAPI's, not JSON Schema's. `x-*` extensions are legal JSON Schema and stay. */
const ASYNCAPI_ONLY_KEYWORDS = new Set(['discriminator', 'externalDocs']);

/** Where a message's bundled schema is written, relative to the output directory. */
export function schemaPath(m: MessageModel): string {
  return `schemas/${m.key}.json`;
}

/** `client-to-server`, `server-to-client`, `both` or `none`. */
export function directionName(m: MessageModel): string {
  const { fromClient, fromServer } = m.directions;
  return fromClient && fromServer ? 'both' : fromClient ? 'client-to-server' : fromServer ? 'server-to-client' : 'none';
}

/** A component schema as plain JSON Schema: refs point into `definitions`, AsyncAPI-only keywords dropped. */
function toDraft07(schema: JsonValue): JsonValue {
  return mapSchema(schema, (node) => {
    const out: Record<string, JsonValue> = {};
    for (const [key, value] of Object.entries(node)) {
      if (ASYNCAPI_ONLY_KEYWORDS.has(key)) continue;
      out[key] = key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_REF_PREFIX)
        ? `#/definitions/${value.slice(COMPONENT_REF_PREFIX.length)}`
        : value;
    }
    return out;
  });
}

/**
 * The bundled schema of one message: `$comment`, `$schema`, `$id`, then the payload schema's own
 * keywords in spec order, then `definitions` (in the document's order). The payload is in
 * `definitions` too only when something refers back to it.
 */
export function bundleMessage(
  model: Model,
  m: MessageModel,
  schemas: ReadonlyMap<string, SchemaModel>,
  source: string,
  diagnostics: Diagnostic[],
): Record<string, JsonValue> {
  const root = schemas.get(m.payloadSchema)?.schema ?? {};
  const body = toDraft07(root) as JsonSchema;
  const definitions: Record<string, JsonValue> = {};
  const own = isRecord(body['definitions']) ? (body['definitions'] as JsonSchema) : {};
  Object.assign(definitions, own);
  for (const name of closureOf(root, schemas)) {
    if (name in own) {
      diagnostics.push({
        severity: 'error',
        rule: 'switchboard/docs-definition-clash',
        message: `the payload of message "${m.key}" has its own definitions.${name}, which is also a component schema; rename one`,
        file: model.source,
        line: 0,
        column: 0,
        path: m.path,
      });
      continue;
    }
    definitions[name] = toDraft07(schemas.get(name)?.schema ?? {});
  }
  const out: Record<string, JsonValue> = {
    $comment: `generated from ${source} by @switchboard/codegen - do not edit`,
    $schema: SCHEMA_DIALECT,
    $id: `${m.key}.json`,
  };
  for (const [key, value] of Object.entries(body)) {
    if (key !== '$schema' && key !== '$id' && key !== '$comment' && key !== 'definitions') out[key] = value;
  }
  if (Object.keys(definitions).length > 0) out['definitions'] = definitions;
  return out;
}

/** Pretty JSON, two spaces, one trailing newline. */
export function jsonFile(path: string, value: JsonValue): GeneratedFile {
  return { path, content: `${JSON.stringify(value, null, 2)}\n` };
}

/**
 * `schemas/<key>.json` per message and `schemas/index.json`. A key whose file would collide with
 * another's on a case-insensitive file system, or with `index.json`, is an error.
 */
export function schemaFiles(model: Model, schemas: ReadonlyMap<string, SchemaModel>, source: string, diagnostics: Diagnostic[]): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const entries: JsonValue[] = [];
  const taken = new Map<string, string>([['index', '(schemas/index.json)']]);
  for (const m of model.messages) {
    const folded = m.key.toLowerCase();
    const other = taken.get(folded);
    if (other !== undefined) {
      diagnostics.push({
        severity: 'error',
        rule: 'switchboard/docs-schema-file-clash',
        message: `message "${m.key}" would be written to ${schemaPath(m)}, which clashes with ${other} on case-insensitive file systems; rename the message`,
        file: model.source,
        line: 0,
        column: 0,
        path: m.path,
      });
      continue;
    }
    taken.set(folded, `message "${m.key}"`);
    files.push(jsonFile(schemaPath(m), bundleMessage(model, m, schemas, source, diagnostics)));
    entries.push({ type: m.type, key: m.key, direction: directionName(m), schema: `./${m.key}.json` });
  }
  files.push(jsonFile('schemas/index.json', {
    $comment: `generated from ${source} by @switchboard/codegen - do not edit`,
    messages: entries,
  }));
  return files;
}
