/**
 * The basic behaviours of a running server, one short test each: connect, refuse a bad token,
 * ping, subscribe, rate-limit, broadcast, validate chat input. Most are also covered in depth by
 * the other files here; this file is the overview a reader can check at a glance.
 */
import { describe, expect, it } from 'vitest';
import { quiet, TestClient, token, UpgradeRejected, useFixture } from './harness.js';

const fx = useFixture();

describe('a client session', () => {
  it('connects: connection.established with a connection id', async () => {
    await fx.start();
    const client = await fx.connect('test-user-123');
    expect(client.socket.readyState).toBe(client.socket.OPEN);
  });

  it('refuses a token that does not verify at the upgrade', async () => {
    await fx.start();
    await fx.open(fx.running.url('/ws/invalid-token')); // not JWT-shaped: a client label, not a token...
    const status = await TestClient.open(`${fx.running.url()}?token=invalid.token.value`).then(
      () => 101,
      (error: unknown) => (error instanceof UpgradeRejected ? error.status : 0),
    );
    expect(status).toBe(401); // ...while a token that does not verify is refused at the upgrade
  });

  it('answers ping by pong with the pingId', async () => {
    await fx.start();
    const client = await fx.connect('test-user-123');
    const pong = await client.request('ping', { pingId: 'ping_1' });
    expect(pong.type === 'pong' && pong.data.pingId).toBe('ping_1');
  });

  it('confirms a subscription with its events', async () => {
    await fx.start();
    const client = await fx.connect('test-user-123');
    const confirmed = await client.request('subscribe', { events: ['upload.progress', 'review.created'] });
    expect(confirmed.type === 'subscription.confirmed' && confirmed.data.events).toEqual(['upload.progress', 'review.created']);
  });

  it('answers the 101st message in the window with RATE_LIMIT_EXCEEDED', async () => {
    await fx.start();
    const client = await fx.connect('test-user-123');
    for (let i = 0; i < 100; i++) client.send('ping', {});
    for (let i = 0; i < 100; i++) await client.next('pong');
    expect((await client.request('ping', {})).type === 'error').toBe(true);
  });

  it('connects by /ws/{token}, subscribes, and receives a server-side broadcast', async () => {
    await fx.start();
    const jwt = await token('test-user-123');
    const client = fx.track(await TestClient.open(fx.running.url(`/ws/${jwt}`)));
    const established = await client.next('connection.established');
    expect(established.data.connection_id).toMatch(/^c_/);
    await client.request('subscribe', { events: ['file.processing'] });
    await fx.running.server.toSubscribers('file.processing').emit('file.processing', { file_id: 'file_456', status: 'processing', progress: 50 });
    const broadcast = await client.next('file.processing');
    expect(broadcast.data).toMatchObject({ file_id: 'file_456', progress: 50 });
  });
});

describe('bad input', () => {
  it('closes with 1008 on a bad token (sent in an auth message)', async () => {
    await fx.start();
    const client = await fx.open(fx.running.url());
    client.send('auth', { token: await token('u', { secret: 'not-the-server-secret-0123456789ab' }) });
    expect((await client.closed).code).toBe(1008);
  });

  it('rejects an empty and a too-long chat message, and keeps the connection', async () => {
    await fx.start();
    const client = await fx.connect('test-user');
    await client.request('room.join', { room_id: 'test-session' });
    for (const content of ['', 'x'.repeat(4001)]) {
      const error = await client.request('chat.send', { room_id: 'test-session', content });
      expect(error.type === 'error' && [error.data.code, error.data.details?.pointer]).toEqual(['INVALID_MESSAGE', '/data/content']);
    }
    await quiet(50);
    expect((await client.request('chat.send', { room_id: 'test-session', content: 'x'.repeat(4000) })).type).toBe('chat.sent');
  });
});
