/**
 * What a connection does with a room's live broadcasts while the room's history is replayed to
 * it (replay.ts): first it keeps them, so the replay goes out before any of them; once released,
 * it drops the sequenced ones the replay already sent that were still on their way from the
 * broker (with a networked broker the history can be read before the same messages arrive on
 * the bus), until the first later one shows the stream has caught up.
 */
import type { Broadcast } from '../broker/types.js';

export class HeldRoom {
  /** Kept while the replay runs, oldest first; `null` once released. */
  #kept: Broadcast[] | null = [];
  /** After the release: sequenced broadcasts at or below this seq were replayed. */
  #through = 0;

  constructor(private readonly sequenced: ReadonlySet<string>) {}

  /**
   * Resolves what to do with a live broadcast to the room: `'taken'` (kept, or dropped as
   * already replayed), `'send'`, or `'caught-up'` (send it, and this room needs holding no more).
   */
  take(broadcast: Broadcast): 'taken' | 'send' | 'caught-up' {
    if (this.#kept !== null) {
      this.#kept.push(broadcast);
      return 'taken';
    }
    if (!this.sequenced.has(broadcast.type)) return 'send';
    const seq = seqOfFrame(broadcast.frame);
    if (seq !== null && seq <= this.#through) return 'taken';
    return 'caught-up';
  }

  /**
   * Stops keeping. Returns what was kept, in order, less the sequenced broadcasts at or below
   * `through` (the replay sent those); from now on drops those that arrive late, likewise.
   */
  release(through: number): Broadcast[] {
    const kept = this.#kept ?? [];
    this.#kept = null;
    this.#through = through;
    const send: Broadcast[] = [];
    for (const broadcast of kept) {
      const seq = this.sequenced.has(broadcast.type) ? seqOfFrame(broadcast.frame) : null;
      if (seq !== null && seq <= this.#through) continue;
      if (seq !== null) this.#through = seq;
      send.push(broadcast);
    }
    return send;
  }

  /** The last seq the connection was given once released (replayed or kept). */
  get through(): number {
    return this.#through;
  }
}

const SEQ_KEY = '"seq":';

/**
 * The `seq` of a sequenced frame: the runtime writes it as the last key of `data`, so the frame
 * ends with `"seq":<n>}}` (server.ts, `framedAroundSeq`). `null` for a frame without one.
 */
export function seqOfFrame(frame: string): number | null {
  const at = frame.lastIndexOf(SEQ_KEY);
  if (at < 0) return null;
  const seq = Number.parseInt(frame.slice(at + SEQ_KEY.length), 10);
  return Number.isSafeInteger(seq) ? seq : null;
}
