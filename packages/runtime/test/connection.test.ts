/**
 * A connection's send path (server/connection.ts) over a real socket: the first frame of a turn
 * of the event loop is written at once, the later ones of the same turn wait for its end and
 * then leave together, nothing is lost or reordered, and the next turn starts afresh.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { Connection } from '../src/server/connection.js';
import { textFrame, underlyingSocket } from '../src/server/frame.js';

let wss: WebSocketServer;
let client: WebSocket;
let connection: Connection;
let wire: Duplex;
const received: string[] = [];
const drops: number[] = [];

beforeAll(async () => {
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await once(wss, 'listening');
  const accepted = once(wss, 'connection') as Promise<[WebSocket]>;
  client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  client.on('message', (data: Buffer) => received.push(data.toString('utf8')));
  const [server] = await accepted;
  await once(client, 'open');
  connection = new Connection(
    'c_test',
    server,
    { id: 'u1', name: 'U1' },
    null,
    '127.0.0.1',
    { sendBufferLimit: 1 << 20, slowConsumerGraceMs: 1000 },
    { onDrop: () => drops.push(Date.now()) },
  );
  wire = underlyingSocket(server);
});

afterAll(async () => {
  client.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
});

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function until(count: number): Promise<void> {
  for (let i = 0; i < 200 && received.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('Connection.send', () => {
  it('writes the first frame of a turn at once and holds the later ones of the turn to its end', async () => {
    received.length = 0;
    await nextTurn();
    expect(connection.send(textFrame('one'), false)).toBe(true);
    expect(wire.writableCorked).toBe(0);
    expect(connection.send(textFrame('two'), false)).toBe(true);
    expect(connection.send(textFrame('three'), false)).toBe(true);
    expect(wire.writableCorked).toBe(1);
    await nextTurn();
    expect(wire.writableCorked).toBe(0);
    await until(3);
    expect(received).toEqual(['one', 'two', 'three']);
  });

  it('loses and reorders nothing over many turns of bursts', async () => {
    received.length = 0;
    const sent: string[] = [];
    for (let t = 0; t < 20; t++) {
      for (let i = 0; i <= t % 5; i++) {
        const text = `t${t}-${i}`;
        sent.push(text);
        connection.send(textFrame(text), false);
      }
      await nextTurn();
    }
    await until(sent.length);
    expect(received).toEqual(sent);
    expect(wire.writableCorked).toBe(0);
  });

  it('writes nothing once the socket is closing', async () => {
    received.length = 0;
    connection.close(1000, 'done');
    expect(connection.send(textFrame('late'), false)).toBe(false);
    await once(client, 'close');
    expect(received).toEqual([]);
    expect(drops).toEqual([]);
  });
});
