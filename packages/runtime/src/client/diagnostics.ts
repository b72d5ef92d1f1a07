/**
 * What the client reports besides state changes: inbound frames it dropped and why, listener
 * failures, and the reconnect schedule. Nothing here is thrown; all of it is observable.
 */
import type { Envelope, ValidationIssue } from '../protocol.js';

export type ClientDiagnostic =
  /** A text frame that is not JSON; dropped. */
  | { readonly kind: 'invalid-json'; readonly frame: string; readonly error: unknown }
  /** A binary frame: only the JSON text encoding is supported; dropped. */
  | { readonly kind: 'unsupported-frame'; readonly frame: unknown }
  /** A JSON message the protocol validator rejected; dropped, never delivered. */
  | { readonly kind: 'invalid-message'; readonly message: unknown; readonly issue: ValidationIssue }
  /** A message whose `id` was seen recently (at-least-once redelivery); dropped. */
  | { readonly kind: 'duplicate'; readonly id: string; readonly type: string }
  /**
   * A message carrying a waiting request's id as `correlation_id` but of a type that does not
   * answer it; the request keeps waiting, the message is still delivered to listeners.
   */
  | { readonly kind: 'unexpected-reply'; readonly requestType: string; readonly message: Envelope }
  /** An `on`, `onMessage` or `onStateChange` handler threw; `event` is the message type or `'state'`. */
  | { readonly kind: 'listener-error'; readonly event: string; readonly error: unknown }
  /** A send that was not queued: volatile while not open, or still queued when the client closed. */
  | { readonly kind: 'send-dropped'; readonly id: string; readonly type: string; readonly reason: 'volatile' | 'closed' }
  /** The token provider threw, rejected or returned something other than a non-empty string. */
  | { readonly kind: 'token-error'; readonly error: unknown }
  /** The socket reported an error (a close follows) or its constructor threw. */
  | { readonly kind: 'socket-error'; readonly error: unknown }
  /** The next attempt is due in `delayMs`; `attempt` counts from 1 since the last open. */
  | { readonly kind: 'reconnect-scheduled'; readonly attempt: number; readonly delayMs: number };

/**
 * Hands an error to the host the way an `EventTarget` does: `reportError` in browsers, an uncaught
 * exception in a fresh task elsewhere. Used only when no `onDiagnostic` is given, or when it
 * throws itself, so a listener's bug is never silently lost.
 */
export function reportUncaught(error: unknown): void {
  // Typed by hand: the package must also compile for consumers without the DOM lib.
  const host = globalThis as { readonly reportError?: (error: unknown) => void };
  if (typeof host.reportError === 'function') {
    host.reportError(error);
    return;
  }
  setTimeout(() => {
    throw error;
  }, 0);
}
