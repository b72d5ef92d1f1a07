/**
 * `resume` at its edges, over real sockets: a request that names a room twice, replay before
 * live messages under steady traffic, `complete` when history or the offline queue lost
 * something, and room epochs. Every message the clients receive is checked against the spec by
 * the harness.
 */
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { MemoryBroker, type Broker } from '@switchboard/runtime/broker';
import type { ServerOptions } from '@switchboard/runtime/server';
import type { ServerMessage } from '@switchboard/protocol';
import { quiet, useFixture, type Running, type TestClient } from './harness.js';
import { REDIS_URL, useRedisCluster } from './redis-cluster.js';

const fx = useFixture();
const redis = useRedisCluster(fx);

/** Two instances sharing one Redis under a prefix of their own. */
async function cluster(options: Partial<ServerOptions> = {}): Promise<[Running, Running]> {
  return (await redis.start(2, options)).servers as [Running, Running];
}
/** Property runs send many requests as one user: the rate limit is not what is tested here. */
const UNLIMITED = { rateLimit: { limit: 100_000 } };

describe('resume: a room listed twice', () => {
  it('is INVALID_MESSAGE pointing at the second entry, and joins nothing', async () => {
    await fx.start(UNLIMITED);
    const ann = await fx.connect('ann');
    const entry = fc.record({ room_id: fc.constantFrom('a', 'b', 'c', 'd'), seq: fc.nat({ max: 3 }) });
    const withRepeat = fc.array(entry, { minLength: 2, maxLength: 6 }).filter((list) => new Set(list.map((e) => e.room_id)).size < list.length);
    await fc.assert(
      fc.asyncProperty(withRepeat, async (list) => {
        const reply = await ann.request('resume', { last_seq: list });
        expect(reply.type).toBe('error');
        if (reply.type !== 'error') return;
        expect(reply.data.code).toBe('INVALID_MESSAGE');
        // Two identical entries already fail the schema's `uniqueItems` (at the list); otherwise
        // the pointer names the first entry whose room came earlier in the list.
        const identical = new Set(list.map((e) => JSON.stringify(e))).size < list.length;
        const firstRepeat = list.findIndex((e, i) => list.findIndex((f) => f.room_id === e.room_id) < i);
        expect(reply.data.details?.pointer).toBe(identical ? '/data/last_seq' : `/data/last_seq/${firstRepeat}/room_id`);
        await quiet(20);
        expect(ann.received).toEqual([]);
      }),
      { numRuns: 25 },
    );
    // Nothing was joined: a message to room "a" does not reach ann.
    const bob = await fx.connect('bob');
    await bob.request('room.join', { room_id: 'a' });
    await bob.request('chat.send', { room_id: 'a', content: 'hello' });
    await quiet();
    expect(ann.received).toEqual([]);
  });
});

describe('resume: a room the user may not join', () => {
  it('is refused with an error naming it, replays nothing of it, and the other rooms resume', async () => {
    // Bob may post in "secret", ann may not even read its history.
    await fx.start({ ...UNLIMITED, authorizeRoom: (user, room) => room !== 'secret' || user.id === 'bob' });
    const bob = await fx.connect('bob');
    for (const room of ['a', 'secret', 'b']) await bob.request('room.join', { room_id: room });
    for (const room of ['a', 'secret', 'b']) await bob.request('chat.send', { room_id: room, content: `in ${room}` });
    const ann = await fx.connect('ann');
    const completed = await ann.request('resume', { last_seq: [{ room_id: 'a', seq: 0 }, { room_id: 'secret', seq: 0 }, { room_id: 'b', seq: 0 }] });
    expect(completed.type === 'resume.completed' && completed.data.rooms.map((r) => r.room_id)).toEqual(['a', 'b']);
    const refused = await ann.next('error');
    expect(refused.correlation_id).toBeUndefined();
    expect(refused.data).toMatchObject({ code: 'FORBIDDEN', details: { room_id: 'secret' } });
    expect(roomMessages(ann, 'a').map((m) => m.type)).toContain('chat.message');
    expect(roomMessages(ann, 'b').map((m) => m.type)).toContain('chat.message');
    expect(ann.received.filter((m) => 'data' in m && (m.data as { room_id?: string }).room_id === 'secret')).toEqual([]);
  });

  it('the room limit: N rooms resume, the N+1st is refused and skipped', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.boolean(), async (limit, over) => {
        const running = await fx.start({ ...UNLIMITED, maxRoomsPerConnection: limit });
        const ann = await fx.connect('ann');
        const rooms = Array.from({ length: limit + (over ? 1 : 0) }, (_, i) => ({ room_id: `r${i}`, seq: 0 }));
        const completed = await ann.request('resume', { last_seq: rooms });
        expect(completed.type === 'resume.completed' && completed.data.rooms.length).toBe(limit);
        if (over) expect((await ann.next('error')).data).toMatchObject({ code: 'FORBIDDEN', details: { room_id: `r${limit}`, limit } });
        await quiet(20);
        expect(ann.received.filter((m) => m.type === 'error')).toEqual([]);
        await running.close();
      }),
      { numRuns: 8 },
    );
  });
});

