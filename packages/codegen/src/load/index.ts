/**
 * The load step (AsyncAPI 3.0.0, sections "Operation Object", "Message Object", "Schema Object"):
 * @asyncapi/parser reads the document and reports its diagnostics; this file turns the parsed
 * document into the plain `Model` that every emitter reads.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromFile, type AsyncAPIDocumentInterface, type MessageInterface } from '@asyncapi/parser';
import { createParser } from './parser.js';
import { readsAsJsonSchema, registerSchemaFormats } from './formats.js';
import { remoteResolvers, type ResolveMap } from './resolver.js';
import { SourceLocator, SpecError, type Diagnostic } from '../diagnostics.js';
import type {
  ChannelModel, ExampleModel, JsonSchema, JsonValue, MessageModel, Model, OperationModel,
  SchemaModel, SecuritySchemeModel, ServerModel, SpecPath,
} from '../model.js';
import { copyData, isRecord, refName, toPlainSchema, type PlainSchemaProblem } from './schemas.js';
import { pascalCase, typeName } from '../lib/names.js';

export interface LoadResult {
  readonly model: Model;
  /** Every finding, errors excluded (those throw): warnings and infos from the parser and from us. */
  readonly diagnostics: readonly Diagnostic[];
}

const SEVERITIES = ['error', 'warning', 'info', 'info'] as const;

export interface LoadOptions {
  /**
   * Local copies of remote `$ref` targets, by URL prefix (see ResolveMap).
   * @default {} (remote references are fetched)
   * @example { 'https://example.com/schemas/': 'vendor/schemas' }
   */
  readonly resolve?: ResolveMap;
}

/**
 * Parses `specFile` and builds the model.
 * @throws {SpecError} when the parser or the model builder finds an error.
 */
export async function load(specFile: string, options: LoadOptions = {}): Promise<LoadResult> {
  const file = path.relative(process.cwd(), specFile) || specFile;
  const text = await readFile(specFile, 'utf8');
  const locator = new SourceLocator(file, text);
  const parser = createParser();
  await registerSchemaFormats(parser, text);
  const resolve = options.resolve ?? {};
  const parseOptions = Object.keys(resolve).length === 0 ? {} : { __unstable: { resolver: { resolvers: remoteResolvers(resolve) } } };
  const { document, diagnostics: raw } = await fromFile(parser, specFile).parse(parseOptions);
  const diagnostics: Diagnostic[] = raw.map((d) => ({
    severity: SEVERITIES[d.severity] ?? 'info',
    rule: String(d.code),
    message: d.message,
    file: d.source ? path.relative(process.cwd(), d.source) || file : file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    path: d.path,
  }));
  if (!document || diagnostics.some((d) => d.severity === 'error')) {
    throw new SpecError(diagnostics);
  }
  const model = buildModel(document, file, locator, diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) throw new SpecError(diagnostics);
  return { model, diagnostics };
}

