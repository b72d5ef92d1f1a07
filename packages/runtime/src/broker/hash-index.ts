/**
 * An index from string keys to entries, kept in one `Int32Array`: open addressing with linear
 * probing over pairs of (32-bit hash of the key, entry), where an entry is any integer but 0 (an
 * empty slot) and -1 (a deleted one).
 *
 * The MemoryBroker's records number in the hundreds of thousands (every request's reply, for the
 * idempotency window), and nearly every lookup is for a key that is not there. A `Map` of string
 * keys makes each such lookup touch a bucket, an entry and a key string scattered over tens of
 * megabytes, and the collector mark every key; here it touches one pair, and the collector sees
 * one typed array. A key itself is compared (by `KeyCheck`) only when its hash matches.
 */

/** Tells whether the record of `entry` has the key `key`. */
export interface KeyCheck {
  keyIs(entry: number, key: string): boolean;
}

/** What `find` answers for a key that is not filed. */
export const NOT_FOUND = 0;
const EMPTY = 0;
const DELETED = -1;
/** Grown (and cleared of deleted slots) past this share of used slots. */
const MAX_LOAD = 0.7;

/** 32-bit FNV-1a over the key's UTF-16 code units. */
export function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

const isFiled = (entry: number): boolean => entry !== EMPTY && entry !== DELETED;

export class HashIndex {
  /** Pairs: hash at 2i, entry (or EMPTY / DELETED) at 2i + 1. */
  #pairs = new Int32Array(2 * 64);
  #mask = 63;
  /** Slots filed or deleted: what probing walks over. */
  #used = 0;
  #filed = 0;

  constructor(private readonly keys: KeyCheck) {}

  /** Entries filed. */
  get size(): number {
    return this.#filed;
  }

  /** The entry filed under `key`, or `NOT_FOUND`. */
  find(key: string, hash: number): number {
    const pairs = this.#pairs;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const entry = pairs[2 * slot + 1] ?? EMPTY;
      if (entry === EMPTY) return NOT_FOUND;
      if (entry !== DELETED && pairs[2 * slot] === hash && this.keys.keyIs(entry, key)) return entry;
    }
  }

  /** Files `entry` under `hash`; its key must not be filed already. */
  add(hash: number, entry: number): void {
    if (this.#used + 1 > MAX_LOAD * (this.#mask + 1)) this.#rebuild();
    const pairs = this.#pairs;
    let slot = hash & this.#mask;
    while (isFiled(pairs[2 * slot + 1] ?? EMPTY)) slot = (slot + 1) & this.#mask;
    if (pairs[2 * slot + 1] === EMPTY) this.#used += 1;
    pairs[2 * slot] = hash;
    pairs[2 * slot + 1] = entry;
    this.#filed += 1;
  }

  /** Puts `entry`, filed under `hash`, in place of `old`. */
  swap(hash: number, old: number, entry: number): void {
    this.#pairs[this.#slotOf(hash, old) + 1] = entry;
  }

  /** Unfiles `entry`, filed under `hash`. */
  remove(hash: number, entry: number): void {
    this.#pairs[this.#slotOf(hash, entry) + 1] = DELETED;
    this.#filed -= 1;
  }

  /** Where in `#pairs` the pair of `entry` starts. */
  #slotOf(hash: number, entry: number): number {
    const pairs = this.#pairs;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const held = pairs[2 * slot + 1] ?? EMPTY;
      if (held === EMPTY) throw new Error(`HashIndex: entry ${entry} is not filed under its hash`);
      if (held === entry) return 2 * slot;
    }
  }

  /** Refiles every pair into a table sized for twice their number, dropping deleted slots. */
  #rebuild(): void {
    const old = this.#pairs;
    let size = 64;
    while (size * MAX_LOAD < 2 * (this.#filed + 1)) size *= 2;
    this.#pairs = new Int32Array(2 * size);
    this.#mask = size - 1;
    this.#used = 0;
    this.#filed = 0;
    for (let i = 0; i < old.length; i += 2) {
      const entry = old[i + 1] ?? EMPTY;
      if (isFiled(entry)) this.add(old[i] ?? 0, entry);
    }
  }
}
