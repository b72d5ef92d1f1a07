import { afterEach, describe, expect, it } from 'vitest';
import { SendQueueFullError } from '../src/client/index.js';
import { ConnectionClosedError } from '../src/errors.js';
import { closeAll, createClient, delay, diagnosticsOf, startServer } from './client-harness.js';

afterEach(closeAll);

describe('ClientCore: send queue', () => {
  it('queues sends made while not open and flushes them in order after connection.established', async () => {
    const server = await startServer({ establish: false });
    const { client } = createClient(server.url);
    const before = [client.send('chat.send', { n: 1 }), client.send('chat.send', { n: 2 })];
    const connecting = client.connect();
    const peer = await server.peers.next();
    const during = client.send('chat.send', { n: 3 }); // socket up, no welcome yet: still queued
    await delay(20);
    expect(peer.received.size).toBe(0);

    peer.establish();
    await connecting;
    const after = client.send('chat.send', { n: 4 });
    const received = await Promise.all([1, 2, 3, 4].map(() => peer.received.next()));
    expect(received.map((message) => message.id)).toEqual([...before, during, after]);
    expect(received.map((message) => message.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
  });

  it('does not queue volatile types: they are dropped and reported', async () => {
    const server = await startServer();
    const { client, diagnostics } = createClient(server.url);
    const id = client.send('typing', { room_id: 'general', is_typing: true });
    client.send('chat.send', { content: 'marker' });
    expect(diagnosticsOf(diagnostics, 'send-dropped')).toEqual([{ kind: 'send-dropped', id, type: 'typing', reason: 'volatile' }]);

    await client.connect();
    const peer = await server.peers.next();
    expect((await peer.received.next()).type).toBe('chat.send');
    await delay(20);
    expect(peer.received.size).toBe(0);
  });

  it('sends volatile types normally while open', async () => {
    const server = await startServer();
    const { client } = createClient(server.url);
    await client.connect();
    const peer = await server.peers.next();
    const id = client.send('typing', { is_typing: true });
    expect((await peer.received.next()).id).toBe(id);
  });

  it('holds sendQueueLimit messages; the next send throws SendQueueFullError and a request rejects with it', async () => {
    const server = await startServer();
    const { client } = createClient(server.url, { sendQueueLimit: 3 });
    const queued = [1, 2, 3].map((n) => client.send('chat.send', { n }));
    let thrown: unknown;
    try {
      client.send('chat.send', { n: 4 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SendQueueFullError);
    expect(thrown).toBeInstanceOf(RangeError);
    expect(thrown).toMatchObject({ limit: 3, message: 'send queue is full (sendQueueLimit 3); the message was not queued' });
    await expect(client.request('room.join', { room_id: 'x' })).rejects.toBeInstanceOf(SendQueueFullError);

    await client.connect();
    const peer = await server.peers.next();
    const received = await Promise.all(queued.map(() => peer.received.next()));
    expect(received.map((message) => message.id)).toEqual(queued);
    await delay(20);
    expect(peer.received.size).toBe(0); // neither the refused send nor the refused request went out
    expect(() => client.send('chat.send', { n: 5 })).not.toThrow();
  });

  it('with sendQueueLimit 0, refuses every send made while not open', async () => {
    const server = await startServer();
    const { client } = createClient(server.url, { sendQueueLimit: 0 });
    expect(() => client.send('chat.send', {})).toThrow(SendQueueFullError);
  });

  it('close() drops queued sends, reporting each, and rejects queued requests', async () => {
    const server = await startServer();
    const { client, diagnostics } = createClient(server.url);
    const sent = client.send('chat.send', { content: 'never' });
    const joining = client.request('room.join', { room_id: 'x' });
    const rejected = expect(joining).rejects.toBeInstanceOf(ConnectionClosedError);
    await client.close();
    await rejected;
    expect(diagnosticsOf(diagnostics, 'send-dropped')).toEqual([
      { kind: 'send-dropped', id: sent, type: 'chat.send', reason: 'closed' },
    ]);

    await client.connect();
    const peer = await server.peers.next();
    await delay(20);
    expect(peer.received.size).toBe(0);
  });

  it('keeps queued sends across a failed attempt and flushes them once reconnected', async () => {
    const server = await startServer({ establish: false });
    const { client } = createClient(server.url);
    const connecting = client.connect();
    const first = await server.peers.next();
    const id = client.send('chat.send', { content: 'survives' });
    first.socket.terminate();
    const second = await server.peers.next();
    second.establish();
    await connecting;
    expect((await second.received.next()).id).toBe(id);
  });
});
