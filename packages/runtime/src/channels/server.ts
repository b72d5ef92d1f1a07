/**
 * The channel server: `ws` in noServer mode under any node HTTP server, serving any WebSocket
 * document through its `WireProtocol`. An upgrade is routed by path to the channel whose address
 * matches (its parameters extracted); each frame of a connection is decoded, recognised among the
 * messages a client sends on that channel, validated, and handed to the handler of the `receive`
 * operation that takes it; the handler's reply goes back with the request's correlation id.
 * Frames of one connection are handled in order, so replies without a correlation id keep the
 * order of their requests. Bad input costs only its own connection (see reject.ts).
 *
 * The server makes requests of its own too (`send` operations with a reply): each connection
 * keeps its waiting requests (pending.ts), and a client frame that no `receive` operation takes
 * settles the one it answers.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { pino } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { ConnectionClosedError, TimeoutError } from '../errors.js';
import { compileAddress, matchAddress, type AddressMatcher } from './address.js';
import { Pending } from './pending.js';
import { InboundRouter } from './server-inbound.js';
import type { ChannelConnection, ChannelServer, ChannelServerOptions, ReceiveHandlers, ServerRequests } from './server-types.js';
import { JSON_CODEC, type ApiTypes, type ChannelParams, type WireChannel, type WireOperation, type WireProtocol } from './wire.js';

const SLOW_CONSUMER = 4003;

export const DEFAULT_CHANNEL_SERVER_OPTIONS = Object.freeze({
  basePath: '/',
  maxPayload: 1 << 20,
  maxBufferedBytes: 4 << 20,
  maxQueuedFrames: 64,
  requestTimeout: 10_000,
});

class Connection<A extends ApiTypes> implements ChannelConnection<A> {
  /** The requests the server made on this connection that wait for the client's reply. */
  readonly pending: Pending;

  constructor(
    readonly id: string,
    readonly channel: keyof A['channels'] & string,
    readonly params: ChannelParams,
    readonly request: IncomingMessage,
    readonly socket: WebSocket,
    readonly server: ChannelServer<A>,
    wire: WireChannel,
  ) {
    this.pending = new Pending(wire.fromServer);
  }

  send<K extends keyof A['send'] & string>(operation: K, message: A['send'][K]['message']): boolean {
    return this.server.send(operation, this, message);
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }
}

class ChannelServerCore<A extends ApiTypes> implements ChannelServer<A> {
  readonly #protocol: WireProtocol;
  readonly #options: Required<Omit<ChannelServerOptions<A>, 'onReject'>> & { readonly onReject: ChannelServerOptions<A>['onReject'] | undefined };
  readonly #matchers: readonly AddressMatcher[];
  readonly #operations: ReadonlyMap<string, WireOperation>;
  readonly #router: InboundRouter<A>;
  readonly #wss: WebSocketServer;
  readonly #connections = new Set<Connection<A>>();
  #nextId = 1;

