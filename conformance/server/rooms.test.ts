/**
 * Rooms, presence, chat, typing and subscriptions over real sockets.
 */
import { describe, expect, it } from 'vitest';
import { MemoryBroker } from '@switchboard/runtime/server';
import { quiet, useFixture, type Fixture, type Running, type TestClient } from './harness.js';

const fx = useFixture();
const start = (options: Parameters<Fixture['start']>[0] = {}) => fx.start(options);
const connect = (on: Running, sub: string) => fx.connect(sub, { name: `${sub} name`, on });

/** ann joins `room`, then bob: seq 1 and 2 are their client_joined events. */
async function annAndBobIn(server: Running, room: string): Promise<[TestClient, TestClient]> {
  const ann = await connect(server, 'ann');
  const bob = await connect(server, 'bob');
  await ann.request('room.join', { room_id: room });
  await bob.request('room.join', { room_id: room });
  return [ann, bob];
}

describe('rooms', () => {
  // Every join and leave is a room event with its own seq, even when nobody else is there to see
  // it: the room's history (and so resume) is complete.
  it('join answers room.joined with the presence list; the others get room.update client_joined', async () => {
    const server = await start();
    const ann = await connect(server, 'ann');
    const bob = await connect(server, 'bob');
    const first = await ann.request('room.join', { room_id: 'general' });
    expect(first.type === 'room.joined' && first.data).toMatchObject({ room_id: 'general', member_count: 1, last_seq: 1 });
    const second = await bob.request('room.join', { room_id: 'general' });
    expect(second.type === 'room.joined' && second.data.members.map((m) => [m.user_id, m.username, m.connections])).toEqual([
      ['ann', 'ann name', 1],
      ['bob', 'bob name', 1],
    ]);
    const update = await ann.next('room.update');
    expect(update.data).toMatchObject({ room_id: 'general', event: 'client_joined', user_id: 'bob', username: 'bob name', seq: 2, member_count: 2 });
    await quiet();
    expect(bob.received.filter((m) => m.type === 'room.update')).toEqual([]);
  });

  it('lists N members, and at N+1 the earliest N-1 plus the joiner, with the full member_count', async () => {
    const server = await start({ presenceListLimit: 3 });
    const names = ['u1', 'u2', 'u3', 'u4'];
    const lists: string[][] = [];
    const counts: number[] = [];
    for (const name of names) {
      const joined = await (await connect(server, name)).request('room.join', { room_id: 'big' });
      if (joined.type !== 'room.joined') throw new Error(`expected room.joined, got ${joined.type}`);
      lists.push(joined.data.members.map((m) => m.user_id));
      counts.push(joined.data.member_count);
      await quiet(5); // distinct joined_at
    }
    expect(lists[2]).toEqual(['u1', 'u2', 'u3']);
    expect(lists[3]).toEqual(['u1', 'u2', 'u4']);
    expect(counts).toEqual([1, 2, 3, 4]);
  });

  it('joining twice is idempotent', async () => {
    const server = await start();
    const ann = await connect(server, 'ann');
    await ann.request('room.join', { room_id: 'r' });
    const again = await ann.request('room.join', { room_id: 'r' });
    expect(again.type === 'room.joined' && again.data.member_count).toBe(1);
  });

  it('leave answers room.left and tells the others client_left; leaving a room one is not in is NOT_IN_ROOM', async () => {
    const server = await start();
    const [ann, bob] = await annAndBobIn(server, 'r');
    await ann.next('room.update');
    expect((await bob.request('room.leave', { room_id: 'r' })).type).toBe('room.left');
    expect((await ann.next('room.update')).data).toMatchObject({ event: 'client_left', user_id: 'bob', member_count: 1 });
    const error = await bob.request('room.leave', { room_id: 'r' });
    expect(error.type === 'error' && [error.data.code, error.data.details?.room_id]).toEqual(['NOT_IN_ROOM', 'r']);
  });

  it('a disconnect leaves every room (client_left to the others)', async () => {
    const server = await start();
    const [ann, bob] = await annAndBobIn(server, 'r');
    await ann.next('room.update');
    await bob.close();
    expect((await ann.next('room.update')).data).toMatchObject({ event: 'client_left', user_id: 'bob' });
  });

  it('asks the room authorizer, and refuses with FORBIDDEN', async () => {
    const server = await start({ authorizeRoom: (user, room) => !room.startsWith('private:') || room === `private:${user.id}` });
    const ann = await connect(server, 'ann');
    expect((await ann.request('room.join', { room_id: 'private:ann' })).type).toBe('room.joined');
    const error = await ann.request('room.join', { room_id: 'private:bob' });
    expect(error.type === 'error' && error.data.code).toBe('FORBIDDEN');
  });

  it('admits N rooms per connection and refuses the N+1th', async () => {
    const server = await start({ maxRoomsPerConnection: 3 });
    const ann = await connect(server, 'ann');
    for (const room of ['a', 'b', 'c']) expect((await ann.request('room.join', { room_id: room })).type).toBe('room.joined');
    const error = await ann.request('room.join', { room_id: 'd' });
    expect(error.type === 'error' && [error.data.code, error.data.details?.limit]).toEqual(['FORBIDDEN', 3]);
  });
});

