/**
 * The generated client and the generated server talking over a real socket, once for every
 * operation of the spec (a smoke test; the property suites build on it).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Client } from '@switchboard/protocol/client';
import { CLIENT_MESSAGE_TYPES, type ServerMessage } from '@switchboard/protocol';
import { startServer, token, type Running } from './harness.js';

let running: Running | null = null;
const clients: Client[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  await running?.close();
  running = null;
});

function client(options: Partial<ConstructorParameters<typeof Client>[0]> = {}): Client {
  const made = new Client({ url: running!.url(), WebSocket, reconnect: { enabled: false }, requestTimeoutMs: 3000, ...options });
  clients.push(made);
  return made;
}

/** Resolves with the next message of `type` the client receives. */
function next<K extends ServerMessage['type']>(on: Client, type: K): Promise<Extract<ServerMessage, { type: K }>> {
  return new Promise((resolve) => {
    const off = on.on(type, (message) => {
      off();
      resolve(message);
    });
  });
}

describe('generated client x generated server, every operation', () => {
  it('covers each client -> server type of the spec', async () => {
    running = await startServer();
    const used = new Set<string>();
    const ann = client({ token: () => token('ann', { name: 'Ann' }) });
    const bob = client({ token: () => token('bob', { name: 'Bob' }) });
    await ann.connect();
    await bob.connect();
    expect(ann.state).toBe('open');

    // auth: a client with no token authenticates with an auth message.
    const late = client();
    const connecting = late.connect();
    const established = await late.auth({ token: await token('carol') });
    await connecting;
    expect(established.data.user_id).toBe('carol');
    used.add('auth');

    const refreshed = await ann.authRefresh({ token: await token('ann', { name: 'Ann', expiresIn: 7200 }) });
    expect(Date.parse(refreshed.data.expires_at)).toBeGreaterThan(Date.now() + 3600_000);
    used.add('auth.refresh');

    expect((await ann.ping({ pingId: 'p1' })).data.pingId).toBe('p1');
    used.add('ping');
    expect((await ann.heartbeat({})).type).toBe('pong');
    used.add('heartbeat');

    expect((await ann.subscribe({ events: ['system.notification'] })).data.subscriptions).toEqual(['system.notification']);
    used.add('subscribe');
    const notified = next(ann, 'system.notification');
    await running.server.toSubscribers('system.notification').emit('system.notification', { message: 'hello subscribers', level: 'info' });
    expect((await notified).data.message).toBe('hello subscribers');
    expect((await ann.unsubscribe({ events: ['system.notification'] })).data.subscriptions).toEqual([]);
    used.add('unsubscribe');

    expect((await ann.roomJoin({ room_id: 'general' })).data.member_count).toBe(1);
    const joinedEvent = next(ann, 'room.update');
    expect((await bob.roomJoin({ room_id: 'general' })).data.member_count).toBe(2);
    expect((await joinedEvent).data.user_id).toBe('bob');
    used.add('room.join');

    const delivered = next(bob, 'chat.message');
    const sent = await ann.chatSend({ room_id: 'general', content: 'Hello, Bob' });
    expect((await delivered).data).toMatchObject({ content: 'Hello, Bob', user_id: 'ann', seq: sent.data.seq });
    used.add('chat.send');

    const typing = next(bob, 'user.typing');
    expect(typeof ann.typing({ room_id: 'general', is_typing: true })).toBe('string');
    expect((await typing).data).toMatchObject({ user_id: 'ann', is_typing: true });
    used.add('typing');

    await running.uploads.noted('ann', 'upload.progress', { upload_id: 'up_1' });
    expect((await ann.uploadCancel({ upload_id: 'up_1' })).data.upload_id).toBe('up_1');
    used.add('upload.cancel');

    const queued = await running.server.toUser('dave').emit('system.notification', { message: 'queued', level: 'info' });
    const dave = client({ token: () => token('dave') });
    const first = next(dave, 'system.notification');
    await dave.connect();
    expect((await first).id).toBe(queued.id);
    dave.ack({ ids: [queued.id] });
    used.add('ack');

    const left = next(ann, 'room.update');
    expect((await bob.roomLeave({ room_id: 'general' })).data.room_id).toBe('general');
    expect((await left).data.event).toBe('client_left');
    used.add('room.leave');

    const resumed = await bob.resume({ last_seq: [{ room_id: 'general', seq: sent.data.seq }] });
    expect(resumed.data.complete).toBe(true);
    used.add('resume');

    expect([...used].sort()).toEqual([...CLIENT_MESSAGE_TYPES].sort());
  });

  it('rejects a request answered by an error with the protocol error code', async () => {
    running = await startServer();
    const ann = client({ token: () => token('ann') });
    await ann.connect();
    await expect(ann.chatSend({ room_id: 'nowhere', content: 'hi' })).rejects.toMatchObject({ name: 'ProtocolError', code: 'NOT_IN_ROOM' });
  });
});