  constructor(protocol: WireProtocol, handlers: ReceiveHandlers<A>, options: ChannelServerOptions<A>) {
    this.#protocol = protocol;
    this.#options = {
      basePath: options.basePath ?? DEFAULT_CHANNEL_SERVER_OPTIONS.basePath,
      maxPayload: options.maxPayload ?? DEFAULT_CHANNEL_SERVER_OPTIONS.maxPayload,
      maxBufferedBytes: options.maxBufferedBytes ?? DEFAULT_CHANNEL_SERVER_OPTIONS.maxBufferedBytes,
      maxQueuedFrames: options.maxQueuedFrames ?? DEFAULT_CHANNEL_SERVER_OPTIONS.maxQueuedFrames,
      requestTimeout: options.requestTimeout ?? DEFAULT_CHANNEL_SERVER_OPTIONS.requestTimeout,
      logger: options.logger ?? pino({ level: 'silent' }),
      onReject: options.onReject,
    };
    for (const op of protocol.operations) {
      if (op.action === 'receive' && typeof (handlers as Record<string, unknown>)[op.key] !== 'function') {
        throw new TypeError(`no handler for the receive operation "${op.key}"`);
      }
    }
    this.#matchers = protocol.channels.map((c) => compileAddress(c, this.#options.basePath));
    this.#operations = new Map(protocol.operations.map((op) => [op.key, op]));
    this.#router = new InboundRouter<A>(protocol, handlers, {
      server: this,
      encode: (value) => this.encode(value),
      write: (connection, text) => this.write(connection, text),
      isOpen: (connection) => (connection as Connection<A>).socket.readyState === 1,
      settle: (connection, name, id, value) => (connection as Connection<A>).pending.settle(name, id, value),
    }, {
      codec: protocol.codec ?? JSON_CODEC,
      logger: this.#options.logger,
      onReject: this.#options.onReject,
      maxQueuedFrames: this.#options.maxQueuedFrames,
    });
    this.#wss = new WebSocketServer({ noServer: true, maxPayload: this.#options.maxPayload });
  }

  get connections(): ReadonlySet<ChannelConnection<A>> {
    return this.#connections;
  }

  attach(server: HttpServer): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      // An upgrade outside basePath belongs to another listener, if the HTTP server has one.
      if (!this.handleUpgrade(request, socket, head) && server.listenerCount('upgrade') === 1) refuse(socket, 404, 'no channel has this address');
    });
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!pathname.startsWith(this.#options.basePath.replace(/\/+$/, ''))) return false;
    const match = matchAddress(this.#matchers, pathname);
    if (!match.ok) {
      refuse(socket, match.status, match.reason);
      return true;
    }
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#open(ws, request, match.channel, match.params));
    return true;
  }

  #open(ws: WebSocket, request: IncomingMessage, channel: WireChannel, params: ChannelParams): void {
    const connection = new Connection<A>(`c${this.#nextId++}`, channel.key, params, request, ws, this, channel);
    this.#connections.add(connection);
    const inbound = this.#router.connection(connection);
    ws.on('message', (data, isBinary) => inbound.frame(data, isBinary));
    ws.on('error', (error) => this.#options.logger.warn({ err: error, connection: connection.id }, 'socket error'));
    ws.on('close', (code, reason) => {
      this.#connections.delete(connection);
      connection.pending.rejectAll(new ConnectionClosedError(`the connection closed with ${code} ${reason.toString()}`.trim()));
    });
  }

  send<K extends keyof A['send'] & string>(operation: K, connection: ChannelConnection<A>, message: A['send'][K]['message']): boolean {
    const op = this.#sendOperation(operation);
    if (op.channel !== connection.channel) {
      throw new TypeError(`operation "${operation}" sends on channel "${op.channel}", not on "${connection.channel}"`);
    }
    return this.write(connection, this.encode(message));
  }

  request<K extends ServerRequests<A>>(
    operation: K,
    connection: ChannelConnection<A>,
    message: A['send'][K]['message'],
    options: { readonly timeout?: number } = {},
  ): Promise<A['send'][K]['reply']> {
    const op = this.#sendOperation(operation);
    if (op.reply === null) throw new TypeError(`operation "${operation}" has no reply; use send`);
    if (op.channel !== connection.channel) {
      throw new TypeError(`operation "${operation}" sends on channel "${op.channel}", not on "${connection.channel}"`);
    }
    const c = connection as Connection<A>;
    if (c.socket.readyState !== c.socket.OPEN) return Promise.reject(new ConnectionClosedError('the connection is not open'));
    const timeout = options.timeout ?? this.#options.requestTimeout;
    const reply = c.pending.add(op, message, timeout, () => new TimeoutError(`no reply to "${operation}" within ${timeout} ms`));
    // A write that fails closes the socket (slow consumer), which rejects the request.
    this.write(c, this.encode(message));
    // The pending entry is typed by the operation's reply messages, which the validators checked.
    return reply as Promise<A['send'][K]['reply']>;
  }

  publish<K extends keyof A['send'] & string>(
    operation: K,
    message: A['send'][K]['message'],
    params: Partial<A['channels'][A['send'][K]['channel']]['params']> = {},
  ): number {
    const op = this.#sendOperation(operation);
    const wanted = Object.entries(params as Record<string, string | undefined>);
    let text: string | null = null;
    let written = 0;
    for (const c of this.#connections) {
      if (c.channel !== op.channel || !wanted.every(([k, v]) => v === undefined || c.params[k] === v)) continue;
      text ??= this.encode(message);
      if (this.write(c, text)) written++;
    }
    return written;
  }

  encode(value: unknown): string {
    return (this.#protocol.codec ?? JSON_CODEC).encode(value);
  }

  /** Writes one frame, cutting off a socket whose queue is over the limit. */
  write(connection: ChannelConnection<A>, text: string): boolean {
    const { socket } = connection as Connection<A>;
    if (socket.readyState !== socket.OPEN) return false;
    if (socket.bufferedAmount > this.#options.maxBufferedBytes) {
      socket.close(SLOW_CONSUMER, 'slow consumer');
      return false;
    }
    socket.send(text);
    return true;
  }

  #sendOperation(key: string): WireOperation {
    const op = this.#operations.get(key);
    if (!op || op.action !== 'send') throw new TypeError(`"${key}" is not a send operation of ${this.#protocol.title}`);
    return op;
  }

  async close(): Promise<void> {
    for (const c of this.#connections) c.close(1001, 'server closing');
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }
}

function refuse(socket: Duplex, status: 400 | 404, reason: string): void {
  const text = status === 400 ? 'Bad Request' : 'Not Found';
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`);
}

/**
 * Creates a server for `protocol` with one handler per `receive` operation.
 * @throws {TypeError} when a `receive` operation has no handler.
 */
export function createChannelServer<A extends ApiTypes>(
  protocol: WireProtocol,
  handlers: ReceiveHandlers<A>,
  options: ChannelServerOptions<A> = {},
): ChannelServer<A> {
  return new ChannelServerCore<A>(protocol, handlers, options);
}
