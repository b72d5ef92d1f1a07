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
 *
 * A record starts on the heap, where an object that dies young costs next to nothing: a claim
 * made by `putIfAbsent` (a lock on its key, which its owner replaces or drops within
 * milliseconds) stays there, and a value written by `put` moves into the arena with the next
 * batch of them (or at the next second's sweep). A request's reply is thus written to the arena
 * once, instead of as a claim and then a rewrite, and the objects the heap held for it die young.
 * A key is in one of the two places at most.
 */
import { HashIndex, hashOf, type KeyCheck } from './hash-index.js';
import { holding, TextArena } from './text-arena.js';
import type { LocalRecords } from './types.js';

const SECOND = 1000;

/** A record on the heap: a claim, or a value (`lasting`) waiting to move into the arena. */
interface YoungRecord {
  readonly key: string;
  value: string;
  expiresAt: number;
  lasting: boolean;
  /** The key's hash, computed when the key was first looked up, for its move into the arena. */
  readonly hash: number;
  /** Dropped from the heap map (deleted, expired or moved): a later `#settle` passes it by. */
  gone: boolean;
}

/** Lasting young records move into the arena this many at a time (and at each second's sweep). */
const SETTLE_BATCH = 64;

export class RecordStore implements KeyCheck, LocalRecords {
  readonly #texts = new TextArena();
  readonly #index = new HashIndex(this);
  /** By record: its value's handle, when it expires, its key's hash, and whether it is held (1) or released (0). */
  #valueOf = new Int32Array(64);
  #expiresAt = new Float64Array(64);
  #hashes = new Int32Array(64);
  #live = new Uint8Array(64);
  #size = 0;
  readonly #young = new Map<string, YoungRecord>();
  /** Lasting young records, moved into the arena by the next `#settle`. */
  #moving: YoungRecord[] = [];
  /**
   * Handles by the second their record expires in, counted from the store's start: small
   * integers, which V8 keeps unboxed (seconds since 1970 are not, and each lookup would box one).
   */
  readonly #expiring = new Map<number, HandleList>();
  /** The second the last write was filed under, and its list. */
  #fillingSecond = Number.NaN;
  #filling = new HandleList();
  readonly #start: number;
  /** Every second before this one has been swept. */
  #sweptTo = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly settleBatch: number = SETTLE_BATCH,
  ) {
    this.#start = now();
  }

  /** Records held, expired ones not yet swept included. */
  get size(): number {
    return this.#size + this.#young.size;
  }

  /** Of those, the records still on the heap: claims, and values written since the last settle. */
  get onHeap(): number {
    return this.#young.size;
  }

  keyIs(handle: number, key: string): boolean {
    return this.#texts.equals(handle, key);
  }

  get(key: string): string | null {
    const young = this.#liveYoung(key);
    if (young !== undefined) return young.value;
    const handle = this.#liveHandle(key, hashOf(key));
    return handle === -1 ? null : this.#value(handle);
  }

  putIfAbsent(key: string, value: string, ttlMs: number): string | null {
    const young = this.#liveYoung(key);
    if (young !== undefined) return young.value;
    const hash = hashOf(key);
    const held = this.#liveHandle(key, hash);
    if (held !== -1) return this.#value(held);
    const now = this.now();
    this.#young.set(key, { key, value, expiresAt: now + ttlMs, lasting: false, hash, gone: false });
    this.#sweepIfDue(now);
    return null;
  }

  put(key: string, value: string, ttlMs: number): void {
    const now = this.now();
    const young = this.#young.get(key);
    const hash = young === undefined ? hashOf(key) : young.hash;
    const handle = young === undefined ? this.#index.find(key, hash) : -1;
    if (handle !== -1) {
      this.#texts.rewrite(this.#valueOf[handle] ?? 0, value);
      this.#expireAt(handle, now + ttlMs, now);
      return;
    }
    if (young === undefined) {
      const record: YoungRecord = { key, value, expiresAt: now + ttlMs, lasting: true, hash, gone: false };
      this.#young.set(key, record);
      this.#moving.push(record);
    } else {
      // Rewritten in place: a claim made lasting costs no second object and no second insertion.
      if (!young.lasting) this.#moving.push(young);
      young.value = value;
      young.expiresAt = now + ttlMs;
      young.lasting = true;
    }
    if (this.#moving.length >= this.settleBatch) this.#settle(now);
    this.#sweepIfDue(now);
  }

  replace(key: string, expected: string, value: string | null, ttlMs: number): boolean {
    const young = this.#liveYoung(key);
    if (young !== undefined) {
      if (young.value !== expected) return false;
      if (value === null) this.#dropYoung(young);
      else this.put(key, value, ttlMs);
      return true;
    }
    const handle = this.#liveHandle(key, hashOf(key));
    if (handle === -1 || this.#value(handle) !== expected) return false;
    if (value === null) this.#drop(handle);
    else this.put(key, value, ttlMs);
    return true;
  }

  /** Moves the lasting young records into the arena (those deleted or expired since are let go). */
  #settle(now: number): void {
    const moving = this.#moving;
    this.#moving = [];
    for (const young of moving) {
      if (young.gone) continue;
      this.#dropYoung(young);
      if (young.expiresAt > now) this.#insert(young.key, young.hash, young.value, young.expiresAt, now);
    }
  }

  #dropYoung(young: YoungRecord): void {
    young.gone = true;
    this.#young.delete(young.key);
  }

  /** `key`'s young record unless it has expired (then it is dropped). */
  #liveYoung(key: string): YoungRecord | undefined {
    if (this.#young.size === 0) return undefined;
    const young = this.#young.get(key);
    if (young === undefined || young.expiresAt > this.now()) return young;
    this.#dropYoung(young);
    return undefined;
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

  #insert(key: string, hash: number, value: string, expiresAt: number, now: number): void {
    const handle = this.#texts.store(key);
    if (handle >= this.#live.length) this.#grow(handle);
    this.#valueOf[handle] = this.#texts.store(value);
    this.#hashes[handle] = hash;
    this.#live[handle] = 1;
    this.#size += 1;
    this.#index.add(hash, handle);
    this.#expireAt(handle, expiresAt, now);
  }

  /** Makes room in the per-record arrays for `handle` (handles are given out densely). */
  #grow(handle: number): void {
    this.#valueOf = holding(this.#valueOf, handle, (n) => new Int32Array(n));
    this.#hashes = holding(this.#hashes, handle, (n) => new Int32Array(n));
    this.#live = holding(this.#live, handle, (n) => new Uint8Array(n));
    this.#expiresAt = holding(this.#expiresAt, handle, (n) => new Float64Array(n));
  }

  #drop(handle: number): void {
    this.#index.remove(this.#hashes[handle] ?? 0, handle);
    this.#live[handle] = 0;
    this.#size -= 1;
    this.#texts.release(this.#valueOf[handle] ?? 0);
    this.#texts.release(handle);
  }

  /** Sets the record's expiry, files it under that second, and sweeps when a second has passed. */
  #expireAt(handle: number, expiresAt: number, now: number): void {
    this.#expiresAt[handle] = expiresAt;
    const second = Math.floor((expiresAt - this.#start) / SECOND);
    if (second !== this.#fillingSecond) this.#fileUnder(second);
    this.#filling.push(handle);
    this.#sweepIfDue(now);
  }

  #sweepIfDue(now: number): void {
    if (now - this.#start >= (this.#sweptTo + 1) * SECOND) this.#sweep(now);
  }

  /** Makes `second`'s list the one writes are filed in (most writes of a second share one). */
  #fileUnder(second: number): void {
    let handles = this.#expiring.get(second);
    if (!handles) this.#expiring.set(second, (handles = new HandleList()));
    this.#fillingSecond = second;
    this.#filling = handles;
  }

  /**
   * Drops the records of the seconds that passed. A handle filed there may have been rewritten
   * with a later expiry (it is filed again under that second), or released and given to another
   * record: only a held record that has expired is dropped.
   */
  #sweep(now: number): void {
    this.#settle(now);
    const current = Math.floor((now - this.#start) / SECOND);
    for (let second = this.#sweptTo; second < current; second++) {
      const handles = this.#expiring.get(second);
      if (!handles) continue;
      this.#expiring.delete(second);
      if (second === this.#fillingSecond) this.#fillingSecond = Number.NaN;
      for (let i = 0; i < handles.length; i++) {
        const handle = handles.at(i);
        if (this.#live[handle] === 1 && (this.#expiresAt[handle] ?? 0) <= now) this.#drop(handle);
      }
    }
    this.#sweptTo = current;
    for (const young of this.#young.values()) if (young.expiresAt <= now) this.#dropYoung(young);
  }
}

/**
 * A growing list of handles in a typed array: an expiry list gets a push on every write, and a
 * JavaScript array of them would be copied and promoted by the garbage collector as it grows.
 */
class HandleList {
  #items = new Int32Array(64);
  length = 0;

  push(handle: number): void {
    if (this.length === this.#items.length) this.#items = holding(this.#items, this.length, (n) => new Int32Array(n));
    this.#items[this.length++] = handle;
  }

  at(index: number): number {
    return this.#items[index] ?? -1;
  }
}
