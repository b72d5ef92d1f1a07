/**
 * The reference service over real sockets: dev page and tokens, admin endpoint, chat end to end,
 * and `npm start`'s entry point as a real process (signals, exit codes).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { validateServerMessage } from '@switchboard/protocol/validators';
import { configFromEnv } from '../src/config.js';
import { createService, type Service } from '../src/app.js';

const services: Service[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
});

async function start(env: Record<string, string> = {}): Promise<string> {
  const service = createService(configFromEnv({ PORT: '0', ...env }, () => 'test-secret-0123456789abcdef0123'), pino({ level: 'silent' }));
  services.push(service);
  const { port } = await service.listen();
  return `127.0.0.1:${port}`;
}

/** Opens a socket, resolves with the messages once `count` arrived (each checked against the spec). */
function session(url: string, protocols: string[], script: (socket: WebSocket, messages: unknown[]) => void, count: number): Promise<{ type: string; data: Record<string, unknown> }[]> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, protocols);
    const messages: { type: string; data: Record<string, unknown> }[] = [];
    socket.on('message', (raw) => {
      const parsed: unknown = JSON.parse(raw.toString());
      const result = validateServerMessage(parsed);
      if (!result.ok) return reject(new Error(`invalid server message: ${raw.toString()}`));
      messages.push(result.value as unknown as { type: string; data: Record<string, unknown> });
      if (messages.length === 1) script(socket, messages);
      if (messages.length === count) {
        socket.close();
        resolve(messages);
      }
    });
    socket.on('error', reject);
  });
}

const envelope = (type: string, data: object) => JSON.stringify({ type, id: crypto.randomUUID(), data });

