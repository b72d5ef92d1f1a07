/**
 * The Redis broker: the `Broker` contract across server instances sharing one Redis. It behaves
 * as `MemoryBroker` does (one contract suite runs against both), and it survives an instance that
 * dies without cleaning up: each instance keeps a liveness key with a ttl, the shares of user
 * connection counts and the room members it adds are recorded under its id, and the scripts that
 * read them leave out (and delete) those of instances whose liveness key is gone.
 */
import { Redis } from 'ioredis';
import type { Broadcast, Broker, BrokerNode, MembershipChange, QueuedMessage, RoomHistory, RoomMemberRecord, RoomPosition, SequencedBroadcast } from '@switchboard/runtime/broker';
import {
  decodeBusMessage,
  decodeHistoryMember,
  decodeMember,
  decodeQueuedMessage,
  encodeBusHeader,
  encodeBusMessage,
  encodeMember,
  encodeQueuedId,
  encodeQueuedMessage,
} from './codec.js';
import { keyLayout, type KeyLayout } from './keys.js';
import { resolveRedisBrokerOptions, type RedisBrokerOptions, type ResolvedRedisBrokerOptions } from './options.js';
import { defineScripts, type ScriptedRedis } from './scripts.js';

/** The origin of a sequenced room message on the bus: no node skips it. */
const SEQUENCED_ORIGIN = '';

export class RedisBroker implements Broker {
  readonly options: ResolvedRedisBrokerOptions;
  readonly #keys: KeyLayout;
  /**
   * What the scripts prepend to an instance id to name its liveness key: the key layout's, after
   * the client's own ioredis `keyPrefix` if it has one (ioredis adds that to KEYS, not to the
   * names a script builds itself).
   */
  readonly #livePrefix: string;
  readonly #client: ScriptedRedis;
  /** The connections this broker made, and so quits. */
  readonly #owned: Redis[] = [];
  /** Made on the first `register`: a connection in subscriber mode can send nothing else. */
  #subscriber: Redis | null = null;
  /** Set while the bus channel is subscribed (or being subscribed). */
  #subscribed: Promise<void> | null = null;
  readonly #nodes = new Map<string, BrokerNode>();
  /**
   * The first liveness write: counts and members are recorded under this instance's id, and
   * another instance would delete them if they arrived before it. Null again if it failed, so the
   * next command that needs it tries again (and rejects with the failure).
   */
  #ready: Promise<void> | null;
  /** Whether a liveness write ever succeeded: if not, `close` has no key to delete. */
  #wasLive = false;
  readonly #heartbeat: NodeJS.Timeout;
  #closing: Promise<void> | null = null;

  constructor(options: RedisBrokerOptions) {
    this.options = resolveRedisBrokerOptions(options);
    const { redis, keyPrefix, livenessIntervalMs } = this.options;
    this.#keys = keyLayout(keyPrefix);
    let client: Redis;
    if (typeof redis === 'string') {
      client = new Redis(redis, { enableAutoPipelining: true });
      this.#own(client);
    } else {
      client = redis;
    }
    this.#client = defineScripts(client);
    this.#livePrefix = `${client.options.keyPrefix ?? ''}${this.#keys.livePrefix}`;
    this.#ready = null;
    this.#whenLive().catch((error: unknown) => this.#report(error));
    this.#heartbeat = setInterval(() => this.#beat(), livenessIntervalMs);
    this.#heartbeat.unref();
  }

  /** This instance's id in Redis. */
  get instanceId(): string {
    return this.options.instanceId;
  }

  /**
   * Resolves once this instance's liveness key is written, which also shows Redis is reachable;
   * rejects with the failure (a later call tries again). The methods that need the key wait for
   * it themselves: call this to fail fast at startup, before taking connections.
   */
  async ready(): Promise<void> {
    this.#assertOpen();
    await this.#whenLive();
  }

