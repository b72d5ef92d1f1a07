/**
 * Server-to-client WebSocket frames built once and written as they are (RFC 6455 section 5.2:
 * FIN, text opcode, no mask, 7/16/64-bit payload length), so that a broadcast frames its message
 * once instead of once per receiver, and every send is one buffer in one `write`.
 *
 * `ws.send` would frame the same text again for every socket (a header allocation per send, and
 * the payload handed to the kernel as a separate string chunk, so a `writev` of two). engine.io
 * writes its pre-encoded frames through ws's private sender in the same way; here the frame goes
 * to the socket underneath the `WebSocket`, in the same order as everything ws itself writes
 * there (pings, close frames), because with per-message deflate off ws never queues a frame.
 */
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

/** A complete, unmasked text frame: header and UTF-8 payload in one buffer. */
export type TextFrame = Buffer & { readonly __textFrame: true };

const FIN_TEXT = 0x81;

/** Frames `text` as one final text frame. */
export function textFrame(text: string): TextFrame {
  const length = Buffer.byteLength(text);
  const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = FIN_TEXT;
  if (header === 2) {
    frame[1] = length;
  } else if (header === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    // 64-bit length; a JavaScript string is far below 2^53 bytes, so the top two bytes are 0.
    frame.writeUInt16BE(0, 2);
    frame.writeUIntBE(length, 4, 6);
  }
  frame.write(text, header, 'utf8');
  return frame as TextFrame;
}

/** The part of ws's `WebSocket` that writing a frame directly relies on (ws 8, pinned in package.json). */
interface WsInternals {
  readonly _socket?: Duplex | null;
}

/**
 * The socket under a server-side `WebSocket`, to write frames to. Throws when the pinned ws no
 * longer has it: a dependency update that moves it must fail at the first connection (and in
 * the runtime's tests), not lose frames.
 */
export function underlyingSocket(ws: WebSocket): Duplex {
  const socket = (ws as unknown as WsInternals)._socket;
  if (!socket || typeof socket.write !== 'function') {
    throw new TypeError('ws has no _socket where @switchboard/runtime expects it: check server/frame.ts after a ws update');
  }
  return socket;
}