/** A message of a room's sequence (`chat.message`, `room.update`), as a client received it. */
type RoomMessage = Extract<ServerMessage, { type: 'chat.message' | 'room.update' }>;

function roomMessages(client: TestClient, room: string): RoomMessage[] {
  return client.received.filter((m): m is RoomMessage => (m.type === 'chat.message' || m.type === 'room.update') && m.data.room_id === room);
}

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await quiet(5);
  }
}

/** Posts to the room from every sender, one message each per millisecond, until stopped. */
function traffic(senders: readonly TestClient[], room: string): () => Promise<void> {
  let running = true;
  let sent = 0;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      for (const sender of senders) sender.send('chat.send', { room_id: room, content: `t${i}` });
      sent += 1;
      await quiet(1);
    }
  })();
  return async () => {
    running = false;
    await loop;
    // Every message posted has its seq: nothing of the traffic comes after what follows.
    await until(() => senders.every((s) => s.received.filter((m) => m.type === 'chat.sent').length >= sent), 'the replies to the traffic');
  };
}

interface Scenario {
  /** Room messages the resumer takes before it disconnects. */
  readonly seen: number;
  /** How long it stays away while the others keep posting, in ms. */
  readonly awayMs: number;
}

/**
 * One resume under traffic: the watcher is in the room all along, so its stream is the room's
 * whole sequence; the resumer's stream on its new connection must be exactly that sequence after
 * the seq it resumed from, without its own rejoin (which is not sent to the joiner), in order.
 */
async function resumeUnderTraffic(room: string, scenario: Scenario, at: { readonly first: Running; readonly second: Running; readonly watch: Running }): Promise<void> {
  // Users of this run only: a closed connection is released asynchronously, and the per-user
  // connection limit must not be what a later run runs into.
  const [annId, bobId, carolId, watcherId] = ['ann', 'bob', 'carol', 'watcher'].map((name) => `${name}-${room}`) as [string, string, string, string];
  const watcher = await fx.connect(watcherId, { on: at.watch });
  await watcher.request('room.join', { room_id: room });
  const senders = [await fx.connect(bobId, { on: at.first }), await fx.connect(carolId, { on: at.second })];
  for (const sender of senders) await sender.request('room.join', { room_id: room });
  const ann = await fx.connect(annId, { on: at.first });
  await ann.request('room.join', { room_id: room });
  const stop = traffic(senders, room);
  await until(() => roomMessages(ann, room).length >= scenario.seen, 'the first messages');
  const lastSeen = roomMessages(ann, room)[scenario.seen - 1]?.data.seq ?? 0;
  await ann.close();
  await quiet(scenario.awayMs);
  const back = await fx.connect(annId, { on: at.second });
  const completed = await back.request('resume', { last_seq: [{ room_id: room, seq: lastSeen }] });
  expect(completed.type === 'resume.completed' && completed.data.complete).toBe(true);
  await quiet(50); // live traffic after the replay
  await stop();
  const end = await senders[0]?.request('chat.send', { room_id: room, content: 'end' });
  const endSeq = end?.type === 'chat.sent' ? end.data.seq : Number.NaN;
  await until(() => roomMessages(back, room).some((m) => m.data.seq === endSeq), 'the last message at the resumer');
  await until(() => roomMessages(watcher, room).some((m) => m.data.seq === endSeq), 'the last message at the watcher');
  const rejoin = roomMessages(watcher, room).find((m) => m.type === 'room.update' && m.data.user_id === annId && m.data.event === 'client_joined' && m.data.seq > lastSeen);
  const expected = roomMessages(watcher, room)
    .map((m) => m.data.seq)
    .filter((seq) => seq > lastSeen && seq <= endSeq && seq !== rejoin?.data.seq);
  expect(roomMessages(back, room).map((m) => m.data.seq)).toEqual(expected);
  for (const client of [watcher, ...senders, back]) await client.close();
}

/**
 * A MemoryBroker whose reads take a turn of the event loop, as every networked broker's do:
 * other clients' messages can then arrive while a resume waits for the history.
 */
function slowReads(broker: MemoryBroker): Broker {
  const slow = new Set<PropertyKey>(['history', 'members']);
  return new Proxy(broker, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      if (!slow.has(key)) return value.bind(target);
      return async (...args: unknown[]) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return value.apply(target, args);
      };
    },
  });
}

