/**
 * The inbound pipeline over real sockets: size, JSON, validation, rate limit, handlers. Bad input
 * gets the spec's error and the connection, and every other client, keeps working.
 */
import { describe, expect, it } from 'vitest';
import { ProtocolError } from '@switchboard/runtime';
import { defaultHandlers, quiet, useFixture, type Fixture, type TestClient } from './harness.js';

const fx = useFixture();
const connect = (sub: string) => fx.connect(sub, { name: sub });

async function setup(options: Parameters<Fixture['start']>[0] = {}, handlers = defaultHandlers()): Promise<TestClient> {
  await fx.start(options, handlers);
  return connect('u_1');
}

describe('ping / heartbeat', () => {
  it('answers ping with pong echoing pingId, correlated by id', async () => {
    const client = await setup();
    const id = client.send('ping', { pingId: 'p-42' });
    const pong = await client.next('pong');
    expect(pong.correlation_id).toBe(id);
    expect(pong.data.pingId).toBe('p-42');
    expect(Math.abs(Date.parse(pong.data.timestamp) - Date.now())).toBeLessThan(5000);
  });

  it('answers heartbeat (the alias) with pong, without pingId when none was sent', async () => {
    const client = await setup();
    const pong = await client.request('heartbeat', {});
    expect(pong.type).toBe('pong');
    expect(pong.type === 'pong' && 'pingId' in pong.data).toBe(false);
  });
});

describe('bad input gets its error and the connection stays', () => {
  it.each([
    ['not JSON', '{"type": "ping", ', 'INVALID_MESSAGE', ''],
    ['a JSON array', '[1,2]', 'INVALID_MESSAGE', ''],
    ['an unknown type', '{"type":"nope","id":"x1","data":{}}', 'INVALID_MESSAGE_TYPE', '/type'],
    ['a server-to-client type', '{"type":"pong","id":"x1","data":{"timestamp":"2025-01-01T00:00:00Z"}}', 'INVALID_MESSAGE_TYPE', '/type'],
    ['a missing field', '{"type":"chat.send","id":"x1","data":{"room_id":"r"}}', 'INVALID_MESSAGE', '/data/content'],
    ['an extra field', '{"type":"ping","id":"x1","data":{},"admin":true}', 'INVALID_MESSAGE', '/admin'],
    ['an empty chat message', '{"type":"chat.send","id":"x1","data":{"room_id":"r","content":""}}', 'INVALID_MESSAGE', '/data/content'],
    ['a too long chat message', JSON.stringify({ type: 'chat.send', id: 'x1', data: { room_id: 'r', content: 'a'.repeat(4001) } }), 'INVALID_MESSAGE', '/data/content'],
    ['a __proto__ key', '{"type":"ping","id":"x1","data":{"__proto__":{"polluted":true}}}', 'INVALID_MESSAGE', '/data/__proto__'],
  ])('%s', async (_name, frame, code, pointer) => {
    const client = await setup();
    client.raw(frame);
    const error = await client.next('error');
    expect(error.data.code).toBe(code);
    expect(error.data.details?.pointer ?? '').toBe(pointer);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((await client.request('ping', {})).type).toBe('pong');
  });

  it('carries the request id as correlation_id on a validation error', async () => {
    const client = await setup();
    client.raw('{"type":"chat.send","id":"mine-1","data":{"room_id":"r"}}');
    const error = await client.next('error');
    expect(error.correlation_id).toBe('mine-1');
    expect(error.data.correlation_id).toBe('mine-1');
  });

  it('answers a binary frame with INVALID_MESSAGE', async () => {
    const client = await setup();
    client.raw(Buffer.from('{"type":"ping","id":"b","data":{}}'), true);
    expect((await client.next('error')).data.code).toBe('INVALID_MESSAGE');
    expect((await client.request('ping', {})).type).toBe('pong');
  });
});

describe('message size', () => {
  const frameOf = (bytes: number): string => {
    const base = JSON.stringify({ type: 'ping', id: 's', data: { pingId: '' } });
    return JSON.stringify({ type: 'ping', id: 's', data: { pingId: 'x'.repeat(bytes - base.length) } });
  };

  // 1024 is the smallest limit the spec lets a server announce (ConnectionLimits.max_message_size).
  it('accepts N bytes, answers N+1 with MESSAGE_TOO_LARGE (and the limit)', async () => {
    const client = await setup({ maxMessageSize: 1024 });
    client.raw(frameOf(1024));
    // 1024 bytes passes the size check, then fails validation (pingId is at most 64 long): not a size error.
    expect((await client.next('error')).data.code).toBe('INVALID_MESSAGE');
    client.raw(frameOf(1025));
    const error = await client.next('error');
    expect(error.data.code).toBe('MESSAGE_TOO_LARGE');
    expect(error.data.details?.limit).toBe(1024);
    expect((await client.request('ping', {})).type).toBe('pong');
  });

  it('closes with 1009 above four times the limit', async () => {
    const client = await setup({ maxMessageSize: 1024 });
    client.raw(frameOf(4096));
    expect((await client.next('error')).data.code).toBe('MESSAGE_TOO_LARGE');
    client.raw(frameOf(4097));
    expect((await client.closed).code).toBe(1009);
  });
});

