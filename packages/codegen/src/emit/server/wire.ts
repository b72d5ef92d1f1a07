/**
 * What the server and client emitters derive for a document that is not our envelope (AsyncAPI
 * 3.0.0 "Channel Object", "Parameter Object", "Operation Object", "Operation Reply Object",
 * "Correlation ID Object"): its endpoints (channels grouped by address, as channels that share an
 * address share one WebSocket), which messages each side sends on each, how a frame is told
 * apart among them (discriminator.ts), and where each message carries its correlation id.
 */
import type { Diagnostic } from '../../diagnostics.js';
import type { ChannelModel, MessageModel, Model, OperationModel, ParameterModel, SchemaModel, SpecPath } from '../../model.js';
import { ambiguousPairs, discriminatorOf, type Scalar } from './discriminator.js';
import { WEBSOCKET_PROTOCOLS } from './protocol.js';

export interface WireMessageModel {
  readonly message: MessageModel;
  /** The discriminator's value in this message; `undefined` when the direction has none. */
  readonly value: Scalar | undefined;
  /** The payload path of its correlation id, or `null`. */
  readonly correlation: readonly string[] | null;
}

export interface WireDirectionModel {
  readonly discriminator: string | null;
  readonly messages: readonly WireMessageModel[];
}

/** Channels that share an address: one WebSocket endpoint, named after the first of them. */
export interface EndpointModel {
  readonly key: string;
  readonly address: string;
  readonly channels: readonly ChannelModel[];
  /** The parameters of the address, in the order they appear in it. */
  readonly parameters: readonly ParameterModel[];
  readonly fromClient: WireDirectionModel;
  readonly fromServer: WireDirectionModel;
}

export interface WireOperationModel {
  readonly model: OperationModel;
  readonly endpoint: string;
  readonly messages: readonly MessageModel[];
  /** `null` when the operation has no reply. */
  readonly reply: readonly MessageModel[] | null;
}

export interface Wire {
  /** `true` when a server has protocol ws or wss: a server and a client are generated. */
  readonly websocket: boolean;
  /** The path of the first ws/wss server, that channel addresses are relative to. */
  readonly basePath: string;
  /** `ws://host/path` of the first ws/wss server, when its host has no variables; else `null`. */
  readonly url: string | null;
  readonly endpoints: readonly EndpointModel[];
  readonly operations: readonly WireOperationModel[];
  readonly schemas: ReadonlyMap<string, SchemaModel>;
}

const PARAMETER = /\{([^{}]+)\}/g;

/**
 * `transport: 'websocket'` keeps only the channels available on a ws/wss server (what the channel
 * server and client serve); `'any'` keeps every channel (the transport-neutral handler map).
 */
export function deriveWire(model: Model, transport: 'websocket' | 'any'): { wire: Wire; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const warn = (rule: string, message: string, path: SpecPath) =>
    diagnostics.push({ severity: 'warning', rule: `switchboard/${rule}`, message, file: model.source, line: 0, column: 0, path });
  const schemas = new Map(model.schemas.map((s) => [s.name, s]));
  const messages = new Map(model.messages.map((m) => [m.key, m]));
  const pick = (keys: readonly string[]): MessageModel[] => keys.map((k) => messages.get(k)).filter((m): m is MessageModel => m !== undefined);
  const sockets = new Set(model.servers.filter((s) => WEBSOCKET_PROTOCOLS.includes(s.protocol)).map((s) => s.key));
  const channels = transport === 'any' ? model.channels : model.channels.filter((c) => (c.servers.length === 0 ? sockets.size > 0 : c.servers.some((s) => sockets.has(s))));
  const endpointOf = endpointsByChannel(channels, warn);
  const operations: WireOperationModel[] = [];
  for (const op of model.operations) {
    const endpoint = endpointOf.get(op.channel);
    if (endpoint === undefined) continue;
    operations.push({ model: op, endpoint: endpoint.key, messages: pick(op.messages), reply: op.reply === null ? null : pick(op.reply) });
  }
  const endpoints = [...new Map([...endpointOf.values()].map((e) => [e.key, e])).values()].map((e) => {
    const sides = sidesOf(e.key, operations);
    return {
      ...e,
      fromClient: direction(sides.fromClient, schemas, e.key, 'a client', warn),
      fromServer: direction(sides.fromServer, schemas, e.key, 'the server', warn),
    };
  });
  for (const m of model.messages) {
    if (m.correlationId !== null && correlationPath(m.correlationId) === null && m.correlationId.startsWith('$message.header')) {
      warn('header-correlation', `message "${m.key}" carries its correlation id in a header (${m.correlationId}), which a WebSocket frame has not; its replies are matched in order`, [...m.path, 'correlationId']);
    }
  }
  const server = model.servers.find((s) => WEBSOCKET_PROTOCOLS.includes(s.protocol));
  return {
    wire: {
      websocket: server !== undefined,
      basePath: server?.pathname ?? '/',
      url: server && !server.host.includes('{') ? `${server.protocol}://${server.host}${server.pathname ?? ''}` : null,
      endpoints, operations, schemas,
    },
    diagnostics,
  };
}

