/**
 * The broker: everything a server instance shares with the others. `MemoryBroker` is the embedded
 * default (one process); the Redis broker (packages/redis) implements the same contract across
 * instances, and one contract suite runs against both. Every method is async because the
 * distributed one is, and failures reject: they are surfaced, not only logged.
 */

/** Who a broadcast is for. A broadcast may name several targets; a connection receives it once. */
export type Target =
  | { readonly kind: 'connection'; readonly connectionId: string }
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'room'; readonly room: string }
  | { readonly kind: 'subscribers'; readonly event: string }
  | { readonly kind: 'all' };

/** One encoded message on its way to every instance. */
export interface Broadcast {
  readonly targets: readonly Target[];
  /** Connection ids left out. */
  readonly except: readonly string[];
  /** The message's `type` (for metrics and volatile handling; the frame is never re-parsed). */
  readonly type: string;
  /** The envelope `id`. */
  readonly id: string;
  /** The envelope, encoded once by the sender. */
  readonly frame: string;
  readonly volatile: boolean;
}

/**
 * A room message still to be numbered: its frame is `head + seq + tail`, the seq the room's next
 * one, taken by the broker (`Broker.publishSequenced`).
 */
export interface SequencedBroadcast {
  readonly room: string;
  /** Connection ids left out. */
  readonly except: readonly string[];
  readonly type: string;
  readonly id: string;
  readonly head: string;
  readonly tail: string;
  readonly volatile: boolean;
}

/** An instance, as the broker sees it. */
export interface BrokerNode {
  readonly nodeId: string;
  /** Delivers a broadcast published by another instance to this instance's sockets. */
  deliver(broadcast: Broadcast): void;
}

/** A connection in a room (presence). */
export interface RoomMemberRecord {
  readonly userId: string;
  readonly username: string;
  readonly connectionId: string;
  /** ISO-8601. */
  readonly joinedAt: string;
}

/** A stored room message, for `resume`. */
export interface HistoryEntry {
  readonly seq: number;
  readonly frame: string;
}

/** A queued notification for a user with no open connection. */
export interface QueuedMessage {
  readonly id: string;
  readonly frame: string;
}

export interface Broker {
  /** Joins an instance to the fan-out: broadcasts other instances publish reach `node.deliver`. */
  register(node: BrokerNode): Promise<void>;
  unregister(nodeId: string): Promise<void>;
  /** Sends a broadcast to every other registered instance (the publisher delivers locally itself). */
  publish(origin: string, broadcast: Broadcast): Promise<void>;

  /**
   * One step, atomic across instances: takes the room's next `seq` (1 for a new room), builds the
   * frame, keeps it among the room's last `historyLimit` messages for replay (unless volatile),
   * and delivers it to every registered node, the publisher's own included. So every instance
   * sees a room's messages in `seq` order, whichever instance sent them. Resolves the seq and
   * the frame.
   */
  publishSequenced(message: SequencedBroadcast, historyLimit: number): Promise<{ readonly seq: number; readonly frame: string }>;
  /** The room's last `seq` handed out (0 for a new room). */
  lastSeq(room: string): Promise<number>;
  /**
   * The messages after `afterSeq`, oldest first; `complete` is false when some of them are no
   * longer kept (the client must refetch what it lost some other way).
   */
  history(room: string, afterSeq: number): Promise<{ readonly entries: readonly HistoryEntry[]; readonly complete: boolean }>;

  addMember(room: string, member: RoomMemberRecord): Promise<void>;
  /** Resolves `true` when the connection was a member. */
  removeMember(room: string, connectionId: string): Promise<boolean>;
  members(room: string): Promise<readonly RoomMemberRecord[]>;

  /** Counts a connection of the user if it stays within `limit` (across instances); `false` when over. */
  acquireConnection(userId: string, limit: number): Promise<boolean>;
  releaseConnection(userId: string): Promise<void>;
  /** Open connections of the user on every instance. */
  connectionCount(userId: string): Promise<number>;

  /**
   * Queues a message for the user, dropping the oldest beyond `max`; resolves how many were
   * dropped. A drop is also remembered for `takeQueueOverflow`.
   */
  enqueue(userId: string, message: QueuedMessage, max: number): Promise<number>;
  /**
   * Resolves whether `enqueue` dropped messages of the user's queue since the last call, and
   * forgets it: `resume` tells the client (`complete: false`) once, whichever instance it is on.
   */
  takeQueueOverflow(userId: string): Promise<boolean>;
  /** Queued messages, oldest first. They stay queued until acknowledged. */
  pending(userId: string): Promise<readonly QueuedMessage[]>;
  /** Removes the acknowledged ids from the queue; resolves how many were removed. */
  acknowledge(userId: string, ids: readonly string[]): Promise<number>;
  /** Removes every queued message up to and including `id`; resolves how many were removed. */
  acknowledgeThrough(userId: string, id: string): Promise<number>;

  close(): Promise<void>;
}
