/**
 * The broker contract, as one suite every implementation runs (socket.io-redis-adapter's
 * `test/index.ts`): `brokerContract(name, createBroker)` inside a vitest file. Exported from the
 * package (`@switchboard/runtime/broker/contract`) so the Redis broker, and any third-party broker,
 * proves the same behaviour.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Broadcast, Broker, BrokerNode, RoomMemberRecord, SequencedBroadcast } from './types.js';

/** Creates a fresh broker, or several sharing one backend to act as instances. */
export type BrokerFactory = () => Promise<{ readonly brokers: readonly [Broker, Broker]; readonly cleanup: () => Promise<void> }>;

function broadcast(id: string): Broadcast {
  return { targets: [{ kind: 'all' }], except: [], type: 'system.notification', id, frame: `{"id":"${id}"}`, volatile: false };
}

/** A room message whose frame is `{"id":"<id>","epoch":"<epoch>","seq":<seq>}`. */
function sequenced(room: string, id: string): SequencedBroadcast {
  return { room, except: ['c9'], type: 'chat.message', id, head: `{"id":"${id}",`, tail: '}', volatile: false };
}

function framed(id: string, epoch: string, seq: number): string {
  return `{"id":"${id}","epoch":"${epoch}","seq":${seq}}`;
}

function member(userId: string, connectionId: string): RoomMemberRecord {
  return { userId, username: `${userId} name`, connectionId, joinedAt: '2026-01-01T00:00:00.000Z' };
}

function recorder(nodeId: string): BrokerNode & { readonly received: Broadcast[] } {
  const received: Broadcast[] = [];
  return { nodeId, received, deliver: (b) => received.push(b) };
}

