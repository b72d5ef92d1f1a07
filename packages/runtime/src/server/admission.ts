/**
 * Who gets through the door of the WebSocket endpoint, decided before the upgrade completes, so
 * a refused client costs no socket: the Origin allow-list, the server's capacity, the caps of
 * sockets that will authenticate by message, and for an upgrade that carries a token, the token,
 * the user's ban and the user's connection limit. Each refusal is an HTTP status, with
 * `Retry-After` where waiting helps.
 */
import type { IncomingMessage } from 'node:http';
import { CloseCodes, ProtocolError, type CloseCode, type RuntimeErrorCode } from '../errors.js';
import type { TokenVerifier, UpgradeCredentials, VerifiedToken } from './auth.js';
import { retrySeconds } from './http.js';
import type { ResolvedServerOptions } from './options.js';
import type { UnauthenticatedRefusal } from './unauthenticated.js';

/** Why an upgrade is refused. */
export interface Refusal {
  readonly status: 401 | 403 | 429 | 503;
  /** Seconds after which trying again may succeed; absent when waiting does not help. */
  readonly retryAfter?: number;
  /** For the log. */
  readonly reason: string;
}

export const STATUS_TEXT: Readonly<Record<Refusal['status'], string>> = Object.freeze({
  401: 'Unauthorized',
  403: 'Forbidden',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
});

/**
 * Seconds to wait after `CONNECTION_LIMIT` or `SERVER_AT_CAPACITY`: the idle timeout. Nobody can
 * tell when a connection will close, but one that went away without closing holds its slot no
 * longer than that.
 */
export function slotRetryAfter(options: ResolvedServerOptions): number {
  return retrySeconds(options.heartbeatIntervalMs * 2);
}

/**
 * The checks that need no token. `waiting` is the cap an upgrade without a token would exceed
 * (from the unauthenticated sockets' count), `null` when it is within them or has a token.
 */
export function screenUpgrade(
  options: ResolvedServerOptions,
  request: IncomingMessage,
  authenticated: number,
  waiting: UnauthenticatedRefusal | null,
): Refusal | null {
  const origin = request.headers.origin;
  if (options.allowedOrigins !== null && (origin === undefined || !options.allowedOrigins.includes(origin))) {
    return { status: 403, reason: 'origin not allowed' };
  }
  if (authenticated >= options.maxTotalConnections) {
    return { status: 503, retryAfter: slotRetryAfter(options), reason: 'server at capacity' };
  }
  // Every socket waiting for auth is gone (authenticated or closed) within the auth deadline.
  const retryAfter = retrySeconds(options.authTimeoutMs);
  if (waiting === 'total') return { status: 503, retryAfter, reason: 'too many sockets waiting for auth' };
  if (waiting === 'address') return { status: 429, retryAfter, reason: 'too many sockets waiting for auth from this address' };
  return null;
}

/**
 * The checks of an upgrade that carries a token; resolves the verified token, with a connection
 * of the user counted in the broker (the caller releases it if the upgrade fails after all).
 */
export async function admitToken(options: ResolvedServerOptions, verify: TokenVerifier, credentials: UpgradeCredentials & { readonly token: string }): Promise<VerifiedToken | Refusal> {
  const { broker, metrics } = options;
  let verified: VerifiedToken;
  try {
    verified = await verify(credentials.token);
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    metrics.authFailures.inc({ reason: error.code });
    return { status: 401, reason: `bad token (${credentials.source ?? 'unknown'}): ${error.message}` };
  }
  return (await banRefusal(options, verified.user.id)) ?? (await connectionLimitRefusal(options, verified.user.id)) ?? verified;
}

/**
 * A user refused at the door, in both of its forms: the HTTP status of an upgrade that carries
 * the token, and the error and close code that answer an `auth` message.
 */
export interface UserRefusal extends Refusal {
  readonly code: RuntimeErrorCode;
  readonly closeCode: CloseCode;
  readonly message: string;
}

/** The user's rate-limit ban, kept by the broker: one set on any instance holds on every one. */
export async function banRefusal(options: ResolvedServerOptions, userId: string): Promise<UserRefusal | null> {
  const banned = await options.broker.banRemaining(userId);
  if (banned <= 0) return null;
  return {
    status: 429,
    retryAfter: retrySeconds(banned),
    reason: `user ${userId} banned`,
    code: 'RATE_LIMIT_EXCEEDED',
    closeCode: CloseCodes.RATE_LIMIT_BAN,
    message: 'temporarily banned after repeated rate-limit violations',
  };
}

/** The user's connection limit (across instances); when within it, a connection of the user is counted. */
export async function connectionLimitRefusal(options: ResolvedServerOptions, userId: string): Promise<UserRefusal | null> {
  if (await options.broker.acquireConnection(userId, options.maxConnectionsPerUser)) return null;
  return {
    status: 429,
    retryAfter: slotRetryAfter(options),
    reason: `user ${userId} at the connection limit`,
    code: 'CONNECTION_LIMIT',
    closeCode: CloseCodes.CONNECTION_LIMIT,
    message: `at most ${options.maxConnectionsPerUser} connections per user`,
  };
}

/** The refusal as the error that answers an `auth` message and closes the socket. */
export function refusalError(refusal: UserRefusal): ProtocolError {
  const retry = refusal.retryAfter === undefined ? {} : { retryAfter: refusal.retryAfter };
  return new ProtocolError(refusal.code, refusal.message, { closeCode: refusal.closeCode, ...retry });
}

export function isRefusal(value: VerifiedToken | Refusal | null): value is Refusal {
  return value !== null && 'status' in value;
}
