/**
 * Inbound messages to their listeners: per-type handlers first, then the catch-all ones. Each
 * handler is isolated (see listeners.ts).
 */
import type { Envelope } from '../protocol.js';
import { Listeners, type Unsubscribe } from './listeners.js';

export class Dispatcher<M extends Envelope> {
  // Sets are created on first use and kept: their number is bounded by the protocol's types.
  readonly #byType = new Map<string, Listeners<M>>();
  readonly #all = new Listeners<M>();

  on(type: string, handler: (message: M) => void): Unsubscribe {
    let listeners = this.#byType.get(type);
    if (listeners === undefined) {
      listeners = new Listeners<M>();
      this.#byType.set(type, listeners);
    }
    return listeners.add(handler);
  }

  onMessage(handler: (message: M) => void): Unsubscribe {
    return this.#all.add(handler);
  }

  emit(message: M, onError: (error: unknown) => void): void {
    this.#byType.get(message.type)?.emit(message, onError);
    this.#all.emit(message, onError);
  }
}
