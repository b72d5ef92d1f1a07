/**
 * The inbound pipeline, one frame at a time per connection: size -> rate limit -> JSON parse ->
 * generated validation -> built-in or service handler -> reply. Bad input is answered with the
 * spec's error and costs nobody else anything; a throwing handler becomes `INTERNAL_ERROR` for
 * its client only.
 *
 * The rate limiter runs before parsing, not after validation: every frame counts,
 * as the spec says ("all client messages count"), and a flood of malformed frames is then cut at
 * the same rate as a flood of valid ones instead of being parsed and answered for free.
 */
import type { RawData } from 'ws';
import { CloseCodes, ProtocolError } from '../errors.js';
import type { Envelope, ProtocolTypes } from '../protocol.js';
import { BUILTINS, type Builtin } from './builtins.js';
import type { Connection, InboundFrame } from './connection.js';
import { retrySeconds } from './http.js';
import { announcedLimits } from './established.js';
import { type LedgerRequest, RequestLedger, type RequestOutcome, runUnrecorded } from './idempotency.js';
import { encode, keptOfReply, newId, replyFromKept, validationError } from './outbound.js';
import type { ServerParts } from './parts.js';
import { TextLimits } from './text-limits.js';
import type { HandlerContext, Reply, ServiceDispatch } from './types.js';
import { unknownEventsError } from './unknown-events.js';

/** Frames held behind an async handler before reading from the socket pauses. */
const BACKLOG_HIGH_WATER = 16;

export class Inbound<P extends ProtocolTypes> {
  readonly #builtins = new Map<string, Builtin>();
  /** Inbound types the service's handlers answer; any other type that validates is refused. */
  readonly #services: ReadonlySet<string>;
  readonly #contexts = new WeakMap<Connection, HandlerContext<P>>();
  readonly #ledger: RequestLedger;
  readonly #textLimits: TextLimits;

  constructor(
    private readonly server: ServerParts<P>,
    private readonly dispatch: ServiceDispatch<P>,
  ) {
    this.#services = new Set(server.protocol.services);
    this.#ledger = new RequestLedger(server.options);
    this.#textLimits = new TextLimits(server.protocol.textLimits, { ...announcedLimits(server.options) });
    for (const type of server.protocol.builtins) {
      const builtin = Object.hasOwn(BUILTINS, type) ? BUILTINS[type] : undefined;
      if (!builtin) throw new TypeError(`the spec marks "${type}" as handled by the runtime, which has no built-in for it`);
      this.#builtins.set(type, builtin);
    }
  }

  receive(connection: Connection, data: RawData, isBinary: boolean): void {
    connection.lastSeen = Date.now();
    const backlog = connection.backlog;
    if (backlog) {
      // Reading stops once a handful of frames wait, so a client cannot queue without bound
      // behind a slow handler; below that, pausing and resuming the socket for every async
      // message would cost more than the message.
      if (backlog.push({ data, isBinary }) === BACKLOG_HIGH_WATER) connection.socket.pause();
      return;
    }
    const pending = this.#handle(connection, data, isBinary);
    if (pending) void this.#drain(connection, pending);
  }

