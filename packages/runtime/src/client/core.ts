/**
 * The protocol-agnostic client: the envelope protocol over one WebSocket, with request/reply, an
 * offline send queue, deduplication and typed listeners; the connection lifecycle (reconnects,
 * backoff, state) lives in lifecycle.ts. Generated code wraps this class with typed methods and
 * the runtime never imports generated code (protocol.ts explains the split).
 */
import { ConnectionClosedError } from '../errors.js';
import type { ClientProtocol, Envelope } from '../protocol.js';
import { reportUncaught, type ClientDiagnostic } from './diagnostics.js';
import { Dispatcher } from './dispatch.js';
import { createEnvelope, protocolErrorFrom, type OutboundEnvelope } from './envelope.js';
import { decodeFrame } from './inbound.js';
import { Lifecycle } from './lifecycle.js';
import type { Unsubscribe } from './listeners.js';
import {
  checkCloseArgs,
  checkDelay,
  DEDUP_WINDOW,
  DEFAULT_INTERNALS,
  resolveClientOptions,
  type ClientInternals,
  type ClientOptions,
  type ResolvedClientOptions,
} from './options.js';
import { Outbox, type Transmission } from './outbox.js';
import { closedBeforeReply, PendingRequests } from './pending.js';
import { RecentIds } from './recent-ids.js';
import type { ClientState, StateChange } from './state.js';
import { AUTH_TYPE } from './transport.js';

export interface RequestOptions {
  /**
   * How long to wait for the reply, counted from the call (time spent in the send queue counts).
   * @default ClientOptions.requestTimeoutMs
   * @example 2000
   */
  readonly timeoutMs?: number;
  /**
   * Aborting rejects the request with the signal's reason and takes it out of the send queue.
   * @default undefined
   * @example AbortSignal.timeout(2000)
   */
  readonly signal?: AbortSignal;
}

/**
 * @example
 * const client = new ClientCore(clientProtocol, { url: 'ws://127.0.0.1:8000/ws', token: getToken });
 * client.on('chat.message', (message) => render(message.data));
 * await client.connect();
 * const pong = await client.request('ping', {});
 *
 * @example
 * // No `token` option: the connection opens without one and the app authenticates it by hand
 * // (the generated client's `auth(data)` is this request). Do not await connect() first: it only
 * // resolves once the `auth` reply has admitted the connection.
 * const client = new ClientCore(clientProtocol, { url: 'ws://127.0.0.1:8000/ws' });
 * const connected = client.connect();
 * const established = await client.request('auth', { token: await login() });
 * await connected; // already settled: it resolved with the same reply
 */
export class ClientCore<Inbound extends Envelope> {
  readonly #protocol: ClientProtocol<Inbound>;
  readonly #options: ResolvedClientOptions;
  readonly #lifecycle: Lifecycle;
  readonly #outbox: Outbox;
  readonly #pending: PendingRequests<Inbound>;
  readonly #recent = new RecentIds(DEDUP_WINDOW);
  readonly #dispatcher = new Dispatcher<Inbound>();
  #session: Inbound | null = null;

