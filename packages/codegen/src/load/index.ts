/**
 * The load step (AsyncAPI 3.0.0, sections "Operation Object", "Message Object", "Schema Object"):
 * @asyncapi/parser reads the document and reports its diagnostics; this file turns the parsed
 * document into the plain `Model` that every emitter reads.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromFile, type AsyncAPIDocumentInterface, type MessageInterface } from '@asyncapi/parser';
import { createParser } from './parser.js';
import { registerSchemaFormats } from './formats.js';
import { componentIndex, componentOf, inlinePayloadName, messageObjectsOf, payloadOf, type FoundMessage } from './messages.js';
import { remoteResolvers, type ResolveMap } from './resolver.js';
import { SourceLocator, SpecError, type Diagnostic } from '../diagnostics.js';
import type {
  ChannelModel, ExampleModel, JsonSchema, JsonValue, MessageModel, Model, OperationModel, ParameterModel,
  RoleModel, SchemaModel, SecuritySchemeModel, ServerModel, SpecPath,
} from '../model.js';
import { copyData, isRecord, refName, toPlainSchema, type PlainSchemaProblem } from './schemas.js';
import { ROLE_EXTENSION, roleOf, type Side } from './role.js';


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
  /**
   * The side the document describes, over its `x-switchboard-role` and its title (see role.ts).
   * @default undefined (decided from the document)
   * @example 'client'
   */
  readonly role?: Side;
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
  const model = buildModel(document, file, locator, diagnostics, options.role);
  if (diagnostics.some((d) => d.severity === 'error')) throw new SpecError(diagnostics);
  return { model, diagnostics };
}

/** What the parts of buildModel share: the document, where findings go, and how schemas are named. */
interface BuildContext {
  readonly doc: AsyncAPIDocumentInterface;
  readonly locator: SourceLocator;
  readonly diagnostics: Diagnostic[];
  readonly problems: PlainSchemaProblem[];
  /** Parser schema id (the key, or the schema's `$id`) -> component key. */
  readonly componentNames: ReadonlyMap<string, string>;
  /** Component keys by the canonical JSON of their schema (see componentOf). */
  readonly components: ReadonlyMap<string, string>;
  readonly keyOf: (m: MessageInterface) => string;
  readonly role: RoleModel;
}

function buildModel(doc: AsyncAPIDocumentInterface, source: string, locator: SourceLocator, diagnostics: Diagnostic[], option: Side | undefined): Model {
  const componentSchemas = doc.components().schemas().all();
  // The parser names a schema by its `$id` when it has one; the model, by its key.
  const keys = Object.keys(componentsJson(doc, 'schemas'));
  const named = componentSchemas.map((s, i) => ({ schema: s, name: keys[i] ?? s.id() }));
  const found = messageObjectsOf(doc);
  const ctx: BuildContext = {
    doc, locator, diagnostics, problems: [],
    componentNames: new Map(named.map((n) => [n.schema.id(), n.name])),
    components: componentIndex(named.map((n) => [n.name, n.schema.json()] as const)),
    keyOf: (m) => found.get(m.json())?.key ?? m.id(),
    role: roleOf({
      option,
      title: doc.info().title(),
      onInfo: copyOrUndefined(doc.info().json()[ROLE_EXTENSION]),
      onRoot: copyOrUndefined(doc.json()[ROLE_EXTENSION]),
    }, locator, diagnostics),
  };
  const schemas: SchemaModel[] = named.map(({ schema, name }) => {
    const p = ['components', 'schemas', name];
    return { name, schema: toPlainSchema(schema.json(), ctx.componentNames, p, ctx.problems), component: true, path: p };
  });
  const { operations, directions } = operationsOf(ctx);
  const messages = messagesOf(ctx, [...found.values()], schemas, directions);
  for (const p of ctx.problems) diagnostics.push(locator.diagnostic('error', p.rule, p.message, p.path));
  checkMessageTypes(ctx, messages);
  const info = doc.info();
  return {
    source,
    asyncapi: doc.version(),
    info: { title: info.title(), version: info.version(), description: info.description() ?? null },
    role: ctx.role,
    servers: serversOf(doc),
    channels: channelsOf(ctx),
    schemas,
    messages,
    operations,
    securitySchemes: securitySchemesOf(doc),
  };
}

/** Who sends each message key, from the operations (and their replies). */
interface Directions {
  readonly fromClient: ReadonlySet<string>;
  readonly fromServer: ReadonlySet<string>;
}

