/**
 * A connection's life on this instance once it is upgraded: waiting for its first-message
 * `auth`, established (registered, told `connection.established`, its queued notifications
 * flushed), expired when its token runs out unrefreshed, and cleaned up when it closes.
 */
import { CloseCodes, ProtocolError } from '../errors.js';
import type { ProtocolTypes, ServerProtocol } from '../protocol.js';
import type { VerifiedToken } from './auth.js';
import type { Connection } from './connection.js';
import type { Courier } from './courier.js';
import { establishedData } from './established.js';
import type { ResolvedServerOptions } from './options.js';
import type { Presence } from './presence.js';
import type { Registry } from './registry.js';
import type { Rooms } from './rooms.js';
import type { UnauthenticatedSockets } from './unauthenticated.js';

/** What a connection's lifecycle touches. */
export interface SessionParts<P extends ProtocolTypes> {
  readonly protocol: ServerProtocol<P>;
  readonly options: ResolvedServerOptions;
  readonly registry: Registry;
  readonly pending: UnauthenticatedSockets;
  readonly courier: Courier;
  readonly rooms: Rooms;
  readonly presence: Presence;
  /** Settles once this instance receives the broker's deliveries. */
  readonly registered: Promise<void>;
}

export class Sessions<P extends ProtocolTypes> {
  constructor(private readonly parts: SessionParts<P>) {}

  /** A connection opened without a token: closed with 4002 unless it authenticates in time. */
  awaitAuth(connection: Connection): void {
    this.parts.pending.add(connection);
    const timer = setTimeout(() => {
      if (!connection.authenticated) connection.close(CloseCodes.AUTH_TIMEOUT, 'no auth message in time');
    }, this.parts.options.authTimeoutMs);
    timer.unref();
    connection.socket.once('close', () => clearTimeout(timer));
  }

  /** Admits an authenticated connection: registers it, says `connection.established`, flushes its queue. */
  async establish(connection: Connection, token: VerifiedToken, correlationId?: string): Promise<void> {
    const { protocol, options, registry, pending, courier, presence } = this.parts;
    const { logger, metrics, broker } = options;
    // Room messages reach this instance's members through the broker: not before it delivers here.
    await this.parts.registered;
    pending.delete(connection);
    connection.authenticate(token.user);
    registry.add(connection);
    metrics.connections.set(registry.size);
    metrics.connectionsTotal.inc({ result: 'accepted' });
    connection.expireAt(token.expiresAt, this.expire);
    logger.info({ connection: connection.id, user: token.user.id, label: connection.clientLabel }, 'connected');
    courier.sendBuiltin(connection, 'connection.established', establishedData(protocol, options, connection, token), correlationId);
    await presence.established(connection);
    const queued = await broker.pending(token.user.id);
    for (const message of queued) courier.sendFrame(connection, message.frame, false);
  }

  /** Closes a connection whose token expired unrefreshed (a bound function: one for every timer). */
  readonly expire = (connection: Connection): void => {
    this.parts.courier.sendError(connection, new ProtocolError('TOKEN_EXPIRED', 'the token expired and was not refreshed', { closeCode: CloseCodes.TOKEN_EXPIRED }));
    connection.close(CloseCodes.TOKEN_EXPIRED, 'token expired');
  };

  /** After the socket closed, whoever closed it: the connection leaves everything it was in. */
  async closed(connection: Connection, code: number, reason: string): Promise<void> {
    connection.dispose();
    const { options, registry, pending, rooms, presence } = this.parts;
    if (pending.delete(connection)) return;
    const { broker, logger, metrics } = options;
    const left = registry.remove(connection);
    metrics.connections.set(registry.size);
    // A socket this side had to destroy after closing it reports 1006; the code chosen is the truth.
    const closeCode = connection.closeCode ?? code;
    metrics.disconnects.inc({ code: String(closeCode) });
    logger.info({ connection: connection.id, user: connection.user.id, code: closeCode, reason }, 'disconnected');
    await broker.releaseConnection(connection.user.id);
    for (const room of left) await rooms.leave(connection, room, false);
    await presence.closed(connection, left);
  }
}
