/**
 * Messages sent while the client is not open, held in order until the next `connection.established`.
 * Bounded: an app that keeps sending through a long outage gets an error it can act
 * on instead of a client that eats memory.
 */

/** One encoded envelope waiting for the socket. */
export interface QueuedFrame {
  readonly id: string;
  readonly type: string;
  readonly frame: string;
}

/**
 * Thrown by `send` (and rejected by `request`) when `sendQueueLimit` messages are already
 * waiting. A `RangeError`, so code that only checks for that still catches it.
 */
export class SendQueueFullError extends RangeError {
  override readonly name = 'SendQueueFullError';
  readonly limit: number;

  constructor(limit: number) {
    super(`send queue is full (sendQueueLimit ${limit}); the message was not queued`);
    this.limit = limit;
  }
}

export class SendQueue {
  // Keyed by envelope id so a timed-out or aborted request can be taken out before it is sent;
  // a Map keeps insertion order, which is the send order.
  readonly #frames = new Map<string, QueuedFrame>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  get size(): number {
    return this.#frames.size;
  }

  /** @throws SendQueueFullError when the queue already holds `limit` frames. */
  push(frame: QueuedFrame): void {
    if (this.#frames.size >= this.#limit) throw new SendQueueFullError(this.#limit);
    this.#frames.set(frame.id, frame);
  }

  remove(id: string): boolean {
    return this.#frames.delete(id);
  }

  /** Empties the queue and returns what it held, oldest first. */
  drain(): QueuedFrame[] {
    const frames = [...this.#frames.values()];
    this.#frames.clear();
    return frames;
  }
}
