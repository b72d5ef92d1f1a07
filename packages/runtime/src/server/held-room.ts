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
  /** After the release: sequenced broadcasts of this epoch at or below `#through` were sent. */
  #epoch = '';
  #through = 0;

  constructor(private readonly sequenced: ReadonlySet<string>) {}

  /**
   * Resolves what to do with a live broadcast to the room: `'taken'` (kept, or dropped as
   * already sent), `'send'`, or `'caught-up'` (send it, and this room needs holding no more).
   */
  take(broadcast: Broadcast): 'taken' | 'send' | 'caught-up' {
    if (this.#kept !== null) {
      this.#kept.push(broadcast);
      return 'taken';
    }
    if (!this.sequenced.has(broadcast.type)) return 'send';
    return this.#sent(broadcast.frame) ? 'taken' : 'caught-up';
  }

  /**
   * Stops keeping. Returns what was kept, in order, less the sequenced broadcasts the replay
   * sent (at or below `through` in `epoch`); from now on drops those that arrive late, likewise.
   */
  release(epoch: string, through: number): Broadcast[] {
    const kept = this.#kept ?? [];
    this.#kept = null;
    this.#epoch = epoch;
    this.#through = through;
    const send: Broadcast[] = [];
    for (const broadcast of kept) {
      if (this.sequenced.has(broadcast.type) && this.#sent(broadcast.frame)) continue;
      send.push(broadcast);
    }
    return send;
  }

  /** The last seq the connection was given in the epoch (replayed or released). */
  get through(): number {
    return this.#through;
  }

  /** Whether a sequenced frame was sent already; if not, it is the last one sent from now on. */
  #sent(frame: string): boolean {
    const position = positionOfFrame(frame);
    if (position === null) return false;
    if (position.epoch === this.#epoch && position.seq <= this.#through) return true;
    // A later seq, or a new epoch (the room's sequence started again).
    this.#epoch = position.epoch;
    this.#through = position.seq;
    return false;
  }
}

const EPOCH_KEY = '"epoch":"';
const SEQ_KEY = '","seq":';

/**
 * The epoch and seq of a sequenced frame: the broker writes them as the last keys of `data`, so
 * the frame ends with `"epoch":"<epoch>","seq":<n>}}` (`SequencedBroadcast`). `null` for a frame
 * without them.
 */
export function positionOfFrame(frame: string): { readonly epoch: string; readonly seq: number } | null {
  const at = frame.lastIndexOf(SEQ_KEY);
  const from = at < 0 ? -1 : frame.lastIndexOf(EPOCH_KEY, at);
  if (from < 0) return null;
  const seq = Number.parseInt(frame.slice(at + SEQ_KEY.length), 10);
  return Number.isSafeInteger(seq) ? { epoch: frame.slice(from + EPOCH_KEY.length, at), seq } : null;
}
