/**
 * The connection lifecycle: connect, reconnect with backoff, close. It owns the state machine and
 * the socket and knows nothing of requests, queues or listeners; the core hears about each
 * connection going up or down through hooks. With `tokenTransport: 'message'` it also sends the
 * `auth` message that opens each connection (asyncapi.yaml, "Authentication", way 4).
 */
import { ConnectionClosedError, ProtocolError } from '../errors.js';
import { Backoff, isReconnectableClose } from './backoff.js';
import { Connection } from './connection.js';
import type { ClientDiagnostic } from './diagnostics.js';
import { createEnvelope } from './envelope.js';
import type { Unsubscribe } from './listeners.js';
import type { ClientInternals, ResolvedClientOptions } from './options.js';
import { StateMachine, type ClientState, type StateChange } from './state.js';
import { AUTH_TYPE, connectionTarget, resolveToken } from './transport.js';

export interface LifecycleHooks {
  /** A frame from the current connection. */
  readonly onFrame: (data: unknown) => void;
  /**
   * The current socket is open, the server has not admitted it yet: send what authenticates it.
   * Called before the lifecycle's own `auth` message, which waits for the token provider.
   */
  readonly onSocketOpen: (connection: Connection) => void;
  /** The connection is open (after `connection.established`); flush what waited for it. */
  readonly onOpen: (connection: Connection) => void;
  /**
   * The connection is gone; `final` when the client is now closed for good. Called before the
   * state changes, so state listeners already see the consequences.
   */
  readonly onDown: (why: string, final: boolean) => void;
  readonly diagnose: (event: ClientDiagnostic) => void;
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Why the session ended, for `connect()`: the server's own `error` when it sent one before closing
 * (it says more than a close code), else a `ConnectionClosedError` caused by whatever failed.
 */
function sessionEndedError(failure: unknown, why: string): Error {
  if (failure instanceof ProtocolError) return failure;
  return new ConnectionClosedError(`connection ${why}`, failure === undefined ? undefined : { cause: failure });
}

export class Lifecycle {
  readonly #options: ResolvedClientOptions;
  readonly #schedule: ClientInternals['schedule'];
  readonly #hooks: LifecycleHooks;
  readonly #state: StateMachine;
  readonly #backoff: Backoff;
  /** `connect()` calls waiting for the session to open or end. */
  #waiters: Waiter[] = [];
  #connection: Connection | null = null;
  /** Settles when the current (or last) socket has fired `close`; what `close()` waits for. */
  #socketClosed: Promise<void> = Promise.resolve();
  /** Bumped per attempt and per disconnect, so a token provider that resolves late is ignored. */
  #generation = 0;
  #cancelRetry: (() => void) | null = null;
  /** What made the current attempt fail, when someone said: becomes `connect()`'s rejection. */
  #failure: unknown = undefined;
  /** The id of the `auth` message sent on the current connection (`tokenTransport: 'message'`). */
  #authId: string | null = null;