describe('development endpoints', () => {
  it('serves the dev page and mints tokens the service accepts', async () => {
    const host = await start();
    const page = await fetch(`http://${host}/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('/dev/token');
    const { token } = (await (await fetch(`http://${host}/dev/token?user=alice&name=Alice`)).json()) as { token: string };
    const messages = await session(`ws://${host}/ws`, ['switchboard.v1', `bearer.${token}`], (socket) => {
      socket.send(envelope('room.join', { room_id: 'general' }));
      socket.send(envelope('chat.send', { room_id: 'general', content: 'hello from the test' }));
    }, 4);
    expect(messages.map((m) => m.type)).toEqual(['connection.established', 'room.joined', 'chat.message', 'chat.sent']);
    expect(messages[0]?.data['username']).toBe('Alice');
    expect(messages[2]?.data).toMatchObject({ content: 'hello from the test', user_id: 'alice', seq: 2 }); // seq 1 is alice's join
  });

  it('refuses a bad user name for /dev/token', async () => {
    const host = await start();
    expect((await fetch(`http://${host}/dev/token?user=has%20space`)).status).toBe(400);
  });

  it('serves neither in production', async () => {
    const host = await start({ NODE_ENV: 'production', JWT_SECRET: 'prod-secret-0123456789abcdef0123' });
    expect((await fetch(`http://${host}/`)).status).toBe(404);
    expect((await fetch(`http://${host}/dev/token?user=alice`)).status).toBe(404);
    expect((await fetch(`http://${host}/ws/health`)).status).toBe(200);
  });
});

describe('POST /admin/emit', () => {
  const admin = (host: string, body: unknown, tokenValue = 'admin-token-1') =>
    fetch(`http://${host}/admin/emit`, { method: 'POST', headers: { authorization: `Bearer ${tokenValue}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('is disabled without ADMIN_TOKEN, and refuses a wrong token', async () => {
    const off = await start();
    expect((await admin(off, {})).status).toBe(404);
    const on = await start({ ADMIN_TOKEN: 'admin-token-1' });
    expect((await admin(on, {}, 'nope')).status).toBe(401);
  });

  it('emits a notification to a user, checked against the spec first', async () => {
    const host = await start({ ADMIN_TOKEN: 'admin-token-1' });
    const { token } = (await (await fetch(`http://${host}/dev/token?user=bob`)).json()) as { token: string };
    const received = session(`ws://${host}/ws?token=${token}`, [], () => undefined, 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const bad = await admin(host, { type: 'system.notification', data: { message: 'x', level: 'loud' }, to: { user: 'bob' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('/data/level');
    const ok = await admin(host, { type: 'system.notification', data: { message: 'Maintenance at 5', level: 'warning' }, to: { user: 'bob' } });
    expect(ok.status).toBe(202);
    const messages = await received;
    expect(messages[1]).toMatchObject({ type: 'system.notification', data: { message: 'Maintenance at 5', level: 'warning' } });
  });

  it.each([
    [{ type: 'system.notification', data: { message: 'x', level: 'info' } }, '"to" must be an object'],
    [{ type: 'system.notification', data: { message: 'x', level: 'info' }, to: { user: 'a', room: 'b' } }, 'exactly one'],
    [{ type: 'chat.send', data: { room_id: 'r', content: 'x' }, to: { all: true } }, 'unknown message type'],
  ])('answers 400 for %j', async (body, message) => {
    const host = await start({ ADMIN_TOKEN: 'admin-token-1' });
    const response = await admin(host, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain(message);
  });
});

describe('REDIS_URL: the Redis broker', () => {
  const prefix = `sbservice:${crypto.randomUUID().slice(0, 8)}:`;
  afterEach(async () => {
    const redis = new Redis('redis://127.0.0.1:6379');
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('two services with the same REDIS_URL and prefix are one cluster: a chat message crosses', async () => {
    const env = { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: prefix };
    const one = await start({ ...env, NODE_ID: 'one' });
    const two = await start({ ...env, NODE_ID: 'two' });
    const mint = async (host: string, user: string) => ((await (await fetch(`http://${host}/dev/token?user=${user}`)).json()) as { token: string }).token;
    const join = async (host: string, user: string) => {
      const socket = new WebSocket(`ws://${host}/ws?token=${await mint(host, user)}`);
      const types: string[] = [];
      const arrived = (type: string) =>
        new Promise<Record<string, unknown>>((resolve) => {
          socket.on('message', (raw) => {
            const message = JSON.parse(raw.toString()) as { type: string; data: Record<string, unknown> };
            if (message.type === type) resolve(message.data);
          });
        });
      socket.on('message', (raw) => types.push((JSON.parse(raw.toString()) as { type: string }).type));
      const joined = arrived('room.joined');
      await once(socket, 'open');
      socket.send(envelope('room.join', { room_id: 'general' }));
      await joined;
      return { socket, arrived, types };
    };
    const bob = await join(two, 'bob');
    const alice = await join(one, 'alice');
    const message = bob.arrived('chat.message');
    alice.socket.send(envelope('chat.send', { room_id: 'general', content: 'across instances' }));
    expect(await message).toMatchObject({ user_id: 'alice', content: 'across instances', room_id: 'general' });
    for (const { socket } of [alice, bob]) socket.close();
  });

  it('does not listen when Redis cannot be reached', async () => {
    const service = createService(configFromEnv({ PORT: '0', REDIS_URL: 'redis://127.0.0.1:1' }, () => 'test-secret-0123456789abcdef0123'), pino({ level: 'silent' }));
    services.push(service);
    await expect(service.listen()).rejects.toThrow(/ECONNREFUSED|Reached the max retries/);
    expect(service.http.listening).toBe(false);
  });
});

describe('npm start (dist/main.js as a process)', () => {
  const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  function run(env: Record<string, string>): { child: ChildProcess; output: () => string } {
    const child = spawn(process.execPath, [main], { env: { PATH: process.env['PATH'] ?? '', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return { child, output: () => output };
  }

  it('starts with no configuration, warns about the secret, and shuts down on SIGTERM with 1001 to clients', async () => {
    const { child, output } = run({});
    for (let i = 0; i < 100 && !/listening on/.test(output()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const port = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output())?.[1];
    expect(port).toBeDefined();
    expect(output()).toContain('JWT_SECRET is not set');
    const { token } = (await (await fetch(`http://127.0.0.1:${port}/dev/token?user=carol`)).json()) as { token: string };
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`);
    await once(socket, 'message');
    const closed = once(socket, 'close');
    child.kill('SIGTERM');
    const [code] = (await closed) as [number];
    expect(code).toBe(1001);
    const [exitCode] = (await once(child, 'exit')) as [number];
    expect(exitCode).toBe(0);
  });

  it('exits 1 with the reason when Redis cannot be reached, instead of retrying forever', async () => {
    const { child, output } = run({ REDIS_URL: 'redis://127.0.0.1:1', LOG_LEVEL: 'silent' });
    const [exitCode] = (await once(child, 'exit')) as [number];
    expect(exitCode).toBe(1);
    expect(output()).toContain('switchboard: failed to start: MaxRetriesPerRequestError');
  });

  it('refuses to start in production without JWT_SECRET: exit 2 and a message', async () => {
    const { child, output } = run({ NODE_ENV: 'production' });
    const [exitCode] = (await once(child, 'exit')) as [number];
    expect(exitCode).toBe(2);
    expect(output()).toContain('NODE_ENV=production needs JWT_SECRET');
  });
});
