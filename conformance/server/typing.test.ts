/**
 * Typing is per user: `user.typing` reaches the other users in the room, never the typer's own
 * connections (on any instance), and a typer who leaves the room or whose connection closes ends
 * the indicator with `is_typing: false`.
 */
import { describe, expect, it } from 'vitest';
import type { TypingEnvelope } from '@switchboard/protocol';
import type { ServerTypes } from '@switchboard/protocol/server';
import { MemoryBroker, type HandlerContext } from '@switchboard/runtime/server';
import { defaultHandlers, quiet, useFixture, type Running, type TestClient } from './harness.js';
import { useRedisCluster } from './redis-cluster.js';

const fx = useFixture();
const redis = useRedisCluster(fx);
const connect = (on: Running, sub: string) => fx.connect(sub, { name: `${sub} name`, on });

async function inRoom(clients: readonly TestClient[], room = 'r'): Promise<void> {
  for (const client of clients) expect((await client.request('room.join', { room_id: room })).type).toBe('room.joined');
}

const typingOf = (client: TestClient) => client.received.filter((m) => m.type === 'user.typing');

/** Two instances sharing a MemoryBroker. */
async function pair(): Promise<[Running, Running]> {
  const broker = new MemoryBroker();
  return [await fx.start({ broker, nodeId: 'one' }), await fx.start({ broker, nodeId: 'two' })];
}

describe('typing', () => {
  it('reaches the other users in the room, on both instances, and none of the typer\'s own connections', async () => {
    const [one, two] = await pair();
    const tab1 = await connect(one, 'ann');
    const tab2 = await connect(two, 'ann');
    const tab3 = await connect(one, 'ann');
    const bob = await connect(two, 'bob');
    const carol = await connect(one, 'carol');
    await inRoom([tab1, tab2, tab3, bob, carol]);
    tab1.send('typing', { room_id: 'r', is_typing: true });
    for (const other of [bob, carol]) {
      expect((await other.next('user.typing')).data).toEqual({ room_id: 'r', user_id: 'ann', username: 'ann name', is_typing: true });
    }
    await quiet();
    for (const own of [tab1, tab2, tab3]) expect(typingOf(own)).toEqual([]);
  });

  it('leaving the room while typing tells the room is_typing false', async () => {
    const [one, two] = await pair();
    const ann = await connect(one, 'ann');
    const bob = await connect(two, 'bob');
    await inRoom([ann, bob]);
    ann.send('typing', { room_id: 'r', is_typing: true });
    expect((await bob.next('user.typing')).data.is_typing).toBe(true);
    expect((await ann.request('room.leave', { room_id: 'r' })).type).toBe('room.left');
    expect((await bob.next('user.typing')).data).toEqual({ room_id: 'r', user_id: 'ann', username: 'ann name', is_typing: false });
  });

  it('the typer\'s last connection closing tells the room is_typing false', async () => {
    const [one, two] = await pair();
    const ann = await connect(one, 'ann');
    const bob = await connect(two, 'bob');
    await inRoom([ann, bob]);
    ann.send('typing', { room_id: 'r', is_typing: true });
    expect((await bob.next('user.typing')).data.is_typing).toBe(true);
    await ann.close();
    expect((await bob.next('user.typing')).data).toMatchObject({ user_id: 'ann', is_typing: false });
  });

  it('says nothing more when the typer had stopped, or never typed, before leaving', async () => {
    const server = await fx.start();
    const ann = await connect(server, 'ann');
    const dan = await connect(server, 'dan');
    const bob = await connect(server, 'bob');
    await inRoom([ann, dan, bob]);
    ann.send('typing', { room_id: 'r', is_typing: true });
    ann.send('typing', { room_id: 'r', is_typing: false });
    expect((await bob.next('user.typing')).data.is_typing).toBe(true);
    expect((await bob.next('user.typing')).data.is_typing).toBe(false);
    await ann.request('room.leave', { room_id: 'r' });
    await dan.close();
    await bob.next('room.update', 3000, (m) => m.data.user_id === 'dan');
    await quiet();
    expect(typingOf(bob)).toEqual([]);
  });

  it('setTyping refuses a room the connection is not in with NOT_IN_ROOM, even from a handler that does not check', async () => {
    const handlers = { ...defaultHandlers(), typing: (message: TypingEnvelope, context: HandlerContext<ServerTypes>) => context.setTyping(message.data.room_id, message.data.is_typing) };
    const server = await fx.start({}, handlers);
    const ann = await connect(server, 'ann');
    const error = await ann.request('typing', { room_id: 'elsewhere', is_typing: true });
    expect(error.type === 'error' && [error.data.code, error.data.details?.room_id]).toEqual(['NOT_IN_ROOM', 'elsewhere']);
  });

  it('across instances sharing Redis: the typer\'s tab on the other instance hears nothing, and a close ends it there', async () => {
    const { servers } = await redis.start(2);
    const [one, two] = servers as [Running, Running];
    const tab1 = await connect(one, 'ann');
    const tab2 = await connect(two, 'ann');
    const bob = await connect(two, 'bob');
    await inRoom([tab1, tab2, bob]);
    tab1.send('typing', { room_id: 'r', is_typing: true });
    expect((await bob.next('user.typing')).data.is_typing).toBe(true);
    await tab1.close();
    expect((await bob.next('user.typing')).data).toMatchObject({ user_id: 'ann', is_typing: false });
    await quiet();
    expect(typingOf(tab2)).toEqual([]);
  });
});