describe('chat', () => {
  it('chat.send is acknowledged with chat.sent; every member, sender included, gets chat.message with the next seq', async () => {
    const server = await start();
    const ann = await connect(server, 'ann');
    const bob = await connect(server, 'bob');
    await ann.request('room.join', { room_id: 'r' }); // seq 1: ann's client_joined
    await bob.request('room.join', { room_id: 'r' }); // seq 2: bob's
    const sent = await ann.request('chat.send', { room_id: 'r', content: 'Hello' });
    expect(sent.type === 'chat.sent' && sent.data.seq).toBe(3);
    for (const client of [ann, bob]) {
      const message = await client.next('chat.message');
      expect(message.data).toMatchObject({ room_id: 'r', user_id: 'ann', username: 'ann name', content: 'Hello', seq: 3 });
    }
  });

  it('a room message sent from code gets the room\'s seq, even when the caller passed a seq of its own', async () => {
    const server = await start();
    const [ann] = await annAndBobIn(server, 'r'); // seqs 1 and 2
    const data = { id: 'm_x', room_id: 'r', user_id: 'sys', username: 'System', content: 'from code', timestamp: new Date().toISOString() };
    const plain = await server.server.toRoom('r').emit('chat.message', data);
    // Not in the emit type (the runtime numbers room messages); a JavaScript caller can still pass one.
    const stray = await server.server.toRoom('r').emit('chat.message', { ...data, seq: 99 } as typeof data);
    expect([plain.seq, stray.seq]).toEqual([3, 4]);
    const received = [await ann.next('chat.message'), await ann.next('chat.message')];
    expect(received.map((m) => [m.id, m.data.seq])).toEqual([[plain.id, 3], [stray.id, 4]]);
    expect(received[1]?.data).toEqual({ ...data, epoch: received[0]?.data.epoch, seq: 4 });
  });

  it('keeps order within a room: seqs arrive increasing', async () => {
    const server = await start();
    const [ann, bob] = await annAndBobIn(server, 'r');
    for (let i = 0; i < 20; i++) ann.send('chat.send', { room_id: 'r', content: `m${i}` });
    const seqs: number[] = [];
    for (let i = 0; i < 20; i++) seqs.push((await bob.next('chat.message')).data.seq);
    expect(seqs).toEqual(seqs.slice().sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(20);
  });

  it('refuses chat.send to a room the sender is not in with NOT_IN_ROOM', async () => {
    const server = await start();
    const ann = await connect(server, 'ann');
    const error = await ann.request('chat.send', { room_id: 'elsewhere', content: 'hi' });
    expect(error.type === 'error' && error.data.code).toBe('NOT_IN_ROOM');
  });

  it('typing reaches the others in the room as user.typing, not the sender', async () => {
    const server = await start();
    const [ann, bob] = await annAndBobIn(server, 'r');
    ann.send('typing', { room_id: 'r', is_typing: true });
    expect((await bob.next('user.typing')).data).toEqual({ room_id: 'r', user_id: 'ann', username: 'ann name', is_typing: true });
    await quiet();
    expect(ann.received.filter((m) => m.type === 'user.typing')).toEqual([]);
  });

  it('reaches members on another instance sharing the broker', async () => {
    const broker = new MemoryBroker();
    const one = await start({ broker, nodeId: 'one' });
    const two = await start({ broker, nodeId: 'two' });
    const ann = await connect(one, 'ann');
    const bob = await connect(two, 'bob');
    await ann.request('room.join', { room_id: 'r' });
    await bob.request('room.join', { room_id: 'r' });
    expect((await ann.next('room.update')).data.user_id).toBe('bob');
    await ann.request('chat.send', { room_id: 'r', content: 'across' });
    expect((await bob.next('chat.message')).data.content).toBe('across');
  });
});

describe('event subscriptions', () => {
  it('subscribe is confirmed; only subscribers get the event; unsubscribe stops it', async () => {
    const server = await start();
    const ann = await connect(server, 'ann');
    const bob = await connect(server, 'bob');
    const confirmed = await ann.request('subscribe', { events: ['system.notification', 'upload.progress'] });
    expect(confirmed.type === 'subscription.confirmed' && confirmed.data).toEqual({
      events: ['system.notification', 'upload.progress'],
      subscriptions: ['upload.progress', 'system.notification'],
    });
    await server.server.toSubscribers('system.notification').emit('system.notification', { message: 'Deploy at 5', level: 'info' });
    expect((await ann.next('system.notification')).data.message).toBe('Deploy at 5');
    await quiet();
    expect(bob.received).toEqual([]);
    const off = await ann.request('unsubscribe', { events: ['system.notification'] });
    expect(off.type === 'unsubscription.confirmed' && off.data.subscriptions).toEqual(['upload.progress']);
    await server.server.toSubscribers('system.notification').emit('system.notification', { message: 'again', level: 'info' });
    await quiet();
    expect(ann.received).toEqual([]);
  });

  it('an event outside the spec is UNKNOWN_EVENT at /data/events/0, naming it', async () => {
    const server = await start();
    const ann = await connect(server, 'ann');
    const error = await ann.request('subscribe', { events: ['root.shell'] });
    expect(error.type === 'error' && [error.data.code, error.data.details?.pointer, error.data.details?.event]).toEqual(['UNKNOWN_EVENT', '/data/events/0', 'root.shell']);
  });

  it('asks the event authorizer, and refuses with FORBIDDEN naming the event', async () => {
    const server = await start({ authorizeEvent: (_user, event) => event !== 'system.maintenance' });
    const ann = await connect(server, 'ann');
    const error = await ann.request('subscribe', { events: ['file.ready', 'system.maintenance'] });
    expect(error.type === 'error' && [error.data.code, error.data.details?.event]).toEqual(['FORBIDDEN', 'system.maintenance']);
    // All or nothing: file.ready was not subscribed either.
    const confirmed = await ann.request('subscribe', { events: ['file.ready'] });
    expect(confirmed.type === 'subscription.confirmed' && confirmed.data.subscriptions).toEqual(['file.ready']);
  });
});

describe('presence.status', () => {
  it('tells the room when a user comes online (first join) and, after the grace period, offline', async () => {
    const server = await start({ presenceGraceMs: 100 });
    const ann = await connect(server, 'ann');
    await ann.request('room.join', { room_id: 'r' });
    const bob = await connect(server, 'bob');
    await bob.request('room.join', { room_id: 'r' });
    const online = await ann.next('presence.status');
    expect(online.data).toMatchObject({ user_id: 'bob', username: 'bob name', status: 'online' });
    await bob.close();
    const offline = await ann.next('presence.status', 2000);
    expect(offline.data).toMatchObject({ user_id: 'bob', status: 'offline' });
    expect(Date.parse(offline.data.last_seen)).toBeLessThanOrEqual(Date.now());
  });

  it('announces nothing when the user is back within the grace period (a reload does not flicker)', async () => {
    const server = await start({ presenceGraceMs: 300 });
    const ann = await connect(server, 'ann');
    await ann.request('room.join', { room_id: 'r' });
    const bob = await connect(server, 'bob');
    await bob.request('room.join', { room_id: 'r' });
    await ann.next('presence.status');
    await bob.close();
    const back = await connect(server, 'bob');
    await back.request('room.join', { room_id: 'r' });
    await quiet(500);
    expect(ann.received.filter((m) => m.type === 'presence.status')).toEqual([]);
  });

  it('says nothing while another connection of the user stays', async () => {
    const server = await start({ presenceGraceMs: 50 });
    const ann = await connect(server, 'ann');
    await ann.request('room.join', { room_id: 'r' });
    const tab1 = await connect(server, 'bob');
    const tab2 = await connect(server, 'bob');
    await tab1.request('room.join', { room_id: 'r' });
    await ann.next('presence.status');
    await tab2.request('room.join', { room_id: 'r' });
    await tab1.close();
    await quiet(200);
    expect(ann.received.filter((m) => m.type === 'presence.status')).toEqual([]);
  });
});