  /** Keeps a connection's messages in order while a handler is async. */
  async #drain(connection: Connection, first: Promise<void>): Promise<void> {
    const backlog: InboundFrame[] = [];
    connection.backlog = backlog;
    try {
      await first;
      for (let frame = backlog.shift(); frame; frame = backlog.shift()) {
        if (connection.closed) break;
        const pending = this.#handle(connection, frame.data, frame.isBinary);
        if (pending) await pending;
      }
    } finally {
      connection.backlog = null;
      // Also when closing: a paused socket would not read the peer's close frame, and the close
      // handshake would hang until ws's 30 s timeout.
      if (connection.socket.isPaused) connection.socket.resume();
    }
  }

  /** Handles one frame; returns a promise only when something asynchronous is still running. */
  #handle(connection: Connection, data: RawData, isBinary: boolean): Promise<void> | undefined {
    const { server } = this;
    const { options } = server;
    if (isBinary) {
      server.courier.sendError(connection, new ProtocolError('INVALID_MESSAGE', 'binary frames are not supported: send JSON in text frames'));
      return undefined;
    }
    const size = byteLength(data);
    if (size > options.maxMessageSize) {
      server.courier.sendError(
        connection,
        new ProtocolError('MESSAGE_TOO_LARGE', `message is ${size} bytes, the limit is ${options.maxMessageSize}`, {
          details: { limit: options.maxMessageSize },
        }),
      );
      return undefined;
    }
    if (connection.authenticated && !this.#admitRate(connection, data)) return undefined;

    let parsed: unknown;
    try {
      parsed = JSON.parse(toText(data));
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      server.courier.sendError(connection, new ProtocolError('INVALID_MESSAGE', `not valid JSON: ${error.message}`, { details: { pointer: '' } }));
      return undefined;
    }
    const result = server.protocol.validate(parsed);
    if (!result.ok) {
      const unknownEvents = unknownEventsError(parsed, result.error, server.protocol.events, server.protocol.validate);
      server.courier.sendError(connection, unknownEvents ?? validationError(result.error), idOf(parsed));
      return undefined;
    }
    const message: Envelope = result.value;
    options.metrics.countIn(message.type);

    if (!connection.authenticated) {
      if (message.type === 'auth' && this.#builtins.has('auth')) return this.#run(connection, message, this.#builtins.get('auth'));
      const error = new ProtocolError('AUTH_FAILED', 'authenticate first: send an auth message with a token', {
        closeCode: CloseCodes.POLICY_VIOLATION,
      });
      server.courier.fail(connection, error, message.id);
      return undefined;
    }
    const builtin = this.#builtins.get(message.type);
    if (builtin) return this.#run(connection, message, builtin);
    if (this.#services.has(message.type)) return this.#service(connection, result.value);
    server.courier.sendError(connection, new ProtocolError('INVALID_MESSAGE_TYPE', `"${message.type.slice(0, 64)}" is not answered by this server`), message.id);
    return undefined;
  }

  #run(connection: Connection, message: Envelope, builtin: Builtin | undefined): Promise<void> | undefined {
    if (!builtin) return undefined;
    try {
      const pending = builtin(this.server, connection, message);
      return pending?.catch((error: unknown) => this.server.courier.fail(connection, error, message.id));
    } catch (error) {
      this.server.courier.fail(connection, error, message.id);
      return undefined;
    }
  }

  /**
   * A service-owned message: the announced content limit, then the handler. A request (an
   * operation with a reply) runs at most once per user and envelope id within the idempotency
   * window (idempotency.ts), and a resend is answered with the first reply; a message without a
   * reply (typing: volatile, never resent) is not recorded.
   */
  #service(connection: Connection, message: P['inbound']): Promise<void> | undefined {
    const request = new ServiceRequest(this.server, this.dispatch, connection, this.#context(connection), message);
    try {
      this.#textLimits.check(message);
    } catch (error) {
      request.fail(error);
      return undefined;
    }
    return Object.hasOwn(this.server.protocol.replies, message.type) ? this.#ledger.once(request) : runUnrecorded(request);
  }

  /** The rate limiter's verdict; sends the error (at most once a second) or bans. */
  #admitRate(connection: Connection, data: RawData): boolean {
    const { server } = this;
    // The clock as `receive` read it for this frame (or, for one that waited behind an async
    // handler, for a later one): reading it again costs a frame more than the limiter itself.
    const now = connection.lastSeen;
    const user = connection.user.id;
    const decision = server.limiter.consume(user, now);
    if (decision.allowed) return true;
    const { metrics } = server.options;
    metrics.rateLimitHits.inc();
    metrics.drops.inc({ reason: 'rate_limited' });
    if (decision.banned) {
      this.#ban(connection);
      return false;
    }
    if (now - connection.lastRateLimitErrorAt < 1000) return false;
    connection.lastRateLimitErrorAt = now;
    if (server.limiter.recordViolation(user, now).banned) {
      this.#shareBan(user);
      this.#ban(connection);
      return false;
    }
    server.courier.sendError(
      connection,
      new ProtocolError('RATE_LIMIT_EXCEEDED', `more than ${server.options.rateLimit.limit} messages in ${server.options.rateLimit.windowMs} ms`, {
        retryAfter: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)),
      }),
      // Parsed only for the one frame a second that gets an answer, so the client's request fails fast.
      idOf(parseQuietly(data)),
    );
    return false;
  }

  /**
   * Hands a new ban to the broker, which keeps it for every instance: the user's next connection,
   * here or elsewhere, is refused at the door. Issued before the close frame, so it is in the
   * broker before the client can come back.
   */
  #shareBan(user: string): void {
    const { broker, logger, rateLimit } = this.server.options;
    broker.banUser(user, rateLimit.banDurationMs).catch((error: unknown) => {
      logger.error({ err: error, user }, 'the broker could not keep a ban: other instances may admit the user');
    });
  }

  #ban(connection: Connection): void {
    const until = this.server.limiter.isBanned(connection.user.id, Date.now());
    const retryAfter = until === null ? undefined : retrySeconds(until - Date.now());
    this.server.courier.fail(
      connection,
      new ProtocolError('RATE_LIMIT_EXCEEDED', 'temporarily banned after repeated rate-limit violations', {
        closeCode: CloseCodes.RATE_LIMIT_BAN,
        ...(retryAfter === undefined ? {} : { retryAfter }),
      }),
    );
  }

  #context(connection: Connection): HandlerContext<P> {
    let context = this.#contexts.get(connection);
    if (context) return context;
    const server = this.server;
    const assertInRoom = (room: string): void => {
      if (!connection.rooms.has(room)) {
        throw new ProtocolError('NOT_IN_ROOM', `not in room "${room}": join it first`, { details: { room_id: room } });
      }
    };
    context = {
      connection,
      // Read at each use: `auth.refresh` may have renamed the user since the context was made.
      get user() {
        return connection.user;
      },
      send: server.senders,
      joinRoom: (room) => server.rooms.join(connection, room, false).then(() => undefined),
      assertInRoom,
      newId,
      // Only in a room the connection is in: its leave is what ends the indicator.
      setTyping: async (room, isTyping) => {
        assertInRoom(room);
        await server.typing.set(connection, room, isTyping);
      },
    };
    this.#contexts.set(connection, context);
    return context;
  }
}

