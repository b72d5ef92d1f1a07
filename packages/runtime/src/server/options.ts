/**
 * Server options, resolved once into a typed config with explicit defaults. `DEFAULT_SERVER_OPTIONS`
 * is exported so tests, docs and the reference service's env table cannot drift from it.
 */
import { pino, type Logger } from 'pino';
import { MemoryBroker } from '../broker/memory.js';
import type { Broker } from '../broker/types.js';
import type { AuthOptions, TokenVerifier } from './auth.js';
import { trustedProxyMatcher } from './client-address.js';
import { createServerMetrics, type ServerMetrics } from './metrics.js';
import { DEFAULT_RATE_LIMIT_OPTIONS, type RateLimitOptions } from './rate-limiter.js';
import type { User } from './types.js';

/** Decides whether a user may join a room or subscribe to an event. */
export type Authorizer = (user: User, name: string) => boolean | Promise<boolean>;

export interface ServerOptions {
  /** Token verification (HS256 secret, PEM key or JWKS URL). Required. */
  readonly auth: AuthOptions;
  /**
   * The WebSocket endpoint; `<path>/<segment>` is accepted as an alias (asyncapi.yaml, "Paths").
   * @default '/ws'
   */
  readonly path?: string;
  /**
   * How long a connection without a token in its upgrade has to send `auth` (close 4002 after).
   * @default 10000
   */
  readonly authTimeoutMs?: number;
  /** @default 5 */
  readonly maxConnectionsPerUser?: number;
  /**
   * Authenticated connections on this instance (sockets still waiting for `auth` are not
   * counted: see `maxUnauthenticatedConnections`). Above it HTTP 503, or `SERVER_AT_CAPACITY`
   * and close 1013 for an `auth` message.
   * @default 1000
   */
  readonly maxTotalConnections?: number;
  /**
   * Sockets upgraded without a token and still waiting for their `auth` message, on this
   * instance. They have this cap of their own instead of counting against
   * `maxTotalConnections`, so sockets that never authenticate cannot keep users out. Above it
   * an upgrade without a token gets HTTP 503 with `Retry-After`.
   * @default 1000
   */
  readonly maxUnauthenticatedConnections?: number;
  /**
   * The same, per client address (see `trustedProxies`; an IPv6 /64 counts as one address).
   * Above it an upgrade without a token gets HTTP 429 with `Retry-After`.
   * @default 10
   */
  readonly maxUnauthenticatedPerAddress?: number;
  /**
   * Reverse proxies whose `X-Forwarded-For` header is believed, as addresses or CIDR ranges.
   * Behind one, the client's address is the last one in the header that is not a trusted proxy
   * itself; from any other peer the header is ignored and the peer's address is the client's.
   * It is what `maxUnauthenticatedPerAddress` counts and what handlers see as
   * `connection.remoteAddress`.
   * @default []
   * @example ['127.0.0.1', '10.0.0.0/8']
   */
  readonly trustedProxies?: readonly string[];
  /**
   * Largest inbound message in bytes: above it `MESSAGE_TOO_LARGE`; above 4 times it the frame is
   * not even read and the connection is closed with 1009.
   * @default 65536
   */
  readonly maxMessageSize?: number;
  /** Sliding window per user, and the temporary ban after repeated violations. */
  readonly rateLimit?: Partial<RateLimitOptions>;
  /**
   * The server pings every interval; a connection silent for two intervals is closed with 4004.
   * @default 30000
   */
  readonly heartbeatIntervalMs?: number;
  /**
   * Allowed `Origin` header values; `null` accepts any (non-browser clients send none).
   * @default null
   * @example ['https://app.example.com']
   */
  readonly allowedOrigins?: readonly string[] | null;
  /** @default 100 */
  readonly maxRoomsPerConnection?: number;
  /**
   * Users listed in `room.joined.data.members` (the earliest joined, and the joining user);
   * `member_count` always has the full number. The spec allows at most 1000.
   * @default 1000
   */
  readonly presenceListLimit?: number;
  /**
   * Announced in `connection.established.data.limits` (the spec's bound on chat content).
   * @default 4000
   */
  readonly maxContentLength?: number;
  /**
   * Queued notifications per offline user; the oldest are dropped first. 0 turns the queue off:
   * a message to a user with no connection is dropped, and `offline_queue` is not announced.
   * @default 1000
   */
  readonly offlineQueueSize?: number;
  /** Sequenced messages kept per room for `resume`. @default 1000 */
  readonly roomHistorySize?: number;
  /**
   * Bytes a connection may have waiting in its send buffer. Past it volatile messages are
   * dropped; if it stays past it for `slowConsumerGraceMs` the connection is closed with 4003.
   * @default 1048576
   */
  readonly sendBufferLimit?: number;
  /**
   * How long a connection may stay over `sendBufferLimit` before it is closed with 4003, judged
   * when the time is up even if nothing more is sent to it. A client that does not read its way
   * to the close frame is then destroyed as soon as its buffer stops shrinking, and at most 5 s
   * later: a client that stopped reading is cut within this plus 5 s.
   * @default 5000
   */
  readonly slowConsumerGraceMs?: number;
  /** May the user join this room? Default: anyone may join any room. */
  readonly authorizeRoom?: Authorizer;
  /** May the user subscribe to this event? Default: anyone may subscribe to any event the spec names. */
  readonly authorizeEvent?: Authorizer;
  /**
   * How long a user whose last connection closed may take to come back before the rooms they
   * were in are told `presence.status` offline (a reload does not flicker).
   * @default 5000
   */
  readonly presenceGraceMs?: number;
  /** Time allowed for `close()` to say goodbye (1001) before sockets are cut. @default 5000 */
  readonly shutdownTimeoutMs?: number;
  /**
   * How long a service-owned request's reply is kept: a request resent by the same user with the
   * same envelope `id` within it gets that reply and does not run again, on any instance.
   * @default 300000
   */
  readonly idempotencyWindowMs?: number;
  /**
   * How long one copy of a request may run before a resend may run it again (the first copy's
   * instance is then taken for dead). A resend waits for a running copy up to this long.
   * @default 30000
   */
  readonly idempotencyLeaseMs?: number;
  /** @default a new MemoryBroker */
  readonly broker?: Broker;
  /** pino logger. @default silent */
  readonly logger?: Logger;
  /** @default fresh metrics in their own registry, with the process metrics (`collectDefaults`) */
  readonly metrics?: ServerMetrics;
  /** Unique per instance. @default a random id */
  readonly nodeId?: string;
  /**
   * Verifies a token in place of the JWT verification `auth` configures: a seam for tests (a
   * verifier that resolves when a test says so) and for token formats of your own. It resolves
   * the user, or rejects with a `ProtocolError` (`AUTH_FAILED`, `TOKEN_EXPIRED`).
   * @default a JWT verifier made from `auth`
   */
  readonly verifyToken?: TokenVerifier;
}

