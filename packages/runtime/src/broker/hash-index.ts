/**
 * An index from string keys to handles, kept in one `Int32Array`: open addressing with linear
 * probing over pairs of (32-bit hash of the key, handle + 1), where 0 is an empty slot and -1 a
 * deleted one.
 *
 * The MemoryBroker's records number in the hundreds of thousands (every request's reply, for the
 * idempotency window), and nearly every lookup is for a key that is not there. A `Map` of string
 * keys makes each such lookup touch a bucket, an entry and a key string scattered over tens of
 * megabytes, and the collector mark every key; here it touches one pair, and the collector sees
 * one typed array. A key itself is compared (by `KeyCheck`) only when its hash matches.
 */

/** Tells whether the record of `handle` has the key `key`. */
export interface KeyCheck {
  keyIs(handle: number, key: string): boolean;
}

const EMPTY = 0;
const DELETED = -1;
/** Grown (and cleared of deleted slots) past this share of used slots. */
const MAX_LOAD = 0.5;

/** 32-bit FNV-1a over the key's UTF-16 code units. */
export function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

export class HashIndex {
  /** Pairs: hash at 2i, handle + 1 (or EMPTY / DELETED) at 2i + 1. */
  #pairs = new Int32Array(2 * 64);
  #mask = 63;
  /** Slots live or deleted: what probing walks over. */
  #used = 0;

  constructor(private readonly keys: KeyCheck) {}

  /** The handle filed under `key`, or -1. */
  find(key: string, hash: number): number {
    const pairs = this.#pairs;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const entry = pairs[2 * slot + 1] ?? EMPTY;
      if (entry === EMPTY) return -1;
      if (entry !== DELETED && pairs[2 * slot] === hash && this.keys.keyIs(entry - 1, key)) return entry - 1;
    }
  }

  /** Files `handle` under `hash`; its key must not be filed already. */
  add(hash: number, handle: number): void {
    if (this.#used + 1 > MAX_LOAD * (this.#mask + 1)) this.#rebuild();
    const pairs = this.#pairs;
    let slot = hash & this.#mask;
    while ((pairs[2 * slot + 1] ?? EMPTY) > 0) slot = (slot + 1) & this.#mask;
    if (pairs[2 * slot + 1] === EMPTY) this.#used += 1;
    pairs[2 * slot] = hash;
    pairs[2 * slot + 1] = handle + 1;
  }

  /** Unfiles `handle`, filed under `hash`. */
  remove(hash: number, handle: number): void {
    const pairs = this.#pairs;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const entry = pairs[2 * slot + 1] ?? EMPTY;
      if (entry === EMPTY) throw new Error(`HashIndex: handle ${handle} is not filed under its hash`);
      if (entry === handle + 1) {
        pairs[2 * slot + 1] = DELETED;
        return;
      }
    }
  }

  /** Refiles every live pair into a table sized for twice their number, dropping deleted slots. */
  #rebuild(): void {
    const old = this.#pairs;
    let live = 0;
    for (let i = 1; i < old.length; i += 2) if ((old[i] ?? EMPTY) > 0) live += 1;
    let size = 64;
    while (size * MAX_LOAD < 2 * (live + 1)) size *= 2;
    this.#pairs = new Int32Array(2 * size);
    this.#mask = size - 1;
    this.#used = 0;
    for (let i = 0; i < old.length; i += 2) {
      const entry = old[i + 1] ?? EMPTY;
      if (entry > 0) this.add(old[i] ?? 0, entry - 1);
    }
  }
}
