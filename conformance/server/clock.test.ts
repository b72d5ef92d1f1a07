/**
 * The clock and token verification are seams: the runtime reads time only through `Date` and
 * the global timers, so fake timers drive its deadlines, and `verifyToken` stands in for JWT
 * verification. Over the in-memory transport nothing here waits for real time: each deadline is
 * checked one millisecond before and at its edge.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServer } from '@switchboard/protocol/server';
import { ProtocolError } from '@switchboard/runtime';
import type { WebSocket } from 'ws';
import { memoryHost } from '../lib/memory-transport.js';
import { defaultHandlers } from './harness.js';

const AUTH_TIMEOUT = 5_000;
const HEARTBEAT = 1_000;

/** Tokens are user names; `bad` is refused. */
async function verifyToken(token: string) {
  if (token === 'bad') throw new ProtocolError('AUTH_FAILED', 'bad token');
  return { user: { id: token, name: token }, expiresAt: null };
}

function closeCode(socket: WebSocket): { code: number | null } {
  const seen: { code: number | null } = { code: null };
  socket.on('close', (code) => (seen.code = code));
  return seen;
}

function opened(socket: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
}

describe('deadlines under a fake clock', () => {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] }));
  afterEach(() => void vi.useRealTimers());

  function start() {
    const server = createServer(defaultHandlers(), { auth: { secret: 'unused-because-verifyToken-is-set-0123' }, verifyToken, authTimeoutMs: AUTH_TIMEOUT, heartbeatIntervalMs: HEARTBEAT });
    const host = memoryHost();
    server.attach(host.http);
    return { server, host };
  }

  it('a socket that never sends auth is closed with 4002 at the auth deadline, not a millisecond before', async () => {
    const { server, host } = start();
    const socket = host.connect('/ws');
    await opened(socket);
    const seen = closeCode(socket);
    await vi.advanceTimersByTimeAsync(AUTH_TIMEOUT - 1);
    expect(seen.code).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(seen.code).toBe(4002));
    await server.close();
  });

  it('a silent authenticated connection is closed with 4004 after two heartbeat intervals', async () => {
    const { server, host } = start();
    const socket = host.connect('/ws?token=ann');
    await opened(socket);
    const seen = closeCode(socket);
    // The client answers the server's pings (ws does), which counts as hearing from it: stop that.
    socket.pong = () => undefined;
    await vi.advanceTimersByTimeAsync(HEARTBEAT * 2 - 1);
    expect(seen.code).toBeNull();
    await vi.advanceTimersByTimeAsync(HEARTBEAT);
    await vi.waitFor(() => expect(seen.code).toBe(4004));
    expect(server.connectionCount).toBe(0);
    await server.close();
  });
});
