/**
 * The room half of `resume`: replay what a client missed in a room, then make the room live for
 * it, so that every replayed message reaches the client before any live one of that room, no
 * `seq` goes backwards and none arrives twice, even while others keep posting to the room.
 *
 * The room is held on the connection (`Connection.hold`) before anything is read: from then on
 * the registry keeps the room's live broadcasts for it instead of writing them. The history is
 * read before the rejoin (the rejoin's own `room.update` takes a place in the history, and would
 * push out the oldest message the client missed when the history is full), then once more after
 * it, for what arrived in between; the held broadcasts follow, less those already replayed
 * (held-room.ts, which also drops replayed messages that reach this instance late).
 */
import type { Broker, HistoryEntry } from '../broker/types.js';
import type { Connection } from './connection.js';

/** What a room's replay needs from the server. */
export interface ReplayContext {
  readonly broker: Broker;
  /** Outbound types that carry a room `seq`. */
  readonly sequenced: ReadonlySet<string>;
  /** Writes one encoded message to the connection; false when it was not written. */
  sendFrame(connection: Connection, frame: string, volatile: boolean): boolean;
  /** (Re)joins the room as `room.join` would; resolves the seq of the join's own event, if any. */
  join(): Promise<number | null>;
}

/** What one room's replay did. */
export interface RoomReplay {
  /** Messages replayed from the history. */
  readonly replayed: number;
  /** False when some of what the client missed is no longer kept. */
  readonly complete: boolean;
  /** The last seq of the room the client has been sent, or the room's own when that is later. */
  readonly seq: number;
}

export async function replayRoom(context: ReplayContext, connection: Connection, room: string, afterSeq: number): Promise<RoomReplay> {
  const { broker } = context;
  let through = afterSeq;
  let replayed = 0;
  let joinedSeq: number | null = null;
  const replay = (entries: readonly HistoryEntry[]): void => {
    for (const entry of entries) {
      if (entry.seq <= through) continue;
      through = entry.seq;
      // The rejoin's own room.update leaves out the joiner, live and replayed alike.
      if (entry.seq !== joinedSeq && context.sendFrame(connection, entry.frame, false)) replayed += 1;
    }
  };
  connection.hold(room, context.sequenced);
  let complete: boolean;
  try {
    const missed = await broker.history(room, afterSeq);
    replay(missed.entries);
    joinedSeq = await context.join();
    const meanwhile = await broker.history(room, through);
    replay(meanwhile.entries);
    complete = missed.complete && meanwhile.complete;
  } finally {
    // Also when the join failed: what was held is not lost.
    const released = connection.release(room, through);
    for (const broadcast of released.send) context.sendFrame(connection, broadcast.frame, broadcast.volatile);
    through = released.through;
    if (!connection.rooms.has(room)) connection.unhold(room);
  }
  return { replayed, complete, seq: Math.max(through, joinedSeq ?? 0) };
}