async function eventually(check: () => void, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

export function brokerContract(name: string, create: BrokerFactory): void {
  describe(`broker contract: ${name}`, () => {
    let cleanup: (() => Promise<void>) | null = null;
    let a: Broker;
    let b: Broker;
    const setup = async (): Promise<void> => {
      const made = await create();
      [a, b] = made.brokers;
      cleanup = made.cleanup;
    };
    afterEach(async () => {
      await cleanup?.();
      cleanup = null;
    });

    it('publishes to every other instance, never back to the publisher', async () => {
      await setup();
      const one = recorder('one');
      const two = recorder('two');
      await a.register(one);
      await b.register(two);
      await a.publish('one', broadcast('m1'));
      await eventually(() => expect(two.received.map((x) => x.id)).toEqual(['m1']));
      expect(one.received).toEqual([]);
      await b.unregister('two');
      await a.publish('one', broadcast('m2'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(two.received.map((x) => x.id)).toEqual(['m1']);
    });

    it('numbers room messages from 1 across instances, and delivers each to every node, the publisher included', async () => {
      await setup();
      const one = recorder('one');
      const two = recorder('two');
      await a.register(one);
      await b.register(two);
      const { epoch } = await a.position('r');
      expect(epoch).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(await a.position('r')).toEqual({ epoch, seq: 0 });
      expect(await a.publishSequenced(sequenced('r', 'm1'), 10)).toEqual({ epoch, seq: 1 });
      expect(await b.publishSequenced(sequenced('r', 'm2'), 10)).toEqual({ epoch, seq: 2 });
      expect(await b.position('r')).toEqual({ epoch, seq: 2 });
      const other = await a.publishSequenced(sequenced('other', 'm3'), 10);
      expect(other.seq).toBe(1);
      const frames = [framed('m1', epoch, 1), framed('m2', epoch, 2), framed('m3', other.epoch, 1)];
      for (const node of [one, two]) await eventually(() => expect(node.received.map((x) => x.frame)).toEqual(frames));
      expect(one.received[0]).toEqual({ targets: [{ kind: 'room', room: 'r' }], except: ['c9'], type: 'chat.message', id: 'm1', frame: frames[0], volatile: false });
    });

    it('puts the epoch and seq in as the last keys of data, also when data is empty', async () => {
      await setup();
      const node = recorder('one');
      await a.register(node);
      const { epoch } = await a.publishSequenced({ ...sequenced('r', 'e1'), head: '{"type":"t","data":{', tail: '}}' }, 10);
      await eventually(() => expect(node.received.map((x) => JSON.parse(x.frame) as unknown)).toEqual([{ type: 't', data: { epoch, seq: 1 } }]));
    });

    it('keeps a room\'s order on every node when instances publish at once', async () => {
      await setup();
      const one = recorder('one');
      const two = recorder('two');
      await a.register(one);
      await b.register(two);
      const sent: Promise<unknown>[] = [];
      for (let i = 0; i < 50; i++) sent.push(a.publishSequenced(sequenced('r', `a${i}`), 100), b.publishSequenced(sequenced('r', `b${i}`), 100));
      await Promise.all(sent);
      const seqs = (node: typeof one) => node.received.map((x) => Number(/"seq":(\d+)/.exec(x.frame)?.[1]));
      await eventually(() => expect(one.received).toHaveLength(100));
      await eventually(() => expect(two.received).toHaveLength(100));
      expect(seqs(one)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      expect(seqs(two)).toEqual(seqs(one));
    });

    it('keeps the last N room messages and says when a replay is incomplete; volatile ones take a seq but are not kept', async () => {
      await setup();
      for (let i = 1; i <= 5; i++) await a.publishSequenced(sequenced('r', `f${i}`), 3);
      const { epoch } = await a.position('r');
      const f = (seq: number) => ({ seq, frame: framed(`f${seq}`, epoch, seq) });
      const at = (seq: number) => ({ epoch, seq });
      expect(await b.history('r', 3)).toEqual({ ...at(5), entries: [f(4), f(5)], complete: true });
      expect(await b.history('r', 2)).toEqual({ ...at(5), entries: [f(3), f(4), f(5)], complete: true });
      expect(await b.history('r', 1)).toEqual({ ...at(5), entries: [f(3), f(4), f(5)], complete: false });
      expect(await b.history('r', 5)).toEqual({ ...at(5), entries: [], complete: true });
      expect(await b.history('r', 2, epoch)).toEqual({ ...at(5), entries: [f(3), f(4), f(5)], complete: true });
      expect((await b.history('nowhere', 0)).entries).toEqual([]);
      expect((await b.history('nowhere', 0)).complete).toBe(true);
      expect(await b.publishSequenced({ ...sequenced('r', 'v6'), volatile: true }, 3)).toEqual(at(6));
      expect(await a.history('r', 4)).toEqual({ ...at(6), entries: [f(5)], complete: true });
      expect(await a.history('r', 5)).toEqual({ ...at(6), entries: [], complete: false });
    });

    it('answers a seq of another epoch (or past the last one) with every kept message of the current one, and complete: false', async () => {
      await setup();
      for (let i = 1; i <= 3; i++) await a.publishSequenced(sequenced('r', `f${i}`), 2);
      const { epoch } = await a.position('r');
      const f = (seq: number) => ({ seq, frame: framed(`f${seq}`, epoch, seq) });
      expect(await b.history('r', 2, 'another-epoch')).toEqual({ epoch, seq: 3, entries: [f(2), f(3)], complete: false });
      expect(await b.history('r', 9, 'another-epoch')).toEqual({ epoch, seq: 3, entries: [f(2), f(3)], complete: false });
      // A seq past the room's last one is not of this epoch either, whatever the client says.
      expect(await b.history('r', 4)).toEqual({ epoch, seq: 3, entries: [f(2), f(3)], complete: false });
      expect(await b.history('r', 4, epoch)).toEqual({ epoch, seq: 3, entries: [f(2), f(3)], complete: false });
      expect(await b.history('empty', 0, 'another-epoch')).toMatchObject({ seq: 0, entries: [], complete: false });
    });

    it('keeps room members across instances', async () => {
      await setup();
      await a.addMember('r', member('u1', 'c1'));
      await b.addMember('r', member('u2', 'c2'));
      expect((await a.members('r')).map((m) => m.connectionId).sort()).toEqual(['c1', 'c2']);
      expect((await b.removeMember('r', 'c1')).changed).toBe(true);
      expect((await b.removeMember('r', 'c1')).changed).toBe(false);
      expect((await a.members('r')).map((m) => m.connectionId)).toEqual(['c2']);
    });

    it('tells a user\'s first connection in a room from the next ones, and the last one out, counting users', async () => {
      await setup();
      const change = (changed: boolean, userChanged: boolean, userCount: number) => ({ changed, userChanged, userCount });
      expect(await a.addMember('r', member('u1', 'c1'))).toEqual(change(true, true, 1));
      expect(await b.addMember('r', member('u1', 'c2'))).toEqual(change(true, false, 1));
      expect(await b.addMember('r', member('u1', 'c2'))).toEqual(change(false, false, 1));
      expect(await a.addMember('r', member('u2', 'c3'))).toEqual(change(true, true, 2));
      expect(await b.removeMember('r', 'c1')).toEqual(change(true, false, 2));
      expect(await a.removeMember('r', 'c2')).toEqual(change(true, true, 1));
      expect(await a.removeMember('r', 'c2')).toEqual(change(false, false, 1));
      expect(await b.removeMember('r', 'c3')).toEqual(change(true, true, 0));
      expect(await b.removeMember('nowhere', 'c3')).toEqual(change(false, false, 0));
    });

    it('decides first and last atomically when one user\'s connections join and leave at once on both instances', async () => {
      await setup();
      const joins = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).addMember('r', member('u', `c${i}`))));
      expect(joins.filter((j) => j.userChanged)).toHaveLength(1);
      const leaves = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? b : a).removeMember('r', `c${i}`)));
      expect(leaves.filter((l) => l.userChanged)).toHaveLength(1);
      expect(leaves.map((l) => l.userCount).sort()).toContain(0);
    });

    it('keeps records across instances: put if absent, compare and set, expiry', async () => {
      await setup();
      expect(await a.putRecordIfAbsent('k', 'one', 60_000)).toBeNull();
      expect(await b.putRecordIfAbsent('k', 'two', 60_000)).toBe('one');
      expect(await b.getRecord('k')).toBe('one');
      expect(await b.replaceRecord('k', 'other', 'three', 60_000)).toBe(false);
      expect(await b.replaceRecord('k', 'one', 'three', 60_000)).toBe(true);
      expect(await a.getRecord('k')).toBe('three');
      expect(await a.replaceRecord('k', 'three', null, 0)).toBe(true);
      expect(await b.getRecord('k')).toBeNull();
      expect(await a.replaceRecord('k', 'three', 'four', 60_000)).toBe(false);
      await a.putRecord('short', 'x', 50);
      await b.putRecord('short', 'y', 50);
      expect(await a.getRecord('short')).toBe('y');
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(await a.getRecord('short')).toBeNull();
      expect(await b.putRecordIfAbsent('short', 'z', 60_000)).toBeNull();
    });

    it('lets exactly one of many concurrent claims of a record win', async () => {
      await setup();
      const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).putRecordIfAbsent('claim', `c${i}`, 60_000)));
      const winners = claims.filter((held) => held === null);
      expect(winners).toHaveLength(1);
      const held = await a.getRecord('claim');
      expect(claims.filter((c) => c !== null).every((c) => c === held)).toBe(true);
    });

    it('counts connections per user across instances: N admitted, N+1 refused', async () => {
      await setup();
      expect(await a.acquireConnection('u', 2)).toBe(true);
      expect(await b.acquireConnection('u', 2)).toBe(true);
      expect(await a.acquireConnection('u', 2)).toBe(false);
      expect(await b.connectionCount('u')).toBe(2);
      await a.releaseConnection('u');
      expect(await b.acquireConnection('u', 2)).toBe(true);
      await a.releaseConnection('u');
      await a.releaseConnection('u');
      await a.releaseConnection('u'); // one too many must not go negative
      expect(await b.connectionCount('u')).toBe(0);
    });

    it('bans a user on every instance until the ban ends; a shorter ban keeps the longer one', async () => {
      await setup();
      expect(await b.banRemaining('u')).toBe(0);
      await a.banUser('u', 300);
      const left = await b.banRemaining('u');
      expect(left).toBeGreaterThan(200);
      expect(left).toBeLessThanOrEqual(300);
      expect(await b.banRemaining('someone else')).toBe(0);
      await b.banUser('u', 10);
      expect(await a.banRemaining('u')).toBeGreaterThan(200);
      await b.banUser('v', 30);
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(await a.banRemaining('v')).toBe(0);
      expect(await a.banRemaining('u')).toBeGreaterThan(0);
    });

    it('queues per user, drops the oldest past the bound, keeps them until acknowledged', async () => {
      await setup();
      for (let i = 1; i <= 3; i++) expect(await a.enqueue('u', { id: `q${i}`, frame: `f${i}` }, 3)).toBe(0);
      expect(await a.enqueue('u', { id: 'q4', frame: 'f4' }, 3)).toBe(1);
      expect((await b.pending('u')).map((m) => m.id)).toEqual(['q2', 'q3', 'q4']);
      expect((await b.pending('u')).map((m) => m.id)).toEqual(['q2', 'q3', 'q4']);
      expect(await b.acknowledge('u', ['q3', 'nope'])).toBe(1);
      expect((await a.pending('u')).map((m) => m.id)).toEqual(['q2', 'q4']);
      expect(await a.acknowledgeThrough('u', 'q4')).toBe(2);
      expect(await a.pending('u')).toEqual([]);
      expect(await a.acknowledgeThrough('u', 'missing')).toBe(0);
    });

    it('remembers that a queue dropped messages until it is taken, once, on any instance: N kept is no drop, N+1 is', async () => {
      await setup();
      for (let i = 1; i <= 3; i++) await a.enqueue('u', { id: `q${i}`, frame: `f${i}` }, 3);
      expect(await b.takeQueueOverflow('u')).toBe(false);
      await a.enqueue('u', { id: 'q4', frame: 'f4' }, 3);
      expect(await a.acknowledge('u', ['q2', 'q3', 'q4'])).toBe(3);
      expect(await b.takeQueueOverflow('other')).toBe(false);
      expect(await b.takeQueueOverflow('u')).toBe(true);
      expect(await a.takeQueueOverflow('u')).toBe(false);
    });
  });
}
