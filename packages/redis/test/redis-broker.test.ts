import { brokerContract } from '@switchboard/runtime/broker/contract';
import type { Broker } from '@switchboard/runtime/broker';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisBroker } from '../src/index.js';
import { TestRedis, broadcast, eventually, recorder, sleep } from './harness.js';

// Two instances of one cluster: two instance ids, one prefix, connections of their own each, as
// two server processes sharing one Redis.
brokerContract('RedisBroker', async () => {
  const redis = new TestRedis();
  return { brokers: [redis.broker(), redis.broker()], cleanup: () => redis.cleanup() };
});

describe('RedisBroker', () => {
  let redis: TestRedis;
  afterEach(async () => {
    await redis.cleanup();
  });

  it('delivers to every other node, on its own instance and on the others', async () => {
    redis = new TestRedis();
    const [a, b] = [redis.broker(), redis.broker()];
    const [one, two, three] = [recorder('one'), recorder('two'), recorder('three')];
    await a.register(one);
    await a.register(two);
    await b.register(three);
    await a.publish('one', broadcast('m1'));
    await eventually(() => {
      expect(two.received.map((x) => x.id)).toEqual(['m1']);
      expect(three.received.map((x) => x.id)).toEqual(['m1']);
    });
    await sleep(50);
    expect(one.received).toEqual([]);
    expect(two.received).toEqual([broadcast('m1')]);
  });

  it('subscribes while a node is registered, and only then', async () => {
    redis = new TestRedis();
    const admin = redis.client();
    const subscribers = async (): Promise<number> => {
      const [, count] = (await admin.pubsub('NUMSUB', `${redis.prefix}bus`)) as [string, number];
      return count;
    };
    const a = redis.broker();
    const node = recorder('n');
    await a.register(node);
    expect(await subscribers()).toBe(1);
    await a.unregister('n');
    expect(await subscribers()).toBe(0);
    await a.register(node);
    await redis.broker().publish('elsewhere', broadcast('again'));
    await eventually(() => expect(node.received.map((x) => x.id)).toEqual(['again']));
    await a.close();
    await eventually(async () => expect(await subscribers()).toBe(0)); // Redis drops a quit connection's channels just after it replies
  });

  it('refuses a second node with the same id on one instance', async () => {
    redis = new TestRedis();
    const a = redis.broker();
    await a.register(recorder('one'));
    const again = a.register(recorder('one'));
    await expect(again).rejects.toBeInstanceOf(TypeError);
    await expect(again).rejects.toThrow('a node with id "one" is already registered');
    await redis.broker().register(recorder('one')); // another instance's node may share the id
  });

  it('rejects every method of a closed broker, except unregister and close', async () => {
    redis = new TestRedis();
    const a = redis.broker();
    await a.close();
    const member = { userId: 'u', username: 'U', connectionId: 'c', joinedAt: '2026-01-01T00:00:00.000Z' };
    const calls: Record<string, (broker: Broker) => Promise<unknown>> = {
      register: (broker) => broker.register(recorder('n')),
      publish: (broker) => broker.publish('n', broadcast('m')),
      publishSequenced: (broker) => broker.publishSequenced({ room: 'r', except: [], type: 't', id: 'i', head: '{', tail: '}', volatile: false }, 10),
      position: (broker) => broker.position('r'),
      history: (broker) => broker.history('r', 0),
      addMember: (broker) => broker.addMember('r', member),
      removeMember: (broker) => broker.removeMember('r', 'c'),
      members: (broker) => broker.members('r'),
      acquireConnection: (broker) => broker.acquireConnection('u', 1),
      releaseConnection: (broker) => broker.releaseConnection('u'),
      connectionCount: (broker) => broker.connectionCount('u'),
      enqueue: (broker) => broker.enqueue('u', { id: 'q', frame: 'f' }, 10),
      pending: (broker) => broker.pending('u'),
      acknowledge: (broker) => broker.acknowledge('u', ['q']),
      acknowledgeThrough: (broker) => broker.acknowledgeThrough('u', 'q'),
      takeQueueOverflow: (broker) => broker.takeQueueOverflow('u'),
    };
    for (const [name, call] of Object.entries(calls)) {
      await expect(call(a), name).rejects.toThrow(new Error('the broker is closed'));
    }
    await a.unregister('n');
    await a.close();
  });

  it('is ready once its liveness key is written', async () => {
    redis = new TestRedis();
    const admin = redis.client();
    const broker = redis.broker({ livenessTtlMs: 60_000, livenessIntervalMs: 30_000 });
    await broker.ready();
    const ttl = await admin.pttl(`${redis.prefix}live:${broker.instanceId}`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await broker.close();
    await expect(broker.ready()).rejects.toThrow(new Error('the broker is closed'));
  });

  it('leaves a client it was given open, and uses it', async () => {
    redis = new TestRedis();
    const client = redis.client();
    const given = redis.broker({ redis: client });
    await given.register(recorder('n'));
    const { epoch } = await given.publishSequenced({ room: 'r', except: [], type: 't', id: 'i', head: '{', tail: '}', volatile: false }, 10);
    await given.close();
    expect(await client.ping()).toBe('PONG');
    expect(await client.hgetall(`${redis.prefix}stream:r`)).toEqual({ epoch, seq: '1' });
    expect(await client.exists(`${redis.prefix}live:${given.instanceId}`)).toBe(0);
  });

  it("works with clients that have ioredis' own keyPrefix", async () => {
    redis = new TestRedis();
    // ioredis prefixes the keys of commands, not channels and not the keys a script names itself.
    const clients = [redis.client({ keyPrefix: redis.prefix }), redis.client({ keyPrefix: redis.prefix })];
    const [a, b] = clients.map((client) => redis.broker({ redis: client, keyPrefix: `${redis.prefix}inner:` })) as [RedisBroker, RedisBroker];
    expect(await a.acquireConnection('u', 2)).toBe(true);
    expect(await b.acquireConnection('u', 2)).toBe(true);
    expect(await a.acquireConnection('u', 2)).toBe(false); // each finds the other's liveness key
    await a.addMember('r', { userId: 'u', username: 'U', connectionId: 'c', joinedAt: '2026-01-01T00:00:00.000Z' });
    expect((await b.members('r')).map((m) => m.connectionId)).toEqual(['c']);
    const node = recorder('two');
    await b.register(node);
    await a.publish('one', broadcast('m1'));
    await eventually(() => expect(node.received.map((x) => x.id)).toEqual(['m1']));
    const admin = redis.client();
    expect(await admin.exists(`${redis.prefix}${redis.prefix}inner:live:${a.instanceId}`)).toBe(1);
  });

  it('keeps frames with ":", newlines and quotes in history exactly', async () => {
    redis = new TestRedis();
    const [a, b] = [redis.broker(), redis.broker()];
    const heads = ['{"t":"a:b","u":"x\\ny"}', '12:34', 'raw\nnewline', '"quoted"', 'ü 🚀 中文', ''];
    const node = recorder('n');
    await b.register(node);
    for (const head of heads) await a.publishSequenced({ room: 'r', except: [], type: 't', id: 'i', head, tail: ':"x\n', volatile: false }, 100);
    const { epoch } = await b.position('r');
    const frames = heads.map((head, i) => `${head}"epoch":"${epoch}","seq":${i + 1}:"x\n`);
    expect(await b.history('r', 0)).toEqual({ epoch, seq: heads.length, entries: frames.map((frame, i) => ({ seq: i + 1, frame })), complete: true });
    await eventually(() => expect(node.received.map((x) => x.frame)).toEqual(frames));
  });

  it("starts a room in a new epoch, from seq 1, when Redis lost the room's keys", async () => {
    redis = new TestRedis();
    const [a, b] = [redis.broker(), redis.broker()];
    const admin = redis.client();
    const sequenced = (id: string) => ({ room: 'r', except: [], type: 'chat.message', id, head: `{"id":"${id}",`, tail: '}', volatile: false });
    for (const id of ['m1', 'm2', 'm3']) await a.publishSequenced(sequenced(id), 10);
    const old = await b.position('r');
    expect(old.seq).toBe(3);
    // Only the sequence is lost (an eviction): the history left from the old epoch goes with it.
    await admin.del(`${redis.prefix}stream:r`);
    const fresh = await b.publishSequenced(sequenced('n1'), 10);
    expect(fresh.seq).toBe(1);
    expect(fresh.epoch).not.toBe(old.epoch);
    const frame = `{"id":"n1","epoch":"${fresh.epoch}","seq":1}`;
    expect(await a.history('r', 3, old.epoch)).toEqual({ ...fresh, entries: [{ seq: 1, frame }], complete: false });
    expect(await a.history('r', 0, fresh.epoch)).toEqual({ ...fresh, entries: [{ seq: 1, frame }], complete: true });
    // Everything lost (a flush): a new epoch again, also for a room that is only read.
    await admin.del(`${redis.prefix}stream:r`, `${redis.prefix}history:r`);
    const read = await a.position('r');
    expect(read.seq).toBe(0);
    expect([old.epoch, fresh.epoch]).not.toContain(read.epoch);
    expect(await b.publishSequenced(sequenced('o1'), 10)).toEqual({ epoch: read.epoch, seq: 1 });
  });

  it('queues and acknowledges messages whatever their ids contain', async () => {
    redis = new TestRedis();
    const [a, b] = [redis.broker(), redis.broker()];
    const ids = ['line\nbreak', '"quoted"', 'a:b', '', 'ü🚀', '\\', 'line'];
    for (const id of ids) await a.enqueue('u', { id, frame: `{"id":${JSON.stringify(id)},"x":"1:2\\n"}` }, 100);
    expect((await b.pending('u')).map((m) => m.id)).toEqual(ids);
    expect((await b.pending('u'))[0]).toEqual({ id: 'line\nbreak', frame: '{"id":"line\\nbreak","x":"1:2\\n"}' });
    expect(await b.acknowledge('u', ['line', '"quoted"', 'nope'])).toBe(2);
    expect((await a.pending('u')).map((m) => m.id)).toEqual(['line\nbreak', 'a:b', '', 'ü🚀', '\\']);
    expect(await a.acknowledgeThrough('u', '')).toBe(3);
    expect((await b.pending('u')).map((m) => m.id)).toEqual(['ü🚀', '\\']);
  });

  it('acknowledges in a queue longer than one Lua unpack', async () => {
    redis = new TestRedis();
    const a = redis.broker();
    const total = 2500;
    await Promise.all(Array.from({ length: total }, (_, i) => a.enqueue('u', { id: `q${i}`, frame: `f${i}` }, total)));
    expect(await a.acknowledge('u', ['q0', 'q1234', `q${total - 1}`])).toBe(3);
    const pending = await a.pending('u');
    expect(pending).toHaveLength(total - 3);
    expect(pending[0]).toEqual({ id: 'q1', frame: 'f1' });
    expect(pending.at(-1)).toEqual({ id: `q${total - 2}`, frame: `f${total - 2}` });
  });

  it('counts a connection once per acquire across instances, and a release on either one', async () => {
    redis = new TestRedis();
    const [a, b] = [redis.broker(), redis.broker()];
    expect(await a.acquireConnection('u', 3)).toBe(true);
    expect(await a.acquireConnection('u', 3)).toBe(true);
    expect(await b.acquireConnection('u', 3)).toBe(true);
    expect(await b.acquireConnection('u', 3)).toBe(false);
    await b.releaseConnection('u');
    await b.releaseConnection('u'); // b holds none now: one of a's is released
    expect(await a.connectionCount('u')).toBe(1);
    expect(await b.acquireConnection('u', 2)).toBe(true);
    expect(await a.acquireConnection('u', 2)).toBe(false);
  });
});

describe('RedisBroker against MemoryBroker', () => {
  let redis: TestRedis;
  afterEach(async () => {
    await redis.cleanup();
  });

  it('answers a long random sequence of calls exactly as MemoryBroker does', async () => {
    const { MemoryBroker } = await import('@switchboard/runtime/broker');
    redis = new TestRedis();
    const memory = new MemoryBroker();
    const instances: RedisBroker[] = [redis.broker(), redis.broker()];
    let state = 42; // mulberry32, seeded: the same sequence every run
    const random = (n: number): number => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const pick = <T>(values: readonly T[]): T => values[random(values.length)] as T;
    const rooms = ['r1', 'r2'];
    const users = ['u1', 'u2'];
    let queued = 0;
    const ops: ((broker: Broker) => Promise<unknown>)[] = [];
    for (let i = 0; i < 300; i++) {
      const room = pick(rooms);
      const user = pick(users);
      switch (random(12)) {
        case 0:
        case 1: {
          const limit = 1 + random(4);
          // The seq comes from the broker, as the server's sequenced publish does.
          const volatile = random(4) === 0;
          ops.push((broker) => broker.publishSequenced({ room, except: [], type: 't', id: `m${i}`, head: '{', tail: ',"t":"a:b"}', volatile }, limit));
          break;
        }
        case 2: {
          const back = random(6) - 1; // from one past the last seq to five before it
          ops.push(async (broker) => broker.history(room, Math.max(0, (await broker.position(room)).seq - back)));
          break;
        }
        case 3: {
          const connectionId = `c${random(4)}`;
          const member = { userId: user, username: user.toUpperCase(), connectionId, joinedAt: new Date(i * 1000).toISOString() };
          ops.push((broker) => broker.addMember(room, member));
          break;
        }
        case 4: {
          const connectionId = `c${random(4)}`;
          ops.push((broker) => broker.removeMember(room, connectionId));
          break;
        }
        case 5:
          ops.push(async (broker) => [...(await broker.members(room))].sort((x, y) => x.connectionId.localeCompare(y.connectionId)));
          break;
        case 6: {
          const limit = 1 + random(3);
          ops.push((broker) => broker.acquireConnection(user, limit));
          break;
        }
        case 7:
          ops.push((broker) => broker.releaseConnection(user));
          break;
        case 8: {
          const id = `q${queued++}`;
          const max = 1 + random(4);
          ops.push((broker) => broker.enqueue(user, { id, frame: `f:${id}` }, max));
          break;
        }
        case 9:
          ops.push(async (broker) => [await broker.pending(user), await broker.takeQueueOverflow(user)]);
          break;
        case 10: {
          const ids = [`q${random(queued + 2)}`, `q${random(queued + 2)}`];
          ops.push((broker) => broker.acknowledge(user, ids));
          break;
        }
        default: {
          const id = `q${random(queued + 2)}`;
          ops.push(async (broker) => [await broker.acknowledgeThrough(user, id), await broker.connectionCount(user), (await broker.position(room)).seq]);
        }
      }
    }
    // Each broker names its epochs its own way (MemoryBroker one for all rooms, Redis one per
    // room): compared as "the room's epoch", which stays the same throughout (nothing is lost).
    const sameEpochs = async (broker: Broker, answer: unknown): Promise<unknown> => {
      if (answer === undefined) return answer;
      let text = JSON.stringify(answer);
      for (const room of rooms) text = text.replaceAll((await broker.position(room)).epoch, 'EPOCH');
      return JSON.parse(text) as unknown;
    };
    for (const [i, op] of ops.entries()) {
      const want = await sameEpochs(memory, await op(memory));
      const broker = instances[i % 2] as RedisBroker;
      expect(await sameEpochs(broker, await op(broker)), `call ${i}`).toEqual(want);
    }
    await memory.close();
  });
});
