/**
 * The server core: `ws` in noServer mode under any node HTTP server. Upgrade -> authenticate ->
 * admit -> connection; each frame goes through the inbound pipeline (inbound.ts); every send goes
 * through `publish` (encode once, deliver here, publish to the other instances).
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Broadcast, Target } from '../broker/types.js';
import { CloseCodes, ProtocolError } from '../errors.js';
import type { CheckedServerProtocol, ProtocolTypes, ServerProtocol } from '../protocol.js';
import { admitToken, isRefusal, screenUpgrade, STATUS_TEXT } from './admission.js';
import { createTokenVerifier, extractCredentials, matchesEndpoint, type TokenVerifier, type VerifiedToken } from './auth.js';
import { createSenders, type Publisher } from './broadcast.js';
import { joinRoom } from './builtins.js';
import { clientAddress, trustedProxyMatcher, type AddressMatcher } from './client-address.js';
import { Connection, type ConnectionEvents } from './connection.js';
import { textFrame } from './frame.js';
import { checkIdentity } from './identity.js';
import { Inbound } from './inbound.js';
import { Presence } from './presence.js';
import { Typing } from './typing.js';
import { resolveServerOptions, type ResolvedServerOptions, type ServerOptions } from './options.js';
import { establishedData } from './established.js';
import { rejectUpgrade, serveHttp, type HealthReport } from './http.js';
import { encode, errorData, isoNow, newId } from './outbound.js';
import { SlidingWindowRateLimiter } from './rate-limiter.js';
import { Registry } from './registry.js';
import type { Delivery, Senders, ServiceDispatch } from './types.js';
import { UnauthenticatedSockets } from './unauthenticated.js';

/** Where a socket keeps its connection, for the shared listeners (`Core.#socketListeners`). */
const CONNECTION = Symbol('switchboard.connection');
type WiredSocket = WebSocket & { [CONNECTION]?: Connection };

function connectionOf(ws: WebSocket): Connection {
  const connection = (ws as WiredSocket)[CONNECTION];
  if (!connection) throw new Error('a socket event arrived for a socket that has no connection');
  return connection;
}

/** The subprotocol the server selects when a client offers it (never a `bearer.` entry). */
export const SUBPROTOCOL = 'switchboard.v1';

/** A running server: the senders, plus embedding and lifecycle. */
export interface SwitchboardServer<P extends ProtocolTypes> extends Senders<P> {
  readonly options: ResolvedServerOptions;
  /** Handles WebSocket upgrades on the endpoint (and its aliases) of a node HTTP server. */
  attach(server: HttpServer): this;
  /** For frameworks that hand out upgrades themselves; returns false when the path is not ours. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Answers `GET <path>/health` and `GET /metrics`; returns false for any other request. */
  handleRequest(request: IncomingMessage, response: ServerResponse): boolean;
  health(): HealthReport;
  /** Open, authenticated connections on this instance. */
  readonly connectionCount: number;
  /** Stops accepting, closes every connection with 1001, waits for them (bounded), leaves the broker. */
  close(): Promise<void>;
}

export function createServer<P extends ProtocolTypes>(
  protocol: CheckedServerProtocol<P>,
  dispatch: ServiceDispatch<P>,
  options: ServerOptions,
): SwitchboardServer<P> {
  return new Core<P>(protocol, dispatch, resolveServerOptions(options));
}

