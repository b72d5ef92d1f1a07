/**
 * Client options, resolved once into a typed config with explicit defaults.
 * `DEFAULT_CLIENT_OPTIONS` is exported so tests and docs cannot drift from it.
 */
import type { ClientDiagnostic } from './diagnostics.js';
import type { Schedule } from './pending.js';
import type { TokenProvider, TokenTransport, WebSocketLikeConstructor } from './transport.js';

export interface ReconnectOptions {
  /**
   * Reconnect after a close whose code allows it (every code but 1008, 4001, 4005, 4008, 4009,
   * and the client's own `close()`).
   * @default true
   * @example false
   */
  readonly enabled?: boolean;
  /**
   * Ceiling of the first retry's delay; the ceiling doubles per failed attempt and the delay is
   * drawn uniformly below it (full jitter).
   * @default 500
   * @example 1000
   */
  readonly minDelayMs?: number;
  /**
   * Largest ceiling a retry's delay can reach.
   * @default 30000
   * @example 60000
   */
  readonly maxDelayMs?: number;
  /**
   * Attempts after a drop before the client gives up and closes (reset by every open).
   * @default Infinity
   * @example 10
   */
  readonly maxAttempts?: number;
}

export interface ClientOptions {
  /**
   * The server's WebSocket endpoint (required).
   * @example 'ws://127.0.0.1:8000/ws'
   */
  readonly url: string;
  /**
   * A token, or a provider called on every (re)connect so an expired token can be replaced.
   * @default undefined (the upgrade carries no token and no `auth` message is sent by the client:
   *   the app sends one with `request('auth', { token })` (the generated client's `auth()`), or the
   *   server closes the connection with 4002 after its auth deadline and the client reconnects)
   * @example async () => (await fetch('/api/ws-token')).text()
   */
  readonly token?: string | TokenProvider;
  /**
   * How the token travels. `'subprotocol'` offers `switchboard.v1` and `bearer.<jwt>` (works in
   * browsers, and keeps the token out of access logs); `'query'` appends `?token=`; `'message'`
   * upgrades without it and, once the socket is open, calls the provider and sends
   * `{type: 'auth', data: {token}}` as the first frame of every connection (for servers or proxies
   * that take no credentials in the upgrade). An `error` answering that `auth` then close 1008
   * rejects `connect()` with the `ProtocolError` and ends the session.
   * @default 'subprotocol'
   * @example 'message'
   */
  readonly tokenTransport?: TokenTransport;
  /**
   * The WebSocket class.
   * @default globalThis.WebSocket
   * @example import { WebSocket } from 'ws'; // Node 20
   */
  readonly WebSocket?: WebSocketLikeConstructor;
  /**
   * How long `request` waits for its reply.
   * @default 10000
   * @example 5000
   */
  readonly requestTimeoutMs?: number;
  /**
   * Reconnection with full-jitter exponential backoff.
   * @default { enabled: true, minDelayMs: 500, maxDelayMs: 30000, maxAttempts: Infinity }
   * @example { minDelayMs: 1000, maxAttempts: 20 }
   */
  readonly reconnect?: ReconnectOptions;
  /**
   * Sends made while not open are queued (volatile types are not) and flushed in order on open.
   * Past the limit `send` throws `SendQueueFullError`; 0 disables queueing.
   * @default 1000
   * @example 100
   */
  readonly sendQueueLimit?: number;
  /**
   * Called with every inbound message that fails the protocol validator (they are not delivered),
   * and other diagnostics. Without it, a throwing listener is reported as an uncaught error.
   * @default undefined
   * @example (event) => { if (event.kind !== 'duplicate') console.warn('switchboard', event); }
   */
  readonly onDiagnostic?: (event: ClientDiagnostic) => void;
}

/** Options with every default filled in. */
export interface ResolvedClientOptions {
  readonly url: string;
  readonly token: string | TokenProvider | undefined;
  readonly tokenTransport: TokenTransport;
  readonly WebSocket: WebSocketLikeConstructor;
  readonly requestTimeoutMs: number;
  readonly reconnect: Required<ReconnectOptions>;
  readonly sendQueueLimit: number;
  readonly onDiagnostic: ((event: ClientDiagnostic) => void) | undefined;
}

/** The defaults of every option that has one. */
export const DEFAULT_CLIENT_OPTIONS = Object.freeze({
  tokenTransport: 'subprotocol',
  requestTimeoutMs: 10_000,
  reconnect: Object.freeze({ enabled: true, minDelayMs: 500, maxDelayMs: 30_000, maxAttempts: Infinity }),
  sendQueueLimit: 1000,
} as const satisfies Omit<ResolvedClientOptions, 'url' | 'token' | 'WebSocket' | 'onDiagnostic'>);

/** How many recent inbound ids are remembered for deduplication. */
export const DEDUP_WINDOW = 1000;

/**
 * Test seam, not part of the public API: the randomness and timers behind backoff and timeouts,
 * so tests can make them deterministic.
 * @internal
 */
