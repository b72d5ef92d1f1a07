/**
 * Two server instances, each with its own RedisBroker on the real Redis at 127.0.0.1:6379, and
 * clients on both: a room, a user and a broadcast reach every instance, and presence and limits
 * hold across instances, over real sockets. Every test has its own key prefix, deleted
 * afterwards.
 */
import { describe, expect, it } from 'vitest';
import type { ServerOptions } from '@switchboard/runtime/server';
import { quiet, TestClient, token, UpgradeRejected, useFixture, type Running } from './harness.js';
import { useRedisCluster } from './redis-cluster.js';

const fx = useFixture();
const redis = useRedisCluster(fx);

/** Two instances of one cluster (one Redis key prefix), each with its own broker connection. */
async function cluster(options: Partial<ServerOptions> = {}): Promise<[Running, Running]> {
  return (await redis.start(2, options)).servers as [Running, Running];
}

const connect = (on: Running, sub: string) => fx.connect(sub, { name: `${sub} name`, on });

describe('two instances sharing Redis', () => {
  it('a room spans both: joins are announced across, and a chat message reaches every member with one seq', async () => {
    const [one, two] = await cluster();
    const ann = await connect(one, 'ann');
    const bob = await connect(two, 'bob');
    await ann.request('room.join', { room_id: 'r' });
    const joined = await bob.request('room.join', { room_id: 'r' });
    expect(joined.type === 'room.joined' && joined.data.members.map((m) => m.user_id).sort()).toEqual(['ann', 'bob']);
    expect((await ann.next('room.update')).data).toMatchObject({ user_id: 'bob', event: 'client_joined' });
    const sent = await ann.request('chat.send', { room_id: 'r', content: 'across' });
    const atBob = await bob.next('chat.message');
    const atAnn = await ann.next('chat.message');
    expect(atBob.data.content).toBe('across');
    expect(sent.type === 'chat.sent' && sent.data.seq).toBe(atBob.data.seq);
    expect(atAnn.id).toBe(atBob.id);
    expect(atAnn.data.seq).toBe(atBob.data.seq);
  });

  it('keeps a room\'s order across instances: both members see the same seqs, increasing', async () => {
    const [one, two] = await cluster();
    const ann = await connect(one, 'ann');
    const bob = await connect(two, 'bob');
    await ann.request('room.join', { room_id: 'r' });
    await bob.request('room.join', { room_id: 'r' });
    await ann.next('room.update');
    // Both post at once, 20 messages each, without waiting for replies.
    for (let i = 0; i < 20; i++) {
      ann.send('chat.send', { room_id: 'r', content: `a${i}` });
      bob.send('chat.send', { room_id: 'r', content: `b${i}` });
    }
    const seen = async (client: TestClient) => {
      const seqs: number[] = [];
      for (let i = 0; i < 40; i++) seqs.push((await client.next('chat.message')).data.seq);
      return seqs;
    };
    const [atAnn, atBob] = await Promise.all([seen(ann), seen(bob)]);
    expect(atAnn).toEqual(atBob);
    expect(atAnn).toEqual([...atAnn].sort((a, b) => a - b));
    expect(new Set(atAnn).size).toBe(40);
  });

  it('sends to a user on the other instance, and queues for a user connected nowhere until they connect anywhere', async () => {
    const [one, two] = await cluster();
    const ann = await connect(two, 'ann');
    await one.server.toUser('ann').emit('system.notification', { message: 'hello from one', level: 'info' });
    expect((await ann.next('system.notification')).data.message).toBe('hello from one');
    const queued = await one.server.toUser('bob').emit('system.notification', { message: 'while away', level: 'info' });
    const bob = await connect(two, 'bob');
    expect((await bob.next('system.notification')).id).toBe(queued.id);
  });

  it('reaches the subscribers of an event on the other instance', async () => {
    const [one, two] = await cluster();
    const ann = await connect(two, 'ann');
    await ann.request('subscribe', { events: ['system.notification'] });
    await one.server.toSubscribers('system.notification').emit('system.notification', { message: 'deploy', level: 'info' });
    expect((await ann.next('system.notification')).data.message).toBe('deploy');
  });

  it('holds the per-user limit across instances: N admitted over both, N+1 refused with 429 on either', async () => {
    const [one, two] = await cluster({ maxConnectionsPerUser: 2 });
    const jwt = await token('u_n');
    const first = fx.track(await TestClient.connect(one.url(), jwt));
    fx.track(await TestClient.connect(two.url(), jwt));
    for (const on of [one, two]) {
      const refused = await TestClient.open(`${on.url()}?token=${jwt}`).then(
        (client) => (fx.track(client), 101),
        (error: unknown) => (error instanceof UpgradeRejected ? error.status : Promise.reject(error)),
      );
      expect(refused).toBe(429);
    }
    await first.close();
    await quiet(100);
    fx.track(await TestClient.connect(two.url(), jwt));
  });

  it('announces no offline presence while the user stays connected on the other instance', async () => {
    const [one, two] = await cluster({ presenceGraceMs: 50 });
    const ann = await connect(one, 'ann');
    await ann.request('room.join', { room_id: 'r' });
    const tab1 = await connect(one, 'bob');
    const tab2 = await connect(two, 'bob');
    await tab1.request('room.join', { room_id: 'r' });
    expect((await ann.next('presence.status')).data).toMatchObject({ user_id: 'bob', status: 'online' });
    await tab2.request('room.join', { room_id: 'r' });
    await tab1.close();
    await quiet(300);
    expect(ann.received.filter((m) => m.type === 'presence.status')).toEqual([]);
    await tab2.close();
    expect((await ann.next('presence.status', 2000)).data).toMatchObject({ user_id: 'bob', status: 'offline' });
  });

  it('an instance that shuts down takes its members out of their rooms first: the other instance hears client_left', async () => {
    const { servers, brokers } = await redis.start(2);
    const [one, two] = servers as [Running, Running];
    const ann = await connect(one, 'ann');
    const bob = await connect(two, 'bob');
    await ann.request('room.join', { room_id: 'r' });
    await bob.request('room.join', { room_id: 'r' });
    // The service's order: the server, then at once its broker (packages/server/src/app.ts).
    await one.close();
    await brokers[0]?.close();
    expect((await ann.closed).code).toBe(1001);
    expect((await bob.next('room.update')).data).toMatchObject({ user_id: 'ann', event: 'client_left' });
    const joined = await bob.request('room.join', { room_id: 'r' });
    expect(joined.type === 'room.joined' && joined.data.members.map((m) => m.user_id)).toEqual(['bob']);
  });

  it('resumes on the other instance from the history the first one kept', async () => {
    const [one, two] = await cluster();
    const ann = await connect(one, 'ann');
    const bob = await connect(one, 'bob');
    await ann.request('room.join', { room_id: 'r' }); // seq 1
    await bob.request('room.join', { room_id: 'r' }); // seq 2
    await ann.close();
    await bob.next('room.update'); // ann left: seq 3
    await bob.request('chat.send', { room_id: 'r', content: 'missed' }); // seq 4
    const back = await connect(two, 'ann');
    const done = back.request('resume', { last_seq: [{ room_id: 'r', seq: 2 }] });
    const left = await back.next('room.update');
    const missed = await back.next('chat.message');
    const completed = await done;
    expect([left.data.seq, missed.data.seq]).toEqual([3, 4]);
    expect(missed.data.content).toBe('missed');
    expect(completed.type === 'resume.completed' && completed.data).toMatchObject({ replayed: 2, complete: true });
  });
});
