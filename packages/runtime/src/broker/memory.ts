/**
 * The embedded default broker: one process, no dependencies. Several servers in one process may
 * share one instance, which behaves like instances sharing one Redis (the broker contract suite
 * and the multi-instance tests rely on that).
 */
import { randomBytes } from 'node:crypto';
import { FrameLog } from './frame-log.js';
import { RecordStore } from './record-store.js';
import type { Broadcast, Broker, BrokerNode, LocalRecords, MembershipChange, QueuedMessage, RoomHistory, RoomMemberRecord, RoomPosition, SequencedBroadcast } from './types.js';

interface RoomState {
  seq: number;
  /** Oldest first; at most the `historyLimit` given to publishSequenced. */
  history: FrameLog;
  /** By connection id. */
  members: Map<string, RoomMemberRecord>;
}

export class MemoryBroker implements Broker {
  /**
   * Every room's epoch: rooms live as long as the broker, so a room's sequence is lost only with
   * the broker, and a new broker (a restart) is a new epoch for all of them.
   */
  readonly epoch = randomBytes(9).toString('base64url');
  /** What goes between a frame's head and its seq: one constant string for every message. */
  readonly #stamp = `"epoch":"${this.epoch}","seq":`;
  readonly #nodes = new Map<string, BrokerNode>();
  readonly #rooms = new Map<string, RoomState>();
  readonly #connections = new Map<string, number>();
  readonly #queues = new Map<string, QueuedMessage[]>();
  /** Users' ban ends (`Date.now()` milliseconds, as text), each kept until it ends. */
  readonly #bans = new RecordStore();
  readonly #records = new RecordStore();
  /** The records, answered synchronously: they live in this process. */
  readonly localRecords: LocalRecords = this.#records;
  /** Users whose queue dropped messages not yet reported (`takeQueueOverflow`). */
  readonly #overflowed = new Set<string>();
  #closed = false;

