/**
 * Token refresh and expiry, heartbeats and idle close, slow consumers, graceful shutdown.
 */
import { describe, expect, it } from 'vitest';
import { quiet, token, useFixture, type Fixture } from './harness.js';

const fx = useFixture();
const start = (options: Parameters<Fixture['start']>[0] = {}) => fx.start(options);
const connect = (jwt: string) => fx.connectWith(jwt);

describe('token lifetime', () => {
  it('closes a connection whose token expires unrefreshed with TOKEN_EXPIRED and 4001', async () => {
    await start();
    // exp has whole seconds: 2 s from now is at least 1 s away, so the upgrade itself still passes.
    const client = await connect(await token('ann', { expiresIn: 2 }));
    const error = await client.next('error', 4000);
    expect([error.data.code, error.data.close_code]).toEqual(['TOKEN_EXPIRED', 4001]);
    expect((await client.closed).code).toBe(4001);
  });

  it('auth.refresh extends the connection past the first token', async () => {
    await start();
    const client = await connect(await token('ann', { expiresIn: 2 }));
    const refreshed = await client.request('auth.refresh', { token: await token('ann', { expiresIn: 60 }) });
    expect(refreshed.type).toBe('auth.refreshed');
    expect(refreshed.type === 'auth.refreshed' && Date.parse(refreshed.data.expires_at) - Date.now()).toBeGreaterThan(50_000);
    await quiet(2300);
    expect((await client.request('ping', {})).type).toBe('pong');
  });

  it('refuses a refresh with another user\'s token, or an expired one, and keeps the connection', async () => {
    await start();
    const client = await connect(await token('ann'));
    const other = await client.request('auth.refresh', { token: await token('bob') });
    expect(other.type === 'error' && other.data.code).toBe('AUTH_FAILED');
    const expired = await client.request('auth.refresh', { token: await token('ann', { expiresIn: -5 }) });
    expect(expired.type === 'error' && expired.data.code).toBe('TOKEN_EXPIRED');
    expect((await client.request('ping', {})).type).toBe('pong');
  });
});

describe('heartbeat', () => {
  it('pings at the interval; a client that answers pings stays; a silent one is closed with 4004', async () => {
    // 1000 ms is the smallest interval the spec lets a server announce.
    await start({ heartbeatIntervalMs: 1000 });
    const live = await connect(await token('ann'));
    const silent = await connect(await token('bob'));
    // A `ws` client answers protocol pings by itself; stop bob from reading so he cannot.
    silent.socket.pause();
    await quiet(3200);
    silent.socket.resume();
    expect((await silent.closed).code).toBe(4004);
    expect((await live.request('ping', {})).type).toBe('pong');
  });
});

describe('slow consumers', () => {
  it('drops volatile messages past the send buffer and cuts the connection with 4003 after the grace period', async () => {
    const server = await start({ sendBufferLimit: 64 * 1024, slowConsumerGraceMs: 200 });
    const slow = await connect(await token('slow'));
    const fast = await connect(await token('fast'));
    slow.socket.pause();
    // Fill the buffer with big non-volatile messages the paused client does not read.
    const big = { message: 'x'.repeat(1000), level: 'info' as const };
    for (let batch = 0; batch < 200 && server.server.connectionCount === 2; batch++) {
      await Promise.all(Array.from({ length: 200 }, () => server.server.toAll().emit('system.notification', big)));
      await server.server.toAll().emit('upload.progress', { upload_id: 'up', progress: batch % 100, bytes_uploaded: batch, total_bytes: 1000 });
      await quiet(20);
    }
    slow.socket.resume();
    // The 4003 close frame waited behind megabytes the paused client never read, so the server
    // destroyed the socket: the client sees an abnormal closure, the server's metric the 4003.
    expect((await slow.closed).code).toBe(1006);
    // The fast client was never affected.
    expect((await fast.request('ping', {})).type).toBe('pong');
    const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    expect(text).toMatch(/switchboard_disconnects_total\{code="4003"\} 1/);
    expect(Number(/switchboard_dropped_total\{reason="volatile_backpressure"\} (\d+)/.exec(text)?.[1])).toBeGreaterThan(0);
  });
});

describe('a client that stops reading', () => {
  it('is cut once its buffer stays over the limit for the grace period, even when nothing more is sent to it', async () => {
    const server = await start({ sendBufferLimit: 64 * 1024, slowConsumerGraceMs: 200 });
    const slow = await connect(await token('stalled'));
    const fast = await connect(await token('fast'));
    slow.socket.pause();
    // One burst, far more than the kernel's socket buffers hold, then silence.
    const note = { message: 'y'.repeat(1000), level: 'info' as const };
    await Promise.all(Array.from({ length: 20_000 }, () => server.server.toUser('stalled').emit('system.notification', note)));
    const burstEnded = Date.now();
    while (server.server.connectionCount === 2 && Date.now() - burstEnded < 15_000) await quiet(50);
    expect(server.server.connectionCount).toBe(1);
    const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    expect(text).toMatch(/switchboard_disconnects_total\{code="4003"\} 1/);
    expect((await fast.request('ping', {})).type).toBe('pong');
    slow.socket.resume();
    await slow.closed;
  });
});

describe('graceful shutdown', () => {
  it('closes every client with 1001, refuses new upgrades, and resolves', async () => {
    const server = await start();
    const a = await connect(await token('ann'));
    const b = await connect(await token('bob'));
    await server.server.close();
    expect((await a.closed).code).toBe(1001);
    expect((await b.closed).code).toBe(1001);
    expect(server.server.health().status).toBe('shutting_down');
  });
});

describe('structured logs', () => {
  it('logs connect and disconnect (with the close code) as JSON lines through the given pino logger', async () => {
    const { pino } = await import('pino');
    const { Writable } = await import('node:stream');
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    await start({ logger: pino({ level: 'info' }, sink) });
    const client = await connect(await token('ann'));
    await client.close();
    await quiet(100);
    const connected = lines.find((l) => l['msg'] === 'connected');
    const disconnected = lines.find((l) => l['msg'] === 'disconnected');
    expect(connected).toMatchObject({ level: 30, user: 'ann', connection: expect.stringMatching(/^c_/) });
    expect(disconnected).toMatchObject({ level: 30, user: 'ann', code: 1000, connection: connected?.['connection'] });
  });
});