/** The implementation; exported for inbound.ts and builtins.ts only (not from the package). */
export class Core<P extends ProtocolTypes> implements SwitchboardServer<P>, Publisher {
  readonly registry = new Registry();
  /** Upgraded but not yet authenticated (waiting for an `auth` message). */
  readonly pending: UnauthenticatedSockets;
  readonly #trustedProxies: AddressMatcher;
  readonly verify: TokenVerifier;
  readonly limiter: SlidingWindowRateLimiter;
  readonly senders: Senders<P>;
  readonly volatile: ReadonlySet<string>;
  readonly sequenced: ReadonlySet<string>;
  readonly presence: Presence<P>;
  readonly typing: Typing;
  readonly #wss: WebSocketServer;
  readonly #inbound: Inbound<P>;
  readonly #started = Date.now();
  readonly #sweep: NodeJS.Timeout;
  /**
   * Shared by every connection. A closure made per connection inside `#admit` would keep that
   * call's whole scope alive (the upgrade request, its headers, the head buffer) for as long as
   * the connection lives: ~1 KiB each.
   */
  readonly #connectionEvents: ConnectionEvents = {
    onDrop: () => this.options.metrics.drops.inc({ reason: 'volatile_backpressure' }),
  };
  readonly #onUpgradeError = (error: Error): void => this.options.logger.debug({ err: error }, 'socket error during upgrade');
  #accepting = true;
  #closing: Promise<void> | null = null;
  /** Cleanups of closed connections still running (they leave rooms through the broker). */
  readonly #cleanups = new Set<Promise<void>>();
  #registered: Promise<void>;

  constructor(
    readonly protocol: ServerProtocol<P>,
    dispatch: ServiceDispatch<P>,
    readonly options: ResolvedServerOptions,
  ) {
    const verifier = createTokenVerifier(options.auth);
    this.verify = async (token) => checkIdentity(await verifier(token));
    this.limiter = new SlidingWindowRateLimiter(options.rateLimit);
    this.pending = new UnauthenticatedSockets(options);
    this.#trustedProxies = trustedProxyMatcher(options.trustedProxies);
    this.senders = createSenders<P>(this);
    this.volatile = new Set(protocol.volatile);
    this.sequenced = new Set<string>(protocol.sequenced);
    this.#wss = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      perMessageDeflate: false,
      // Frames above 4x the message limit are not even buffered: ws closes them with 1009.
      maxPayload: options.maxMessageSize * 4,
      handleProtocols: (offered) => (offered.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
    });
    this.#inbound = new Inbound<P>(this, dispatch);
    this.presence = new Presence<P>(this);
    this.typing = new Typing(this, protocol.outbound.includes('user.typing'));
    this.#registered = options.broker.register({ nodeId: options.nodeId, deliver: (b) => this.#deliverRemote(b) });
    this.#registered.catch((error: unknown) => options.logger.error({ err: error }, 'broker registration failed'));
    this.#sweep = setInterval(() => this.#heartbeat(), options.heartbeatIntervalMs);
    this.#sweep.unref();
  }

  get connectionCount(): number {
    return this.registry.size;
  }

  // Senders
  toConnection(connectionId: string) { return this.senders.toConnection(connectionId); }
  toUser(userId: string) { return this.senders.toUser(userId); }
  toRoom(room: string) { return this.senders.toRoom(room); }
  toSubscribers(event: P['event']) { return this.senders.toSubscribers(event); }
  toAll() { return this.senders.toAll(); }

  attach(server: HttpServer): this {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (this.handleUpgrade(request, socket, head)) return;
      // Somebody else may handle other paths; if nobody does, do not leave the socket hanging.
      if (server.listenerCount('upgrade') === 1) rejectUpgrade(socket, 404, 'Not Found');
    });
    return this;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!matchesEndpoint(url.pathname, this.options.path)) return false;
    socket.on('error', this.#onUpgradeError);
    void this.#admit(request, socket, head).catch((error: unknown) => {
      this.options.logger.error({ err: error }, 'upgrade failed');
      rejectUpgrade(socket, 500, 'Internal Server Error');
    });
    return true;
  }

  async #admit(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const { logger, metrics } = this.options;
    if (!this.#accepting) return rejectUpgrade(socket, 503, 'Service Unavailable');
    const credentials = extractCredentials(request, this.options.path);
    const address = clientAddress(request, this.#trustedProxies);
    // Checked and counted in one turn for an upgrade without a token: no await in between.
    const waiting = credentials.token === null ? this.pending.refusal(address) : null;
    const refusal = screenUpgrade(this.options, request, this.registry.size, waiting);
    const admitted = refusal ?? (credentials.token === null ? null : await admitToken(this.options, this.verify, { ...credentials, token: credentials.token }));
    if (isRefusal(admitted)) {
      metrics.connectionsTotal.inc({ result: 'rejected' });
      logger.info({ reason: admitted.reason, status: admitted.status, address }, 'upgrade rejected');
      return rejectUpgrade(socket, admitted.status, STATUS_TEXT[admitted.status], admitted.retryAfter);
    }
    const verified = admitted;
    if (socket.destroyed) {
      if (verified) await this.options.broker.releaseConnection(verified.user.id);
      return;
    }
    this.#wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = new Connection(
        `c_${newId()}`,
        ws,
        null,
        credentials.clientLabel,
        address,
        this.options,
        this.#connectionEvents,
      );
      this.#wire(connection, ws);
      if (verified) void this.establish(connection, verified).catch((error: unknown) => this.fail(connection, error));
      else this.#awaitAuth(connection);
    });
  }

  /**
   * The listeners of every socket, shared: ws calls them with the socket as `this`, and the
   * socket carries its connection. Closures made per connection would cost each one ~0.3 KiB.
   */
  readonly #socketListeners = ((core: Core<P>) => ({
    message(this: WebSocket, data: RawData, isBinary: boolean): void {
      core.#inbound.receive(connectionOf(this), data, isBinary);
    },
    pong(this: WebSocket): void {
      connectionOf(this).lastSeen = Date.now();
    },
    error(this: WebSocket, error: Error): void {
      core.options.logger.debug({ err: error, connection: connectionOf(this).id }, 'socket error');
    },
    close(this: WebSocket, code: number, reason: Buffer): void {
      const connection = connectionOf(this);
      const cleanup = core.#closed(connection, code, reason.toString()).catch((error: unknown) =>
        core.options.logger.error({ err: error, connection: connection.id }, 'cleanup after close failed'),
      );
      core.#cleanups.add(cleanup);
      void cleanup.then(() => core.#cleanups.delete(cleanup));
    },
  }))(this);

  #wire(connection: Connection, ws: WebSocket): void {
    (ws as WiredSocket)[CONNECTION] = connection;
    const listeners = this.#socketListeners;
    ws.on('message', listeners.message);
    ws.on('pong', listeners.pong);
    ws.on('error', listeners.error);
    ws.on('close', listeners.close);
  }

  #awaitAuth(connection: Connection): void {
    this.pending.add(connection);
    const timer = setTimeout(() => {
      if (!connection.authenticated) connection.close(CloseCodes.AUTH_TIMEOUT, 'no auth message in time');
    }, this.options.authTimeoutMs);
    timer.unref();
    connection.socket.once('close', () => clearTimeout(timer));
  }

  /** Admits an authenticated connection: registers it, says `connection.established`, flushes its queue. */
  async establish(connection: Connection, token: VerifiedToken, correlationId?: string): Promise<void> {
    const { logger, metrics, broker } = this.options;
    // Room messages reach this instance's members through the broker: not before it delivers here.
    await this.#registered;
    this.pending.delete(connection);
    connection.authenticate(token.user);
    this.registry.add(connection);
    metrics.connections.set(this.registry.size);
    metrics.connectionsTotal.inc({ result: 'accepted' });
    connection.expireAt(token.expiresAt, this.expire);
    logger.info({ connection: connection.id, user: token.user.id, label: connection.clientLabel }, 'connected');
    this.sendBuiltin(connection, 'connection.established', establishedData(this.protocol, this.options, connection, token), correlationId);
    await this.presence.established(connection);
    const queued = await broker.pending(token.user.id);
    for (const message of queued) this.sendFrame(connection, message.frame, false);
  }

  /** Closes a connection whose token expired unrefreshed (a bound function: one for every timer). */
  readonly expire = (connection: Connection): void => {
    this.sendError(connection, new ProtocolError('TOKEN_EXPIRED', 'the token expired and was not refreshed', { closeCode: CloseCodes.TOKEN_EXPIRED }));
    connection.close(CloseCodes.TOKEN_EXPIRED, 'token expired');
  };

  /** Writes one encoded message to one connection, counted in the deliveries metric. */
  sendFrame(connection: Connection, text: string, volatile: boolean): boolean {
    // Not framed for a connection that is gone (replies that outlive their client).
    if (connection.closed) return false;
    const sent = connection.send(textFrame(text), volatile);
    if (sent) this.options.metrics.deliveries.inc();
    return sent;
  }

  /** Sends a message the runtime builds itself, if the spec declares it. */
  sendBuiltin(connection: Connection, type: string, data: object, correlationId?: string): void {
    if (!this.protocol.outbound.includes(type)) return;
    this.sendFrame(connection, encode(type, data, correlationId), this.volatile.has(type));
    this.options.metrics.messagesOut.inc({ type });
  }

  sendError(connection: Connection, error: ProtocolError, correlationId?: string): void {
    this.options.metrics.rejected.inc({ code: error.code });
    this.sendBuiltin(connection, 'error', errorData(error, correlationId), correlationId);
  }

  /** An unexpected failure while serving one connection: that client alone is told. */
  fail(connection: Connection, error: unknown, correlationId?: string): void {
    if (error instanceof ProtocolError) {
      this.sendError(connection, error, correlationId);
      if (error.closeCode !== undefined) connection.close(error.closeCode, error.message.slice(0, 120));
      return;
    }
    this.options.logger.error({ err: error, connection: connection.id }, 'internal error');
    this.sendError(connection, new ProtocolError('INTERNAL_ERROR', 'internal error'), correlationId);
  }

  async #closed(connection: Connection, code: number, reason: string): Promise<void> {
    connection.dispose();
    if (this.pending.delete(connection)) return;
    const { broker, logger, metrics } = this.options;
    const rooms = this.registry.remove(connection);
    metrics.connections.set(this.registry.size);
    // A socket this side had to destroy after closing it reports 1006; the code chosen is the truth.
    const closeCode = connection.closeCode ?? code;
    metrics.disconnects.inc({ code: String(closeCode) });
    logger.info({ connection: connection.id, user: connection.user.id, code: closeCode, reason }, 'disconnected');
    await broker.releaseConnection(connection.user.id);
    for (const room of rooms) await this.leaveRoom(connection, room, false);
    await this.presence.closed(connection, rooms);
  }

  async joinRoom(connection: Connection, room: string): Promise<void> {
    await joinRoom(this, connection, room, false);
  }

  /**
   * Removes a connection from a room. A typing indicator it left running is ended; when it was
   * the user's last connection in the room (on any instance) the others hear `room.update`
   * client_left, and nothing otherwise: presence is per user.
   */
  async leaveRoom(connection: Connection, room: string, local = true): Promise<void> {
    if (local) this.registry.leave(connection, room);
    const change = await this.options.broker.removeMember(room, connection.id);
    await this.typing.left(connection, room);
    if (change.userChanged && this.protocol.outbound.includes('room.update')) {
      await this.publish([{ kind: 'room', room }], [connection.id], 'room.update', {
        room_id: room,
        event: 'client_left',
        user_id: connection.user.id,
        username: connection.user.name,
        timestamp: isoNow(),
        member_count: change.userCount,
      });
    }
  }

  publish(targets: readonly Target[], except: readonly string[], type: string, data: object, exceptUsers?: readonly string[]): Promise<Delivery> {
    const only = targets.length === 1 ? targets[0] : undefined;
    if (this.sequenced.has(type) && only?.kind === 'room') {
      if (exceptUsers !== undefined) throw new TypeError(`"${type}" is a sequenced room message: every member gets it, no user can be left out`);
      return this.#publishSequenced(only.room, except, type, data);
    }
    return this.#publish(targets, except, type, data, exceptUsers);
  }

  /**
   * A room message with the room's next `seq`: the broker numbers, keeps and delivers it in one
   * step to every instance, this one included, so a room's messages reach every member in `seq`
   * order whichever instance sent them (no per-room chain needed here, and one broker call
   * instead of three).
   */
  async #publishSequenced(room: string, except: readonly string[], type: string, data: object): Promise<Delivery> {
    const id = newId();
    const { head, tail } = framedAroundSeq(type, data, id);
    const volatile = this.volatile.has(type);
    const { seq } = await this.options.broker.publishSequenced({ room, except, type, id, head, tail, volatile }, this.options.roomHistorySize);
    this.options.metrics.messagesOut.inc({ type });
    return { id, seq };
  }

  async #publish(targets: readonly Target[], except: readonly string[], type: string, data: object, exceptUsers?: readonly string[]): Promise<Delivery> {
    const { broker, metrics, nodeId } = this.options;
    const id = newId();
    const frame = encode(type, data, undefined, id);
    const volatile = this.volatile.has(type);
    const broadcast: Broadcast = exceptUsers === undefined ? { targets, except, type, id, frame, volatile } : { targets, except, type, id, frame, volatile, exceptUsers };
    this.#countDeliveries(this.registry.deliver(broadcast));
    metrics.messagesOut.inc({ type });
    await broker.publish(nodeId, broadcast);
    if (!volatile) {
      for (const target of targets) {
        if (target.kind !== 'user' || (await broker.connectionCount(target.userId)) > 0) continue;
        const dropped = await broker.enqueue(target.userId, { id, frame }, this.options.offlineQueueSize);
        // Queue sizes as this instance changed them (exact with one instance).
        metrics.queueSize.inc(1 - dropped);
        if (dropped > 0) metrics.drops.inc({ reason: 'offline_queue_overflow' }, dropped);
      }
    }
    return { id, seq: null };
  }

  /** What the broker delivers: other instances' broadcasts, and every sequenced room message. */
  #deliverRemote(broadcast: Broadcast): void {
    this.#countDeliveries(this.registry.deliver(broadcast));
  }

  /** Once per broadcast, not once per socket: a broadcast to 10,000 is one metric update. */
  #countDeliveries(delivered: number): void {
    if (delivered > 0) this.options.metrics.deliveries.inc(delivered);
  }

  /** Protocol-level pings, and the idle cut-off at two silent intervals. */
  #heartbeat(): void {
    const now = Date.now();
    const idleAfter = this.options.heartbeatIntervalMs * 2;
    for (const connection of this.registry.connections.values()) {
      if (now - connection.lastSeen >= idleAfter) {
        connection.close(CloseCodes.IDLE_TIMEOUT, 'idle timeout');
        continue;
      }
      if (!connection.closed) connection.socket.ping();
    }
    this.limiter.sweep(now);
  }

  health(): HealthReport {
    return {
      status: this.#accepting ? 'ok' : 'shutting_down',
      active_connections: this.registry.size,
      unauthenticated_connections: this.pending.size,
      uptime_seconds: Math.floor((Date.now() - this.#started) / 1000),
    };
  }

  handleRequest(request: IncomingMessage, response: ServerResponse): boolean {
    return serveHttp(this, request, response);
  }

  close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  async #shutdown(): Promise<void> {
    this.#accepting = false;
    clearInterval(this.#sweep);
    this.presence.close();
    const sockets = [...this.registry.connections.values(), ...this.pending];
    const gone = sockets.map(
      (connection) =>
        new Promise<void>((resolve) => {
          if (connection.socket.readyState === connection.socket.CLOSED) return resolve();
          connection.socket.once('close', () => resolve());
        }),
    );
    for (const connection of sockets) connection.close(CloseCodes.GOING_AWAY, 'server shutting down');
    const deadline = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), this.options.shutdownTimeoutMs).unref());
    if ((await Promise.race([Promise.all(gone), deadline])) === 'timeout') {
      for (const connection of sockets) connection.socket.terminate();
      await Promise.all(gone);
    }
    // Their client_left reaches the other instances before this one leaves the broker, which the
    // service may close right after.
    await Promise.all(this.#cleanups);
    await this.#registered.catch(() => undefined); // a failed registration was logged when it happened
    await this.options.broker.unregister(this.options.nodeId);
  }
}

/**
 * The frame of a sequenced message around its position: the broker puts the room's `epoch` and
 * `seq` between `head` and `tail` (`SequencedBroadcast`), as the last keys of `data`. `encode()`
 * puts `data` last in the envelope, so the frame ends with data's `}` and the envelope's: they go
 * in before them, without copying `data` (a copy with one more key was 13% of a publish in a
 * profile).
 */
function framedAroundSeq(type: string, data: object, id: string): { head: string; tail: string } {
  if (Object.hasOwn(data, 'seq') || Object.hasOwn(data, 'epoch')) {
    // The caller's own position is replaced: encode a copy without it.
    const rest: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) if (key !== 'seq' && key !== 'epoch') rest[key] = value;
    return framedAroundSeq(type, rest, id);
  }
  const frame = encode(type, data, undefined, id);
  const empty = frame.endsWith('"data":{}}');
  return { head: empty ? frame.slice(0, -2) : `${frame.slice(0, -2)},`, tail: '}}' };
}
