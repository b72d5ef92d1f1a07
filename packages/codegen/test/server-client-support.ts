/**
 * Small models for the server and client emitter tests, built as `load` would build them from a
 * spec (every message an envelope `<Key>Envelope` whose `data` is `<Key>Data`), so a case states
 * only what it is about; and `emit`, which runs both emitters.
 */
import type { GeneratedFile, JsonSchema, JsonValue, MessageModel, Model, OperationModel } from '../src/index.js';
import { pascalCase } from '../src/index.js';
import { serverEmitter } from '../src/emit/server.js';
import { clientEmitter } from '../src/emit/client.js';

export const CTX = { source: 'mini.yaml', packageName: './generated' };

export interface MessageSpec {
  readonly key: string;
  /** The `type` const; `null` for none. Default: the key. */
  readonly type?: string | null;
  readonly data?: JsonSchema;
  readonly volatile?: boolean;
  /** Replaces the whole envelope schema. */
  readonly envelope?: JsonSchema;
}

export interface OperationSpec {
  readonly key: string;
  readonly action?: 'send' | 'receive';
  readonly messages: readonly string[];
  readonly reply?: readonly string[];
  readonly owner?: 'runtime' | 'service';
}

const EMPTY: JsonSchema = { type: 'object', additionalProperties: false, properties: {} };

/** A model as `load` would build it: each message an envelope `<Key>Envelope` whose data is `<Key>Data`. */
export function miniModel(parts: {
  messages: readonly MessageSpec[];
  operations: readonly OperationSpec[];
  servers?: readonly (readonly [string, string])[];
  schemas?: Readonly<Record<string, JsonSchema>>;
}): Model {
  const fromClient = new Set<string>();
  const fromServer = new Set<string>();
  const operations: OperationModel[] = parts.operations.map((op) => {
    const action = op.action ?? 'receive';
    for (const k of op.messages) (action === 'receive' ? fromClient : fromServer).add(k);
    for (const k of op.reply ?? []) (action === 'receive' ? fromServer : fromClient).add(k);
    return {
      key: op.key, action, declaredAction: action, channel: 'ws', messages: op.messages, reply: op.reply ?? null,
      summary: `Does ${op.key}.`, description: null,
      extensions: op.owner ? { 'x-switchboard-owner': op.owner } : {}, path: ['operations', op.key],
    };
  });
  const schemas = Object.entries(parts.schemas ?? {}).map(([name, schema]) => ({ name, schema, component: true, path: ['components', 'schemas', name] }));
  const messages: MessageModel[] = parts.messages.map((m) => {
    const name = pascalCase(m.key);
    const type = m.type === undefined ? m.key : m.type;
    schemas.push({
      name: `${name}Envelope`,
      schema: m.envelope ?? {
        type: 'object', additionalProperties: false, required: ['type', 'id', 'data'],
        properties: { type: type === null ? { type: 'string' } : { type: 'string', const: type }, id: { type: 'string' }, data: { $ref: `#/components/schemas/${name}Data` } },
      },
      component: true, path: ['components', 'schemas', `${name}Envelope`],
    });
    schemas.push({ name: `${name}Data`, schema: m.data ?? EMPTY, component: true, path: ['components', 'schemas', `${name}Data`] });
    const extensions: Record<string, JsonValue> = m.volatile ? { 'x-switchboard-delivery': 'volatile' } : {};
    return {
      key: m.key, name: m.key, type, title: null, summary: null, description: null,
      payload: { $ref: `#/components/schemas/${name}Envelope` }, payloadSchema: `${name}Envelope`,
      examples: [], correlationId: null,
      directions: { fromClient: fromClient.has(m.key), fromServer: fromServer.has(m.key) },
      extensions, path: ['components', 'messages', m.key],
    };
  });
  return {
    source: 'mini.yaml', asyncapi: '3.0.0', info: { title: 'Mini', version: '2.1.0', description: null },
    role: { side: 'server', reason: 'no option, extension or title says otherwise', source: 'default', path: [] },
    servers: (parts.servers ?? []).map(([key, protocol]) => ({ key, host: 'example.test', protocol, pathname: null, description: null, security: [] })),
    channels: [{ key: 'ws', address: '/ws', description: null, messages: parts.messages.map((m) => m.key), parameters: [], servers: [], path: ['channels', 'ws'] }],
    schemas, messages, operations, securitySchemes: [],
  };
}

