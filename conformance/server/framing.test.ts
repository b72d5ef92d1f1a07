/**
 * Frames that break RFC 6455, written byte by byte on a raw TCP socket after a real upgrade: the
 * server closes that connection with a code the spec's `CloseCode` lists (1002 for framing, 1007
 * for invalid UTF-8), and a client beside it goes on unaffected.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { child, rawSpec } from '../lib/spec.js';
import { token, useFixture } from './harness.js';

const fixture = useFixture();
const CLOSE_CODES = child(child(child(rawSpec(), 'components'), 'schemas'), 'CloseCode')['enum'] as readonly number[];

interface Frame {
  readonly fin?: boolean;
  readonly rsv?: number;
  readonly opcode: number;
  readonly payload: Buffer;
  readonly masked?: boolean;
}

/** One frame as a client writes it (masked unless told otherwise). */
function encodeFrame({ fin = true, rsv = 0, opcode, payload, masked = true }: Frame): Buffer {
  const length = payload.length;
  const lengthBytes = length < 126 ? Buffer.from([length]) : Buffer.from([126, length >> 8, length & 0xff]);
  const head = Buffer.from([(fin ? 0x80 : 0) | (rsv << 4) | opcode]);
  lengthBytes[0] = (lengthBytes[0] as number) | (masked ? 0x80 : 0);
  if (!masked) return Buffer.concat([head, lengthBytes, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] as number)));
  return Buffer.concat([head, lengthBytes, mask, body]);
}

/** A framing error and the close code RFC 6455 gives it. */
interface BadFrame {
  readonly name: string;
  readonly frames: readonly Frame[];
  readonly code: 1002 | 1007;
}

const text = (s: string): Buffer => Buffer.from(s, 'utf8');
const ping = JSON.stringify({ type: 'ping', id: 'c_1', data: {} });

/** Invalid UTF-8: a lone continuation byte, an overlong form, a surrogate, a truncated sequence. */
const badUtf8 = fc.constantFrom(Buffer.from([0x80]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xe2, 0x82]));

const badFrames: fc.Arbitrary<BadFrame> = fc.oneof(
  fc.integer({ min: 1, max: 7 }).map((rsv) => ({ name: `rsv ${rsv}`, frames: [{ rsv, opcode: 1, payload: text(ping) }], code: 1002 as const })),
  fc.constantFrom(3, 4, 5, 6, 7, 11, 12, 13, 14, 15).map((opcode) => ({ name: `opcode ${opcode}`, frames: [{ opcode, payload: text('x') }], code: 1002 as const })),
  fc.constant({ name: 'fragmented ping', frames: [{ fin: false, opcode: 9, payload: text('p') }], code: 1002 as const }),
  fc.integer({ min: 126, max: 300 }).map((n) => ({ name: `ping of ${n} bytes`, frames: [{ opcode: 9, payload: Buffer.alloc(n, 1) }], code: 1002 as const })),
  fc.constant({ name: 'unmasked frame', frames: [{ opcode: 1, payload: text(ping), masked: false }], code: 1002 as const }),
  fc.constant({ name: 'continuation first', frames: [{ opcode: 0, payload: text(ping) }], code: 1002 as const }),
  badUtf8.map((bytes) => ({ name: 'invalid UTF-8 text', frames: [{ opcode: 1, payload: Buffer.concat([text('{"a":"'), bytes, text('"}')]) }], code: 1007 as const })),
  badUtf8.map((bytes) => ({ name: 'invalid UTF-8 close reason', frames: [{ opcode: 8, payload: Buffer.concat([Buffer.from([0x03, 0xe8]), bytes]) }], code: 1007 as const })),
);

/** A raw socket after a successful upgrade, with whatever the server sent past the headers. */
async function upgrade(port: number, jwt: string): Promise<{ socket: net.Socket; received: Buffer[] }> {
  const socket = net.connect(port, '127.0.0.1');
  const received: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      if (!head.subarray(0, 12).toString().includes('101')) return reject(new Error(head.toString()));
      received.push(head.subarray(end + 4));
      socket.on('data', (more: Buffer) => received.push(more));
      resolve();
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write(
      `GET /ws?token=${jwt} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
  });
  return { socket, received };
}

/** The code of the first close frame among the server's frames (unmasked, as servers send them). */
function closeCodeOf(bytes: Buffer): number | null {
  let offset = 0;
  while (offset + 2 <= bytes.length) {
    const opcode = (bytes[offset] as number) & 0x0f;
    let length = (bytes[offset + 1] as number) & 0x7f;
    let start = offset + 2;
    if (length === 126) [length, start] = [bytes.readUInt16BE(offset + 2), offset + 4];
    else if (length === 127) [length, start] = [Number(bytes.readBigUInt64BE(offset + 2)), offset + 10];
    if (opcode === 8 && start + 2 <= bytes.length) return bytes.readUInt16BE(start);
    offset = start + length;
  }
  return null;
}

/** Waits for the server's close frame (it waits for ours before it ends the TCP connection). */
function closedWith(socket: net.Socket, received: Buffer[]): Promise<number | null> {
  return new Promise((resolve) => {
    const check = (): void => {
      const code = closeCodeOf(Buffer.concat(received));
      if (code === null && !socket.destroyed) return;
      socket.off('data', onData);
      socket.destroy();
      resolve(code);
    };
    const onData = (): void => void setImmediate(check);
    socket.on('data', onData);
    socket.once('close', check);
    check();
  });
}

describe('frames that break RFC 6455', () => {
  it('close the connection with the spec code for the error, and cost a neighbour nothing', async () => {
    expect(CLOSE_CODES).toEqual(expect.arrayContaining([1002, 1007]));
    const running = await fixture.start();
    const neighbour = await fixture.connect('u_neighbour');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(badFrames, async (bad) => {
        const { socket, received } = await upgrade(running.port, await token(`u_raw_${++run}`));
        for (const frame of bad.frames) socket.write(encodeFrame(frame));
        const code = await closedWith(socket, received);
        expect(code, bad.name).toBe(bad.code);
        expect(CLOSE_CODES).toContain(code);
        expect((await neighbour.request('ping', { pingId: `p${run}` })).type).toBe('pong');
      }),
      { numRuns: 30 },
    );
  });
});
