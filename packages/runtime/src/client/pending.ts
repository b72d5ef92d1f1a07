/**
 * Requests waiting for their reply, keyed by the request's envelope id (which the server echoes as
 * `correlation_id`). Every way out of the table (reply, error, timeout, abort, disconnect) goes
 * through `#settle`, so a timer or abort listener can never outlive its entry.
 */
import { ConnectionClosedError, TimeoutError } from '../errors.js';
import type { Envelope } from '../protocol.js';
import { protocolErrorFrom } from './envelope.js';

/** Starts a timer and returns the function that cancels it (the core's timer seam). */
export type Schedule = (callback: () => void, delayMs: number) => () => void;

export interface PendingRequest {
  readonly id: string;
  readonly type: string;
  /** Types that answer the request; an `error` always may. */
  readonly replies: readonly string[];
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
}

/** What `match` did with an inbound message. */
export type MatchResult = 'resolved' | 'rejected' | 'unexpected' | 'unmatched';

interface Entry<M> {
  readonly request: PendingRequest;
  /** False while the request waits in the send queue; only sent requests die with their socket. */
  sent: boolean;
  readonly resolve: (message: M) => void;
  readonly reject: (reason: unknown) => void;
  readonly cleanup: () => void;
}

export class PendingRequests<M extends Envelope> {
  readonly #entries = new Map<string, Entry<M>>();
  readonly #schedule: Schedule;
  /** Told when a request leaves the table without a reply, so its queued frame can be dropped. */
  readonly #onAbandoned: (id: string) => void;

  constructor(schedule: Schedule, onAbandoned: (id: string) => void) {
    this.#schedule = schedule;
    this.#onAbandoned = onAbandoned;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Registers a request and starts its timeout; the promise settles exactly once. */
  add(request: PendingRequest): Promise<M> {
    return new Promise<M>((resolve, reject) => {
      const { id, type, timeoutMs, signal } = request;
      const cancelTimer = this.#schedule(() => {
        this.#abandon(id, new TimeoutError(`request '${type}' (${id}) got no reply within ${timeoutMs} ms`));
      }, timeoutMs);
      const onAbort = (): void => {
        this.#abandon(id, signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const cleanup = (): void => {
        cancelTimer();
        signal?.removeEventListener('abort', onAbort);
      };
      this.#entries.set(id, { request, sent: false, resolve, reject, cleanup });
    });
  }

  markSent(id: string): void {
    const entry = this.#entries.get(id);
    if (entry !== undefined) entry.sent = true;
  }

  /** Removes a request that could not even be queued, without settling it (the caller rejects). */
  forget(id: string): void {
    this.#entries.get(id)?.cleanup();
    this.#entries.delete(id);
  }

  /**
   * Settles the request `message` answers, if any: a listed reply type resolves it, an `error`
   * rejects it with a `ProtocolError`, any other type leaves it waiting (`'unexpected'`).
   */
  match(message: M): MatchResult {
    const correlationId = message.correlation_id;
    if (correlationId === undefined) return 'unmatched';
    const entry = this.#entries.get(correlationId);
    if (entry === undefined) return 'unmatched';
    if (message.type === 'error') {
      this.#take(correlationId)?.reject(protocolErrorFrom(message));
      return 'rejected';
    }
    if (!entry.request.replies.includes(message.type)) return 'unexpected';
    this.#take(correlationId)?.resolve(message);
    return 'resolved';
  }

  /** The type of the request `id`, if it is still waiting. */
  typeOf(id: string): string | undefined {
    return this.#entries.get(id)?.request.type;
  }

  /**
   * Rejects the requests already written to a socket that is gone: their replies would have come
   * on that connection and cannot come on the next. Queued ones keep waiting for the next open.
   */
  rejectSent(describe: (request: PendingRequest) => Error): void {
    for (const [id, entry] of [...this.#entries]) {
      if (entry.sent) this.#take(id)?.reject(describe(entry.request));
    }
  }

  /** Rejects every request (the client closed for good). */
  rejectAll(describe: (request: PendingRequest) => Error): void {
    for (const [id, entry] of [...this.#entries]) this.#take(id)?.reject(describe(entry.request));
  }

  #abandon(id: string, reason: unknown): void {
    const entry = this.#take(id);
    if (entry === undefined) return;
    if (!entry.sent) this.#onAbandoned(id);
    entry.reject(reason);
  }

  #take(id: string): Entry<M> | undefined {
    const entry = this.#entries.get(id);
    if (entry === undefined) return undefined;
    this.#entries.delete(id);
    entry.cleanup();
    return entry;
  }
}

/** The error a request gets when its connection goes away before the reply. */
export function closedBeforeReply(request: PendingRequest, why: string): ConnectionClosedError {
  return new ConnectionClosedError(`request '${request.type}' (${request.id}) got no reply: ${why}`);
}