export const ROOM_SEQ: JsonSchema = {
  type: 'object', additionalProperties: false, required: ['room_id', 'seq'],
  properties: { room_id: { type: 'string' }, seq: { type: 'integer' } },
};

/** An `error` whose data takes everything the runtime writes into one (`BuiltinMessages['error']`). */
export const ERROR_DATA: JsonSchema = {
  type: 'object', additionalProperties: false, required: ['code', 'message'],
  properties: {
    code: { type: 'string' }, message: { type: 'string' }, retry_after: { type: 'integer' },
    correlation_id: { type: 'string' }, close_code: { type: 'integer' }, details: { type: 'object', additionalProperties: false, properties: { pointer: { type: 'string' } } },
  },
};

/** A `pong` as the runtime writes it. */
export const PONG_DATA: JsonSchema = {
  type: 'object', additionalProperties: false, required: ['timestamp'],
  properties: { pingId: { type: 'string' }, timestamp: { type: 'string' } },
};

/** One of everything: built-ins, service handlers with 0, 1 and 2 replies, an operation of two messages, events, sequenced types. */
export const MINI = miniModel({
  schemas: { Topic: { type: 'string', enum: ['news', 'sport'] } },
  messages: [
    { key: 'hello', data: { type: 'object', additionalProperties: false, required: ['token'], properties: { token: { type: 'string' } } } },
    { key: 'subscribe', data: { type: 'object', additionalProperties: false, required: ['events'], properties: { events: { type: 'array', items: { $ref: '#/components/schemas/Topic' } } } } },
    { key: 'say', type: 'chat.say', data: { type: 'object', additionalProperties: false, required: ['text'], properties: { text: { type: 'string' } } } },
    { key: 'poke', volatile: true },
    { key: 'vote' },
    { key: 'moveUp', type: 'move.up' },
    { key: 'moveDown', type: 'move.down' },
    { key: 'welcome' },
    { key: 'subscribed' },
    { key: 'said', type: 'chat.said', data: ROOM_SEQ },
    { key: 'accepted' },
    { key: 'rejected' },
    { key: 'error', data: ERROR_DATA },
    { key: 'posted', type: 'chat.posted', data: ROOM_SEQ },
    { key: 'blip', data: ROOM_SEQ, volatile: true },
  ],
  operations: [
    { key: 'hello', owner: 'runtime', messages: ['hello'], reply: ['welcome', 'error'] },
    { key: 'subscribe', owner: 'runtime', messages: ['subscribe'], reply: ['subscribed', 'error'] },
    { key: 'say', owner: 'service', messages: ['say'], reply: ['said', 'error'] },
    { key: 'poke', messages: ['poke'] },
    { key: 'vote', messages: ['vote'], reply: ['accepted', 'rejected', 'error'] },
    { key: 'move', messages: ['moveUp', 'moveDown'] },
    { key: 'sendPosted', action: 'send', messages: ['posted'] },
    { key: 'sendBlip', action: 'send', messages: ['blip'] },
    { key: 'sendError', action: 'send', messages: ['error'] },
  ],
});

export function emit(model: Model): { files: GeneratedFile[]; warnings: [string, string][] } {
  const server = serverEmitter.emit(model, CTX);
  const client = clientEmitter.emit(model, CTX);
  if (server instanceof Promise || client instanceof Promise) throw new TypeError('the server and client emitters are synchronous');
  return {
    files: [...server.files, ...client.files],
    warnings: [...server.diagnostics, ...client.diagnostics].map((d) => [`${d.severity} ${d.rule}`, d.message]),
  };
}

/** A spec whose payload types are named like what server.ts and client.ts declare or import. */
export const CLASH = miniModel({
  schemas: {
    Client: { type: 'object', additionalProperties: false, required: ['q'], properties: { q: { type: 'string' } } },
    Reply: { type: 'object', additionalProperties: false, required: ['a'], properties: { a: { type: 'string' } } },
  },
  messages: [
    { key: 'ask', envelope: envelope('ask', 'Client') },
    { key: 'answer', envelope: envelope('answer', 'Reply') },
  ],
  operations: [{ key: 'ask', messages: ['ask'], reply: ['answer'] }],
});

export function envelope(type: string, data: string, required: readonly string[] = ['type', 'id', 'data']): JsonSchema {
  return {
    type: 'object', additionalProperties: false, required,
    properties: { type: { type: 'string', const: type }, id: { type: 'string' }, data: { $ref: `#/components/schemas/${data}` } },
  };
}