export interface ResolvedServerOptions {
  readonly auth: AuthOptions;
  readonly verifyToken: TokenVerifier | null;
  readonly path: string;
  readonly authTimeoutMs: number;
  readonly maxConnectionsPerUser: number;
  readonly maxTotalConnections: number;
  readonly maxUnauthenticatedConnections: number;
  readonly maxUnauthenticatedPerAddress: number;
  readonly trustedProxies: readonly string[];
  readonly maxMessageSize: number;
  readonly rateLimit: RateLimitOptions;
  readonly heartbeatIntervalMs: number;
  readonly allowedOrigins: readonly string[] | null;
  readonly maxRoomsPerConnection: number;
  readonly presenceListLimit: number;
  readonly maxContentLength: number;
  readonly offlineQueueSize: number;
  readonly roomHistorySize: number;
  readonly sendBufferLimit: number;
  readonly slowConsumerGraceMs: number;
  readonly authorizeRoom: Authorizer | null;
  readonly authorizeEvent: Authorizer | null;
  readonly presenceGraceMs: number;
  readonly shutdownTimeoutMs: number;
  readonly idempotencyWindowMs: number;
  readonly idempotencyLeaseMs: number;
  readonly broker: Broker;
  readonly logger: Logger;
  readonly metrics: ServerMetrics;
  readonly nodeId: string;
}

/** The numeric and path defaults (everything that is not an object built per server). */
export const DEFAULT_SERVER_OPTIONS = Object.freeze({
  path: '/ws',
  authTimeoutMs: 10_000,
  maxConnectionsPerUser: 5,
  maxTotalConnections: 1000,
  maxUnauthenticatedConnections: 1000,
  maxUnauthenticatedPerAddress: 10,
  trustedProxies: Object.freeze([]) as readonly string[],
  maxMessageSize: 64 * 1024,
  rateLimit: DEFAULT_RATE_LIMIT_OPTIONS,
  heartbeatIntervalMs: 30_000,
  allowedOrigins: null,
  maxRoomsPerConnection: 100,
  presenceListLimit: 1000,
  maxContentLength: 4000,
  offlineQueueSize: 1000,
  roomHistorySize: 1000,
  sendBufferLimit: 1024 * 1024,
  slowConsumerGraceMs: 5000,
  presenceGraceMs: 5000,
  shutdownTimeoutMs: 5000,
  idempotencyWindowMs: 300_000,
  idempotencyLeaseMs: 30_000,
} as const);

/** The spec's bound on `limits.max_content_length` (asyncapi.yaml, `ChatContent`). */
const MAX_CONTENT_LENGTH = 4000;

const POSITIVE_INTEGERS = [
  'authTimeoutMs',
  'maxConnectionsPerUser',
  'maxTotalConnections',
  'maxUnauthenticatedConnections',
  'maxUnauthenticatedPerAddress',
  'maxMessageSize',
  'heartbeatIntervalMs',
  'maxRoomsPerConnection',
  'presenceListLimit',
  'maxContentLength',
  'roomHistorySize',
  'sendBufferLimit',
  'slowConsumerGraceMs',
  'presenceGraceMs',
  'shutdownTimeoutMs',
  'idempotencyWindowMs',
  'idempotencyLeaseMs',
] as const;

