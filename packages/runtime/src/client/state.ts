/**
 * The client's connection state machine (after centrifuge-js): string states, one
 * place that changes them, and one event per change.
 */
import { Listeners, type Unsubscribe } from './listeners.js';

/**
 * - `connecting`: the first attempt after `connect()`, until `connection.established`.
 * - `open`: `connection.established` arrived; sends go straight to the socket.
 * - `reconnecting`: the connection dropped (or the first attempt failed) and the client is waiting
 *   out its backoff or trying again.
 * - `closed`: not connected and not trying; the initial state, and the state after `close()`, a
 *   final close code or the last allowed attempt.
 */
export type ClientState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** One state change; `code` and `reason` are those of the close that caused it, when there was one. */
export interface StateChange {
  readonly oldState: ClientState;
  readonly newState: ClientState;
  readonly code?: number;
  readonly reason?: string;
}

// Anything else is a bug in the core, not a condition to recover from.
const TRANSITIONS: Readonly<Record<ClientState, readonly ClientState[]>> = {
  closed: ['connecting'],
  connecting: ['open', 'reconnecting', 'closed'],
  open: ['reconnecting', 'closed'],
  reconnecting: ['open', 'closed'],
};

export class StateMachine {
  #state: ClientState = 'closed';
  readonly #listeners = new Listeners<StateChange>();
  readonly #onListenerError: (error: unknown) => void;

  constructor(onListenerError: (error: unknown) => void) {
    this.#onListenerError = onListenerError;
  }

  get value(): ClientState {
    return this.#state;
  }

  /**
   * For checks right after `set`: a listener may have changed the state again, and a method call
   * (unlike a property read) is not narrowed away by an earlier comparison.
   */
  is(state: ClientState): boolean {
    return this.#state === state;
  }

  /**
   * The only way the state changes. Setting the current state again emits nothing, so callers need
   * not check first (a failed retry stays `reconnecting`).
   */
  set(newState: ClientState, code?: number, reason?: string): void {
    const oldState = this.#state;
    if (newState === oldState) return;
    if (!TRANSITIONS[oldState].includes(newState)) {
      throw new Error(`ClientCore bug: no transition from '${oldState}' to '${newState}'`);
    }
    this.#state = newState;
    const change: StateChange = {
      oldState,
      newState,
      ...(code === undefined ? {} : { code }),
      ...(reason === undefined ? {} : { reason }),
    };
    this.#listeners.emit(change, this.#onListenerError);
  }

  subscribe(handler: (change: StateChange) => void): Unsubscribe {
    return this.#listeners.add(handler);
  }
}
