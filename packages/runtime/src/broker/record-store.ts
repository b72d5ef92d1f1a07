/**
 * The MemoryBroker's records (`Broker.putRecord` and the rest): values with a time to live,
 * forgotten without a timer.
 *
 * A key is filed in one `HashIndex` under one entry: a claim's slot in the `ClaimTable` (what
 * `putIfAbsent` writes: a lock its owner replaces or drops within milliseconds, kept on the heap)
 * or a record's location in the `RecordLog` (what `put` writes, outside the heap). A request's
 * claim becomes its reply by `put`: the reply is written once, into the log, and the claim's slot
 * is freed. Reads check the time themselves, so an expired record is never seen; a write at least
 * a second after the last sweep sweeps, letting go of the expired claims and of every log chunk
 * whose records have all expired, so memory stays at about what the ttls allow.
 */
import { ClaimTable } from './claim-table.js';
import { HashIndex, hashOf, NOT_FOUND, type KeyCheck } from './hash-index.js';
import { RecordLog } from './record-log.js';
import type { LocalClaim, LocalRecords } from './types.js';

const SECOND = 1000;

/** Index entries: a log location + 1 (positive), or a claim slot as -(slot + 2). */
const logEntry = (location: number): number => location + 1;
const claimEntry = (slot: number): number => -(slot + 2);
const isClaim = (entry: number): boolean => entry < 0;
const locationOf = (entry: number): number => entry - 1;
const slotOf = (entry: number): number => -entry - 2;

export class RecordStore implements KeyCheck, LocalRecords {
  readonly #log = new RecordLog();
  readonly #claims = new ClaimTable();
  readonly #index = new HashIndex(this);
  #nextSweep: number;
  readonly #unfileRecord = (hash: number, location: number): void => this.#index.remove(hash, logEntry(location));
  readonly #unfileClaim = (hash: number, slot: number): void => this.#index.remove(hash, claimEntry(slot));

  constructor(private readonly now: () => number = Date.now) {
    this.#nextSweep = now() + SECOND;
  }

  /** Records held, claims and expired ones not yet swept included. */
  get size(): number {
    return this.#log.size + this.#claims.size;
  }

  /** Of those, the claims. */
  get claims(): number {
    return this.#claims.size;
  }

  /** Bytes the records outside the heap take (claims and the index not included). */
  get bytes(): number {
    return this.#log.bytes;
  }

  keyIs(entry: number, key: string): boolean {
    return isClaim(entry) ? this.#claims.key(slotOf(entry)) === key : this.#log.keyIs(locationOf(entry), key);
  }

  get(key: string): string | null {
    const hash = hashOf(key);
    const entry = this.#liveEntry(key, hash, this.now());
    return entry === NOT_FOUND ? null : this.#value(entry);
  }

  putIfAbsent(key: string, value: string, ttlMs: number): string | null {
    const held = this.#claim(key, hashOf(key), value, ttlMs);
    return typeof held === 'string' ? held : null;
  }

  claim(key: string, value: string, ttlMs: number): string | LocalClaim {
    const hash = hashOf(key);
    const held = this.#claim(key, hash, value, ttlMs);
    return typeof held === 'string' ? held : new StoreClaim(this, key, hash, value, held);
  }

  /** The value that holds `key`, or the slot of the claim made for it. */
  #claim(key: string, hash: number, value: string, ttlMs: number): string | number {
    const now = this.now();
    const held = this.#liveEntry(key, hash, now);
    if (held !== NOT_FOUND) return this.#value(held);
    this.#sweepIfDue(now);
    const slot = this.#claims.add(key, hash, value, now + ttlMs);
    this.#index.add(hash, claimEntry(slot));
    return slot;
  }

  /** `put` for a claim made here: while its slot still holds its key, the value goes in its place. */
  settle(claim: StoreClaim, value: string, ttlMs: number): void {
    const now = this.now();
    this.#sweepIfDue(now);
    const { key, hash, slot } = claim;
    if (this.#claims.key(slot) !== key) return this.put(key, value, ttlMs);
    const entry = logEntry(this.#log.append(key, hash, value, now + ttlMs, ttlMs));
    this.#index.swap(hash, claimEntry(slot), entry);
    this.#claims.drop(slot);
  }

  /** Drops a claim made here, unless its slot holds another claim by now. */
  release(claim: StoreClaim): void {
    const { key, hash, slot } = claim;
    if (this.#claims.key(slot) !== key || this.#claims.value(slot) !== claim.value) return;
    this.#drop(hash, claimEntry(slot));
  }

  put(key: string, value: string, ttlMs: number): void {
    const hash = hashOf(key);
    const now = this.now();
    this.#sweepIfDue(now);
    const entry = logEntry(this.#log.append(key, hash, value, now + ttlMs, ttlMs));
    const old = this.#index.find(key, hash);
    if (old === NOT_FOUND) {
      this.#index.add(hash, entry);
    } else {
      this.#index.swap(hash, old, entry);
      this.#free(old);
    }
  }

  replace(key: string, expected: string, value: string | null, ttlMs: number): boolean {
    const hash = hashOf(key);
    const entry = this.#liveEntry(key, hash, this.now());
    if (entry === NOT_FOUND || this.#value(entry) !== expected) return false;
    if (value !== null) this.put(key, value, ttlMs);
    else this.#drop(hash, entry);
    return true;
  }

  /** `key`'s entry unless its record has expired (then it is dropped), or `NOT_FOUND`. */
  #liveEntry(key: string, hash: number, now: number): number {
    const entry = this.#index.find(key, hash);
    if (entry === NOT_FOUND) return NOT_FOUND;
    const expiresAt = isClaim(entry) ? this.#claims.expiresAt(slotOf(entry)) : this.#log.expiresAt(locationOf(entry));
    if (expiresAt > now) return entry;
    this.#drop(hash, entry);
    return NOT_FOUND;
  }

  #value(entry: number): string {
    return isClaim(entry) ? this.#claims.value(slotOf(entry)) : this.#log.value(locationOf(entry));
  }

  #drop(hash: number, entry: number): void {
    this.#index.remove(hash, entry);
    this.#free(entry);
  }

  /** Lets go of what `entry` holds; its index entry is gone or replaced already. */
  #free(entry: number): void {
    if (isClaim(entry)) this.#claims.drop(slotOf(entry));
    else this.#log.kill(locationOf(entry));
  }

  #sweepIfDue(now: number): void {
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + SECOND;
    this.#claims.sweep(now, this.#unfileClaim);
    this.#log.sweep(now, this.#unfileRecord);
  }
}

/** A claim `RecordStore.claim` made: where it is, so that settling or releasing it looks nothing up. */
class StoreClaim implements LocalClaim {
  constructor(
    private readonly store: RecordStore,
    readonly key: string,
    readonly hash: number,
    readonly value: string,
    readonly slot: number,
  ) {}

  settle(value: string, ttlMs: number): void {
    this.store.settle(this, value, ttlMs);
  }

  release(): void {
    this.store.release(this);
  }
}
