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
import type { Broker, RoomHistory } from '../broker/types.js';
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

/** Where the client says it is in the room: the last seq it saw, and that seq's epoch if it knows. */
export interface ResumeFrom {
  readonly epoch?: string;
  readonly seq: number;
}

/** What one room's replay did. */
export interface RoomReplay {
  /** Messages replayed from the history. */
  readonly replayed: number;
  /** False when some of what the client missed is gone (no longer kept, or another epoch). */
  readonly complete: boolean;
  /** The room's epoch. */
  readonly epoch: string;
  /** The last seq of the room the client has been sent, or the room's own when that is later. */
  readonly seq: number;
}

export async function replayRoom(context: ReplayContext, connection: Connection, room: string, from: ResumeFrom): Promise<RoomReplay> {
  const { broker } = context;
  let epoch = from.epoch;
  let through = from.seq;
  let replayed = 0;
  let complete = true;
  let joinedSeq: number | null = null;
  const replay = (history: RoomHistory): void => {
    // A seq of another epoch, or past the room's last one, says nothing about what was sent (the
    // broker then answers from the start of the current epoch).
    if ((epoch !== undefined && epoch !== history.epoch) || through > history.seq) through = 0;
    epoch = history.epoch;
    complete &&= history.complete;
    for (const entry of history.entries) {
      if (entry.seq <= through) continue;
      through = entry.seq;
      // The rejoin's own room.update leaves out the joiner, live and replayed alike.
      if (entry.seq !== joinedSeq && context.sendFrame(connection, entry.frame, false)) replayed += 1;
    }
  };
  connection.hold(room, context.sequenced);
  try {
    replay(await broker.history(room, from.seq, from.epoch));
    joinedSeq = await context.join();
    replay(await broker.history(room, through, epoch));
  } finally {
    // Also when the join failed: what was held is not lost.
    const released = connection.release(room, epoch ?? '', through);
    for (const broadcast of released.send) context.sendFrame(connection, broadcast.frame, broadcast.volatile);
    through = released.through;
    if (!connection.rooms.has(room)) connection.unhold(room);
  }
  if (epoch === undefined) throw new Error('replayRoom: no history was read'); // for the type checker: both reads ran
  return { replayed, complete, epoch, seq: Math.max(through, joinedSeq ?? 0) };
}