/**
 * AsyncAPI 3.0.0 "Operation Object": each operation, and which direction each message travels,
 * from the server's side: a client's document is read with every `action` turned round.
 */
function operationsOf(ctx: BuildContext): { operations: OperationModel[]; directions: Directions } {
  const fromClient = new Set<string>();
  const fromServer = new Set<string>();
  const operations: OperationModel[] = ctx.doc.allOperations().all().map((op) => {
    const declaredAction = op.action() === 'send' ? 'send' : 'receive';
    const action = ctx.role.side === 'server' ? declaredAction : declaredAction === 'send' ? 'receive' : 'send';
    const messages = op.messages().all().map(ctx.keyOf);
    const reply = op.reply();
    const replyMessages = reply ? reply.messages().all().map(ctx.keyOf) : null;
    for (const k of messages) (action === 'receive' ? fromClient : fromServer).add(k);
    for (const k of replyMessages ?? []) (action === 'receive' ? fromServer : fromClient).add(k);
    return {
      key: op.id() ?? '',
      action,
      declaredAction,
      channel: op.channels().all()[0]?.id() ?? '',
      messages,
      reply: replyMessages,
      summary: op.summary() ?? null,
      description: op.description() ?? null,
      extensions: extensionsOf(op.json()),
      path: ['operations', op.id() ?? ''],
    };
  });
  return { operations, directions: { fromClient, fromServer } };
}

/**
 * AsyncAPI 3.0.0 "Message Object": each message, its payload named (a component's key, or a
 * schema of its own added to `schemas`) and its `type` const found.
 */
function messagesOf(ctx: BuildContext, found: readonly FoundMessage[], schemas: SchemaModel[], directions: Directions): MessageModel[] {
  const messages: MessageModel[] = [];
  const untyped: Diagnostic[] = [];
  const inlineNames = new Map<string, string>();
  for (const { key, message: m, path: msgPath } of found) {
    const payloadSchema = payloadSchemaOf(ctx, key, m, msgPath, schemas, inlineNames);
    const type = typeConstOf(schemas.find((s) => s.name === payloadSchema)?.schema ?? {}, schemas);
    if (type === null) {
      untyped.push(ctx.locator.diagnostic('warning', 'message-without-type-const',
        `message "${key}" has no \`type\` property with a const value; it is left out of the type-dispatched unions and validators`,
        [...msgPath, 'payload']));
    }
    messages.push({
      key,
      name: m.name() ?? key,
      type,
      title: m.title() ?? null,
      summary: m.summary() ?? null,
      description: m.description() ?? null,
      payload: { $ref: `#/components/schemas/${payloadSchema}` },
      payloadSchema,
      examples: m.examples().all().map((e): ExampleModel => ({ name: e.name() ?? null, summary: e.summary() ?? null, payload: copyData(e.payload()) })),
      correlationId: m.correlationId()?.location() ?? null,
      directions: { fromClient: directions.fromClient.has(key), fromServer: directions.fromServer.has(key) },
      extensions: extensionsOf(m.json()),
      path: msgPath,
    });
  }
  // In a document that routes no message by a `type` const (not written for Switchboard's
  // envelope), every message is left out of the unions by design: a note, not a warning each.
  const routesByType = messages.some((m) => m.type !== null);
  ctx.diagnostics.push(...untyped.map((d) => (routesByType ? d : { ...d, severity: 'info' as const })));
  return messages;
}

/** The name of the schema of a message's payload: its component, or a new schema named after the message. */
function payloadSchemaOf(
  ctx: BuildContext, key: string, m: MessageInterface, msgPath: SpecPath, schemas: SchemaModel[], inlineNames: Map<string, string>,
): string {
  const payloadJson = payloadOf(m, ctx.locator, ctx.diagnostics, msgPath);
  const payloadId = payloadJson === undefined ? undefined : componentOf(payloadJson, ctx.componentNames, ctx.components);
  if (payloadJson && payloadId !== undefined) return payloadId;
  const name = inlinePayloadName(key, new Set(schemas.filter((s) => s.component).map((s) => s.name)), inlineNames);
  if (inlineNames.has(name)) {
    ctx.diagnostics.push(ctx.locator.diagnostic('error', 'payload-name-clash',
      `message "${key}" has an inline payload whose derived name ${name} is already a schema; move the payload to components.schemas`,
      [...msgPath, 'payload']));
  }
  inlineNames.set(name, key);
  const schema = payloadJson ? toPlainSchema(payloadJson, ctx.componentNames, [...msgPath, 'payload'], ctx.problems) : {};
  schemas.push({ name, schema, component: false, path: [...msgPath, 'payload'] });
  if (!payloadJson) {
    ctx.diagnostics.push(ctx.locator.diagnostic('warning', 'message-without-payload', `message "${key}" has no payload; it is typed as an empty object`, msgPath));
  }
  return name;
}

