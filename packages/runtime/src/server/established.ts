/**
 * The `data` of `connection.established`: who the connection is, what the server offers and the
 * limits in force (asyncapi.yaml, `ConnectionEstablishedData`).
 */
import type { BuiltinMessages, RuntimeFeature } from '../builtin-messages.js';
import type { ProtocolTypes, ServerProtocol } from '../protocol.js';
import type { VerifiedToken } from './auth.js';
import type { Connection } from './connection.js';
import type { ResolvedServerOptions } from './options.js';
import { isoNow } from './outbound.js';

/** What a feature needs of the protocol and the options to be on offer. */
interface Served {
  /** An inbound type is answered: by a built-in or by a service handler. */
  answers(type: string): boolean;
  /** The spec declares the outbound type, so the runtime can send it. */
  sends(type: string): boolean;
  readonly options: ResolvedServerOptions;
}

/**
 * The spec's `Feature` values, each with the test that it is served. Built-ins and service
 * handlers are registered from the same lists (`builtins`, `services`), so a feature is listed
 * exactly when what it needs is answered.
 */
const FEATURES: readonly (readonly [RuntimeFeature, (served: Served) => boolean])[] = [
  ['heartbeat', (s) => s.answers('ping') || s.answers('heartbeat')],
  ['subscriptions', (s) => s.answers('subscribe')],
  ['rate_limiting', (s) => Number.isFinite(s.options.rateLimit.limit)],
  ['rooms', (s) => s.answers('room.join')],
  ['presence', (s) => s.answers('room.join') && (s.sends('room.update') || s.sends('presence.status'))],
  ['typing', (s) => s.answers('typing') && s.sends('user.typing')],
  ['acks', (s) => s.answers('ack')],
  ['resume', (s) => s.answers('resume')],
  ['offline_queue', (s) => s.options.offlineQueueSize > 0],
  ['auth_refresh', (s) => s.answers('auth.refresh')],
];

/** The features `connection.established` announces, in the spec's order. */
export function featuresOf<P extends ProtocolTypes>(protocol: ServerProtocol<P>, options: ResolvedServerOptions): RuntimeFeature[] {
  const inbound = new Set([...protocol.builtins, ...protocol.services]);
  const outbound = new Set(protocol.outbound);
  const served: Served = { answers: (type) => inbound.has(type), sends: (type) => outbound.has(type), options };
  return FEATURES.filter(([, on]) => on(served)).map(([name]) => name);
}

/** The limits in force, as `connection.established.data.limits` announces them. */
export function announcedLimits(o: ResolvedServerOptions): BuiltinMessages['connection.established']['limits'] {
  return {
    max_message_size: o.maxMessageSize,
    message_rate_limit: o.rateLimit.limit,
    message_rate_window_ms: o.rateLimit.windowMs,
    max_connections_per_user: o.maxConnectionsPerUser,
    max_rooms_per_connection: o.maxRoomsPerConnection,
    max_content_length: o.maxContentLength,
    offline_queue_size: o.offlineQueueSize,
    idle_timeout_ms: o.heartbeatIntervalMs * 2,
  };
}

export function establishedData<P extends ProtocolTypes>(
  protocol: ServerProtocol<P>,
  o: ResolvedServerOptions,
  connection: Connection,
  token: VerifiedToken,
): BuiltinMessages['connection.established'] {
  const features = featuresOf(protocol, o);
  const data: BuiltinMessages['connection.established'] = {
    connection_id: connection.id,
    user_id: token.user.id,
    username: token.user.name,
    server_time: isoNow(),
    protocol_version: protocol.version,
    features,
    heartbeat_interval_ms: o.heartbeatIntervalMs,
    limits: announcedLimits(o),
  };
  if (token.expiresAt !== null) data.token_expires_at = new Date(token.expiresAt).toISOString();
  return data;
}