  /**
   * @param internals test seam for randomness and timers; not part of the public API.
   * @throws TypeError or RangeError when an option is invalid (the message names it).
   */
  constructor(protocol: ClientProtocol<Inbound>, options: ClientOptions, internals: Partial<ClientInternals> = {}) {
    this.#protocol = protocol;
    this.#options = resolveClientOptions(options);
    const resolvedInternals: ClientInternals = { ...DEFAULT_INTERNALS, ...internals };
    this.#outbox = new Outbox(this.#options.sendQueueLimit, protocol.volatile);
    this.#pending = new PendingRequests<Inbound>(resolvedInternals.schedule, (id) => {
      this.#outbox.remove(id);
    });
    this.#lifecycle = new Lifecycle(this.#options, resolvedInternals, {
      onFrame: (data) => {
        this.#receive(data);
      },
      onSocketOpen: (connection) => {
        this.#outbox.flushHandshake(connection, (id) => {
          this.#pending.markSent(id);
        });
      },
      onOpen: (connection) => {
        this.#outbox.flush(connection, (id) => {
          this.#pending.markSent(id);
        });
      },
      onDown: (why, final) => {
        this.#connectionDown(why, final);
      },
      diagnose: (event) => {
        this.#diagnose(event);
      },
    });
  }

  get state(): ClientState {
    return this.#lifecycle.state;
  }

  /** The whole `connection.established` envelope of the current connection once open, else null. */
  get session(): Inbound | null {
    return this.#session;
  }

  /**
   * Opens the connection. Resolves when `connection.established` arrives: right after the upgrade
   * when the token travels in it, or as the reply to the `auth` message (sent by the client itself
   * with `tokenTransport: 'message'`, or by the app when no `token` is configured; see `request`).
   * Failures the close code
   * calls transient (asyncapi.yaml, `CloseCode`) are retried with backoff while the promise waits;
   * it rejects once the client ends up `closed` instead: with the server's `ProtocolError` when it
   * sent an `error` before closing (e.g. `AUTH_FAILED` then 1008), else `ConnectionClosedError`.
   * Calling it while connecting returns a promise for the same outcome.
   */
  connect(): Promise<void> {
    return this.#lifecycle.connect();
  }

  /**
   * Closes for good: no reconnect, pending requests reject with `ConnectionClosedError`, queued
   * sends are dropped (reported as `send-dropped`). Resolves once the socket has closed.
   * @param code 1000 or 3000-4999, the codes the WebSocket API lets a client send. @default 1000
   * @throws RangeError for another code or a reason over 123 bytes.
   */
  close(code = 1000, reason = ''): Promise<void> {
    checkCloseArgs(code, reason);
    return this.#lifecycle.close(code, reason);
  }

  /**
   * Sends one message, or queues it while not open (flushed in order on the next open). A volatile
   * type is not queued: while not open it is dropped and reported as `send-dropped`.
   * @returns the envelope id.
   * @throws SendQueueFullError (a RangeError) when `sendQueueLimit` messages already wait.
   * @throws TypeError when `type` is not a non-empty string or `data` not a plain object.
   */
  send(type: string, data: object): string {
    const envelope = createEnvelope(type, data);
    this.#transmit(envelope);
    return envelope.id;
  }

  /**
   * Sends (or queues) a request and resolves with its reply: the message whose `correlation_id` is
   * the request's id and whose type is in `protocol.replies[type]`. An `error` answering it rejects
   * with `ProtocolError` (`code`, `retryAfter`); no reply in time rejects with `TimeoutError`;
   * losing the connection it was sent on, or `close()`, rejects with `ConnectionClosedError`, as
   * does a volatile request made while not open. A full send queue rejects with
   * `SendQueueFullError`.
   *
   * Authenticating by hand: when no `token` option is configured, `request('auth', { token })`
   * cannot wait for `connection.established` like other requests, since only it can bring that
   * message. It goes out at once while a socket is open (before or after the welcome), or else is
   * held and sent as the first frame when the next socket opens, ahead of the send queue. Its
   * `connection.established` reply resolves it and `connect()` together; an `error` reply rejects
   * it, and `connect()` with the same `ProtocolError` once the server closes with 1008. It
   * authenticates one connection: after a reconnect, send it again (for instance when
   * `onStateChange` reports `reconnecting`), or configure `token` with `tokenTransport: 'message'`
   * so the client does it on every connection.
   * @throws TypeError when `type` has no reply in the protocol (use `send`) or the arguments are bad.
   */
  request<R extends Inbound>(type: string, data: object, options: RequestOptions = {}): Promise<R> {
    const replies = this.#protocol.replies[type];
    if (replies === undefined) throw new TypeError(`'${type}' has no reply in the protocol; use send()`);
    const timeoutMs =
      options.timeoutMs === undefined
        ? this.#options.requestTimeoutMs
        : checkDelay('RequestOptions.timeoutMs', options.timeoutMs, 1);
    const envelope = createEnvelope(type, data);
    const { signal } = options;
    if (signal?.aborted === true) return Promise.reject(signal.reason);
    const { id } = envelope;
    const reply = this.#pending.add({ id, type, replies, timeoutMs, signal });
    let transmission: Transmission;
    try {
      transmission = this.#transmit(envelope);
    } catch (error) {
      this.#pending.forget(id);
      return Promise.reject(error);
    }
    if (transmission === 'dropped') {
      this.#pending.forget(id);
      return Promise.reject(new ConnectionClosedError(`'${type}' is volatile and is not queued while the client is ${this.state}`));
    }
    if (transmission === 'sent') this.#pending.markSent(id);
    // Only the reply's type is checked at run time (against `replies`); which member of Inbound
    // that is, is the caller's (generated code's) claim.
    return reply as Promise<R>;
  }

  /** Calls `handler` with every valid inbound message of `type`, replies included. */
  on<K extends Inbound['type']>(type: K, handler: (message: Extract<Inbound, { type: K }>) => void): Unsubscribe {
    if (typeof handler !== 'function') throw new TypeError('on(): handler must be a function');
    // Dispatch is by `message.type`, so only messages of type K ever reach this handler.
    return this.#dispatcher.on(type, handler as (message: Inbound) => void);
  }

  /** Calls `handler` with every valid, non-duplicate inbound message, after the `on` handlers. */
  onMessage(handler: (message: Inbound) => void): Unsubscribe {
    if (typeof handler !== 'function') throw new TypeError('onMessage(): handler must be a function');
    return this.#dispatcher.onMessage(handler);
  }

  onStateChange(handler: (change: StateChange) => void): Unsubscribe {
    if (typeof handler !== 'function') throw new TypeError('onStateChange(): handler must be a function');
    return this.#lifecycle.onStateChange(handler);
  }

  #transmit(envelope: OutboundEnvelope): Transmission {
    // With a configured token the client authenticates itself; an `auth` the app makes then is an
    // ordinary message (the server answers it with INVALID_MESSAGE_TYPE).
    const handshake = envelope.type === AUTH_TYPE && this.#options.token === undefined;
    const connection = handshake ? this.#lifecycle.currentConnection : this.#lifecycle.openConnection;
    const transmission = this.#outbox.transmit(envelope, connection, handshake);
    if (transmission === 'dropped') {
      this.#diagnose({ kind: 'send-dropped', id: envelope.id, type: envelope.type, reason: 'volatile' });
    }
    return transmission;
  }

  #receive(data: unknown): void {
    const decoded = decodeFrame(data, this.#protocol.validate, this.#recent);
    if (!decoded.ok) {
      this.#diagnose(decoded.diagnostic);
      return;
    }
    const { message } = decoded;
    const correlationId = message.correlation_id;
    const requestType = correlationId === undefined ? undefined : this.#pending.typeOf(correlationId);
    if (message.type === 'connection.established' && this.state !== 'open') {
      this.#session = message;
      this.#lifecycle.established();
    } else if (message.type === 'error' && (correlationId === undefined || this.#answersAuth(correlationId, requestType))) {
      this.#lifecycle.serverError(protocolErrorFrom(message));
    }
    if (requestType !== undefined && this.#pending.match(message) === 'unexpected') {
      this.#diagnose({ kind: 'unexpected-reply', requestType, message });
    }
    this.#dispatcher.emit(message, (error) => {
      this.#diagnose({ kind: 'listener-error', event: message.type, error });
    });
  }

  /**
   * Whether a message correlated to `correlationId` answers the `auth` that should admit the
   * current connection, the client's own or the app's: its `error` explains the close (1008) that
   * follows, so it becomes `connect()`'s rejection like an uncorrelated one.
   */
  #answersAuth(correlationId: string, requestType: string | undefined): boolean {
    if (this.state === 'open') return false;
    return correlationId === this.#lifecycle.authId || requestType === AUTH_TYPE;
  }

  /**
   * Requests sent on the lost connection cannot be answered on the next one, so they fail now;
   * queued ones wait for the next open unless the client is closed for good.
   */
  #connectionDown(why: string, final: boolean): void {
    this.#session = null;
    if (!final) {
      this.#pending.rejectSent((request) => closedBeforeReply(request, why));
      return;
    }
    for (const queued of this.#outbox.discard()) {
      // A queued request learns its fate from its own rejection below.
      if (this.#pending.typeOf(queued.id) === undefined) {
        this.#diagnose({ kind: 'send-dropped', id: queued.id, type: queued.type, reason: 'closed' });
      }
    }
    this.#pending.rejectAll((request) => closedBeforeReply(request, why));
  }

  #diagnose(event: ClientDiagnostic): void {
    const { onDiagnostic } = this.#options;
    if (onDiagnostic === undefined) {
      // Other diagnostics are about the peer or the network and show in state changes; a
      // listener's exception is a bug in the app and must not vanish.
      if (event.kind === 'listener-error') reportUncaught(event.error);
      return;
    }
    try {
      onDiagnostic(event);
    } catch (error) {
      reportUncaught(error);
    }
  }
}
