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
 * A record is the handle of its key in a `TextArena` (UTF-8 bytes), with its value another text
 * there, its expiry a `Float64Array` entry and its key's hash a pair in a `HashIndex`: all off
 * the JavaScript heap.
 * Every request's reply is a record for the idempotency window; kept as strings in a `Map`,
 * with an object each, those records made the garbage collector and the cache misses of a large
 * map the largest cost the ledger added to a chat round trip (bench, A/B in one run).
 */
import { HashIndex, hashOf, type KeyCheck } from './hash-index.js';
import { holding, TextArena } from './text-arena.js';

const SECOND = 1000;

export class RecordStore implements KeyCheck {
  readonly #texts = new TextArena();
  readonly #index = new HashIndex(this);
  /** By record: its value's handle, when it expires, its key's hash, and whether it is held (1) or released (0). */
  #valueOf = new Int32Array(64);
  #expiresAt = new Float64Array(64);
  #hashes = new Int32Array(64);
  #live = new Uint8Array(64);
  #size = 0;
  /**
   * Handles by the second their record expires in, counted from the store's start: small
   * integers, which V8 keeps unboxed (seconds since 1970 are not, and each lookup would box one).
   */
  readonly #expiring = new Map<number, number[]>();
  readonly #start: number;
  /** Every second before this one has been swept. */
  #sweptTo = 0;

  constructor(private readonly now: () => number = Date.now) {
    this.#start = now();
  }

  /** Records held, expired ones not yet swept included. */
  get size(): number {
    return this.#size;
  }

  keyIs(handle: number, key: string): boolean {
    return this.#texts.read(handle) === key;
  }

  get(key: string): string | null {
    const handle = this.#liveHandle(key, hashOf(key));
    return handle === -1 ? null : this.#value(handle);
  }

  putIfAbsent(key: string, value: string, ttlMs: number): string | null {
    const hash = hashOf(key);
    const held = this.#liveHandle(key, hash);
    if (held !== -1) return this.#value(held);
    this.#insert(key, hash, value, ttlMs);
    return null;
  }

  put(key: string, value: string, ttlMs: number): void {
    const hash = hashOf(key);
    const handle = this.#index.find(key, hash);
    if (handle === -1) {
      this.#insert(key, hash, value, ttlMs);
    } else {
      // In place: a request's claim becoming its reply is no new record, and its key stays.
      this.#texts.rewrite(this.#valueOf[handle] ?? 0, value);
      this.#expireAt(handle, ttlMs);
    }
  }

  replace(key: string, expected: string, value: string | null, ttlMs: number): boolean {
    const hash = hashOf(key);
    const handle = this.#liveHandle(key, hash);
    if (handle === -1 || this.#value(handle) !== expected) return false;
    if (value === null) this.#drop(handle);
    else this.put(key, value, ttlMs);
    return true;
  }

  /** The handle of `key`'s record unless it has expired (then the record is dropped), or -1. */
  #liveHandle(key: string, hash: number): number {
    const handle = this.#index.find(key, hash);
    if (handle === -1) return -1;
    if ((this.#expiresAt[handle] ?? 0) > this.now()) return handle;
    this.#drop(handle);
    return -1;
  }

  #value(handle: number): string {
    return this.#texts.read(this.#valueOf[handle] ?? 0);
  }

  #insert(key: string, hash: number, value: string, ttlMs: number): void {
    const handle = this.#texts.store(key);
    this.#valueOf = holding(this.#valueOf, handle, (n) => new Int32Array(n));
    this.#valueOf[handle] = this.#texts.store(value);
    this.#hashes = holding(this.#hashes, handle, (n) => new Int32Array(n));
    this.#live = holding(this.#live, handle, (n) => new Uint8Array(n));
    this.#hashes[handle] = hash;
    this.#live[handle] = 1;
    this.#size += 1;
    this.#index.add(hash, handle);
    this.#expireAt(handle, ttlMs);
  }

  #drop(handle: number): void {
    this.#index.remove(this.#hashes[handle] ?? 0, handle);
    this.#live[handle] = 0;
    this.#size -= 1;
    this.#texts.release(this.#valueOf[handle] ?? 0);
    this.#texts.release(handle);
  }

  /** Sets the record's expiry, files it under that second, and sweeps when a second has passed. */
  #expireAt(handle: number, ttlMs: number): void {
    const now = this.now();
    const expiresAt = now + ttlMs;
    this.#expiresAt = holding(this.#expiresAt, handle, (n) => new Float64Array(n));
    this.#expiresAt[handle] = expiresAt;
    const second = Math.floor((expiresAt - this.#start) / SECOND);
    const handles = this.#expiring.get(second);
    if (handles) handles.push(handle);
    else this.#expiring.set(second, [handle]);
    if (now - this.#start >= (this.#sweptTo + 1) * SECOND) this.#sweep(now);
  }

  /**
   * Drops the records of the seconds that passed. A handle filed there may have been rewritten
   * with a later expiry (it is filed again under that second), or released and given to another
   * record: only a held record that has expired is dropped.
   */
  #sweep(now: number): void {
    const current = Math.floor((now - this.#start) / SECOND);
    for (let second = this.#sweptTo; second < current; second++) {
      const handles = this.#expiring.get(second);
      if (!handles) continue;
      this.#expiring.delete(second);
      for (const handle of handles) {
        if (this.#live[handle] === 1 && (this.#expiresAt[handle] ?? 0) <= now) this.#drop(handle);
      }
    }
    this.#sweptTo = current;
  }
}