function buildModel(doc: AsyncAPIDocumentInterface, source: string, locator: SourceLocator, diagnostics: Diagnostic[]): Model {
  const componentSchemas = doc.components().schemas().all();
  // The parser names a schema by its `$id` when it has one; the model, by its key.
  const keys = Object.keys(componentsJson(doc, 'schemas'));
  const keyOfSchema = (i: number, id: string): string => keys[i] ?? id;
  const componentNames = new Map(componentSchemas.map((s, i) => [s.id(), keyOfSchema(i, s.id())]));
  const components = componentIndex(componentSchemas.map((s, i) => [keyOfSchema(i, s.id()), s.json()] as const));
  const problems: PlainSchemaProblem[] = [];
  const schemas: SchemaModel[] = componentSchemas.map((s, i) => {
    const name = keyOfSchema(i, s.id());
    const p = ['components', 'schemas', name];
    return { name, schema: toPlainSchema(s.json(), componentNames, p, problems), component: true, path: p };
  });
  const schemaNames = new Set(schemas.map((s) => s.name));

  const found = messageObjectsOf(doc);
  const keyOf = (m: MessageInterface): string => found.get(m.json())?.key ?? m.id();

  const fromClient = new Set<string>();
  const fromServer = new Set<string>();
  const operations: OperationModel[] = doc.allOperations().all().map((op) => {
    const action = op.action() === 'send' ? 'send' : 'receive';
    const messages = op.messages().all().map(keyOf);
    const reply = op.reply();
    const replyMessages = reply ? reply.messages().all().map(keyOf) : null;
    for (const k of messages) (action === 'receive' ? fromClient : fromServer).add(k);
    for (const k of replyMessages ?? []) (action === 'receive' ? fromServer : fromClient).add(k);
    const json = op.json();
    return {
      key: op.id() ?? '',
      action,
      channel: op.channels().all()[0]?.id() ?? '',
      messages,
      reply: replyMessages,
      summary: op.summary() ?? null,
      description: op.description() ?? null,
      extensions: extensionsOf(json),
      path: ['operations', op.id() ?? ''],
    };
  });

  const messages: MessageModel[] = [];
  const untyped: Diagnostic[] = [];
  const inlineNames = new Map<string, string>();
  for (const { key, message: m, path: msgPath } of found.values()) {
    const payloadJson = payloadOf(m, locator, diagnostics, msgPath);
    let payload: JsonSchema;
    let payloadSchema: string;
    const payloadId = payloadJson === undefined ? undefined : componentOf(payloadJson, componentNames, components);
    if (payloadJson && payloadId !== undefined) {
      payload = { $ref: `#/components/schemas/${payloadId}` };
      payloadSchema = payloadId;
    } else {
      payloadSchema = inlinePayloadName(key, schemaNames, inlineNames);
      if (inlineNames.has(payloadSchema)) {
        diagnostics.push(locator.diagnostic('error', 'payload-name-clash',
          `message "${key}" has an inline payload whose derived name ${payloadSchema} is already a schema; move the payload to components.schemas`,
          [...msgPath, 'payload']));
      }
      inlineNames.set(payloadSchema, key);
      payload = payloadJson
        ? toPlainSchema(payloadJson, componentNames, [...msgPath, 'payload'], problems)
        : {};
      schemas.push({ name: payloadSchema, schema: payload, component: false, path: [...msgPath, 'payload'] });
      payload = { $ref: `#/components/schemas/${payloadSchema}` };
      if (!payloadJson) {
        diagnostics.push(locator.diagnostic('warning', 'message-without-payload',
          `message "${key}" has no payload; it is typed as an empty object`, msgPath));
      }
    }
    const payloadPlain = schemas.find((s) => s.name === payloadSchema)?.schema ?? {};
    const type = typeConstOf(payloadPlain, schemas);
    if (type === null) {
      untyped.push(locator.diagnostic('warning', 'message-without-type-const',
        `message "${key}" has no \`type\` property with a const value; it is left out of the type-dispatched unions and validators`,
        [...msgPath, 'payload']));
    }
    const json = m.json();
    messages.push({
      key,
      name: m.name() ?? key,
      type,
      title: m.title() ?? null,
      summary: m.summary() ?? null,
      description: m.description() ?? null,
      payload,
      payloadSchema,
      examples: m.examples().all().map((e): ExampleModel => ({
        name: e.name() ?? null,
        summary: e.summary() ?? null,
        payload: copyData(e.payload()),
      })),
      correlationId: m.correlationId()?.location() ?? null,
      directions: { fromClient: fromClient.has(key), fromServer: fromServer.has(key) },
      extensions: extensionsOf(json),
      path: msgPath,
    });
  }

  // In a document that routes no message by a `type` const (not written for Switchboard's
  // envelope), every message is left out of the unions by design: a note, not a warning each.
  const routesByType = messages.some((m) => m.type !== null);
  diagnostics.push(...untyped.map((d) => (routesByType ? d : { ...d, severity: 'info' as const })));
  for (const p of problems) diagnostics.push(locator.diagnostic('error', p.rule, p.message, p.path));

  const seenTypes = new Map<string, string>();
  for (const [i, m] of messages.entries()) {
    if (m.type === null) continue;
    for (const dir of ['fromClient', 'fromServer'] as const) {
      if (!m.directions[dir]) continue;
      const k = `${dir}:${m.type}`;
      const other = seenTypes.get(k);
      if (other !== undefined) {
        diagnostics.push(locator.diagnostic('warning', 'duplicate-message-type',
          `messages "${other}" and "${m.key}" both have type "${m.type}" in the same direction; "${m.key}" is left out of the type-dispatched unions`,
          m.path));
        messages[i] = { ...m, type: null };
        break;
      }
      seenTypes.set(k, m.key);
    }
    if (!m.directions.fromClient && !m.directions.fromServer) {
      diagnostics.push(locator.diagnostic('warning', 'message-not-in-operation',
        `message "${m.key}" is not used by any operation, so nothing sends or receives it`, m.path));
    }
  }

  const channels: ChannelModel[] = doc.channels().all().map((c) => ({
    key: c.id(),
    address: c.address() ?? null,
    description: c.description() ?? null,
    messages: c.messages().all().map(keyOf),
    parameters: c.parameters().all().map((p) => p.id()),
    path: ['channels', c.id()],
  }));

  // A $ref'd scheme in a server's security list has no id of its own: name it by its component.
  const schemeKeys = new Map<unknown, string>(doc.components().securitySchemes().all().map((s) => [s.json(), s.id()]));
  const servers: ServerModel[] = doc.servers().all().map((s) => ({
    key: s.id(),
    host: s.host(),
    protocol: s.protocol(),
    pathname: s.pathname() ?? null,
    description: s.description() ?? null,
    security: s.security().flatMap((req) => req.all().map((r) => schemeKeys.get(r.scheme().json()) ?? r.scheme().id())),
  }));

  const securitySchemes: SecuritySchemeModel[] = doc.components().securitySchemes().all().map((s) => ({
    key: s.id(),
    type: s.type(),
    description: s.description() ?? null,
    in: s.in() ?? null,
    name: s.name() ?? null,
    scheme: s.scheme() ?? null,
    bearerFormat: s.bearerFormat() ?? null,
  }));

  const info = doc.info();
  return {
    source,
    asyncapi: doc.version(),
    info: { title: info.title(), version: info.version(), description: info.description() ?? null },
    servers,
    channels,
    schemas,
    messages,
    operations,
    securitySchemes,
  };
}

