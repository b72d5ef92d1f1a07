/**
 * Pre-built frames (server/frame.ts) over a real socket: a stock ws client must read exactly the
 * text that was framed, at every payload-length encoding boundary of RFC 6455 (7-bit up to 125,
 * 16-bit from 126 to 65535, 64-bit from 65536), counted in UTF-8 bytes, not UTF-16 units.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { textFrame, underlyingSocket } from '../src/server/frame.js';

let wss: WebSocketServer;
let client: WebSocket;
let server: WebSocket;

beforeAll(async () => {
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await once(wss, 'listening');
  const accepted = once(wss, 'connection') as Promise<[WebSocket]>;
  client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, { maxPayload: 1 << 20 });
  [server] = await accepted;
  await once(client, 'open');
});

afterAll(async () => {
  client.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
});

/** Writes `texts` as pre-built frames in one go and resolves with what the client read. */
async function roundTrip(texts: readonly string[]): Promise<string[]> {
  const received: string[] = [];
  const done = new Promise<void>((resolve, reject) => {
    const onMessage = (data: Buffer, isBinary: boolean): void => {
      if (isBinary) reject(new Error('got a binary frame'));
      received.push(data.toString('utf8'));
      if (received.length === texts.length) {
        client.off('message', onMessage);
        resolve();
      }
    };
    client.on('message', onMessage);
  });
  const socket = underlyingSocket(server);
  for (const text of texts) socket.write(textFrame(text));
  await done;
  return received;
}

describe('textFrame', () => {
  it('uses the shortest length encoding for the UTF-8 byte length', () => {
    expect([...textFrame('').subarray(0, 2)]).toEqual([0x81, 0]);
    expect([...textFrame('a'.repeat(125)).subarray(0, 2)]).toEqual([0x81, 125]);
    expect([...textFrame('a'.repeat(126)).subarray(0, 4)]).toEqual([0x81, 126, 0, 126]);
    expect([...textFrame('a'.repeat(65535)).subarray(0, 4)]).toEqual([0x81, 126, 0xff, 0xff]);
    expect([...textFrame('a'.repeat(65536)).subarray(0, 10)]).toEqual([0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0]);
    // 42 UTF-16 units, 126 bytes: the 16-bit form.
    expect(textFrame('\u20ac'.repeat(42))[1]).toBe(126);
    expect(textFrame('\u20ac'.repeat(42)).length).toBe(4 + 126);
  });

  it('is read back as the same text by a ws client at every length boundary', async () => {
    const lengths = [0, 1, 125, 126, 127, 65535, 65536, 70_000];
    const texts = lengths.map((n) => 'x'.repeat(n));
    // Multi-byte characters that straddle the boundaries in bytes but not in UTF-16 units.
    texts.push('\u{1F600}'.repeat(31) + 'a', '\u{1F600}'.repeat(32), '\u00e9'.repeat(32768));
    expect(await roundTrip(texts)).toEqual(texts);
  });

  it('round-trips any Unicode text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { minLength: 1, maxLength: 20 }), async (texts) => {
        expect(await roundTrip(texts)).toEqual(texts);
      }),
      { numRuns: 50 },
    );
  });
});

describe('underlyingSocket', () => {
  it('finds the socket under a server-side WebSocket of the pinned ws', () => {
    expect(typeof underlyingSocket(server).write).toBe('function');
  });

  it('throws a TypeError naming the file to check when ws no longer has it', () => {
    expect(() => underlyingSocket({} as WebSocket)).toThrow(
      new TypeError('ws has no _socket where @switchboard/runtime expects it: check server/frame.ts after a ws update'),
    );
  });
});