/**
 * A `type` names one message per direction: a second one is a warning and leaves the unions
 * (replaced in `messages` with its type cleared). A message no operation uses is a warning too.
 */
function checkMessageTypes(ctx: BuildContext, messages: MessageModel[]): void {
  const seenTypes = new Map<string, string>();
  for (const [i, m] of messages.entries()) {
    if (m.type === null) continue;
    for (const dir of ['fromClient', 'fromServer'] as const) {
      if (!m.directions[dir]) continue;
      const k = `${dir}:${m.type}`;
      const other = seenTypes.get(k);
      if (other !== undefined) {
        ctx.diagnostics.push(ctx.locator.diagnostic('warning', 'duplicate-message-type',
          `messages "${other}" and "${m.key}" both have type "${m.type}" in the same direction; "${m.key}" is left out of the type-dispatched unions`,
          m.path));
        messages[i] = { ...m, type: null };
        break;
      }
      seenTypes.set(k, m.key);
    }
    if (!m.directions.fromClient && !m.directions.fromServer) {
      ctx.diagnostics.push(ctx.locator.diagnostic('warning', 'message-not-in-operation',
        `message "${m.key}" is not used by any operation, so nothing sends or receives it`, m.path));
    }
  }
}

function channelsOf(ctx: BuildContext): ChannelModel[] {
  return ctx.doc.channels().all().map((c) => ({
    key: c.id(),
    address: c.address() ?? null,
    description: c.description() ?? null,
    messages: c.messages().all().map(ctx.keyOf),
    parameters: c.parameters().all().map((p) => parameterOf(p.id(), p.json())),
    servers: c.servers().all().map((s) => s.id()),
    path: ['channels', c.id()],
  }));
}

/** AsyncAPI 3.0.0 "Parameter Object": its `enum` of string values, when it has one. */
function parameterOf(name: string, json: Record<string, unknown>): ParameterModel {
  const values = json['enum'];
  const strings = Array.isArray(values) && values.every((v) => typeof v === 'string') ? (values as string[]) : null;
  return { name, enum: strings, description: typeof json['description'] === 'string' ? json['description'] : null };
}

function serversOf(doc: AsyncAPIDocumentInterface): ServerModel[] {
  // A $ref'd scheme in a server's security list has no id of its own: name it by its component.
  const schemeKeys = new Map<unknown, string>(doc.components().securitySchemes().all().map((s) => [s.json(), s.id()]));
  return doc.servers().all().map((s) => ({
    key: s.id(),
    host: s.host(),
    protocol: s.protocol(),
    pathname: s.pathname() ?? null,
    description: s.description() ?? null,
    security: s.security().flatMap((req) => req.all().map((r) => schemeKeys.get(r.scheme().json()) ?? r.scheme().id())),
  }));
}

function securitySchemesOf(doc: AsyncAPIDocumentInterface): SecuritySchemeModel[] {
  return doc.components().securitySchemes().all().map((s) => ({
    key: s.id(),
    type: s.type(),
    description: s.description() ?? null,
    in: s.in() ?? null,
    name: s.name() ?? null,
    scheme: s.scheme() ?? null,
    bearerFormat: s.bearerFormat() ?? null,
  }));
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

function copyOrUndefined(value: unknown): JsonValue | undefined {
  return value === undefined ? undefined : copyData(value);
}

function extensionsOf(json: Record<string, unknown>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(json)) {
    if (k.startsWith('x-') && !k.startsWith('x-parser-')) out[k] = copyData(v);
  }
  return out;
}


/** `components.<kind>` of the document as written (keys in document order), or `{}`. */
function componentsJson(doc: AsyncAPIDocumentInterface, kind: string): Record<string, unknown> {
  const components = doc.json()['components'];
  const map = isRecord(components) ? components[kind] : undefined;
  return isRecord(map) ? map : {};
}
