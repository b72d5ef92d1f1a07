/**
 * A room's history for `resume` in the MemoryBroker: the last `limit` sequenced messages, oldest
 * first, O(1) per append, with their text kept as UTF-8 bytes outside the JavaScript heap.
 *
 * Kept as strings, a history is one long-lived heap object per message (1000 rooms x 1000
 * messages of ~350 bytes is 350 MB the garbage collector copies and marks); every one of them
 * survives the young generation and is promoted, which cost the chat round trip ~1.5 us of its
 * ~20 (bench, A/B in one run). Here an append copies the bytes into a chunk and writes three
 * numbers. A chunk no kept entry points into any more is recycled: a full-size one into a pool
 * every room's log takes its next chunks from, a smaller one to the garbage collector.
 */
import { ChunkPool } from './chunk-pool.js';
import type { HistoryEntry } from './types.js';

/** Chunks start small (a quiet room costs little) and double up to this size. */
const MAX_CHUNK = 64 * 1024;
const FIRST_CHUNK = 1024;

/** A chunk of history text and how many kept entries point into it. */
interface Chunk {
  readonly bytes: Buffer;
  live: number;
}

/**
 * Full-size chunks no kept entry points into any more, shared by every room's log (4 MiB at
 * most): a busy room overwrites its history a chunk at a time.
 */
const pool = new ChunkPool(MAX_CHUNK, 64);

export class FrameLog {
  #capacity = 0;
  #seqs = new Float64Array(0);
  #starts = new Uint32Array(0);
  #ends = new Uint32Array(0);
  #chunks: (Chunk | undefined)[] = [];
  #head = 0;
  #length = 0;
  /** The chunk being filled and how much of it is used. */
  #tail: Chunk | null = null;
  #used = 0;

  get length(): number {
    return this.#length;
  }

  /** Appends, keeping at most `limit` entries (the oldest go first). */
  push(entry: HistoryEntry, limit: number): void {
    if (limit !== this.#capacity) this.#resize(limit);
    if (limit > 0) this.#append(entry);
  }

  #append(entry: HistoryEntry): void {
    const { frame } = entry;
    const capacity = this.#capacity;
    const at = (this.#head + this.#length) % capacity;
    // At capacity the slot is the oldest entry's: it goes first, and its chunk with it if it was the last there.
    if (this.#length === capacity) this.#forget(at);
    const tail = this.#room(frame);
    this.#seqs[at] = entry.seq;
    this.#starts[at] = this.#used;
    this.#used += tail.bytes.write(frame, this.#used, 'utf8');
    this.#ends[at] = this.#used;
    this.#chunks[at] = tail;
    tail.live += 1;
    if (this.#length < capacity) this.#length += 1;
    else this.#head = (this.#head + 1) % capacity;
  }

  /** The tail when `frame` fits, else a new tail (the old one goes if no entry is left in it). */
  #room(frame: string): Chunk {
    const tail = this.#tail;
    const free = tail === null ? -1 : tail.bytes.length - this.#used;
    // A UTF-16 unit is at most 3 UTF-8 bytes: the text is measured only when it may not fit.
    if (tail !== null && free >= frame.length * 3) return tail;
    const bytes = Buffer.byteLength(frame);
    if (tail !== null && free >= bytes) return tail;
    const size = Math.max(bytes, Math.min(MAX_CHUNK, tail === null ? FIRST_CHUNK : tail.bytes.length * 2));
    const chunk: Chunk = { bytes: pool.take(size), live: 0 };
    this.#tail = chunk;
    this.#used = 0;
    if (tail !== null && tail.live === 0) pool.give(tail.bytes);
    return chunk;
  }

  /** Lets go of the entry at `at`; its chunk is recycled once no entry points into it. */
  #forget(at: number): void {
    const chunk = this.#chunks[at];
    if (chunk === undefined) return;
    this.#chunks[at] = undefined;
    chunk.live -= 1;
    if (chunk.live === 0 && chunk !== this.#tail) pool.give(chunk.bytes);
  }

  /** The entries whose `seq` is above `afterSeq`, oldest first. */
  after(afterSeq: number): HistoryEntry[] {
    const out: HistoryEntry[] = [];
    for (let i = 0; i < this.#length; i++) {
      const at = (this.#head + i) % this.#capacity;
      const seq = this.#seqs[at] ?? 0;
      if (seq > afterSeq) out.push({ seq, frame: this.#text(at) });
    }
    return out;
  }

  /** Every entry, oldest first. */
  toArray(): HistoryEntry[] {
    return this.after(Number.NEGATIVE_INFINITY);
  }

  #text(at: number): string {
    const chunk = this.#chunks[at];
    return chunk ? chunk.bytes.toString('utf8', this.#starts[at], this.#ends[at]) : '';
  }

  /** A new limit keeps the newest entries that fit. */
  #resize(limit: number): void {
    const keep = this.toArray().slice(-limit);
    this.#capacity = limit;
    this.#seqs = new Float64Array(limit);
    this.#starts = new Uint32Array(limit);
    this.#ends = new Uint32Array(limit);
    this.#chunks = new Array<Chunk | undefined>(limit);
    this.#head = 0;
    this.#length = 0;
    this.#tail = null;
    this.#used = 0;
    if (limit > 0) for (const entry of keep) this.#append(entry);
  }
}
