/**
 * A set of handlers for one kind of event. Handlers are isolated from each other: one that throws
 * is reported and the rest still run, because a bug in one UI component must not stop every other
 * subscriber from seeing the message.
 */

/** Removes the handler it was returned for; calling it again does nothing. */
export type Unsubscribe = () => void;

interface Entry<T> {
  readonly handler: (value: T) => void;
}

export class Listeners<T> {
  // Entries rather than the functions themselves, so the same function added twice is two
  // registrations and each unsubscribe removes only its own.
  readonly #entries = new Set<Entry<T>>();

  get size(): number {
    return this.#entries.size;
  }

  add(handler: (value: T) => void): Unsubscribe {
    const entry: Entry<T> = { handler };
    this.#entries.add(entry);
    return () => {
      this.#entries.delete(entry);
    };
  }

  /** Calls every handler with `value`; a throwing handler is passed to `onError`. */
  emit(value: T, onError: (error: unknown) => void): void {
    // A snapshot, so handlers added during dispatch wait for the next event; the `has` check
    // honours unsubscribes made during dispatch by an earlier handler.
    for (const entry of [...this.#entries]) {
      if (!this.#entries.has(entry)) continue;
      try {
        entry.handler(value);
      } catch (error) {
        onError(error);
      }
    }
  }
}
