/**
 * The `data` of `connection.established`: who the connection is, what the server offers and the
 * limits in force (asyncapi.yaml, `ConnectionEstablishedData`).
 */
import type { ProtocolTypes, ServerProtocol } from '../protocol.js';
import type { VerifiedToken } from './auth.js';
import type { Connection } from './connection.js';
import type { ResolvedServerOptions } from './options.js';
import { isoNow } from './outbound.js';

export function establishedData<P extends ProtocolTypes>(protocol: ServerProtocol<P>, o: ResolvedServerOptions, connection: Connection, token: VerifiedToken): object {
  const builtins = new Set(protocol.builtins);
  const features = [
    ['heartbeat', true],
    ['subscriptions', builtins.has('subscribe')],
    ['rate_limiting', true],
    ['rooms', builtins.has('room.join')],
    ['presence', builtins.has('room.join')],
    ['acks', builtins.has('ack')],
    ['resume', builtins.has('resume')],
    ['offline_queue', true],
    ['auth_refresh', builtins.has('auth.refresh')],
  ]
    .filter(([, on]) => on)
    .map(([name]) => name);
  const data: Record<string, unknown> = {
    connection_id: connection.id,
    user_id: token.user.id,
    username: token.user.name,
    server_time: isoNow(),
    protocol_version: protocol.version,
    features,
    heartbeat_interval_ms: o.heartbeatIntervalMs,
    limits: {
      max_message_size: o.maxMessageSize,
      message_rate_limit: o.rateLimit.limit,
      message_rate_window_ms: o.rateLimit.windowMs,
      max_connections_per_user: o.maxConnectionsPerUser,
      max_rooms_per_connection: o.maxRoomsPerConnection,
      max_content_length: o.maxContentLength,
      offline_queue_size: o.offlineQueueSize,
      idle_timeout_ms: o.heartbeatIntervalMs * 2,
    },
  };
  if (token.expiresAt !== null) data['token_expires_at'] = new Date(token.expiresAt).toISOString();
  return data;
}
