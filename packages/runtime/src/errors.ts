/**
 * Protocol errors: one constructor sets the stable string code and, when the error ends the
 * connection, the close code (the spec's `ErrorCode` and `CloseCode` schemas).
 */

/** The error codes the runtime itself sends; the spec's `ErrorCode` enum must contain them. */
export type RuntimeErrorCode =
  | 'INVALID_MESSAGE'
  | 'INVALID_MESSAGE_TYPE'
  | 'MESSAGE_TOO_LARGE'
  | 'RATE_LIMIT_EXCEEDED'
  | 'AUTH_FAILED'
  | 'TOKEN_EXPIRED'
  | 'FORBIDDEN'
  | 'NOT_IN_ROOM'
  | 'UNKNOWN_EVENT'
  | 'CONNECTION_LIMIT'
  | 'SERVER_AT_CAPACITY'
  | 'INTERNAL_ERROR'
  | 'CONNECTION_ERROR';

/** Close codes the runtime uses, by name (the spec's `CloseCode` `x-enum-varnames`). */
export const CloseCodes = Object.freeze({
  NORMAL: 1000,
  GOING_AWAY: 1001,
  /** Sent by ws itself for frames that break RFC 6455 (reserved bits, unknown opcodes, bad control frames). */
  PROTOCOL_ERROR: 1002,
  /** Sent by ws itself for a text frame or close reason that is not valid UTF-8. */
  INVALID_PAYLOAD: 1007,
  POLICY_VIOLATION: 1008,
  MESSAGE_TOO_BIG: 1009,
  INTERNAL_ERROR: 1011,
  TRY_AGAIN_LATER: 1013,
  TOKEN_EXPIRED: 4001,
  AUTH_TIMEOUT: 4002,
  SLOW_CONSUMER: 4003,
  IDLE_TIMEOUT: 4004,
  CONNECTION_LIMIT: 4005,
  RATE_LIMIT_BAN: 4008,
  KICKED: 4009,
} as const);

export type CloseCode = (typeof CloseCodes)[keyof typeof CloseCodes];

/** The `details` of an error message (the spec's `ErrorDetails`): scalars, or a list of names. */
export type ErrorDetails = Readonly<Record<string, string | number | readonly string[]>>;

export interface ProtocolErrorOptions {
  /** Seconds until a retry may succeed (`RATE_LIMIT_EXCEEDED`, `CONNECTION_LIMIT`, `SERVER_AT_CAPACITY`). */
  readonly retryAfter?: number;
  /** Set when the error ends the connection. */
  readonly closeCode?: CloseCode;
  /** JSON pointer, keyword and limit of an `INVALID_MESSAGE`; the unknown names of an `UNKNOWN_EVENT`. */
  readonly details?: ErrorDetails;
  readonly cause?: unknown;
}

/**
 * An error a peer is told about with an `error` message. Handlers throw it to answer a request
 * with a specific code (`throw new ProtocolError('FORBIDDEN', 'not a member of this room')`);
 * anything else a handler throws becomes `INTERNAL_ERROR` for that client only.
 */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  readonly code: string;
  readonly retryAfter: number | undefined;
  readonly closeCode: CloseCode | undefined;
  readonly details: ErrorDetails | undefined;

  constructor(code: RuntimeErrorCode | (string & {}), message: string, options: ProtocolErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryAfter = options.retryAfter;
    this.closeCode = options.closeCode;
    this.details = options.details;
  }
}

/** A request that got no reply in time (a client's of the server, or the channel server's of a client). */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/** The connection closed (or was never open) before the operation could finish (either side's request). */
export class ConnectionClosedError extends Error {
  override readonly name = 'ConnectionClosedError';
}
