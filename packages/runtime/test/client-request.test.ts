import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionClosedError, ProtocolError, TimeoutError } from '../src/errors.js';
import { closeAll, createClient, delay, diagnosticsOf, startServer, waitFor, type TestInbound } from './client-harness.js';

afterEach(closeAll);

type Pong = Extract<TestInbound, { type: 'pong' }>;
type RoomJoined = Extract<TestInbound, { type: 'room.joined' }>;

async function connected(options: Parameters<typeof createClient>[1] = {}) {
  const server = await startServer();
  const test = createClient(server.url, options);
  await test.client.connect();
  const peer = await server.peers.next();
  return { server, peer, ...test };
}

describe('ClientCore: request', () => {
  it('matches replies by correlation_id with two requests in flight answered out of order', async () => {
    const { client, peer } = await connected();
    const first = client.request<Pong>('ping', { pingId: 'a' });
    const second = client.request<Pong>('ping', { pingId: 'b' });
    const requestA = await peer.received.next();
    const requestB = await peer.received.next();
    expect(requestA).toMatchObject({ type: 'ping', data: { pingId: 'a' } });
    expect(requestA.id).not.toBe(requestB.id);

    peer.reply(requestB, 'pong', { pingId: 'b' });
    peer.reply(requestA, 'pong', { pingId: 'a' });
    expect((await first).data).toEqual({ pingId: 'a' });
    expect((await second).data).toEqual({ pingId: 'b' });
    expect((await first).correlation_id).toBe(requestA.id);
  });

  it('sends the envelope the spec describes: type, uuid id, ISO timestamp, data', async () => {
    const { client, peer } = await connected();
    const id = client.send('chat.send', { room_id: 'general', content: 'hi' });
    const sent = await peer.received.next();
    expect(sent).toEqual({ type: 'chat.send', id, timestamp: expect.any(String), data: { room_id: 'general', content: 'hi' } });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Date(sent.timestamp ?? '').toISOString()).toBe(sent.timestamp);
  });

  it('ignores a correlated message of a type that does not answer the request', async () => {
    const { client, peer, diagnostics, messages } = await connected();
    const joining = client.request<RoomJoined>('room.join', { room_id: 'general' });
    const request = await peer.received.next();
    const stray = peer.reply(request, 'chat.message', { content: 'not a reply' });
    const reply = peer.reply(request, 'room.joined', { room_id: 'general' });

    expect(await joining).toEqual(reply);
    expect(diagnosticsOf(diagnostics, 'unexpected-reply')).toEqual([
      { kind: 'unexpected-reply', requestType: 'room.join', message: stray },
    ]);
    // Still a message like any other for the listeners.
    expect(messages.map((message) => message.id)).toContain(stray.id);
  });

  it('rejects with ProtocolError carrying the code, message and retry_after of an error reply', async () => {
    const { client, peer } = await connected();
    const joining = client.request('room.join', { room_id: 'secret' });
    const request = await peer.received.next();
    peer.reply(request, 'error', {
      code: 'RATE_LIMIT_EXCEEDED',
      message: 'Too many messages. Please slow down.',
      retry_after: 30,
      correlation_id: request.id,
      details: { type: 'room.join', limit: 100 },
    });
    const error = await joining.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({
      code: 'RATE_LIMIT_EXCEEDED',
      message: 'Too many messages. Please slow down.',
      retryAfter: 30,
      closeCode: undefined,
      details: { type: 'room.join', limit: 100 },
    });
  });

  it('times out with TimeoutError, and a late reply settles nothing', async () => {
    const { client, peer, diagnostics, messages } = await connected();
    const joining = client.request('room.join', { room_id: 'slow' }, { timeoutMs: 40 });
    const request = await peer.received.next();
    await expect(joining).rejects.toThrow(new TimeoutError(`request 'room.join' (${request.id}) got no reply within 40 ms`));

    const late = peer.reply(request, 'room.joined', { room_id: 'slow' });
    await waitFor(() => messages.some((message) => message.id === late.id));
    // The entry is gone: the late reply is neither a match nor an unexpected reply.
    expect(diagnosticsOf(diagnostics, 'unexpected-reply')).toEqual([]);
  });

  it('uses requestTimeoutMs when no timeoutMs is given', async () => {
    const { client } = await connected({ requestTimeoutMs: 30 });
    await expect(client.request('room.join', { room_id: 'slow' })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('close() rejects pending requests with ConnectionClosedError', async () => {
    const { client, peer } = await connected();
    const joining = client.request('room.join', { room_id: 'general' });
    const rejected = expect(joining).rejects.toThrow(ConnectionClosedError);
    await peer.received.next();
    await client.close();
    await rejected;
    await expect(joining).rejects.toThrow(/got no reply: closed with code 1000$/);
  });

  it('a dropped connection rejects the requests sent on it; one made while reconnecting is sent and answered after', async () => {
    const { server, client, peer } = await connected();
    const sentBefore = client.request('room.join', { room_id: 'a' });
    const rejected = expect(sentBefore).rejects.toBeInstanceOf(ConnectionClosedError);
    await peer.received.next();
    peer.socket.terminate();
    await rejected;
    expect(client.state).toBe('reconnecting');

    const madeWhileDown = client.request<RoomJoined>('room.join', { room_id: 'b' });
    const next = await server.peers.next();
    const request = await next.received.next();
    expect(request).toMatchObject({ type: 'room.join', data: { room_id: 'b' } });
    next.reply(request, 'room.joined', { room_id: 'b' });
    expect((await madeWhileDown).data).toEqual({ room_id: 'b' });
  });

  it('rejects a volatile request made while not open instead of queueing it', async () => {
    const server = await startServer();
    const { client } = createClient(server.url);
    await expect(client.request('ping', {})).rejects.toThrow(
      new ConnectionClosedError("'ping' is volatile and is not queued while the client is closed"),
    );
  });

  it('aborts with the signal, and takes a queued request out of the queue', async () => {
    const server = await startServer();
    const { client } = createClient(server.url);
    const controller = new AbortController();
    const joining = client.request('room.join', { room_id: 'x' }, { signal: controller.signal });
    controller.abort(new Error('user navigated away'));
    await expect(joining).rejects.toThrow('user navigated away');
    client.send('chat.send', { content: 'marker' });
    await client.connect();
    const peer = await server.peers.next();
    expect((await peer.received.next()).type).toBe('chat.send');
    await delay(20);
    expect(peer.received.size).toBe(0);
  });

  it('rejects at once, without sending, when the signal is already aborted', async () => {
    const { client, peer } = await connected();
    await expect(client.request('room.join', {}, { signal: AbortSignal.abort(new Error('too late')) })).rejects.toThrow('too late');
    await delay(20);
    expect(peer.received.size).toBe(0);
  });

  it('throws TypeError for a type without replies and RangeError for a bad timeout', async () => {
    const server = await startServer();
    const { client } = createClient(server.url);
    expect(() => client.request('chat.send', {})).toThrow(new TypeError("'chat.send' has no reply in the protocol; use send()"));
    expect(() => client.request('ping', {}, { timeoutMs: 0 })).toThrow(
      new RangeError('RequestOptions.timeoutMs must be an integer between 1 and 2147483647, got 0'),
    );
    expect(() => client.send('', {})).toThrow(new TypeError('message type must be a non-empty string, got ""'));
    expect(() => client.send('chat.send', [] as object)).toThrow(new TypeError("data of 'chat.send' must be an object"));
  });
});