export interface ClientInternals {
  /** Uniform in `[0, 1)`. */
  readonly random: () => number;
  readonly schedule: Schedule;
}

export const DEFAULT_INTERNALS: ClientInternals = Object.freeze({
  random: Math.random,
  schedule: (callback: () => void, delayMs: number) => {
    const handle = setTimeout(callback, delayMs);
    return () => {
      clearTimeout(handle);
    };
  },
});

// setTimeout's limit: longer delays overflow to 1 ms in both browsers and Node.
const MAX_TIMER_MS = 2_147_483_647;

/** Checks a timer option: an integer in `[min, 2^31 - 1]`. */
export function checkDelay(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min || value > MAX_TIMER_MS) {
    throw new RangeError(`${name} must be an integer between ${min} and ${MAX_TIMER_MS}, got ${String(value)}`);
  }
  return value;
}

/** Checks `close()`'s arguments against what the WebSocket API lets a client send. */
export function checkCloseArgs(code: number, reason: string): void {
  if (code !== 1000 && !(Number.isInteger(code) && code >= 3000 && code <= 4999)) {
    throw new RangeError(`close code must be 1000 or an integer between 3000 and 4999, got ${String(code)}`);
  }
  if (new TextEncoder().encode(reason).length > 123) {
    throw new RangeError('close reason must be at most 123 bytes of UTF-8');
  }
}

function checkCount(name: string, value: number, allowInfinity: boolean): number {
  if (!(Number.isInteger(value) && value >= 0) && !(allowInfinity && value === Infinity)) {
    const bound = allowInfinity ? 'a non-negative integer or Infinity' : 'a non-negative integer';
    throw new RangeError(`${name} must be ${bound}, got ${String(value)}`);
  }
  return value;
}

function checkUrl(url: unknown): string {
  const message = `ClientOptions.url must be a ws: or wss: URL, got ${JSON.stringify(url)}`;
  if (typeof url !== 'string') throw new TypeError(message);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new TypeError(message, { cause: error });
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') throw new TypeError(message);
  return url;
}

/**
 * Validates `options` and fills in the defaults. Programmer errors throw here, synchronously, with
 * messages naming the option, rather than surfacing later as a failed connection.
 */
export function resolveClientOptions(options: ClientOptions): ResolvedClientOptions {
  const defaults = DEFAULT_CLIENT_OPTIONS;
  const url = checkUrl(options.url);
  const { token } = options;
  if (token !== undefined && typeof token !== 'string' && typeof token !== 'function') {
    throw new TypeError('ClientOptions.token must be a string or a function returning one');
  }
  if (token === '') throw new TypeError('ClientOptions.token must not be empty');
  const tokenTransport = options.tokenTransport ?? defaults.tokenTransport;
  if (tokenTransport !== 'query' && tokenTransport !== 'subprotocol' && tokenTransport !== 'message') {
    throw new TypeError(
      `ClientOptions.tokenTransport must be 'query', 'subprotocol' or 'message', got ${JSON.stringify(tokenTransport)}`,
    );
  }
  // Read at construction, not import, so a polyfill installed after this module loads still counts.
  const WebSocket: unknown = options.WebSocket ?? globalThis.WebSocket;
  if (typeof WebSocket !== 'function') {
    throw new TypeError(
      "ClientOptions.WebSocket is required where globalThis.WebSocket is undefined (in Node 20, pass the 'ws' package's WebSocket)",
    );
  }
  if (options.onDiagnostic !== undefined && typeof options.onDiagnostic !== 'function') {
    throw new TypeError('ClientOptions.onDiagnostic must be a function');
  }
  const reconnect = options.reconnect ?? {};
  const minDelayMs = checkDelay('ClientOptions.reconnect.minDelayMs', reconnect.minDelayMs ?? defaults.reconnect.minDelayMs, 0);
  const maxDelayMs = checkDelay('ClientOptions.reconnect.maxDelayMs', reconnect.maxDelayMs ?? defaults.reconnect.maxDelayMs, 0);
  if (maxDelayMs < minDelayMs) {
    throw new RangeError(`ClientOptions.reconnect.maxDelayMs (${maxDelayMs}) must not be less than minDelayMs (${minDelayMs})`);
  }
  return {
    url,
    token,
    tokenTransport,
    // Checked to be a function above; its shape can only be trusted, not checked, at run time.
    WebSocket: WebSocket as WebSocketLikeConstructor,
    requestTimeoutMs: checkDelay('ClientOptions.requestTimeoutMs', options.requestTimeoutMs ?? defaults.requestTimeoutMs, 1),
    reconnect: {
      enabled: reconnect.enabled ?? defaults.reconnect.enabled,
      minDelayMs,
      maxDelayMs,
      maxAttempts: checkCount('ClientOptions.reconnect.maxAttempts', reconnect.maxAttempts ?? defaults.reconnect.maxAttempts, true),
    },
    sendQueueLimit: checkCount('ClientOptions.sendQueueLimit', options.sendQueueLimit ?? defaults.sendQueueLimit, false),
    onDiagnostic: options.onDiagnostic,
  };
}
