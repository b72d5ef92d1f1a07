/**
 * The seeds' own test lists, one test each, in their words (seed 001 "Testing", seed 004
 * "Testing"). Most lines are also covered in depth by the other files here; this file is the
 * checklist a reader of the seeds can tick off.
 */
import { describe, expect, it } from 'vitest';
import { quiet, TestClient, token, UpgradeRejected, useFixture } from './harness.js';

const fx = useFixture();

describe('seed 001', () => {
  it('test_websocket_connection: connection.established with a connection id', async () => {
    await fx.start();
    const client = await fx.connect('test-user-123');
    expect(client.socket.readyState).toBe(client.socket.OPEN);
  });

  it('test_websocket_authentication: an invalid token is rejected', async () => {
    await fx.start();
    await fx.open(fx.running.url('/ws/invalid-token')); // not JWT-shaped: a client label, not a token...
    const status = await TestClient.open(`${fx.running.url()}?token=invalid.token.value`).then(
      () => 101,
      (error: unknown) => (error instanceof UpgradeRejected ? error.status : 0),
    );
    expect(status).toBe(401); // ...while a token that does not verify is refused at the upgrade
  });

  it('test_ping_pong: ping answered by pong with the pingId', async () => {
    await fx.start();
    const client = await fx.connect('test-user-123');
    const pong = await client.request('ping', { pingId: 'ping_1' });
    expect(pong.type === 'pong' && pong.data.pingId).toBe('ping_1');
  });

  it('test_subscription_system: subscription.confirmed with the events', async () => {
    await fx.start();
    const client = await fx.connect('test-user-123');
    const confirmed = await client.request('subscribe', { events: ['upload.progress', 'review.created'] });
    expect(confirmed.type === 'subscription.confirmed' && confirmed.data.events).toEqual(['upload.progress', 'review.created']);
  });

  it('test_rate_limiting: the 101st message in the window is RATE_LIMIT_EXCEEDED', async () => {
    await fx.start();
    const client = await fx.connect('test-user-123');
    for (let i = 0; i < 100; i++) client.send('ping', {});
    for (let i = 0; i < 100; i++) await client.next('pong');
    expect((await client.request('ping', {})).type === 'error').toBe(true);
  });

  it('test_full_websocket_workflow: connect by /ws/{token}, subscribe, server-side broadcast, receive it', async () => {
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

describe('seed 004', () => {
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
