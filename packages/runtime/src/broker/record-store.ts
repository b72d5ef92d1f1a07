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
 */
interface StoredRecord {
  readonly value: string;
  readonly expiresAt: number;
}

const SECOND = 1000;

export class RecordStore {
  readonly #records = new Map<string, StoredRecord>();
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
    const expiresAt = now + ttlMs;
    this.#records.set(key, { value, expiresAt });
    const second = Math.floor((expiresAt - this.#start) / SECOND);
    const keys = this.#expiring.get(second);
    if (keys) keys.push(key);
    else this.#expiring.set(second, [key]);
    if (now - this.#start >= (this.#sweptTo + 1) * SECOND) this.#sweep(now);
  }

  replace(key: string, expected: string, value: string | null, ttlMs: number): boolean {
    if (this.get(key) !== expected) return false;
    if (value === null) this.#records.delete(key);
    else this.put(key, value, ttlMs);
    return true;
  }

  #sweep(now: number): void {
    const current = Math.floor((now - this.#start) / SECOND);
    for (let second = this.#sweptTo; second < current; second++) {
      const keys = this.#expiring.get(second);
      if (!keys) continue;
      this.#expiring.delete(second);
      for (const key of keys) {
        const record = this.#records.get(key);
        if (record && record.expiresAt <= now) this.#records.delete(key);
      }
    }
    this.#sweptTo = current;
  }
}
