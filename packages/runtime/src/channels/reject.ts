/**
 * What happens to a frame the server cannot take. Most documents declare no error message, so
 * the default is spec-neutral and uses RFC 6455's close codes: a frame that is not a value of
 * the codec, or a message whose payload breaks its schema, closes with 1007 (invalid frame
 * payload data); a binary frame, a value that is no message of the channel, or a message of
 * the channel no `receive` operation takes and no request of the server waits for (a reply to a
 * request that timed out, was already answered, or was never made), closes with 1003
 * (unsupported data); a handler that throws closes with 1011 (internal error). A service whose document does declare an error message answers with it
 * instead through the server's `onReject` option, and the connection stays open.
 */
import type { ValidationIssue } from '../protocol.js';

export type RejectReason = 'undecodable' | 'binary' | 'unrecognised' | 'invalid' | 'unhandled' | 'handler-failed';

/** Close codes of the default behaviour, by reason. */
export const REJECT_CLOSE_CODES: Readonly<Record<RejectReason, number>> = Object.freeze({
  undecodable: 1007,
  binary: 1003,
  unrecognised: 1003,
  invalid: 1007,
  unhandled: 1003,
  'handler-failed': 1011,
});

/** A refused frame, as `onReject` sees it. */
export interface Rejection {
  readonly reason: RejectReason;
  /** The channel key of the connection. */
  readonly channel: string;
  /** The message the frame was recognised as, when it was. */
  readonly message: string | null;
  /** What the validator or the recogniser found; `null` for an undecodable or binary frame, or a handler failure. */
  readonly issue: ValidationIssue | null;
  /** The correlation id the frame carried at its message's location, when it had one. */
  readonly correlationId: unknown;
  /** What the handler threw, for `handler-failed`. */
  readonly error?: unknown;
}

/** The close reason sent with the default behaviour: short, as a close frame allows 123 bytes. */
export function closeReason(rejection: Rejection): string {
  const text = rejection.issue ? `${rejection.reason}: ${rejection.issue.pointer || '/'} ${rejection.issue.message}` : rejection.reason;
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > 120) break;
    out += ch;
  }
  return out;
}
