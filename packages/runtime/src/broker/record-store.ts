/**
 * The MemoryBroker's records (`Broker.putRecord` and the rest): values with a time to live.
 *
 * Kept in a Map in the order they were written (a write moves a record to the end), so the
 * records that expire first are mostly at the front: every write sweeps the front while it is
 * expired, which keeps the store at about what the ttls allow without a timer. A record behind
 * an unexpired one may outlive its ttl in memory for a while; reads check the time, so it is
 * never seen.
 */
interface StoredRecord {
  readonly value: string;
  readonly expiresAt: number;
}

/** Records swept from the front per write, at most: a write never pays for a long backlog at once. */
const SWEEP_BATCH = 64;

export class RecordStore {
  readonly #records = new Map<string, StoredRecord>();

  constructor(private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.#records.size;
  }

  get(key: string): string | null {
    const record = this.#records.get(key);
    if (!record) return null;
    if (record.expiresAt > this.now()) return record.value;
    this.#records.delete(key);
    return null;
  }

  putIfAbsent(key: string, value: string, ttlMs: number): string | null {
    const held = this.get(key);
    if (held !== null) return held;
    this.put(key, value, ttlMs);
    return null;
  }

  put(key: string, value: string, ttlMs: number): void {
    const now = this.now();
    this.#sweep(now);
    this.#records.delete(key);
    this.#records.set(key, { value, expiresAt: now + ttlMs });
  }

  replace(key: string, expected: string, value: string | null, ttlMs: number): boolean {
    if (this.get(key) !== expected) return false;
    if (value === null) this.#records.delete(key);
    else this.put(key, value, ttlMs);
    return true;
  }

  #sweep(now: number): void {
    let budget = SWEEP_BATCH;
    for (const [key, record] of this.#records) {
      if (record.expiresAt > now || budget-- === 0) return;
      this.#records.delete(key);
    }
  }
}
