/**
 * Strings kept as UTF-8 bytes outside the JavaScript heap, each addressed by a small integer.
 *
 * A string that lives for minutes is an object the garbage collector copies out of the young
 * generation, promotes, and marks on every full collection; a million of them cost every
 * request that runs meanwhile. Here a string is written into a shared chunk and read back on
 * demand, and what the heap holds is a few typed arrays. Chunks start small (a store with a few
 * records costs little) and double up to `MAX_CHUNK`; a chunk is let go, or its space reused when
 * it is the one being filled, once none of its texts is held any more.
 *
 * UTF-8 as Redis keeps text: a lone surrogate, which no JSON or protocol text contains, comes
 * back as U+FFFD.
 */

const MAX_CHUNK = 64 * 1024;
const FIRST_CHUNK = 1024;
/**
 * Per-handle arrays grow fourfold: a grown array costs a copy of the old one, while its part not
 * used yet costs nothing (the system maps a page of it only when it is first written).
 */
const GROWTH = 4;
/** The chunk of an empty text, which needs no bytes. */
const NO_CHUNK = -1;

export class TextArena {
  #chunks: (Buffer | null)[] = [];
  /** Texts held in each chunk. */
  #held: number[] = [];
  #freeChunks: number[] = [];
  /** The chunk being filled (`NO_CHUNK` before the first) and how much of it is used. */
  #tail = NO_CHUNK;
  #used = 0;

  /** Where each text is, by handle: its chunk, first byte and end. */
  #chunkOf: Int32Array = new Int32Array(64);
  #start: Uint32Array = new Uint32Array(64);
  #end: Uint32Array = new Uint32Array(64);
  #freeHandles: number[] = [];
  #nextHandle = 0;

  /** Stores `text` and returns its handle, valid until `release`. */
  store(text: string): number {
    const handle = this.#freeHandles.pop() ?? this.#newHandle();
    this.#write(handle, text);
    return handle;
  }

  /** Puts `text` in place of the text of `handle`, which stays valid. */
  rewrite(handle: number, text: string): void {
    this.#forget(handle);
    this.#write(handle, text);
  }

  #write(handle: number, text: string): void {
    if (text.length === 0) {
      this.#chunkOf[handle] = NO_CHUNK;
      return;
    }
    const chunk = this.#room(text);
    const buffer = this.#chunks[chunk] as Buffer;
    this.#chunkOf[handle] = chunk;
    this.#start[handle] = this.#used;
    this.#used += buffer.write(text, this.#used, 'utf8');
    this.#end[handle] = this.#used;
    this.#held[chunk] = (this.#held[chunk] ?? 0) + 1;
  }

  read(handle: number): string {
    const chunk = this.#chunkOf[handle] ?? NO_CHUNK;
    if (chunk === NO_CHUNK) return '';
    return (this.#chunks[chunk] as Buffer).toString('utf8', this.#start[handle], this.#end[handle]);
  }

  /**
   * Whether the text of `handle` is `text`, without decoding it when it can be told from the
   * bytes: UTF-8 takes at least one byte per UTF-16 unit, and exactly one only for ASCII.
   */
  equals(handle: number, text: string): boolean {
    const chunk = this.#chunkOf[handle] ?? NO_CHUNK;
    if (chunk === NO_CHUNK) return text.length === 0;
    const start = this.#start[handle] ?? 0;
    const bytes = (this.#end[handle] ?? 0) - start;
    if (bytes < text.length) return false;
    if (bytes > text.length) return this.read(handle) === text;
    const buffer = this.#chunks[chunk] as Buffer;
    for (let i = 0; i < bytes; i++) {
      if (buffer[start + i] !== text.charCodeAt(i)) return false;
    }
    return true;
  }

  /** Forgets the text of `handle`; the handle may be given out again. */
  release(handle: number): void {
    this.#forget(handle);
    this.#freeHandles.push(handle);
  }

  /** Lets go of the bytes of `handle`'s text. */
  #forget(handle: number): void {
    const chunk = this.#chunkOf[handle] ?? NO_CHUNK;
    if (chunk === NO_CHUNK) return;
    this.#chunkOf[handle] = NO_CHUNK;
    const held = (this.#held[chunk] ?? 1) - 1;
    this.#held[chunk] = held;
    if (held > 0) return;
    if (chunk === this.#tail) {
      this.#used = 0;
    } else {
      this.#chunks[chunk] = null;
      this.#freeChunks.push(chunk);
    }
  }

  /** The chunk `text` goes into: the tail when it fits, else a new one that becomes the tail. */
  #room(text: string): number {
    const tail = this.#tail === NO_CHUNK ? null : (this.#chunks[this.#tail] as Buffer);
    const free = tail === null ? -1 : tail.length - this.#used;
    // A UTF-16 unit is at most 3 UTF-8 bytes: the text is measured only when it may not fit.
    if (free >= text.length * 3) return this.#tail;
    const bytes = Buffer.byteLength(text);
    if (free >= bytes) return this.#tail;
    const size = Math.max(bytes, Math.min(MAX_CHUNK, tail === null ? FIRST_CHUNK : tail.length * 2));
    const chunk = this.#freeChunks.pop() ?? this.#chunks.length;
    this.#chunks[chunk] = Buffer.allocUnsafeSlow(size);
    this.#held[chunk] = 0;
    // The old tail is let go once its last text is released (see `release`); an empty one now.
    if (tail !== null && this.#held[this.#tail] === 0) {
      this.#chunks[this.#tail] = null;
      this.#freeChunks.push(this.#tail);
    }
    this.#tail = chunk;
    this.#used = 0;
    return chunk;
  }

  #newHandle(): number {
    const handle = this.#nextHandle++;
    if (handle === this.#chunkOf.length) {
      this.#chunkOf = grown(this.#chunkOf, new Int32Array(handle * GROWTH));
      this.#start = grown(this.#start, new Uint32Array(handle * GROWTH));
      this.#end = grown(this.#end, new Uint32Array(handle * GROWTH));
    }
    return handle;
  }
}

function grown<T extends Int32Array | Uint32Array | Float64Array>(old: T, bigger: T): T {
  bigger.set(old);
  return bigger;
}

/** Grows a typed array to hold index `at` (fourfold), keeping its contents. */
export function holding<T extends Int32Array | Uint8Array | Float64Array>(array: T, at: number, make: (length: number) => T): T {
  if (at < array.length) return array;
  const bigger = make(Math.max(at + 1, array.length * GROWTH));
  bigger.set(array);
  return bigger;
}