describe('resume: replay before live', () => {
  it('under steady traffic, the resumer gets the room exactly once and in seq order: replay first, then live', async () => {
    const running = await fx.start({ ...UNLIMITED, broker: slowReads(new MemoryBroker()) });
    const at = { first: running, second: running, watch: running };
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.record({ seen: fc.integer({ min: 1, max: 5 }), awayMs: fc.integer({ min: 0, max: 40 }) }), async (scenario) => {
        await resumeUnderTraffic(`traffic-${run++}`, scenario, at);
      }),
      { numRuns: 6 },
    );
  });

  it('the same across two instances on Redis, the resumer moving from one to the other', async () => {
    const [one, two] = await cluster(UNLIMITED);
    const at = { first: one, second: two, watch: two };
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.record({ seen: fc.integer({ min: 1, max: 5 }), awayMs: fc.integer({ min: 0, max: 40 }) }), async (scenario) => {
        await resumeUnderTraffic(`traffic-${run++}`, scenario, at);
      }),
      { numRuns: 6 },
    );
  });
});

describe('resume: complete means complete', () => {
  const notice = (message: string) => ({ message, level: 'info' as const });

  it('a history of N: missing N messages replays them all with complete: true; missing N+1 replays N with complete: false', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.boolean(), async (size, overflow) => {
        const running = await fx.start({ ...UNLIMITED, roomHistorySize: size });
        const [ann, bob] = [await fx.connect(`ann-h${run}`), await fx.connect(`bob-h${run}`)];
        run += 1;
        await bob.request('room.join', { room_id: 'r' }); // seq 1
        await ann.request('room.join', { room_id: 'r' }); // seq 2
        await bob.request('chat.send', { room_id: 'r', content: 'seen' }); // seq 3
        const seen = (await ann.next('chat.message')).data.seq;
        await ann.close();
        await bob.next('room.update', 3000, (m) => m.data.event === 'client_left'); // seq 4: the first one ann misses
        const missed = size + (overflow ? 1 : 0);
        for (let i = 1; i < missed; i++) await bob.request('chat.send', { room_id: 'r', content: `m${i}` });
        const back = await fx.connect(`ann-h${run - 1}`);
        const completed = await back.request('resume', { last_seq: [{ room_id: 'r', seq: seen }] });
        expect(completed.type === 'resume.completed' && completed.data).toMatchObject({ replayed: size, complete: !overflow });
        const last = seen + missed;
        expect(roomMessages(back, 'r').map((m) => m.data.seq)).toEqual(Array.from({ length: size }, (_, i) => last - size + 1 + i));
        await running.close();
      }),
      { numRuns: 12 },
    );
  });

  it('an offline queue of N: N queued and delivered is complete; N+1 (one dropped) is complete: false, told once', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.boolean(), async (size, overflow) => {
        const running = await fx.start({ offlineQueueSize: size });
        const user = `ann-q${run++}`;
        for (let i = 0; i < size + (overflow ? 1 : 0); i++) await running.server.toUser(user).emit('system.notification', notice(`n${i}`));
        const ann = await fx.connect(user);
        for (let i = 0; i < size; i++) await ann.next('system.notification');
        const first = await ann.request('resume', { last_seq: [] });
        expect(first.type === 'resume.completed' && first.data.complete).toBe(!overflow);
        const again = await ann.request('resume', { last_seq: [] });
        expect(again.type === 'resume.completed' && again.data.complete).toBe(true);
        await running.close();
      }),
      { numRuns: 10 },
    );
  });

  it('a queue that dropped on one instance is reported by a resume on the other (Redis)', async () => {
    const [one, two] = await cluster({ offlineQueueSize: 2 });
    for (let i = 0; i < 3; i++) await one.server.toUser('ann').emit('system.notification', notice(`n${i}`));
    const ann = await fx.connect('ann', { on: two });
    for (let i = 0; i < 2; i++) await ann.next('system.notification');
    const first = await ann.request('resume', { last_seq: [] });
    expect(first.type === 'resume.completed' && first.data).toEqual({ replayed: 0, complete: false, rooms: [] });
    const again = await ann.request('resume', { last_seq: [] });
    expect(again.type === 'resume.completed' && again.data.complete).toBe(true);
  });
});

