/**
 * Requests waiting for their reply (AsyncAPI 3.0.0 "Operation Reply Object", "Correlation ID
 * Object"): by correlation id when the request carries one, else in order per operation. The
 * same book serves both sides: a client's requests of the server (`receive` operations with a
 * reply) and the server's requests of a client (`send` operations with a reply).
 */
import { correlationKey, readPath } from './pointer.js';
import type { WireDirection, WireMessage, WireOperation } from './wire.js';

/** A request answered, by its correlation id, with a message that is not one of its replies. */
export class AnswerError extends Error {
  override readonly name = 'AnswerError';

  constructor(readonly operation: string, readonly answer: string, readonly payload: unknown) {
    super(`"${operation}" was answered with "${answer}", which is not one of its replies`);
  }
}

interface Entry {
  readonly operation: string;
  readonly replies: ReadonlySet<string>;
  readonly key: string | null;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

export class Pending {
  readonly #byKey = new Map<string, Entry>();
  /** Uncorrelated requests, oldest first. */
  readonly #queue: Entry[] = [];
  /** The messages requests are made with, for where each carries its correlation id. */
  readonly #requests: ReadonlyMap<string, WireMessage>;

  /** `requests`: the direction the requests travel in (a client's `fromClient`, the server's `fromServer`). */
  constructor(requests: WireDirection) {
    this.#requests = new Map(requests.messages.map((m) => [m.name, m]));
  }

  /**
   * Registers a request for `message` of `op`; the promise settles with its reply.
   * @throws {TypeError} when a request with the same correlation id is waiting: its reply could
   * not be told apart, so the caller must not send this one.
   */
  add(op: WireOperation, message: unknown, timeout: number, timedOut: () => Error): Promise<unknown> {
    const key = this.#keyOf(op, message);
    if (key !== null && this.#byKey.has(key)) {
      throw new TypeError(`a request with correlation id ${key.slice(2)} is already waiting`);
    }
    return new Promise((resolve, reject) => {
      const entry: Entry = {
        operation: op.key, replies: new Set(op.reply ?? []), key, resolve, reject,
        timer: setTimeout(() => {
          this.#remove(entry);
          reject(timedOut());
        }, timeout),
      };
      if (key !== null) this.#byKey.set(key, entry);
      else this.#queue.push(entry);
    });
  }

  /**
   * Settles the request `value` (of message `name`, carrying `id`) answers, if one waits for it: it
   * resolves with one of its replies; another message with its correlation id (an error message a
   * server answers with) rejects it with an `AnswerError` that carries the message. Returns
   * whether a request was waiting for it.
   */
  settle(name: string, id: unknown, value: unknown): boolean {
    const key = id === undefined ? null : correlationKey(id);
    const entry = key !== null ? this.#byKey.get(key) : this.#queue.find((e) => e.replies.has(name));
    if (!entry) return false;
    this.#remove(entry);
    if (entry.replies.has(name)) entry.resolve(value);
    else entry.reject(new AnswerError(entry.operation, name, value));
    return true;
  }

  rejectAll(error: Error): void {
    for (const entry of [...this.#byKey.values(), ...this.#queue]) {
      clearTimeout(entry.timer);
      entry.reject(error);
    }
    this.#byKey.clear();
    this.#queue.length = 0;
  }

  #keyOf(op: WireOperation, message: unknown): string | null {
    for (const name of op.messages) {
      const path = this.#requests.get(name)?.correlation;
      if (!path) continue;
      const key = correlationKey(readPath(message, path));
      if (key !== null) return key;
    }
    return null;
  }

  #remove(entry: Entry): void {
    clearTimeout(entry.timer);
    if (entry.key !== null) this.#byKey.delete(entry.key);
    const i = this.#queue.indexOf(entry);
    if (i >= 0) this.#queue.splice(i, 1);
  }
}
