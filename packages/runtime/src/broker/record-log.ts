/**
 * The MemoryBroker's lasting records, written one after another into chunks of memory outside
 * the JavaScript heap: a record is a header (expiry, key hash, lengths, a dead mark) followed by
 * its key and value as UTF-8, and its location (chunk and offset) is the one number the store's
 * index keeps for it.
 *
 * Every request's reply is such a record for the idempotency window, so a record must cost next
 * to nothing beyond its bytes: no object, no array entry of its own, nothing for the garbage
 * collector to copy or mark. Memory is given back a chunk at a time: records with ttls of about
 * the same length (the same power of two of seconds) share the chunk being filled, so a chunk's
 * records expire at about the same time, and the chunk goes once its last record has expired
 * (the store's sweep) or been overwritten or deleted. Full-size chunks that go are kept for the
 * next ones (up to `POOLED`, in a `ChunkPool`): their pages are mapped already, and on a virtual machine the first
 * touch of a fresh page costs microseconds, more than writing a whole record.
 *
 * UTF-8 as Redis keeps text: a lone surrogate, which no JSON or protocol text contains, comes back
 * as U+FFFD.
 */
import { ChunkPool } from './chunk-pool.js';

/**
 * Header, in 32-bit words: expiry (milliseconds from the chunk's `base`, rounded up), key hash,
 * key bytes (the top bit set once the record is dead), value bytes.
 */
const HEADER = 16;
const DEAD = 1 << 31;
/** Records start at multiples of 4, so that a location names one in 16 bits of a 256 KiB chunk. */
const ALIGN = 4;
const OFFSET_BITS = 16;
const MAX_CHUNK = ALIGN << OFFSET_BITS;
/** Chunks start small (a store with a few records costs little) and double up to `MAX_CHUNK`. */
const FIRST_CHUNK = 4096;
/** Chunk ids fit the bits a location leaves them (a location + 1 is a positive int32). */
const MAX_CHUNKS = (2 ** 31 - 2) >>> OFFSET_BITS;
/** How far from its chunk's `base` a record's expiry may be: what an int32 of milliseconds holds. */
const MAX_SPAN = 2 ** 31 - 1;
/** Full-size chunks kept for reuse: 8 MiB at most. */
const POOLED = 32;

interface Chunk {
  readonly id: number;
  readonly bytes: Buffer;
  readonly i32: Int32Array;
  /** The ttl class it is being filled for (`NOT_FILLING` once full). */
  filling: number;
  used: number;
  /** Records not dead yet. */
  live: number;
  /** What its records' expiries are counted from: the first one's. */
  base: number;
  /** The latest expiry of its records: once passed, every record in it has expired. */
  expiresAt: number;
}

const NOT_FILLING = -1;

/** What the sweep calls for each record it forgets that was still live. */
export type Forget = (hash: number, location: number) => void;

export class RecordLog {
  readonly #chunks: (Chunk | undefined)[] = [];
  readonly #freeIds: number[] = [];
  readonly #pool = new ChunkPool(MAX_CHUNK, POOLED);
  /** The chunk being filled, by ttl class. */
  readonly #filling = new Map<number, Chunk>();
  #live = 0;
  #bytes = 0;

  /** Records not dead (expired ones not swept yet included). */
  get size(): number {
    return this.#live;
  }

  /** Bytes of the chunks held (the pool of chunks kept for reuse not included). */
  get bytes(): number {
    return this.#bytes;
  }

  /** Writes a record and returns its location. */
  append(key: string, hash: number, value: string, expiresAt: number, ttlMs: number): number {
    const chunk = this.#room(key, value, ttlClassOf(ttlMs), expiresAt);
    const at = chunk.used;
    const bytes = chunk.bytes;
    const keyBytes = bytes.write(key, at + HEADER, 'utf8');
    const valueBytes = bytes.write(value, at + HEADER + keyBytes, 'utf8');
    const words = at >>> 2;
    if (chunk.used === 0) chunk.base = expiresAt;
    chunk.i32[words] = Math.ceil(expiresAt - chunk.base);
    chunk.i32[words + 1] = hash;
    chunk.i32[words + 2] = keyBytes;
    chunk.i32[words + 3] = valueBytes;
    chunk.used = aligned(at + HEADER + keyBytes + valueBytes);
    chunk.live += 1;
    if (expiresAt > chunk.expiresAt) chunk.expiresAt = expiresAt;
    this.#live += 1;
    return (chunk.id << OFFSET_BITS) | words;
  }

  expiresAt(location: number): number {
    const chunk = this.#chunk(location);
    return chunk.base + (chunk.i32[location & OFFSET_MASK] ?? 0);
  }

  value(location: number): string {
    const chunk = this.#chunk(location);
    const words = location & OFFSET_MASK;
    const start = (words << 2) + HEADER + ((chunk.i32[words + 2] ?? 0) & ~DEAD);
    return chunk.bytes.toString('utf8', start, start + (chunk.i32[words + 3] ?? 0));
  }