  async register(node: BrokerNode): Promise<void> {
    this.#assertOpen();
    if (node.nodeId === SEQUENCED_ORIGIN) throw new TypeError('a node id must not be empty');
    if (this.#nodes.has(node.nodeId)) throw new TypeError(`a node with id "${node.nodeId}" is already registered`);
    this.#nodes.set(node.nodeId, node);
    try {
      await this.#subscribe();
    } catch (error) {
      if (this.#nodes.get(node.nodeId) === node) this.#nodes.delete(node.nodeId);
      throw error;
    }
  }

  async unregister(nodeId: string): Promise<void> {
    if (!this.#nodes.delete(nodeId) || this.#nodes.size > 0 || this.#subscribed === null || this.#subscriber === null) return;
    this.#subscribed = null;
    // Commands on one connection run in order: a register racing this subscribes again after it.
    await this.#subscriber.unsubscribe(this.#keys.bus);
  }

  async publish(origin: string, broadcast: Broadcast): Promise<void> {
    this.#assertOpen();
    await this.#client.publish(this.#keys.bus, encodeBusMessage(origin, broadcast));
  }

  async publishSequenced(message: SequencedBroadcast, historyLimit: number): Promise<RoomPosition> {
    this.#assertOpen();
    const { room, except, type, id, head, tail, volatile } = message;
    // Origin '': every node delivers it, the publisher's too (the bus, not this call, keeps the order).
    const header = encodeBusHeader(SEQUENCED_ORIGIN, { targets: [{ kind: 'room', room }], except, type, id, volatile });
    const keys = this.#keys;
    const [seq, epoch] = await this.#client.switchboardPublishSequenced(
      keys.stream(room),
      keys.history(room),
      keys.bus,
      header,
      head,
      tail,
      volatile ? '0' : '1',
      String(historyLimit),
    );
    return { epoch, seq };
  }

  async position(room: string): Promise<RoomPosition> {
    this.#assertOpen();
    const [epoch, seq] = await this.#client.switchboardPosition(this.#keys.stream(room));
    return { epoch, seq };
  }

  async history(room: string, afterSeq: number, epoch?: string): Promise<RoomHistory> {
    this.#assertOpen();
    const keys = this.#keys;
    const [current, last, same, members] = await this.#client.switchboardHistory(keys.stream(room), keys.history(room), String(afterSeq), epoch ?? '');
    const after = same === 1 ? afterSeq : 0;
    if (after >= last) return { epoch: current, seq: last, entries: [], complete: same === 1 };
    const entries = members.map(decodeHistoryMember);
    // Complete when the oldest kept entry follows afterSeq directly (volatile messages take no seq).
    const first = entries[0];
    return { epoch: current, seq: last, entries, complete: same === 1 && first !== undefined && first.seq === after + 1 };
  }

  async addMember(room: string, member: RoomMemberRecord): Promise<MembershipChange> {
    this.#assertOpen();
    await this.#whenLive();
    const record = encodeMember(member, this.instanceId);
    return membershipChange(await this.#client.switchboardAddMember(this.#keys.members(room), this.#livePrefix, member.connectionId, record, member.userId));
  }

  async removeMember(room: string, connectionId: string): Promise<MembershipChange> {
    this.#assertOpen();
    return membershipChange(await this.#client.switchboardRemoveMember(this.#keys.members(room), this.#livePrefix, connectionId));
  }

  async members(room: string): Promise<readonly RoomMemberRecord[]> {
    this.#assertOpen();
    return (await this.#client.switchboardLiveMembers(this.#keys.members(room), this.#livePrefix)).map(decodeMember);
  }

  async acquireConnection(userId: string, limit: number): Promise<boolean> {
    this.#assertOpen();
    await this.#whenLive();
    const key = this.#keys.conn(userId);
    return (await this.#client.switchboardAcquireConnection(key, this.#livePrefix, this.instanceId, String(limit))) === 1;
  }

  async releaseConnection(userId: string): Promise<void> {
    this.#assertOpen();
    await this.#client.switchboardReleaseConnection(this.#keys.conn(userId), this.#livePrefix, this.instanceId);
  }

  async connectionCount(userId: string): Promise<number> {
    this.#assertOpen();
    return await this.#client.switchboardConnectionCount(this.#keys.conn(userId), this.#livePrefix);
  }

  async banUser(userId: string, durationMs: number): Promise<void> {
    this.#assertOpen();
    await this.#client.switchboardBan(this.#keys.ban(userId), String(durationMs));
  }

  async banRemaining(userId: string): Promise<number> {
    this.#assertOpen();
    // -2: no ban. A key without a ttl (-1) is not one this broker wrote: not a ban either.
    return Math.max(0, await this.#client.pttl(this.#keys.ban(userId)));
  }

  async enqueue(userId: string, message: QueuedMessage, max: number): Promise<number> {
    this.#assertOpen();
    return await this.#client.switchboardEnqueue(this.#keys.queue(userId), this.#keys.overflow(userId), encodeQueuedMessage(message), String(max));
  }

  async takeQueueOverflow(userId: string): Promise<boolean> {
    this.#assertOpen();
    return (await this.#client.getdel(this.#keys.overflow(userId))) !== null;
  }

  async pending(userId: string): Promise<readonly QueuedMessage[]> {
    this.#assertOpen();
    return (await this.#client.lrange(this.#keys.queue(userId), 0, -1)).map(decodeQueuedMessage);
  }

  async acknowledge(userId: string, ids: readonly string[]): Promise<number> {
    this.#assertOpen();
    return await this.#client.switchboardAcknowledge(this.#keys.queue(userId), ...ids.map(encodeQueuedId));
  }

  async acknowledgeThrough(userId: string, id: string): Promise<number> {
    this.#assertOpen();
    return await this.#client.switchboardAcknowledgeThrough(this.#keys.queue(userId), encodeQueuedId(id));
  }

  async putRecordIfAbsent(key: string, value: string, ttlMs: number): Promise<string | null> {
    this.#assertOpen();
    return await this.#client.switchboardPutRecordIfAbsent(this.#keys.record(key), value, String(ttlMs));
  }

  async putRecord(key: string, value: string, ttlMs: number): Promise<void> {
    this.#assertOpen();
    await this.#client.set(this.#keys.record(key), value, 'PX', ttlMs);
  }

  async getRecord(key: string): Promise<string | null> {
    this.#assertOpen();
    return await this.#client.get(this.#keys.record(key));
  }

  async replaceRecord(key: string, expected: string, value: string | null, ttlMs: number): Promise<boolean> {
    this.#assertOpen();
    const set = value === null ? '0' : '1';
    return (await this.#client.switchboardReplaceRecord(this.#keys.record(key), expected, set, value ?? '', String(ttlMs))) === 1;
  }

  /**
   * Stops the heartbeat and deletes this instance's liveness key, so its connection shares and
   * room members stop counting at once (they are deleted by the next script that meets them);
   * then quits the connections the broker made. Rejects if the key could not be deleted (it then
   * expires within `livenessTtlMs`), after quitting them all the same.
   */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  async #shutdown(): Promise<void> {
    clearInterval(this.#heartbeat);
    this.#nodes.clear();
    this.#subscribed = null;
    // A liveness write still in flight decides whether there is a key to delete.
    if (this.#ready) await Promise.allSettled([this.#ready]);
    const results = this.#wasLive ? await Promise.allSettled([this.#client.del(this.#keys.live(this.instanceId))]) : [];
    const quits = await Promise.allSettled(this.#owned.map((connection) => quit(connection)));
    const failure = [...results, ...quits].find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
  }

  #whenLive(): Promise<void> {
    if (this.#ready === null) {
      const attempt = this.#touch().then(() => undefined);
      this.#ready = attempt;
      // Cleared for a retry; the failure itself reaches whoever awaits the attempt.
      attempt.catch(() => {
        if (this.#ready === attempt) this.#ready = null;
      });
    }
    return this.#ready;
  }

  async #touch(): Promise<number> {
    const { livenessTtlMs } = this.options;
    const existed = await this.#client.switchboardTouchLiveness(this.#keys.live(this.instanceId), String(livenessTtlMs));
    this.#wasLive = true;
    return existed;
  }

  #beat(): void {
    this.#touch().then(
      (existed) => {
        this.#ready ??= Promise.resolve();
        if (existed === 0) {
          this.#report(
            new Error(
              `the liveness key of instance "${this.instanceId}" had expired before it was refreshed (Redis unreachable, ` +
                'or the process paused, for longer than livenessTtlMs): other instances may have dropped its connection counts and room members',
            ),
          );
        }
      },
      (error: unknown) => this.#report(error),
    );
  }

  #subscribe(): Promise<void> {
    if (this.#subscribed) return this.#subscribed;
    const subscriber = this.#subscriber ?? this.#makeSubscriber();
    const subscribed = subscriber.subscribe(this.#keys.bus).then(() => undefined);
    this.#subscribed = subscribed;
    subscribed.catch(() => {
      if (this.#subscribed === subscribed) this.#subscribed = null; // the next register tries again
    });
    return subscribed;
  }

  #makeSubscriber(): Redis {
    const subscriber = this.#client.duplicate();
    this.#own(subscriber);
    subscriber.on('message', (channel: string, message: string) => this.#received(channel, message));
    this.#subscriber = subscriber;
    return subscriber;
  }

  #received(channel: string, message: string): void {
    if (channel !== this.#keys.bus) return;
    let decoded;
    try {
      decoded = decodeBusMessage(message);
    } catch (error) {
      this.#report(error);
      return;
    }
    const { origin, broadcast } = decoded;
    for (const [nodeId, node] of this.#nodes) {
      if (nodeId === origin) continue;
      try {
        node.deliver(broadcast);
      } catch (error) {
        this.#report(error); // one node's failure must not keep the broadcast from the others
      }
    }
  }

  /** Connections the broker made report their errors (ioredis would print them otherwise). */
  #own(connection: Redis): void {
    this.#owned.push(connection);
    connection.on('error', (error: unknown) => this.#report(error));
  }

  #report(error: unknown): void {
    this.options.onError(error instanceof Error ? error : new Error(String(error)));
  }

  #assertOpen(): void {
    if (this.#closing) throw new Error('the broker is closed');
  }
}

/** The reply of the membership scripts: {changed, userChanged, userCount}. */
function membershipChange([changed, userChanged, userCount]: [number, number, number]): MembershipChange {
  return { changed: changed === 1, userChanged: userChanged === 1, userCount };
}

/** QUIT waits for the replies still due; a connection that is not up is just dropped. */
async function quit(connection: Redis): Promise<void> {
  if (connection.status === 'end') return;
  if (connection.status !== 'ready') {
    connection.disconnect();
    return;
  }
  await connection.quit();
}
