/**
 * The MemoryBroker's records (`Broker.putRecord` and the rest): values with a time to live,
 * forgotten without a timer.
 *
 * Beside the records, each write files its key under the second its record expires in. A write
 * in a later second than the last sweep sweeps the seconds that passed: each key filed there is
 * dropped if its record has expired (a key rewritten since is filed again under its new second,
 * and its record is kept until then). So records with very different ttls (a 30 s lease, a
 * 5 minute reply, a day-long upload) are each forgotten on time, at a cost per write of one
 * array push, and memory stays at about what the ttls allow. Reads check the time themselves:
 * an expired record is never seen, swept or not.
 *
 * Values live in a `TextArena`, off the heap: every request's reply is a record for the
 * idempotency window, and kept as strings (with an object each for value and expiry) those
 * records made the garbage collector the largest cost the ledger added to a chat round trip
 * (bench, A/B in one run). The key string is the one heap object a record keeps.
 */
import { holding, TextArena } from './text-arena.js';

const SECOND = 1000;

export class RecordStore {
  /** Each record's handle in the arena, which also indexes `#expiresAt`. */
  readonly #handles = new Map<string, number>();
  readonly #values = new TextArena();
  #expiresAt: Float64Array = new Float64Array(64);
  /**
   * Keys by the second their record expires in, counted from the store's start: small integers,
   * which V8 keeps unboxed (seconds since 1970 are not, and each lookup would box one).
   */
  readonly #expiring = new Map<number, string[]>();
  readonly #start: number;
  /** Every second before this one has been swept. */
  #sweptTo = 0;

  constructor(private readonly now: () => number = Date.now) {
    this.#start = now();
  }

  /** Records held, expired ones not yet swept included. */
  get size(): number {
    return this.#handles.size;
  }

  get(key: string): string | null {
    const handle = this.#live(key);
    return handle === undefined ? null : this.#values.read(handle);
  }

  putIfAbsent(key: string, value: string, ttlMs: number): string | null {
    const held = this.#live(key);
    if (held !== undefined) return this.#values.read(held);
    const handle = this.#values.store(value);
    this.#handles.set(key, handle);
    this.#expireAt(key, handle, ttlMs);
    return null;
  }

  put(key: string, value: string, ttlMs: number): void {
    let handle = this.#handles.get(key);
    if (handle === undefined) {
      handle = this.#values.store(value);
      this.#handles.set(key, handle);
    } else {
      // In place: a request's claim becoming its reply costs no second map write.
      this.#values.rewrite(handle, value);
    }
    this.#expireAt(key, handle, ttlMs);
  }

  /** Sets the record's expiry, files its key under that second, and sweeps when a second has passed. */
  #expireAt(key: string, handle: number, ttlMs: number): void {
    const now = this.now();
    const expiresAt = now + ttlMs;
    this.#expiresAt = holding(this.#expiresAt, handle);
    this.#expiresAt[handle] = expiresAt;
    const second = Math.floor((expiresAt - this.#start) / SECOND);
    const keys = this.#expiring.get(second);
    if (keys) keys.push(key);
    else this.#expiring.set(second, [key]);
    if (now - this.#start >= (this.#sweptTo + 1) * SECOND) this.#sweep(now);
  }

  replace(key: string, expected: string, value: string | null, ttlMs: number): boolean {
    if (this.get(key) !== expected) return false;
    if (value === null) this.#drop(key);
    else this.put(key, value, ttlMs);
    return true;
  }

  /** The handle of `key`'s record unless it has expired (then the record is dropped). */
  #live(key: string): number | undefined {
    const handle = this.#handles.get(key);
    if (handle === undefined) return undefined;
    if ((this.#expiresAt[handle] ?? 0) > this.now()) return handle;
    this.#drop(key);
    return undefined;
  }

  #drop(key: string): void {
    const handle = this.#handles.get(key);
    if (handle === undefined) return;
    this.#handles.delete(key);
    this.#values.release(handle);
  }

  #sweep(now: number): void {
    const current = Math.floor((now - this.#start) / SECOND);
    for (let second = this.#sweptTo; second < current; second++) {
      const keys = this.#expiring.get(second);
      if (!keys) continue;
      this.#expiring.delete(second);
      for (const key of keys) {
        const handle = this.#handles.get(key);
        if (handle !== undefined && (this.#expiresAt[handle] ?? 0) <= now) this.#drop(key);
      }
    }
    this.#sweptTo = current;
  }
}
