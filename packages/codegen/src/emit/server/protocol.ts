/**
 * What the server and client emitters derive from the model (AsyncAPI 3.0.0 "Server Object",
 * "Operation Object", "Operation Reply Object", and the spec's `x-switchboard-owner` and
 * `x-switchboard-delivery` extensions): whether the runtime can carry the protocol at all, and if
 * so the run-time description each side hands the runtime. Both emitters read this one derivation,
 * so the server and the client can never disagree about a request's replies or a volatile type.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { JsonSchema, JsonValue, MessageModel, Model, OperationModel, SchemaModel, SpecPath } from '../../model.js';
import { isRecord, refName } from '../../load/schemas.js';
import { resolve, walkSchema } from '../../lib/json-schema.js';
import { camelCase, safeIdentifier, typeName } from '../../lib/names.js';
import { literal } from '../../lib/ts.js';

/** A message with a `type` const, which the runtime can route. */
export type Routed = MessageModel & { readonly type: string };

/** Server protocols the runtime speaks (`ws` in noServer mode, behind TLS for `wss`). */
export const WEBSOCKET_PROTOCOLS: readonly string[] = Object.freeze(['ws', 'wss']);

/**
 * The wire `type` the runtime answers a thrown `ProtocolError` with (runtime `errors.ts`). A
 * handler throws instead of returning it and a request rejects instead of resolving with it, so
 * it is left out of handler return types and request results, and kept in the `replies` lists.
 */
export const ERROR_TYPE = 'error';

/** The inbound `type` whose `data.events.items` enum names the events a connection may subscribe to. */
export const SUBSCRIBE_TYPE = 'subscribe';
/** On a string schema: the limit in `connection.established.data.limits` that bounds its length. */
const LIMIT_EXTENSION = 'x-switchboard-limit';

/** Names the generated `Client` class uses itself: an operation of that name gets a trailing `_`. */
const CLIENT_MEMBERS = new Set(['core', 'state', 'connect', 'close', 'on', 'constructor']);

export interface Operation {
  readonly model: OperationModel;
  /** The handler and client method name: the operation key made an identifier, unique in the spec. */
  readonly method: string;
  /** `runtime` for `x-switchboard-owner: runtime`; anything else (or nothing) is the service's. */
  readonly owner: 'runtime' | 'service';
  readonly messages: readonly Routed[];
  /** Every reply message, `error` included, in spec order; empty when the operation has no reply. */
  readonly replies: readonly Routed[];
  /** The replies a handler returns and a request resolves with: all but {@link ERROR_TYPE}. */
  readonly answers: readonly Routed[];
}

/** The events a connection may subscribe to: the values, and their type as TypeScript source. */
export interface Events {
  readonly values: readonly string[];
  /** `never` when the spec has no subscribe message with an enum of event names. */
  readonly type: string;
  /** The types.ts type `type` names, when it is one (`EventName`). */
  readonly typeImport: string | null;
}

export interface Protocol {
  readonly version: string;
  /** Routed messages a client sends / the server sends, in spec order. */
  readonly client: readonly Routed[];
  readonly server: readonly Routed[];
  /** The `receive` operations, in spec order. */
  readonly operations: readonly Operation[];
  /** Inbound types the runtime answers itself. */
  readonly builtins: readonly string[];
  /** Inbound types the generated `dispatch` routes to a service handler. */
  readonly services: readonly string[];
  /** For each request type, every type that may answer it (`error` included), in spec order. */
  readonly replies: readonly (readonly [string, readonly string[]])[];
  /** Server-sent / client-sent types marked `x-switchboard-delivery: volatile`. */
  readonly serverVolatile: readonly string[];
  readonly clientVolatile: readonly string[];
  readonly events: Events;
  /**
   * Types a `send` operation sends, not volatile, whose `data` requires `room_id` and `seq`: the
   * runtime gives them the room's next `seq`. A reply only reports the `seq` of what it answers.
   */
  readonly sequenced: readonly string[];
  /**
   * For each client type, its `data` properties whose text length the server bounds by one of
   * the limits it announces (`x-switchboard-limit` on the property's schema), in spec order.
   */
  readonly textLimits: readonly (readonly [string, readonly (readonly [string, string])[]])[];
  readonly schemas: ReadonlyMap<string, SchemaModel>;
}

