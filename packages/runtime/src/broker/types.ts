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
  /**
   * Users whose connections are left out (every connection of theirs, on every instance); absent
   * when none are.
   */
  readonly exceptUsers?: readonly string[];
}

/**
 * A room message still to be numbered: its frame is `head + '"epoch":"' + epoch + '","seq":' +
 * seq + tail`, the seq the room's next one and the epoch the room's current one, both the
 * broker's (`Broker.publishSequenced`). `head` ends where a key of `data` may start (after `{`
 * or `,`), so the two become the last keys of `data`.
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

/**
 * What adding or removing a connection did to a room, decided in the same atomic step as the
 * change itself, so two connections of one user joining (or leaving) at once on two instances
 * cannot both be taken for the user's first (or last).
 */
export interface MembershipChange {
  /** Whether the connection's own membership changed (false: it already was, or was not, a member). */
  readonly changed: boolean;
  /** Whether the user's presence changed: their first connection in the room joined, or their last one left. */
  readonly userChanged: boolean;
  /** Distinct users in the room after the change. */
  readonly userCount: number;
}

/**
 * Where a room's sequence is: its epoch, and the last `seq` handed out in it (0: none yet). A
 * room's seq only grows within an epoch; a broker starts a new epoch, and seq starts at 1 again,
 * whenever it lost the room's sequence (a new MemoryBroker; a Redis that lost the room's keys).
 * Epochs are opaque strings of `[A-Za-z0-9_-]`, compared for equality only.
 */
export interface RoomPosition {
  readonly epoch: string;
  readonly seq: number;
}

/** What `Broker.history` found: the room's position, and the kept messages asked for. */
export interface RoomHistory extends RoomPosition {
  readonly entries: readonly HistoryEntry[];
  /** False when some of the messages asked for are no longer kept (or were in another epoch). */
  readonly complete: boolean;
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
   * One step, atomic across instances: takes the room's next `seq` (1 for a new room, in a new
   * epoch), builds the frame, keeps it among the room's last `historyLimit` messages for replay
   * (unless volatile), and delivers it to every registered node, the publisher's own included.
   * So every instance sees a room's messages in `seq` order, whichever instance sent them.
   * Resolves the epoch and seq the message took.
   */
  publishSequenced(message: SequencedBroadcast, historyLimit: number): Promise<RoomPosition>;
  /** The room's epoch and last `seq` handed out (0 for a new room). */
  position(room: string): Promise<RoomPosition>;
  /**
   * The kept messages after `afterSeq` of epoch `epoch` (omitted: the current one), oldest
   * first. When `epoch` is not the room's current epoch, or `afterSeq` is past the room's last
   * seq (it cannot be of the current epoch either), every kept message of the current epoch, and
   * `complete` is false: what came after `afterSeq` in the other epoch is gone.
   */
  history(room: string, afterSeq: number, epoch?: string): Promise<RoomHistory>;

  /** Adds (or, for a connection already in, replaces) a member record. */
  addMember(room: string, member: RoomMemberRecord): Promise<MembershipChange>;
  removeMember(room: string, connectionId: string): Promise<MembershipChange>;
  members(room: string): Promise<readonly RoomMemberRecord[]>;

  /** Counts a connection of the user if it stays within `limit` (across instances); `false` when over. */
  acquireConnection(userId: string, limit: number): Promise<boolean>;
  releaseConnection(userId: string): Promise<void>;
  /** Open connections of the user on every instance. */
  connectionCount(userId: string): Promise<number>;

  /**
   * Bans the user on every instance for `durationMs` from now (a rate-limit ban): every instance
   * refuses the user's new connections until it ends. A longer ban already in force is kept.
   */
  banUser(userId: string, durationMs: number): Promise<void>;
  /** Milliseconds left on the user's ban (as any instance set it); 0 when the user is not banned. */
  banRemaining(userId: string): Promise<number>;

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

  /**
   * Small shared records with a time to live, for state every instance must see. The runtime
   * keeps its idempotency records here under keys starting with `request:`; a service may keep
   * its own under other keys (the reference service records which user owns an upload).
   * Stores `value` unless `key` holds a value; resolves `null` when it stored it, else the value held.
   */
  putRecordIfAbsent(key: string, value: string, ttlMs: number): Promise<string | null>;
  /** Stores `value` under `key` for `ttlMs`, replacing any value. */
  putRecord(key: string, value: string, ttlMs: number): Promise<void>;
  /** The value under `key`, `null` when there is none (or it expired). */
  getRecord(key: string): Promise<string | null>;
  /**
   * Replaces the value under `key` only while it is `expected` (compare and set): with `value`
   * for `ttlMs`, or with `null` deletes it. Resolves whether it did.
   */
  replaceRecord(key: string, expected: string, value: string | null, ttlMs: number): Promise<boolean>;
  /**
   * The same records answered at once, for a broker that keeps them in this process: a request
   * that checks its idempotency record then costs no promise and no turn of the event loop. A
   * broker whose records are elsewhere (Redis) leaves it out.
   */
  readonly localRecords?: LocalRecords;

  close(): Promise<void>;
}

/** `Broker`'s record operations, answered synchronously (see `Broker.localRecords`). */
export interface LocalRecords {
  putIfAbsent(key: string, value: string, ttlMs: number): string | null;
  /**
   * `putIfAbsent` for a lock its caller settles or releases soon (an idempotent request's claim
   * while its handler runs): the value held, or the claim made, whose `settle` and `release`
   * reach the record without looking its key up again.
   */
  claim(key: string, value: string, ttlMs: number): string | LocalClaim;
  put(key: string, value: string, ttlMs: number): void;
  get(key: string): string | null;
  replace(key: string, expected: string, value: string | null, ttlMs: number): boolean;
}

/** A claim made by `LocalRecords.claim`. */
export interface LocalClaim {
  /** Writes `value` for `ttlMs` in the claim's place, as `put` would. */
  settle(value: string, ttlMs: number): void;
  /** Drops the claim if the key is still held by it (not settled, overwritten, or claimed again since). */
  release(): void;
}