/** The `const` (or single-value `enum`) of the payload's `type` property, following `$ref`s. */
function typeConstOf(payload: JsonSchema, schemas: readonly SchemaModel[]): string | null {
  let schema: JsonSchema | undefined = payload;
  for (let hops = 0; schema && hops < 8; hops++) {
    const ref = refName(schema);
    if (ref === null) break;
    schema = schemas.find((s) => s.name === ref)?.schema;
  }
  const props = schema?.['properties'];
  if (!isRecord(props)) return null;
  let type = props['type'];
  for (let hops = 0; isRecord(type) && hops < 8; hops++) {
    const ref = refName(type as JsonSchema);
    if (ref === null) break;
    type = schemas.find((s) => s.name === ref)?.schema;
  }
  if (!isRecord(type)) return null;
  const c = type['const'];
  if (typeof c === 'string') return c;
  const e = type['enum'];
  if (Array.isArray(e) && e.length === 1 && typeof e[0] === 'string') return e[0];
  return null;
}

function extensionsOf(json: Record<string, unknown>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(json)) {
    if (k.startsWith('x-') && !k.startsWith('x-parser-')) out[k] = copyData(v);
  }
  return out;
}


interface FoundMessage {
  /** The model's key: the component key, else the key in its channel, qualified by the channel when taken. */
  readonly key: string;
  readonly message: MessageInterface;
  readonly path: SpecPath;
}

/**
 * Every distinct message object, by its JSON object: the parser gives one object per message,
 * however many channels and operations `$ref` it, while its `id()` and unique id are the key
 * under which it was met (two messages `posted` in two channels would be one).
 */