export interface Derivation {
  /** `null` when the runtime cannot carry the protocol; `diagnostics` say why. */
  readonly protocol: Protocol | null;
  /** Warnings only: a spec the runtime cannot carry still gets its types, validators and docs. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Derives the protocol, or says (as warnings) why src/server.ts and src/client.ts are not generated. */
export function deriveProtocol(model: Model): Derivation {
  const schemas = new Map(model.schemas.map((s) => [s.name, s]));
  const { diagnostics, refused } = check(model, schemas);
  diagnostics.push(...limitProblems(model));
  if (refused) return { protocol: null, diagnostics };
  const routed = model.messages.filter((m): m is Routed => m.type !== null && (m.directions.fromClient || m.directions.fromServer));
  const client = routed.filter((m) => m.directions.fromClient);
  const server = routed.filter((m) => m.directions.fromServer);
  const byKey = new Map(routed.map((m) => [m.key, m]));
  const pick = (keys: readonly string[] | null): Routed[] =>
    (keys ?? []).map((k) => byKey.get(k)).filter((m): m is Routed => m !== undefined);
  const names = new Set<string>();
  const operations: Operation[] = model.operations.filter((op) => op.action === 'receive').map((op) => {
    const replies = pick(op.reply);
    return {
      model: op,
      method: methodName(op.key, names),
      owner: op.extensions['x-switchboard-owner'] === 'runtime' ? 'runtime' : 'service',
      messages: pick(op.messages),
      replies,
      answers: replies.filter((m) => m.type !== ERROR_TYPE),
    };
  });

  const sent = new Set(model.operations.filter((op) => op.action === 'send').flatMap((op) => op.messages));
  const volatile = (m: Routed) => m.extensions['x-switchboard-delivery'] === 'volatile';
  const requests = new Map<string, string[]>();
  for (const op of operations) {
    if (op.replies.length === 0) continue;
    for (const m of op.messages) {
      const answers = requests.get(m.type) ?? [];
      for (const r of op.replies) if (!answers.includes(r.type)) answers.push(r.type);
      requests.set(m.type, answers);
    }
  }
  return {
    protocol: {
      version: model.info.version,
      client,
      server,
      operations,
      builtins: typesOwnedBy(operations, 'runtime'),
      services: typesOwnedBy(operations, 'service'),
      replies: [...requests],
      serverVolatile: server.filter(volatile).map((m) => m.type),
      clientVolatile: client.filter(volatile).map((m) => m.type),
      events: eventsOf(client.find((m) => m.type === SUBSCRIBE_TYPE), schemas),
      sequenced: server
        .filter((m) => sent.has(m.key) && !volatile(m) && requires(dataSchema(m, schemas), ['room_id', 'seq']))
        .map((m) => m.type),
      textLimits: client.map((m) => [m.type, textLimitsOf(m, schemas)] as const).filter(([, limits]) => limits.length > 0),
      schemas,
    },
    diagnostics,
  };
}

/**
 * Whether the runtime can carry the protocol, in the order a reader would fix it: the transport
 * (a server that is not ws/wss is skipped; with none left there is nothing to generate), then the
 * messages an operation uses (each needs a `type` const to be routed, and must be an envelope the
 * runtime's `Envelope` type accepts), then both directions (the generated validators exist only
 * for a direction that has messages).
 */
function check(model: Model, schemas: ReadonlyMap<string, SchemaModel>): { diagnostics: Diagnostic[]; refused: boolean } {
  const diagnostics: Diagnostic[] = [];
  // A document that routes no message by a `type` const was not written for this runtime: that
  // it gets no server.ts and client.ts is a note; for one that was, it is a warning.
  // A WebSocket document still gets a server and a client, on the channel runtime: a note.
  const websocket = model.servers.some((s) => WEBSOCKET_PROTOCOLS.includes(s.protocol));
  const severity = !websocket && model.messages.some((m) => m.type !== null) ? 'warning' : 'info';
  const warn = (rule: string, message: string, path: SpecPath) =>
    diagnostics.push({ severity, rule: `switchboard/${rule}`, message, file: model.source, line: 0, column: 0, path });
  const NOT_GENERATED = websocket
    ? 'so src/server.ts and src/client.ts use the runtime\'s channel server and client (`@switchboard/runtime/channels`), not its envelope server'
    : 'so src/server.ts and src/client.ts are not generated';

  const skipped = model.servers.filter((s) => !WEBSOCKET_PROTOCOLS.includes(s.protocol));
  if (skipped.length > 0) {
    const none = skipped.length === model.servers.length;
    warn('non-websocket-server',
      `server and client emitters skip servers that are not ws/wss: ${skipped.map((s) => `${s.key} (${s.protocol})`).join(', ')}` +
        (none ? `; no ws/wss server is left, ${NOT_GENERATED}; src/operations.ts types a handler map for any transport` : ''),
      ['servers', skipped[0]?.key ?? '']);
    // A protocol that is not WebSocket has no use for the rest.
    if (none) return { diagnostics, refused: true };
  }

  const used = model.messages.filter((m) => m.directions.fromClient || m.directions.fromServer);
  const unroutable = used.filter((m) => m.type === null);
  if (unroutable.length > 0) {
    warn('unroutable-message',
      `server and client emitters route every message by its \`type\` const, and ${list(unroutable.map((m) => `\`${m.key}\``))} ` +
        `${unroutable.length === 1 ? 'has' : 'have'} none, ${NOT_GENERATED}`,
      [...(unroutable[0]?.path ?? []), 'payload']);
  }
  const problems = used.filter((m): m is Routed => m.type !== null)
    .map((m) => ({ m, missing: envelopeProblems(m, schemas) }))
    .filter((p) => p.missing.length > 0);
  if (problems.length > 0) {
    warn('not-an-envelope',
      `the runtime carries only envelopes with a required \`type\` const, \`id\` string and \`data\` object; ` +
        `${problems.map((p) => `\`${p.m.key}\` lacks ${list(p.missing)}`).join('; ')}; ${NOT_GENERATED}`,
      [...(problems[0]?.m.path ?? []), 'payload']);
  }
  if (unroutable.length > 0 || problems.length > 0) return { diagnostics, refused: true };

  const fromClient = used.some((m) => m.directions.fromClient);
  const fromServer = used.some((m) => m.directions.fromServer);
  if (!fromClient || !fromServer) {
    warn('one-way-protocol',
      `server and client emitters need messages in both directions, and no message is ${fromClient ? 'sent by the server (`send` or a reply)' : 'sent by a client (`receive`)'}; ${NOT_GENERATED}`,
      // A document without operations is pointed at where its messages are declared.
      model.operations.length > 0 ? ['operations'] : model.channels.length > 0 ? ['channels'] : ['components']);
    return { diagnostics, refused: true };
  }
  return { diagnostics, refused: false };
}

/**
 * The operation key as a method name: camelCase, never a reserved word or a member of `Client`
 * (`delete` -> `delete_`, `close` -> `close_`), and unique (`chatSend`, `chatSend2`).
 */
export function methodName(key: string, taken: Set<string>): string {
  let base = safeIdentifier(camelCase(key) || 'operation');
  if (CLIENT_MEMBERS.has(base)) base = `${base}_`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

/**
 * The `data` property's type as TypeScript source: its component's type (`ChatSentData`), else
 * the envelope's indexed type (`NudgeEnvelope['data']`). `use` maps a types.ts name to its local name.
 */
export function dataType(m: Routed, schemas: ReadonlyMap<string, SchemaModel>, use: (name: string) => string): string {
  const data = property(resolve(m.payload, schemas), 'data');
  const ref = isRecord(data) ? refName(data as JsonSchema) : null;
  return ref !== null ? use(typeName(ref)) : `${use(typeName(m.payloadSchema))}['data']`;
}

/** The envelope type of a message as TypeScript source. */
export function envelopeType(m: Routed, use: (name: string) => string): string {
  return use(typeName(m.payloadSchema));
}

/** What keeps a routed message from being a runtime envelope: the missing or mistyped members. */
function envelopeProblems(m: Routed, schemas: ReadonlyMap<string, SchemaModel>): string[] {
  const payload = resolve(m.payload, schemas);
  const required = payload?.['required'];
  const has = (name: string) => Array.isArray(required) && required.includes(name) && property(payload, name) !== undefined;
  const out: string[] = [];
  const id = has('id') ? resolve(property(payload, 'id') ?? null, schemas) : null;
  if (id?.['type'] !== 'string') out.push('`id` (string)');
  const data = has('data') ? resolve(property(payload, 'data') ?? null, schemas) : null;
  if (!data || !isObjectSchema(data)) out.push('`data` (object)');
  return out;
}

function isObjectSchema(s: JsonSchema): boolean {
  if (s['type'] === 'object') return true;
  return s['type'] === undefined && ['properties', 'oneOf', 'anyOf', 'allOf'].some((k) => k in s);
}

function property(schema: JsonSchema | null, name: string): JsonValue | undefined {
  const props = schema?.['properties'];
  return isRecord(props) ? (props as Record<string, JsonValue>)[name] : undefined;
}

function dataSchema(m: Routed, schemas: ReadonlyMap<string, SchemaModel>): JsonSchema | null {
  return resolve(property(resolve(m.payload, schemas), 'data') ?? null, schemas);
}

function requires(schema: JsonSchema | null, names: readonly string[]): boolean {
  const required = schema?.['required'];
  return Array.isArray(required) && names.every((n) => required.includes(n));
}

/** The string enum of `data.events.items` of the subscribe message, following `$ref`s. */
function eventsOf(subscribe: Routed | undefined, schemas: ReadonlyMap<string, SchemaModel>): Events {
  const none: Events = { values: [], type: 'never', typeImport: null };
  if (!subscribe) return none;
  const events = resolve(property(dataSchema(subscribe, schemas), 'events') ?? null, schemas);
  const items = events?.['items'];
  const enumeration = resolve(items ?? null, schemas)?.['enum'];
  if (!Array.isArray(enumeration) || enumeration.length === 0 || !enumeration.every((v) => typeof v === 'string')) return none;
  const values = enumeration as string[];
  const ref = isRecord(items) ? refName(items as JsonSchema) : null;
  if (ref !== null) return { values, type: typeName(ref), typeImport: typeName(ref) };
  return { values, type: values.map(literal).join(' | '), typeImport: null };
}

/** `x-switchboard-limit` where it cannot bound a length: a value that is not a limit's name, or a schema that is not a string. */
function limitProblems(model: Model): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const named of model.schemas) {
    walkSchema(named.schema, named.path, (schema, path) => {
      if (!(LIMIT_EXTENSION in schema) || boundingLimit(schema) !== null) return;
      const problem = typeof schema[LIMIT_EXTENSION] !== 'string' ? 'must name a limit (a string)' : 'bounds text only, and the schema is not `type: string`';
      found.push({
        severity: 'warning', rule: 'switchboard/limit-extension', file: model.source, line: 0, column: 0,
        message: `\`${LIMIT_EXTENSION}\` in \`${named.name}\` ${problem}; the server does not bound it`,
        path: [...path, LIMIT_EXTENSION],
      });
    });
  }
  return found;
}

/** The `data` properties of `m` whose schema names the announced limit that bounds their length. */
function textLimitsOf(m: Routed, schemas: ReadonlyMap<string, SchemaModel>): (readonly [string, string])[] {
  const properties = dataSchema(m, schemas)?.['properties'];
  if (!isRecord(properties)) return [];
  return Object.entries(properties as Record<string, JsonValue>).flatMap(([name, schema]) => {
    const limit = boundingLimit(resolve(schema, schemas));
    return limit === null ? [] : [[name, limit] as const];
  });
}

/** The limit a string schema's `x-switchboard-limit` names, or `null` when it bounds nothing. */
function boundingLimit(schema: JsonSchema | null): string | null {
  const limit = schema?.[LIMIT_EXTENSION];
  return typeof limit === 'string' && schema?.['type'] === 'string' ? limit : null;
}

/** `a`, `a and b`, `a, b and c`. */
function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** The inbound types of the operations one owner answers, in spec order. */
function typesOwnedBy(operations: readonly Operation[], owner: Operation['owner']): string[] {
  return unique(operations.filter((op) => op.owner === owner).flatMap((op) => op.messages.map((m) => m.type)));
}