/**
 * A service-owned message on its way through its handler to the reply, as the ledger runs it:
 * one object per request, where closures would be several.
 */
class ServiceRequest<P extends ProtocolTypes> implements LedgerRequest<Reply<P> | undefined> {
  readonly userId: string;
  readonly requestId: string;

  constructor(
    private readonly server: ServerParts<P>,
    private readonly dispatch: ServiceDispatch<P>,
    private readonly connection: Connection,
    private readonly context: HandlerContext<P>,
    private readonly message: P['inbound'],
  ) {
    this.userId = connection.user.id;
    this.requestId = message.id;
  }

  run(): Reply<P> | undefined | Promise<Reply<P> | undefined> {
    return this.dispatch(this.message, this.context);
  }

  outcome(reply: Reply<P> | undefined): RequestOutcome {
    if (reply === undefined) return NO_REPLY;
    const frame = encode(reply.type, reply.data, this.message.id);
    return { type: reply.type, frame, kept: keptOfReply(reply.type, frame, this.#usualReply()) };
  }

  replay(kept: string): RequestOutcome {
    if (kept === '') return NO_REPLY;
    return { ...replyFromKept(kept, this.message.id, this.#usualReply()), kept };
  }

  /** The operation's first reply type: the one a record need not name. */
  #usualReply(): string | undefined {
    return this.server.protocol.replies[this.message.type]?.[0];
  }

  answer(outcome: RequestOutcome | null): void {
    const { connection } = this;
    if (outcome === null || outcome.frame === '' || connection.closed) return;
    const { courier, options } = this.server;
    courier.sendFrame(connection, outcome.frame, courier.volatile.has(outcome.type));
    options.metrics.countOut(outcome.type);
  }

  fail(error: unknown): void {
    if (!(error instanceof ProtocolError)) this.server.options.metrics.handlerErrors.inc({ type: this.message.type });
    this.server.courier.fail(this.connection, error, this.message.id);
  }

  alive(): boolean {
    return !this.connection.closed;
  }
}

const NO_REPLY: RequestOutcome = { type: '', frame: '', kept: '' };

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

function toText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return data instanceof ArrayBuffer ? Buffer.from(data).toString('utf8') : data.toString('utf8');
}

/** The frame as JSON, or `undefined` when it is not JSON (only used to find a request id). */
function parseQuietly(data: RawData): unknown {
  try {
    return JSON.parse(toText(data));
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** The request's `id` for `correlation_id`, when the rejected input has a usable one. */
function idOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || !Object.prototype.hasOwnProperty.call(input, 'id')) return undefined;
  const id = (input as { id?: unknown }).id;
  return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : undefined;
}
