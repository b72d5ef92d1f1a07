/**
 * The server core: `ws` in noServer mode under any node HTTP server. Upgrade -> authenticate ->
 * admit -> connection; each frame goes through the inbound pipeline (inbound.ts); every send goes
 * through the courier (courier.ts: encode once, deliver here, publish to the other instances).
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CloseCodes } from '../errors.js';
import type { CheckedServerProtocol, ProtocolTypes, ServerProtocol } from '../protocol.js';
import { admitToken, isRefusal, screenUpgrade, STATUS_TEXT } from './admission.js';
import { createTokenVerifier, extractCredentials, matchesEndpoint, type TokenVerifier } from './auth.js';
import { createSenders } from './broadcast.js';
import { clientAddress, trustedProxyMatcher, type AddressMatcher } from './client-address.js';
import { Connection, type ConnectionEvents } from './connection.js';
import { Courier } from './courier.js';
import { rejectUpgrade, serveHttp, type HealthReport } from './http.js';
import { checkIdentity } from './identity.js';
import { Inbound } from './inbound.js';
import { resolveServerOptions, type ResolvedServerOptions, type ServerOptions } from './options.js';
import { Presence } from './presence.js';
import { SlidingWindowRateLimiter } from './rate-limiter.js';
import { Registry } from './registry.js';
import { Rooms } from './rooms.js';
import { Sessions } from './sessions.js';
import type { Senders, ServiceDispatch } from './types.js';
import { Typing } from './typing.js';
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

/**
 * The implementation: makes the parts (parts.ts) and wires them to `ws` and the broker. Nothing
 * imports this module but the package's index.
 */
class Core<P extends ProtocolTypes> implements SwitchboardServer<P> {
  readonly registry = new Registry();
  /** Upgraded but not yet authenticated (waiting for an `auth` message). */
  readonly #pending: UnauthenticatedSockets;
  readonly #trustedProxies: AddressMatcher;
  readonly #verify: TokenVerifier;
  readonly #limiter: SlidingWindowRateLimiter;
  readonly #senders: Senders<P>;
  readonly #courier: Courier;
  readonly #presence: Presence;
  readonly #sessions: Sessions<P>;
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
    const verifier = options.verifyToken ?? createTokenVerifier(options.auth);
    this.#verify = async (token) => checkIdentity(await verifier(token));
    this.#limiter = new SlidingWindowRateLimiter(options.rateLimit);
    this.#pending = new UnauthenticatedSockets(options);
    this.#trustedProxies = trustedProxyMatcher(options.trustedProxies);
    this.#courier = new Courier(protocol, options, this.registry);
    this.#senders = createSenders<P>(this.#courier);
    this.#wss = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      perMessageDeflate: false,
      // Frames above 4x the message limit are not even buffered: ws closes them with 1009.
      maxPayload: options.maxMessageSize * 4,
      handleProtocols: (offered) => (offered.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
    });
    this.#registered = options.broker.register({ nodeId: options.nodeId, deliver: (b) => this.#courier.deliver(b) });
    this.#registered.catch((error: unknown) => options.logger.error({ err: error }, 'broker registration failed'));
    this.#presence = new Presence(options, this.registry, this.#courier);
    const typing = new Typing(this.#courier, this.registry, protocol.outbound.includes('user.typing'));
    const rooms = new Rooms(options, this.registry, this.#courier, this.#presence, typing);
    this.#sessions = new Sessions<P>({
      protocol, options, registry: this.registry, pending: this.#pending, courier: this.#courier, rooms, presence: this.#presence, registered: this.#registered,
    });
    this.#inbound = new Inbound<P>(
      { protocol, options, verify: this.#verify, limiter: this.#limiter, registry: this.registry, courier: this.#courier, rooms, sessions: this.#sessions, typing, senders: this.#senders },
      dispatch,
    );
    this.#sweep = setInterval(() => this.#heartbeat(), options.heartbeatIntervalMs);
    this.#sweep.unref();
  }

  get connectionCount(): number {
    return this.registry.size;
  }

  // Senders
  toConnection(connectionId: string) { return this.#senders.toConnection(connectionId); }
  toUser(userId: string) { return this.#senders.toUser(userId); }
  toRoom(room: string) { return this.#senders.toRoom(room); }
  toSubscribers(event: P['event']) { return this.#senders.toSubscribers(event); }
  toAll() { return this.#senders.toAll(); }

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
    const waiting = credentials.token === null ? this.#pending.refusal(address) : null;
    const refusal = screenUpgrade(this.options, request, this.registry.size, waiting);
    const admitted = refusal ?? (credentials.token === null ? null : await admitToken(this.options, this.#verify, { ...credentials, token: credentials.token }));
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
        `c_${crypto.randomUUID()}`,
        ws,
        null,
        credentials.clientLabel,
        address,
        this.options,
        this.#connectionEvents,
      );
      this.#wire(connection, ws);
      if (verified) void this.#sessions.establish(connection, verified).catch((error: unknown) => this.#courier.fail(connection, error));
      else this.#sessions.awaitAuth(connection);
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
      const cleanup = core.#sessions.closed(connection, code, reason.toString()).catch((error: unknown) =>
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
    this.#limiter.sweep(now);
  }

  health(): HealthReport {
    return {
      status: this.#accepting ? 'ok' : 'shutting_down',
      active_connections: this.registry.size,
      unauthenticated_connections: this.#pending.size,
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
    this.#presence.close();
    const sockets = [...this.registry.connections.values(), ...this.#pending];
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
