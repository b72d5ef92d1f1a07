/**
 * A bounded FIFO that overwrites its oldest item: O(1) per push, where `Array#splice(0, 1)` on a
 * full room history moved every entry on every message.
 */
export class Ring<T> {
  #items: (T | undefined)[] = [];
  #start = 0;
  #length = 0;

  get length(): number {
    return this.#length;
  }

  /** Appends, keeping at most `limit` items (the oldest go first). */
  push(item: T, limit: number): void {
    if (limit !== this.#items.length) this.#resize(limit);
    if (limit === 0) return;
    const end = (this.#start + this.#length) % limit;
    this.#items[end] = item;
    if (this.#length < limit) this.#length += 1;
    else this.#start = (this.#start + 1) % limit;
  }

  /** The items, oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.#length; i++) out.push(this.#items[(this.#start + i) % this.#items.length] as T);
    return out;
  }

  #resize(limit: number): void {
    const keep = limit === 0 ? [] : this.toArray().slice(-limit);
    this.#items = new Array<T | undefined>(limit);
    keep.forEach((item, i) => (this.#items[i] = item));
    this.#start = 0;
    this.#length = keep.length;
  }
}