/** Resolves options once; throws TypeError/RangeError for programmer errors. */
export function resolveServerOptions(options: ServerOptions): ResolvedServerOptions {
  if (typeof options !== 'object' || options === null || typeof options.auth !== 'object' || options.auth === null) {
    throw new TypeError('options.auth is required (a secret, publicKey or jwksUrl to verify tokens with)');
  }
  for (const key of POSITIVE_INTEGERS) {
    const value = options[key];
    if (value !== undefined && (!Number.isInteger(value) || value <= 0)) {
      throw new RangeError(`options.${key} must be a positive integer, got ${String(value)}`);
    }
  }
  const queue = options.offlineQueueSize;
  if (queue !== undefined && (!Number.isInteger(queue) || queue < 0)) {
    throw new RangeError(`options.offlineQueueSize must be a non-negative integer (0: no offline queue), got ${String(queue)}`);
  }
  if (options.maxContentLength !== undefined && options.maxContentLength > MAX_CONTENT_LENGTH) {
    throw new RangeError(`options.maxContentLength must be at most ${MAX_CONTENT_LENGTH} (the spec's bound), got ${options.maxContentLength}`);
  }
  const path = options.path ?? DEFAULT_SERVER_OPTIONS.path;
  if (!/^\/[^?#]*[^/?#]$|^\/$/.test(path) || path === '/') {
    throw new TypeError(`options.path must start with "/", not end with "/", and not be "/", got "${path}"`);
  }
  const trustedProxies = Object.freeze([...(options.trustedProxies ?? DEFAULT_SERVER_OPTIONS.trustedProxies)]);
  trustedProxyMatcher(trustedProxies); // throws a TypeError naming a bad entry
  return {
    auth: options.auth,
    verifyToken: options.verifyToken ?? null,
    path,
    authTimeoutMs: options.authTimeoutMs ?? DEFAULT_SERVER_OPTIONS.authTimeoutMs,
    maxConnectionsPerUser: options.maxConnectionsPerUser ?? DEFAULT_SERVER_OPTIONS.maxConnectionsPerUser,
    maxTotalConnections: options.maxTotalConnections ?? DEFAULT_SERVER_OPTIONS.maxTotalConnections,
    maxUnauthenticatedConnections: options.maxUnauthenticatedConnections ?? DEFAULT_SERVER_OPTIONS.maxUnauthenticatedConnections,
    maxUnauthenticatedPerAddress: options.maxUnauthenticatedPerAddress ?? DEFAULT_SERVER_OPTIONS.maxUnauthenticatedPerAddress,
    trustedProxies,
    maxMessageSize: options.maxMessageSize ?? DEFAULT_SERVER_OPTIONS.maxMessageSize,
    rateLimit: { ...DEFAULT_RATE_LIMIT_OPTIONS, ...options.rateLimit },
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? DEFAULT_SERVER_OPTIONS.heartbeatIntervalMs,
    allowedOrigins: options.allowedOrigins ?? DEFAULT_SERVER_OPTIONS.allowedOrigins,
    maxRoomsPerConnection: options.maxRoomsPerConnection ?? DEFAULT_SERVER_OPTIONS.maxRoomsPerConnection,
    presenceListLimit: options.presenceListLimit ?? DEFAULT_SERVER_OPTIONS.presenceListLimit,
    maxContentLength: options.maxContentLength ?? DEFAULT_SERVER_OPTIONS.maxContentLength,
    offlineQueueSize: options.offlineQueueSize ?? DEFAULT_SERVER_OPTIONS.offlineQueueSize,
    roomHistorySize: options.roomHistorySize ?? DEFAULT_SERVER_OPTIONS.roomHistorySize,
    sendBufferLimit: options.sendBufferLimit ?? DEFAULT_SERVER_OPTIONS.sendBufferLimit,
    slowConsumerGraceMs: options.slowConsumerGraceMs ?? DEFAULT_SERVER_OPTIONS.slowConsumerGraceMs,
    authorizeRoom: options.authorizeRoom ?? null,
    authorizeEvent: options.authorizeEvent ?? null,
    presenceGraceMs: options.presenceGraceMs ?? DEFAULT_SERVER_OPTIONS.presenceGraceMs,
    shutdownTimeoutMs: options.shutdownTimeoutMs ?? DEFAULT_SERVER_OPTIONS.shutdownTimeoutMs,
    idempotencyWindowMs: options.idempotencyWindowMs ?? DEFAULT_SERVER_OPTIONS.idempotencyWindowMs,
    idempotencyLeaseMs: options.idempotencyLeaseMs ?? DEFAULT_SERVER_OPTIONS.idempotencyLeaseMs,
    broker: options.broker ?? new MemoryBroker(),
    logger: options.logger ?? pino({ level: 'silent' }),
    metrics: options.metrics ?? createServerMetrics({ collectDefaults: true }),
    nodeId: options.nodeId ?? `n${crypto.randomUUID().slice(0, 8)}`,
  };
}
