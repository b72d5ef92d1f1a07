/**
 * Redis goes away under a running instance, and comes back: a client whose message needs Redis
 * gets INTERNAL_ERROR for that message (not a hang, not a crash, not a closed connection), what
 * needs no Redis keeps working, and once Redis is back the instance works again on its own. The
 * test runs its own redis-server on a free port, since it has to stop it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisBroker } from '@switchboard/redis';
import { useFixture } from './harness.js';

const fx = useFixture();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A redis-server of the test's own, keeping nothing on disk; resolves once it accepts connections. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${String(code)}): ${output}`)));
  });
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('Redis outage under a running instance', () => {
  it('answers INTERNAL_ERROR while Redis is away, keeps the connection and what needs no Redis, and recovers when it is back', async () => {
    const port = await freePort();
    let redisServer = await startRedis(port);
    cleanups.push(() => stopRedis(redisServer));
    const client = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1, enableAutoPipelining: true, retryStrategy: () => 50 });
    const connectionErrors: Error[] = [];
    client.on('error', (error: Error) => connectionErrors.push(error));
    cleanups.push(async () => client.disconnect());
    const broker = new RedisBroker({ redis: client, keyPrefix: 'outage:', onError: () => undefined }); // the outage's liveness and reconnect reports: expected here
    cleanups.push(() => broker.close());
    await broker.ready();
    const server = await fx.start({ broker, nodeId: 'one' });
    const ann = await fx.connect('ann', { on: server });
    await ann.request('room.join', { room_id: 'r' });
    expect((await ann.request('chat.send', { room_id: 'r', content: 'before' })).type).toBe('chat.sent');

    await stopRedis(redisServer);
    const during = await ann.request('chat.send', { room_id: 'r', content: 'during' }, 5000);
    expect(during.type === 'error' && during.data.code).toBe('INTERNAL_ERROR');
    expect((await ann.request('ping', { pingId: 'p1' })).type).toBe('pong');
    expect(connectionErrors.length).toBeGreaterThan(0);

    redisServer = await startRedis(port);
    // Both connections reconnect on their own; the subscriber may be back a little after the
    // command connection, and what is published before it resubscribes never reaches it (pub/sub
    // keeps nothing; `resume` from history is what covers a gap). So: until a message comes back.
    const deadline = Date.now() + 8000;
    let attempt = 0;
    let delivered: string | null = null;
    while (delivered === null && Date.now() < deadline) {
      const content = `after ${++attempt}`;
      const reply = await ann.request('chat.send', { room_id: 'r', content }, 5000);
      if (reply.type !== 'chat.sent') {
        expect(reply.type === 'error' && reply.data.code).toBe('INTERNAL_ERROR');
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      delivered = await ann.next('chat.message', 500, (m) => m.data.content === content).then(
        (m) => m.data.content,
        () => null,
      );
    }
    expect(delivered).toMatch(/^after \d+$/);
    // The new Redis keeps nothing of the old one: the room counts from 1 again there.
    expect((await broker.position('r')).seq).toBeLessThan(10);
  });
});