  async register(node: BrokerNode): Promise<void> {
    this.#assertOpen();
    if (this.#nodes.has(node.nodeId)) throw new TypeError(`a node with id "${node.nodeId}" is already registered`);
    this.#nodes.set(node.nodeId, node);
  }

  async unregister(nodeId: string): Promise<void> {
    this.#nodes.delete(nodeId);
  }

  async publish(origin: string, broadcast: Broadcast): Promise<void> {
    this.#assertOpen();
    for (const [id, node] of this.#nodes) {
      if (id !== origin) node.deliver(broadcast);
    }
  }

  async publishSequenced(message: SequencedBroadcast, historyLimit: number): Promise<RoomPosition> {
    this.#assertOpen();
    const { room, except, type, id, head, tail, volatile } = message;
    const state = this.#room(room);
    const seq = (state.seq += 1);
    const frame = head + this.#stamp + seq + tail;
    if (!volatile) state.history.push({ seq, frame }, historyLimit);
    const broadcast: Broadcast = { targets: [{ kind: 'room', room }], except, type, id, frame, volatile };
    for (const node of this.#nodes.values()) node.deliver(broadcast);
    return { epoch: this.epoch, seq };
  }

  async position(room: string): Promise<RoomPosition> {
    return { epoch: this.epoch, seq: this.#rooms.get(room)?.seq ?? 0 };
  }

  async history(room: string, afterSeq: number, epoch?: string): Promise<RoomHistory> {
    const state = this.#rooms.get(room);
    const last = state?.seq ?? 0;
    // Another epoch's seq says nothing about this one: everything kept is new to the client.
    const sameEpoch = (epoch === undefined || epoch === this.epoch) && afterSeq <= last;
    const after = sameEpoch ? afterSeq : 0;
    if (!state || after >= last) return { epoch: this.epoch, seq: last, entries: [], complete: sameEpoch };
    const entries = state.history.after(after);
    // Complete when the oldest kept entry follows afterSeq directly (volatile messages take no seq).
    const first = entries[0];
    return { epoch: this.epoch, seq: last, entries, complete: sameEpoch && first !== undefined && first.seq === after + 1 };
  }

  async addMember(room: string, member: RoomMemberRecord): Promise<MembershipChange> {
    const { members } = this.#room(room);
    const changed = !members.has(member.connectionId);
    const userChanged = changed && !hasUser(members, member.userId);
    members.set(member.connectionId, member);
    return { changed, userChanged, userCount: userCount(members) };
  }

  async removeMember(room: string, connectionId: string): Promise<MembershipChange> {
    const state = this.#rooms.get(room);
    const member = state?.members.get(connectionId);
    if (!state || !member) return { changed: false, userChanged: false, userCount: state ? userCount(state.members) : 0 };
    state.members.delete(connectionId);
    const change = { changed: true, userChanged: !hasUser(state.members, member.userId), userCount: userCount(state.members) };
    if (state.members.size === 0 && state.history.length === 0 && state.seq === 0) this.#rooms.delete(room);
    return change;
  }

  async members(room: string): Promise<readonly RoomMemberRecord[]> {
    return [...(this.#rooms.get(room)?.members.values() ?? [])];
  }

  async acquireConnection(userId: string, limit: number): Promise<boolean> {
    const count = this.#connections.get(userId) ?? 0;
    if (count >= limit) return false;
    this.#connections.set(userId, count + 1);
    return true;
  }

  async releaseConnection(userId: string): Promise<void> {
    const count = this.#connections.get(userId) ?? 0;
    if (count <= 1) this.#connections.delete(userId);
    else this.#connections.set(userId, count - 1);
  }

  async connectionCount(userId: string): Promise<number> {
    return this.#connections.get(userId) ?? 0;
  }

  async banUser(userId: string, durationMs: number): Promise<void> {
    const until = Date.now() + durationMs;
    if (until > Number(this.#bans.get(userId) ?? 0)) this.#bans.put(userId, String(until), durationMs);
  }

  async banRemaining(userId: string): Promise<number> {
    const until = this.#bans.get(userId);
    return until === null ? 0 : Math.max(0, Number(until) - Date.now());
  }

  async enqueue(userId: string, message: QueuedMessage, max: number): Promise<number> {
    let queue = this.#queues.get(userId);
    if (!queue) this.#queues.set(userId, (queue = []));
    queue.push(message);
    const dropped = Math.max(0, queue.length - max);
    if (dropped > 0) {
      queue.splice(0, dropped);
      this.#overflowed.add(userId);
    }
    return dropped;
  }

  async takeQueueOverflow(userId: string): Promise<boolean> {
    return this.#overflowed.delete(userId);
  }

  async pending(userId: string): Promise<readonly QueuedMessage[]> {
    return [...(this.#queues.get(userId) ?? [])];
  }

  async acknowledge(userId: string, ids: readonly string[]): Promise<number> {
    const queue = this.#queues.get(userId);
    if (!queue) return 0;
    const acked = new Set(ids);
    const kept = queue.filter((message) => !acked.has(message.id));
    return this.#replaceQueue(userId, queue, kept);
  }

  async acknowledgeThrough(userId: string, id: string): Promise<number> {
    const queue = this.#queues.get(userId);
    if (!queue) return 0;
    const index = queue.findIndex((message) => message.id === id);
    if (index < 0) return 0;
    return this.#replaceQueue(userId, queue, queue.slice(index + 1));
  }

  async putRecordIfAbsent(key: string, value: string, ttlMs: number): Promise<string | null> {
    return this.#records.putIfAbsent(key, value, ttlMs);
  }

  async putRecord(key: string, value: string, ttlMs: number): Promise<void> {
    this.#records.put(key, value, ttlMs);
  }

  async getRecord(key: string): Promise<string | null> {
    return this.#records.get(key);
  }

  async replaceRecord(key: string, expected: string, value: string | null, ttlMs: number): Promise<boolean> {
    return this.#records.replace(key, expected, value, ttlMs);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#nodes.clear();
  }

  #replaceQueue(userId: string, before: readonly QueuedMessage[], after: QueuedMessage[]): number {
    if (after.length === 0) this.#queues.delete(userId);
    else this.#queues.set(userId, after);
    return before.length - after.length;
  }

  #room(room: string): RoomState {
    let state = this.#rooms.get(room);
    if (!state) this.#rooms.set(room, (state = { seq: 0, history: new FrameLog(), members: new Map() }));
    return state;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('the broker is closed');
  }
}

function hasUser(members: ReadonlyMap<string, RoomMemberRecord>, userId: string): boolean {
  for (const member of members.values()) if (member.userId === userId) return true;
  return false;
}

function userCount(members: ReadonlyMap<string, RoomMemberRecord>): number {
  const users = new Set<string>();
  for (const member of members.values()) users.add(member.userId);
  return users.size;
}