describe('rate limit (sliding window per user)', () => {
  it('allows the 100th message in a window and refuses the 101st with RATE_LIMIT_EXCEEDED and retry_after', async () => {
    const client = await setup();
    for (let i = 1; i <= 100; i++) client.send('ping', { pingId: `p${i}` });
    for (let i = 1; i <= 100; i++) await client.next('pong');
    client.send('ping', { pingId: 'p101' });
    const error = await client.next('error');
    expect(error.data.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(error.data.retry_after).toBeGreaterThanOrEqual(1);
    expect(error.data.retry_after).toBeLessThanOrEqual(60);
    await quiet(100);
    expect(client.received.filter((m) => m.type === 'pong')).toEqual([]);
  });

  it('counts per user across their connections, and not other users', async () => {
    const client = await setup({ rateLimit: { limit: 3, windowMs: 60_000 } });
    const second = await connect('u_1');
    const other = await connect('u_2');
    await client.request('ping', {});
    await second.request('ping', {});
    await client.request('ping', {});
    expect((await second.request('ping', {})).type).toBe('error');
    expect((await other.request('ping', {})).type).toBe('pong');
  });

  it('sends at most one rate-limit error per second per connection', async () => {
    const client = await setup({ rateLimit: { limit: 1, windowMs: 60_000, banAfterViolations: 0 } });
    for (let i = 0; i < 20; i++) client.send('ping', {});
    await client.next('pong');
    await client.next('error');
    await quiet(200);
    expect(client.received.filter((m) => m.type === 'error')).toEqual([]);
  });

  it('bans after repeated violations: close 4008', async () => {
    const client = await setup({ rateLimit: { limit: 1, windowMs: 60_000, banAfterViolations: 2, banWindowMs: 60_000 } });
    client.send('ping', {});
    await client.next('pong');
    client.send('ping', {});
    expect((await client.next('error')).data.code).toBe('RATE_LIMIT_EXCEEDED');
    await quiet(1050); // the next error may only be sent a second later
    client.send('ping', {});
    const ban = await client.next('error');
    expect(ban.data.close_code).toBe(4008);
    expect((await client.closed).code).toBe(4008);
  });
});

describe('handlers', () => {
  it('a handler that throws gives INTERNAL_ERROR to that client only', async () => {
    const handlers = defaultHandlers();
    const client = await setup({}, {
      ...handlers,
      typing() {
        throw new Error('database on fire');
      },
    });
    const other = await connect('u_2');
    await client.request('room.join', { room_id: 'r' });
    await other.request('room.join', { room_id: 'r' });
    const error = await client.request('typing', { room_id: 'r', is_typing: true });
    expect(error.type === 'error' && error.data.code).toBe('INTERNAL_ERROR');
    expect(error.type === 'error' && error.data.message).not.toContain('database');
    await quiet(100);
    expect(other.received.filter((m) => m.type === 'error')).toEqual([]);
    expect((await other.request('chat.send', { room_id: 'r', content: 'still here' })).type).toBe('chat.sent');
  });

  it('a ProtocolError thrown by a handler reaches the client with its code', async () => {
    const client = await setup({}, {
      ...defaultHandlers(),
      uploadCancel() {
        throw new ProtocolError('FORBIDDEN', 'not your upload');
      },
    });
    const error = await client.request('upload.cancel', { upload_id: 'up_1' });
    expect(error.type === 'error' && [error.data.code, error.data.message]).toEqual(['FORBIDDEN', 'not your upload']);
  });

  it('keeps the order of one connection\'s messages even when handlers are async', async () => {
    const client = await setup({}, {
      ...defaultHandlers(),
      async chatSend(message) {
        await new Promise((resolve) => setTimeout(resolve, message.data.content === 'slow' ? 50 : 0));
        return { message_id: message.id, room_id: message.data.room_id, seq: 1, timestamp: new Date().toISOString() };
      },
    });
    const first = client.send('chat.send', { room_id: 'r', content: 'slow' });
    const second = client.send('chat.send', { room_id: 'r', content: 'fast' });
    await quiet(200);
    expect(client.received.map((m) => m.correlation_id)).toEqual([first, second]);
  });
});
