/**
 * Full-size chunks of memory given back by the MemoryBroker's logs (records, room history), kept
 * for the next chunk instead of going to the garbage collector. A chunk taken from here has its
 * pages mapped already: on a virtual machine the first touch of a fresh page costs microseconds,
 * more than writing a whole record into it. Chunks of any other size are not kept.
 */
export class ChunkPool {
  readonly #free: Buffer[] = [];

  /** Keeps at most `keep` chunks of `chunkSize` bytes. */
  constructor(
    readonly chunkSize: number,
    private readonly keep: number,
  ) {}

  /** A chunk of `size` bytes (its contents undefined): a kept one when it is full-size. */
  take(size: number): Buffer {
    return (size === this.chunkSize ? this.#free.pop() : undefined) ?? Buffer.allocUnsafeSlow(size);
  }

  /** Gives back a chunk nothing points into any more. */
  give(bytes: Buffer): void {
    if (bytes.length === this.chunkSize && this.#free.length < this.keep) this.#free.push(bytes);
  }
}