describe('resume: room epochs', () => {
  it("a restart with a new MemoryBroker is a new epoch: seq starts again, and a resume from the old epoch replays the new one with complete: false", async () => {
    let run = 0;
    const scenario = fc.record({ before: fc.integer({ min: 1, max: 4 }), after: fc.integer({ min: 0, max: 3 }), back: fc.nat({ max: 5 }) });
    await fc.assert(
      fc.asyncProperty(scenario, async ({ before, after, back }) => {
        const [annId, bobId] = [`ann-e${run}`, `bob-e${run}`];
        run += 1;
        const first = await fx.start();
        const ann = await fx.connect(annId, { on: first });
        const bob = await fx.connect(bobId, { on: first });
        const joined = await ann.request('room.join', { room_id: 'r' });
        if (joined.type !== 'room.joined') throw new Error(`room.join answered ${joined.type}`);
        const old = joined.data.epoch;
        await bob.request('room.join', { room_id: 'r' });
        for (let i = 0; i < before; i++) await bob.request('chat.send', { room_id: 'r', content: `old ${i}` });
        const seen = [await ann.next('room.update'), ...(await Promise.all(Array.from({ length: before }, () => ann.next('chat.message'))))];
        // Every sequenced message and the join reply name the same epoch.
        expect(new Set(seen.map((m) => m.data.epoch))).toEqual(new Set([old]));
        const lastSeen = Math.max(0, (seen[seen.length - 1]?.data.seq ?? 0) - back);
        await first.close();

        const second = await fx.start();
        const bobAgain = await fx.connect(bobId, { on: second });
        const rejoined = await bobAgain.request('room.join', { room_id: 'r' });
        expect(rejoined.type === 'room.joined' && rejoined.data.last_seq).toBe(1); // its own join
        for (let i = 0; i < after; i++) await bobAgain.request('chat.send', { room_id: 'r', content: `new ${i}` });
        const back2 = await fx.connect(annId, { on: second });
        const completed = await back2.request('resume', { last_seq: [{ room_id: 'r', epoch: old, seq: lastSeen }] });
        if (completed.type !== 'resume.completed') throw new Error(`resume answered ${completed.type}`);
        const current = completed.data.rooms[0]?.epoch;
        expect(current).not.toBe(old);
        // Replayed: everything of the new epoch, bob's join (seq 1) first; ann's rejoin is seq after + 2.
        expect(completed.data).toEqual({ replayed: after + 1, complete: false, rooms: [{ room_id: 'r', epoch: current, seq: after + 2 }] });
        const replayed = roomMessages(back2, 'r');
        expect(replayed.map((m) => [m.data.epoch, m.data.seq])).toEqual(Array.from({ length: after + 1 }, (_, i) => [current, i + 1]));
        // In the current epoch, nothing is missing.
        const again = await back2.request('resume', { last_seq: [{ room_id: 'r', epoch: current ?? '', seq: after + 2 }] });
        expect(again.type === 'resume.completed' && again.data).toEqual({ replayed: 0, complete: true, rooms: [{ room_id: 'r', epoch: current, seq: after + 2 }] });
        await second.close();
      }),
      { numRuns: 6 },
    );
  });

  it("Redis that lost a room's keys starts it in a new epoch from seq 1, on every instance; a resume from the old epoch says complete: false", async () => {
    const { servers, keyPrefix: prefix } = await redis.start(2);
    const [one, two] = servers as [Running, Running];
    const ann = await fx.connect('ann', { on: one });
    const bob = await fx.connect('bob', { on: two });
    await ann.request('room.join', { room_id: 'r' });
    await bob.request('room.join', { room_id: 'r' });
    for (let i = 0; i < 3; i++) await bob.request('chat.send', { room_id: 'r', content: `old ${i}` });
    const old = (await ann.next('chat.message', 3000, (m) => m.data.content === 'old 2')).data;
    expect(old.seq).toBe(5);
    const admin = new Redis(REDIS_URL);
    try {
      await admin.del(`${prefix}stream:r`, `${prefix}history:r`);
    } finally {
      await admin.quit();
    }
    await bob.request('chat.send', { room_id: 'r', content: 'after the loss' });
    const fresh = (await ann.next('chat.message', 3000, (m) => m.data.content === 'after the loss')).data;
    expect(fresh.seq).toBe(1);
    expect(fresh.epoch).not.toBe(old.epoch);
    expect((await bob.next('chat.message', 3000, (m) => m.data.content === 'after the loss')).data.epoch).toBe(fresh.epoch);
    await ann.close();
    await bob.next('room.update', 3000, (m) => m.data.event === 'client_left'); // seq 2 of the new epoch
    const back = await fx.connect('ann', { on: two });
    const completed = await back.request('resume', { last_seq: [{ room_id: 'r', epoch: old.epoch, seq: old.seq }] });
    expect(completed.type === 'resume.completed' && completed.data).toEqual({ replayed: 2, complete: false, rooms: [{ room_id: 'r', epoch: fresh.epoch, seq: 3 }] });
    expect(roomMessages(back, 'r').map((m) => [m.data.epoch, m.data.seq])).toEqual([
      [fresh.epoch, 1],
      [fresh.epoch, 2],
    ]);
  });
});