type Warn = (rule: string, message: string, path: SpecPath) => void;
type Endpoint = Omit<EndpointModel, 'fromClient' | 'fromServer'>;

/** Each channel's endpoint: channels with the same address share one, keyed by the first. */
function endpointsByChannel(channels: readonly ChannelModel[], warn: Warn): Map<string, Endpoint> {
  const byAddress = new Map<string, Endpoint & { channels: ChannelModel[] }>();
  const out = new Map<string, Endpoint>();
  for (const c of channels) {
    if (c.address === null) {
      warn('channel-without-address', `channel "${c.key}" has no address, so no client can connect to it; its operations are left out of the server and client`, c.path);
      continue;
    }
    let e = byAddress.get(c.address);
    if (!e) {
      const names = [...c.address.matchAll(PARAMETER)].map((m) => m[1] ?? '');
      const parameters = names.map((name) => c.parameters.find((p) => p.name === name) ?? { name, enum: null, description: null });
      e = { key: c.key, address: c.address, channels: [], parameters };
      byAddress.set(c.address, e);
    }
    e.channels.push(c);
    out.set(c.key, e);
  }
  return out;
}

/** The messages each side sends on one endpoint, in operation order. */
function sidesOf(endpoint: string, operations: readonly WireOperationModel[]): { fromClient: MessageModel[]; fromServer: MessageModel[] } {
  const fromClient = new Map<string, MessageModel>();
  const fromServer = new Map<string, MessageModel>();
  for (const op of operations) {
    if (op.endpoint !== endpoint) continue;
    const [sent, answered] = op.model.action === 'receive' ? [fromClient, fromServer] : [fromServer, fromClient];
    for (const m of op.messages) sent.set(m.key, m);
    for (const m of op.reply ?? []) answered.set(m.key, m);
  }
  return { fromClient: [...fromClient.values()], fromServer: [...fromServer.values()] };
}

function direction(messages: readonly MessageModel[], schemas: ReadonlyMap<string, SchemaModel>, endpoint: string, side: string, warn: Warn): WireDirectionModel {
  const found = discriminatorOf(messages, schemas);
  const wire = (m: MessageModel): WireMessageModel => ({
    message: m,
    value: found?.values.get(m.key),
    correlation: m.correlationId === null ? null : correlationPath(m.correlationId),
  });
  if (found === null) {
    for (const [first, second] of ambiguousPairs(messages, schemas)) {
      warn('ambiguous-messages',
        `messages "${first.key}" and "${second.key}" that ${side} sends on "${endpoint}" share no discriminator and one value can match both; ` +
          `such a frame is taken as "${first.key}", the first in the document`,
        [...second.path, 'payload']);
    }
  }
  return { discriminator: found?.property ?? null, messages: messages.map(wire) };
}

/** `$message.payload#/a/b` as `['a', 'b']`; `null` for a header or anything else. */
export function correlationPath(location: string): string[] | null {
  const prefix = '$message.payload#';
  if (!location.startsWith(prefix)) return null;
  const pointer = location.slice(prefix.length);
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