function messageObjectsOf(doc: AsyncAPIDocumentInterface): Map<object, FoundMessage> {
  const found = new Map<object, FoundMessage>();
  const taken = new Set<string>();
  const add = (m: MessageInterface, key: string, path: SpecPath, channel: string | null): void => {
    if (found.has(m.json())) return;
    let unique = key;
    // Two different messages under one key (in two channels) would share every derived name.
    for (let n = 2; taken.has(unique); n++) unique = channel === null ? `${key}${n}` : n === 2 ? `${channel}.${key}` : `${channel}.${key}${n - 1}`;
    taken.add(unique);
    found.set(m.json(), { key: unique, message: m, path });
  };
  for (const m of doc.components().messages().all()) add(m, m.id(), ['components', 'messages', m.id()], null);
  for (const c of doc.channels().all()) {
    for (const m of c.messages().all()) add(m, m.id(), ['channels', c.id(), 'messages', m.id()], c.id());
  }
  // Messages only an operation names (the parser lists them too): by their own id.
  for (const m of doc.allMessages().all()) add(m, m.id(), ['components', 'messages', m.id()], null);
  return found;
}

/** `<Key>Payload`, or, when a schema's type already has that name, `<Key>MessagePayload` (then numbered). */
function inlinePayloadName(key: string, schemaNames: ReadonlySet<string>, inlineNames: ReadonlyMap<string, string>): string {
  const typeNames = new Set([...schemaNames, ...inlineNames.keys()].map((n) => typeName(n)));
  const base = `${pascalCase(key)}Payload`;
  if (!typeNames.has(base)) return base;
  let name = `${pascalCase(key)}MessagePayload`;
  for (let n = 2; typeNames.has(name); n++) name = `${pascalCase(key)}MessagePayload${n}`;
  return name;
}

/**
 * The payload schema of a message as JSON. A Multi Format Schema Object (`{ schemaFormat, schema }`)
 * is unwrapped when its schema is JSON Schema (as written, or converted by a plugin); one in a
 * format no plugin converts is reported and read as a schema that allows anything.
 */
function payloadOf(m: MessageInterface, locator: SourceLocator, diagnostics: Diagnostic[], at: SpecPath): Record<string, unknown> | undefined {
  const json = m.payload()?.json() as Record<string, unknown> | undefined;
  if (!isRecord(json) || typeof json['schemaFormat'] !== 'string' || !('schema' in json)) return json;
  const format = json['schemaFormat'];
  if (readsAsJsonSchema(format) && isRecord(json['schema'])) return json['schema'];
  diagnostics.push(locator.diagnostic('warning', 'schema-format',
    `payload schema format "${format}" is not converted to JSON Schema; the payload is typed \`unknown\``, [...at, 'payload', 'schemaFormat']));
  return {};
}

/** Component schemas by the canonical JSON of their dereferenced form, to recognise a copy. */
function componentIndex(entries: readonly (readonly [string, unknown])[]): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const [name, json] of entries) {
    const key = canonical(json);
    if (key !== null && !index.has(key)) index.set(key, name);
  }
  return index;
}

/**
 * The component a payload is, by its parser id, or else by content: the parser copies a payload
 * when it applies message traits, and the copy loses the component's id.
 */
function componentOf(payload: Record<string, unknown>, names: ReadonlyMap<string, string>, components: ReadonlyMap<string, string>): string | undefined {
  const id = payload['x-parser-schema-id'];
  if (typeof id === 'string' && names.has(id)) return names.get(id);
  const key = canonical(payload);
  return key === null ? undefined : components.get(key);
}

/** JSON text without parser annotations, keys sorted; `null` for a circular value. */
function canonical(value: unknown, seen: Set<object> = new Set()): string | null {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (seen.has(value)) return null;
  seen.add(value);
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (const v of value) {
      const c = canonical(v, seen);
      if (c === null) return null;
      parts.push(c);
    }
    seen.delete(value);
    return `[${parts.join(',')}]`;
  }
  for (const k of Object.keys(value).sort()) {
    if (k.startsWith('x-parser-')) continue;
    const c = canonical((value as Record<string, unknown>)[k], seen);
    if (c === null) return null;
    parts.push(`${JSON.stringify(k)}:${c}`);
  }
  seen.delete(value);
  return `{${parts.join(',')}}`;
}

/** `components.<kind>` of the document as written (keys in document order), or `{}`. */
function componentsJson(doc: AsyncAPIDocumentInterface, kind: string): Record<string, unknown> {
  const components = doc.json()['components'];
  const map = isRecord(components) ? components[kind] : undefined;
  return isRecord(map) ? map : {};
}
