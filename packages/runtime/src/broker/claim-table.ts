/**
 * The MemoryBroker's claims: records written by `putIfAbsent`, which in practice are locks on a
 * key that their owner replaces or drops within milliseconds (an idempotent request's claim while
 * its handler runs). They stay on the heap, where what dies young costs next to nothing, in
 * slots reused as they free up: no object and no map entry per claim, only the index entry that
 * the store files for it.
 */
import type { Forget } from './record-log.js';

export class ClaimTable {
  #keys: string[] = [];
  #values: string[] = [];
  #hashes: number[] = [];
  #expiresAt: number[] = [];
  readonly #free: number[] = [];
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Holds a claim and returns its slot. */
  add(key: string, hash: number, value: string, expiresAt: number): number {
    const slot = this.#free.pop() ?? this.#keys.length;
    this.#keys[slot] = key;
    this.#values[slot] = value;
    this.#hashes[slot] = hash;
    this.#expiresAt[slot] = expiresAt;
    this.#size += 1;
    return slot;
  }

  key(slot: number): string {
    return this.#keys[slot] ?? '';
  }

  value(slot: number): string {
    return this.#values[slot] ?? '';
  }

  expiresAt(slot: number): number {
    return this.#expiresAt[slot] ?? 0;
  }

  /** Frees the slot (its index entry is the caller's). */
  drop(slot: number): void {
    this.#keys[slot] = '';
    this.#values[slot] = '';
    this.#expiresAt[slot] = Number.NEGATIVE_INFINITY;
    this.#free.push(slot);
    this.#size -= 1;
  }

  /** Drops every expired claim, telling `forget` of each. */
  sweep(now: number, forget: Forget): void {
    for (let slot = 0; slot < this.#keys.length; slot++) {
      const expiresAt = this.#expiresAt[slot] ?? Number.NEGATIVE_INFINITY;
      if (expiresAt === Number.NEGATIVE_INFINITY || expiresAt > now) continue;
      forget(this.#hashes[slot] ?? 0, slot);
      this.drop(slot);
    }
    if (this.#size === 0) this.#shrink();
  }

  /** With no claim held, lets go of the slots a burst of them left behind. */
  #shrink(): void {
    this.#keys = [];
    this.#values = [];
    this.#hashes = [];
    this.#expiresAt = [];
    this.#free.length = 0;
  }
}
