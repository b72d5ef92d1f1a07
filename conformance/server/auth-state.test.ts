/**
 * Authentication as a state of the connection (asyncapi.yaml, operations `auth` and
 * `authRefresh`): `auth` is valid only as the first message, and `auth.refresh` with a new `name`
 * renames the user in every message that follows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quiet, token, useFixture } from './harness.js';

const fx = useFixture();

describe('auth is a first message only', () => {
  it('answers a second auth with INVALID_MESSAGE_TYPE and keeps the connection, however it authenticated', async () => {
    const server = await fx.start();
    const byUpgrade = await fx.connectWith(await token('u_up'));
    const byMessage = await fx.open(server.url());
    byMessage.send('auth', { token: await token('u_msg') });
    await byMessage.next('connection.established');
    for (const client of [byUpgrade, byMessage]) {
      for (const sub of ['someone_else', client === byUpgrade ? 'u_up' : 'u_msg']) {
        const answer = await client.request('auth', { token: await token(sub) });
        expect(answer.type === 'error' && answer.data.code).toBe('INVALID_MESSAGE_TYPE');
        expect(answer.type === 'error' && answer.data.close_code).toBeUndefined();
      }
      expect((await client.request('ping', {})).type).toBe('pong');
    }
  });
});

describe('auth.refresh with a new name', () => {
  it('renames the user in chat, typing, room members, room updates and presence that follow', async () => {
    await fx.start({ presenceGraceMs: 20 });
    const ann = await fx.connect('ann', { name: 'Ann' });
    const bob = await fx.connect('bob', { name: 'Bob' });
    await ann.request('room.join', { room_id: 'r' });
    await bob.request('room.join', { room_id: 'r' });
    await ann.next('room.update');
    const refreshed = await ann.request('auth.refresh', { token: await token('ann', { name: 'Annie' }) });
    expect(refreshed.type).toBe('auth.refreshed');

    await ann.request('chat.send', { room_id: 'r', content: 'hi' });
    expect((await bob.next('chat.message')).data.username).toBe('Annie');
    ann.send('typing', { room_id: 'r', is_typing: true });
    expect((await bob.next('user.typing')).data.username).toBe('Annie');

    const carl = await fx.connect('carl');
    const joined = await carl.request('room.join', { room_id: 'r' });
    expect(joined.type === 'room.joined' && joined.data.members.find((m) => m.user_id === 'ann')?.username).toBe('Annie');

    await ann.request('room.leave', { room_id: 'r' });
    expect((await bob.next('room.update', 3000, (m) => m.data.event === 'client_left')).data.username).toBe('Annie');
    await ann.request('room.join', { room_id: 'r' });
    await ann.close();
    expect((await bob.next('presence.status', 3000, (m) => m.data.status === 'offline')).data.username).toBe('Annie');
  });

  it('any name the token carries is what the next chat.message says (property)', async () => {
    await fx.start();
    const ann = await fx.connect('ann', { name: 'Ann' });
    const bob = await fx.connect('bob');
    await ann.request('room.join', { room_id: 'r' });
    await bob.request('room.join', { room_id: 'r' });
    await ann.next('room.update');
    const names = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((name) => name.trim() === name && name.length > 0);
    await fc.assert(
      fc.asyncProperty(names, async (name) => {
        const refreshed = await ann.request('auth.refresh', { token: await token('ann', { name }) });
        expect(refreshed.type).toBe('auth.refreshed');
        await ann.request('chat.send', { room_id: 'r', content: 'x' });
        expect((await bob.next('chat.message')).data.username).toBe(name);
      }),
      { numRuns: 25 },
    );
    await quiet(20);
  });
});