  /**
   * Whether the record's key is `key`, without decoding it when it can be told from the bytes:
   * UTF-8 takes at least one byte per UTF-16 unit, and exactly one only for ASCII.
   */
  keyIs(location: number, key: string): boolean {
    const chunk = this.#chunk(location);
    const words = location & OFFSET_MASK;
    const bytes = (chunk.i32[words + 2] ?? 0) & ~DEAD;
    if (bytes < key.length) return false;
    const start = (words << 2) + HEADER;
    if (bytes > key.length) return chunk.bytes.toString('utf8', start, start + bytes) === key;
    const buffer = chunk.bytes;
    for (let i = 0; i < bytes; i++) {
      if (buffer[start + i] !== key.charCodeAt(i)) return false;
    }
    return true;
  }

  /** Marks the record dead (its index entry is the caller's); its chunk goes with its last record. */
  kill(location: number): void {
    const chunk = this.#chunk(location);
    const keyWord = (location & OFFSET_MASK) + 2;
    chunk.i32[keyWord] = (chunk.i32[keyWord] ?? 0) | DEAD;
    chunk.live -= 1;
    this.#live -= 1;
    if (chunk.live === 0) this.#release(chunk);
  }

  /** Lets go of every chunk whose records have all expired, telling `forget` of those still live. */
  sweep(now: number, forget: Forget): void {
    for (const chunk of this.#chunks) {
      if (chunk === undefined || chunk.expiresAt > now) continue;
      this.#forgetLive(chunk, forget);
      // Idle for a whole ttl: the chunk goes even if it is being filled.
      if (chunk.filling !== NOT_FILLING) this.#filling.delete(chunk.filling);
      chunk.filling = NOT_FILLING;
      this.#release(chunk);
    }
  }

  #forgetLive(chunk: Chunk, forget: Forget): void {
    const { i32 } = chunk;
    for (let at = 0; at < chunk.used; ) {
      const words = at >>> 2;
      const keyWord = i32[words + 2] ?? 0;
      if ((keyWord & DEAD) === 0) forget(i32[words + 1] ?? 0, (chunk.id << OFFSET_BITS) | words);
      at = aligned(at + HEADER + (keyWord & ~DEAD) + (i32[words + 3] ?? 0));
    }
    this.#live -= chunk.live;
    chunk.live = 0;
  }

  #chunk(location: number): Chunk {
    const chunk = this.#chunks[location >>> OFFSET_BITS];
    if (chunk === undefined) throw new Error(`RecordLog: no chunk at location ${location}`);
    return chunk;
  }

  /** The chunk a record of `key` and `value` goes into: the class's when it fits, else a new one. */
  #room(key: string, value: string, ttlClass: number, expiresAt: number): Chunk {
    const filling = this.#filling.get(ttlClass);
    const free = filling === undefined || !withinSpan(filling, expiresAt) ? -1 : filling.bytes.length - filling.used;
    // A UTF-16 unit is at most 3 UTF-8 bytes: the texts are measured only when they may not fit.
    if (filling !== undefined && free >= HEADER + 3 * (key.length + value.length)) return filling;
    const need = HEADER + Buffer.byteLength(key) + Buffer.byteLength(value);
    if (filling !== undefined && free >= need) return filling;
    // A record larger than a chunk gets one of its own, never filled further: a location names
    // offsets within `MAX_CHUNK` only.
    if (need > MAX_CHUNK) return this.#newChunk(aligned(need), NOT_FILLING);
    const size = Math.max(aligned(need), Math.min(MAX_CHUNK, filling === undefined ? FIRST_CHUNK : filling.bytes.length * 2));
    if (filling !== undefined) filling.filling = NOT_FILLING;
    const chunk = this.#newChunk(size, ttlClass);
    this.#filling.set(ttlClass, chunk);
    return chunk;
  }

  #newChunk(size: number, ttlClass: number): Chunk {
    const id = this.#freeIds.pop() ?? this.#chunks.length;
    if (id >= MAX_CHUNKS) throw new RangeError(`RecordLog: more than ${MAX_CHUNKS} chunks of records held`);
    const bytes = this.#pool.take(size);
    const chunk: Chunk = {
      id,
      bytes,
      i32: new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2),
      filling: ttlClass,
      used: 0,
      live: 0,
      base: 0,
      expiresAt: Number.NEGATIVE_INFINITY,
    };
    this.#chunks[id] = chunk;
    this.#bytes += bytes.length;
    return chunk;
  }

  /** A chunk with no live record: the one being filled starts over, any other goes. */
  #release(chunk: Chunk): void {
    if (chunk.filling !== NOT_FILLING) {
      chunk.used = 0;
      chunk.expiresAt = Number.NEGATIVE_INFINITY;
      return;
    }
    this.#chunks[chunk.id] = undefined;
    this.#freeIds.push(chunk.id);
    this.#bytes -= chunk.bytes.length;
    this.#pool.give(chunk.bytes);
  }
}

const OFFSET_MASK = (1 << OFFSET_BITS) - 1;

/** Whether a record expiring at `expiresAt` can go into `chunk`: its expiry must fit the header's int32. */
function withinSpan(chunk: Chunk, expiresAt: number): boolean {
  return chunk.used === 0 || Math.abs(expiresAt - chunk.base) < MAX_SPAN;
}

function aligned(bytes: number): number {
  return (bytes + ALIGN - 1) & ~(ALIGN - 1);
}

/** Ttls within a power of two of seconds of each other share chunks (all below a second, one class). */
function ttlClassOf(ttlMs: number): number {
  return 32 - Math.clz32(Math.floor(ttlMs / 1000));
}
