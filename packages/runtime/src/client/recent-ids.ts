/**
 * The ids of recently delivered messages. Delivery is at-least-once (asyncapi.yaml, "Delivery"),
 * so after a reconnect the server may resend what the client already saw; remembering a bounded
 * window of ids hides those repeats without growing forever.
 */
export class RecentIds {
  // A Set iterates in insertion order, so its first element is the least recently seen.
  readonly #ids = new Set<string>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#ids.size;
  }

  /** Records `id`; true when it was already in the window (a duplicate). */
  check(id: string): boolean {
    const seen = this.#ids.delete(id);
    this.#ids.add(id);
    if (this.#ids.size > this.#capacity) {
      const oldest = this.#ids.values().next();
      if (oldest.done !== true) this.#ids.delete(oldest.value);
    }
    return seen;
  }
}