  constructor(options: ResolvedClientOptions, internals: ClientInternals, hooks: LifecycleHooks) {
    this.#options = options;
    this.#schedule = internals.schedule;
    this.#hooks = hooks;
    this.#state = new StateMachine((error) => {
      hooks.diagnose({ kind: 'listener-error', event: 'state', error });
    });
    this.#backoff = new Backoff(options.reconnect, internals.random);
  }

  get state(): ClientState {
    return this.#state.value;
  }

  /** The connection to write to, while open. */
  get openConnection(): Connection | null {
    return this.#state.value === 'open' ? this.#connection : null;
  }

  /** The current connection, admitted by the server or not: only authentication may use it unadmitted. */
  get currentConnection(): Connection | null {
    return this.#connection;
  }

  /**
   * The id of the `auth` message this lifecycle sent on the current connection, if it did: an
   * `error` correlated to it explains the close that follows.
   */
  get authId(): string | null {
    return this.#authId;
  }

  onStateChange(handler: (change: StateChange) => void): Unsubscribe {
    return this.#state.subscribe(handler);
  }

  connect(): Promise<void> {
    if (this.#state.value === 'open') return Promise.resolve();
    const settled = new Promise<void>((resolve, reject) => {
      this.#waiters.push({ resolve, reject });
    });
    if (this.#state.value === 'closed') {
      this.#backoff.reset();
      this.#state.set('connecting');
      this.#dial();
    }
    return settled;
  }

  close(code: number, reason: string): Promise<void> {
    const closed = this.#socketClosed;
    this.#disconnect(code, reason, false);
    return closed;
  }

  /** `connection.established` arrived on the current connection. */
  established(): void {
    if (this.#state.value === 'open') return;
    this.#backoff.reset();
    this.#failure = undefined;
    // Taken before the state changes, so a connect() made by a state listener waits for its own outcome.
    const waiters = this.#waiters.splice(0);
    this.#state.set('open');
    const connection = this.#connection;
    // A state listener may have closed the client already.
    if (this.#state.is('open') && connection !== null) this.#hooks.onOpen(connection);
    for (const waiter of waiters) waiter.resolve();
  }

  /**
   * The server sent an `error` not tied to a request: it explains the close that follows
   * (AUTH_FAILED, CONNECTION_LIMIT...), so keep it in case that close ends the session.
   */
  serverError(error: Error): void {
    this.#failure = error;
  }

  /**
   * Starts one connection attempt. A token for the upgrade comes first (a provider may be async),
   * then the socket; one for an `auth` message is fetched once the socket is open, so it is as
   * fresh as it can be when the server checks it.
   */
  #dial(): void {
    const state = this.#state.value;
    if (state !== 'connecting' && state !== 'reconnecting') return;
    this.#generation += 1;
    const generation = this.#generation;
    this.#failure = undefined;
    if (this.#options.tokenTransport === 'message') {
      this.#open(undefined, generation);
      return;
    }
    this.#withToken(generation, (token) => {
      this.#open(token, generation);
    });
  }

  /** Resolves the token and hands it to `use`, unless the attempt is over by then. */
  #withToken(generation: number, use: (token: string | undefined) => void): void {
    resolveToken(this.#options.token).then(
      (token) => {
        if (generation === this.#generation) use(token);
      },
      (error: unknown) => {
        if (generation !== this.#generation) return;
        this.#hooks.diagnose({ kind: 'token-error', error });
        this.#failure = error;
        // A provider that fetches tokens can fail transiently, so this counts as one failed attempt.
        this.#disconnect(undefined, `token provider failed: ${describe(error)}`, true);
      },
    );
  }

  #open(token: string | undefined, generation: number): void {
    const target = connectionTarget(this.#options.url, token, this.#options.tokenTransport);
    try {
      const connection = new Connection(this.#options.WebSocket, target, {
        onOpen: () => {
          this.#socketOpened(connection, generation);
        },
        onFrame: this.#hooks.onFrame,
        onError: (error) => {
          this.#hooks.diagnose({ kind: 'socket-error', error });
        },
        onClose: (code, reason) => {
          this.#disconnect(code, reason, isReconnectableClose(code));
        },
      });
      this.#connection = connection;
    } catch (error) {
      // The URL was checked up front, so this is a token a subprotocol cannot carry or a platform
      // refusal (a browser's mixed-content SecurityError): retrying cannot fix either.
      this.#hooks.diagnose({ kind: 'socket-error', error });
      this.#failure = error;
      this.#disconnect(undefined, `WebSocket constructor threw: ${describe(error)}`, false);
      return;
    }
    this.#socketClosed = this.#connection.closed;
  }

  #socketOpened(connection: Connection, generation: number): void {
    this.#hooks.onSocketOpen(connection);
    if (this.#options.tokenTransport !== 'message') return;
    this.#withToken(generation, (token) => {
      // No token configured: the app authenticates by hand (see ClientCore.request).
      if (token === undefined) return;
      const envelope = createEnvelope(AUTH_TYPE, { token });
      this.#authId = envelope.id;
      // A socket closing meanwhile fires `close`, which ends the attempt; nothing to send then.
      if (connection.writable) connection.send(JSON.stringify(envelope));
    });
  }

  /**
   * The one way a connection ends, whoever ended it: lets go of the socket (closing it if still
   * live), tells the core, then either schedules the next attempt or closes the client for good.
   */
  #disconnect(code: number | undefined, reason: string, reconnect: boolean): void {
    this.#generation += 1;
    this.#cancelRetry?.();
    this.#cancelRetry = null;
    this.#connection?.detach(code, reason);
    this.#connection = null;
    this.#authId = null;
    const why = code === undefined ? reason : `closed with code ${code}${reason === '' ? '' : ` (${reason})`}`;

    const retry = reconnect && this.#options.reconnect.enabled && this.#state.value !== 'closed';
    const delayMs = retry ? this.#backoff.next() : null;
    if (delayMs !== null) {
      this.#hooks.onDown(why, false);
      this.#state.set('reconnecting', code, reason);
      if (!this.#state.is('reconnecting')) return; // a state listener closed the client
      this.#hooks.diagnose({ kind: 'reconnect-scheduled', attempt: this.#backoff.attempts, delayMs });
      this.#cancelRetry = this.#schedule(() => {
        this.#cancelRetry = null;
        this.#dial();
      }, delayMs);
      return;
    }

    const error = sessionEndedError(this.#failure, why);
    this.#failure = undefined;
    this.#hooks.onDown(why, true);
    const waiters = this.#waiters.splice(0);
    this.#state.set('closed', code, reason);
    for (const waiter of waiters) waiter.reject(error);
  }
}
