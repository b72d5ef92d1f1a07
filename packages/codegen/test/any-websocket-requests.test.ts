/**
 * Requests the server makes of its clients (test/fixtures/ws-ask.yaml: `send` operations with a
 * reply, `confirm` correlated by `askId`, `poll` by order), end to end over real sockets: the
 * generated server asks with `request`, the generated client answers with `answer`, and raw
 * sockets stand in for a client that answers wrongly. Properties over the document's own
 * arbitraries: every request in flight gets its own reply whatever order the client answers in;
 * an invalid reply is refused as any invalid frame is (1007, or 1003 when it is no message of the
 * channel) and its request rejects.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import type { Server as HttpServer } from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveOnLoopback, type Served } from './channel-harness.js';
import { sourceLoader, TEST_DIR, writeFixture } from './helpers.js';

interface Confirm { readonly kind: 'confirm'; readonly askId: string; readonly question: string }
interface Confirmed { readonly kind: 'confirmed'; readonly askId: string; readonly yes: boolean }
interface Poll { readonly kind: 'poll'; readonly options: readonly string[] }
interface Choice { readonly kind: 'choice'; readonly index: number }
interface DeskSocket {
  answer(operation: 'confirm', handler: (request: Confirm) => Confirmed | Promise<Confirmed>): () => void;
  answer(operation: 'poll', handler: (request: Poll) => Choice | Promise<Choice>): () => void;
  close(): void;
  readonly closed: Promise<{ code: number; reason: string }>;
}
interface Connection { readonly params: { readonly deskId?: string } }
interface DeskServer {
  attach(server: HttpServer): void;
  request(operation: 'confirm', connection: Connection, message: Confirm, options?: { timeout?: number }): Promise<Confirmed>;
  request(operation: 'poll', connection: Connection, message: Poll, options?: { timeout?: number }): Promise<Choice>;
  readonly connections: ReadonlySet<Connection>;
  close(): Promise<void>;
}
interface ArbitrariesModule {
  arbitraries: { readonly Confirm: fc.Arbitrary<Confirm> };
  invalidArbitraries: { readonly Confirmed: fc.Arbitrary<{ readonly value: unknown; readonly pointer: string; readonly keyword: string }> };
}

let served: Served;
let server: DeskServer;
let connectDesk: (channel: 'desk', params: { deskId: string }, options: object) => Promise<DeskSocket>;
let generated: ArbitrariesModule;
let origin: string;
let outDir: string;
let desks = 0;

beforeAll(async () => {
  outDir = await writeFixture('ws-ask.yaml', 'ws-ask');
  const load = sourceLoader(outDir);
  const { createServer } = await load<{ createServer(handlers: object, options?: object): DeskServer }>('server.ts');
  ({ connect: connectDesk } = await load<{ connect: typeof connectDesk }>('client.ts'));
  generated = await load<ArbitrariesModule>('arbitraries.ts');
  server = createServer({ hello: () => undefined }, { requestTimeout: 2000 });
  served = await serveOnLoopback(server);
  origin = served.origin;
}, 120_000);

afterAll(async () => {
  await served?.stop();
});

/** A generated client on a desk of its own, and the server's connection to it. */
async function desk(options: object = {}): Promise<{ socket: DeskSocket; connection: Connection }> {
  const deskId = `d${++desks}`;
  const socket = await connectDesk('desk', { deskId }, { url: `${origin}/api`, WebSocket, ...options });
  served.track(socket);
  const connection = [...server.connections].find((c) => c.params.deskId === deskId);
  if (!connection) throw new Error(`the server has no connection on desk ${deskId}`);
  return { socket, connection };
}

/** A raw socket on a desk of its own, the server's connection to it, and its frames as they come. */
async function rawDesk(): Promise<{ ws: WebSocket; connection: Connection; next(): Promise<Record<string, unknown>> }> {
  const deskId = `raw${++desks}`;
  const ws = new WebSocket(`${origin}/api/desks/${deskId}`);
  const frames: Record<string, unknown>[] = [];
  const waiting: ((frame: Record<string, unknown>) => void)[] = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Record<string, unknown>;
    const w = waiting.shift();
    if (w) w(frame);
    else frames.push(frame);
  });
  await once(ws, 'open');
  const connection = [...server.connections].find((c) => c.params.deskId === deskId);
  if (!connection) throw new Error(`the server has no connection on desk ${deskId}`);
  const next = () => new Promise<Record<string, unknown>>((resolve) => {
    const f = frames.shift();
    if (f) resolve(f);
    else waiting.push(resolve);
  });
  return { ws, connection, next };
}

/** What the client in these tests answers a `confirm` with. */
const verdict = (q: Confirm): boolean => [...q.question].length % 2 === 0;

describe('requests the server makes of a client', () => {
  it('resolves every request in flight with its own reply, whatever order the client answers in', async () => {
    const { socket, connection } = await desk();
    let arrived: { request: Confirm; answer: () => void }[] = [];
    socket.answer('confirm', (request) => new Promise<Confirmed>((resolve) => {
      // The runtime writes the request's askId into the reply: this one is wrong on purpose.
      arrived.push({ request, answer: () => resolve({ kind: 'confirmed', askId: 'x', yes: verdict(request) }) });
    }));
    const batches = fc.uniqueArray(generated.arbitraries.Confirm, { selector: (c) => c.askId, minLength: 1, maxLength: 6 })
      .chain((asks) => fc.tuple(fc.constant(asks), fc.shuffledSubarray([...asks.keys()], { minLength: asks.length, maxLength: asks.length })));
    await fc.assert(fc.asyncProperty(batches, async ([asks, order]) => {
      arrived = [];
      const replies = Promise.all(asks.map((ask) => server.request('confirm', connection, ask)));
      await expect.poll(() => arrived.length).toBe(asks.length);
      for (const i of order) arrived.find((a) => a.request.askId === asks[i]?.askId)?.answer();
      expect(await replies).toEqual(asks.map((ask) => ({ kind: 'confirmed', askId: ask.askId, yes: verdict(ask) })));
    }), { numRuns: 40 });
  });

  it('matches replies without a correlation id in order, even when a later answer is ready first', async () => {
    const { socket, connection } = await desk();
    socket.answer('poll', async (poll) => {
      // The first poll (three options) is answered last of all.
      if (poll.options.length === 3) await new Promise((resolve) => setTimeout(resolve, 50));
      return { kind: 'choice', index: poll.options.length - 1 };
    });
    const got = await Promise.all([
      server.request('poll', connection, { kind: 'poll', options: ['a', 'b', 'c'] }),
      server.request('poll', connection, { kind: 'poll', options: ['a'] }),
    ]);
    expect(got).toEqual([{ kind: 'choice', index: 2 }, { kind: 'choice', index: 0 }]);
  });

  it('rejects with a TimeoutError when the client has no answer, and refuses the late reply with 1003', async () => {
    const { ws, connection, next } = await rawDesk();
    const asked = server.request('confirm', connection, { kind: 'confirm', askId: 'late', question: '?' }, { timeout: 100 });
    expect(await next()).toEqual({ kind: 'confirm', askId: 'late', question: '?' });
    await expect(asked).rejects.toMatchObject({ name: 'TimeoutError', message: 'no reply to "confirm" within 100 ms' });
    ws.send(JSON.stringify({ kind: 'confirmed', askId: 'late', yes: true }));
    const [code] = (await once(ws, 'close')) as [number];
    expect(code).toBe(1003);
  });

  it('rejects with a ConnectionClosedError when the connection closes while the request waits', async () => {
    const { socket, connection } = await desk();
    const asked = server.request('confirm', connection, { kind: 'confirm', askId: 'bye', question: '?' });
    socket.close();
    await expect(asked).rejects.toMatchObject({ name: 'ConnectionClosedError' });
    await expect(server.request('confirm', connection, { kind: 'confirm', askId: 'after', question: '?' }))
      .rejects.toMatchObject({ name: 'ConnectionClosedError', message: 'the connection is not open' });
  });

  it('refuses an invalid reply as any invalid frame (1007, or 1003 when it is no message of the channel), rejecting its request', async () => {
    await fc.assert(fc.asyncProperty(generated.invalidArbitraries.Confirmed, async (bad) => {
      const { ws, connection, next } = await rawDesk();
      const asked = server.request('confirm', connection, { kind: 'confirm', askId: 'q', question: '?' });
      await next();
      ws.send(JSON.stringify(bad.value));
      const [code] = (await once(ws, 'close')) as [number];
      const kind = typeof bad.value === 'object' && bad.value !== null && !Array.isArray(bad.value) ? (bad.value as { kind?: unknown }).kind : undefined;
      expect(code, `${bad.keyword} at ${bad.pointer}`).toBe(kind === 'confirmed' || kind === 'choice' || kind === 'hello' ? 1007 : 1003);
      await expect(asked).rejects.toMatchObject({ name: 'ConnectionClosedError' });
    }), { numRuns: 30 });
  });

  it('does not send an answer that is no valid reply: onAnswerError gets an INVALID_MESSAGE, else the client closes with 1011', async () => {
    const problems: { operation: string; error: unknown }[] = [];
    const kept = await desk({ onAnswerError: (p: { operation: string; error: unknown }) => problems.push(p) });
    kept.socket.answer('poll', () => ({ kind: 'choice', index: -1 }));
    await expect(server.request('poll', kept.connection, { kind: 'poll', options: ['a'] }, { timeout: 200 })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(problems).toMatchObject([{ operation: 'poll', error: { code: 'INVALID_MESSAGE', details: { pointer: '/index', keyword: 'minimum' } } }]);
    const closing = await desk();
    closing.socket.answer('poll', () => ({ kind: 'choice', index: -1 }));
    await expect(server.request('poll', closing.connection, { kind: 'poll', options: ['a'] })).rejects.toMatchObject({ name: 'ConnectionClosedError' });
    expect((await closing.socket.closed).code).toBe(1011);
  });

  it('closes with 1011 when onAnswerError itself throws, and says so in the close reason', async () => {
    const failing = await desk({
      onAnswerError: () => {
        throw new Error('the app could not log it');
      },
    });
    failing.socket.answer('poll', () => ({ kind: 'choice', index: -1 }));
    await expect(server.request('poll', failing.connection, { kind: 'poll', options: ['a'] })).rejects.toMatchObject({ name: 'ConnectionClosedError' });
    expect(await failing.socket.closed).toEqual({ code: 1011, reason: 'onAnswerError threw: the app could not log it' });
  });
});

/** A service asking and an app answering: every line marked must fail to compile, nothing else. */
const USAGE = `import { createServer } from './src/server.js';
import { connect } from './src/client.js';

const server = createServer({ hello: () => undefined });

export async function ask(): Promise<boolean> {
  const [connection] = [...server.connections];
  if (!connection) return false;
  const confirmed = await server.request('confirm', connection, { kind: 'confirm', askId: '1', question: 'ok?' }, { timeout: 500 });
  const choice = await server.request('poll', connection, { kind: 'poll', options: ['a'] });
  // @ts-expect-error hello is received, not a request the server makes
  void server.request('hello', connection, { kind: 'hello', name: 'x' });
  // @ts-expect-error the message of confirm is Confirm
  void server.request('confirm', connection, { kind: 'poll', options: ['a'] });
  return confirmed.yes && choice.index >= 0;
}

export async function answer(): Promise<void> {
  const desk = await connect('desk', { deskId: '1' }, { url: 'ws://localhost' });
  desk.answer('confirm', (m) => ({ kind: 'confirmed', askId: m.askId, yes: m.question.length > 0 }));
  desk.answer('poll', async (m) => ({ kind: 'choice', index: m.options.length - 1 }));
  // @ts-expect-error the reply of confirm is Confirmed, not Choice
  desk.answer('confirm', () => ({ kind: 'choice', index: 0 }));
  // @ts-expect-error hello is no request of the server
  desk.answer('hello', () => undefined);
}
`;

describe('the generated types of requests the server makes', () => {
  it('type the operation, its message and its reply on both sides', async () => {
    await writeFile(path.join(outDir, 'usage.ts'), USAGE);
    const root = path.resolve(TEST_DIR, '../../..');
    await writeFile(path.join(outDir, 'tsconfig.json'), JSON.stringify({
      extends: path.join(root, 'tsconfig.base.json'),
      compilerOptions: { noEmit: true, strict: true, customConditions: [] },
      include: ['src/**/*.ts', 'usage.ts'],
    }));
    const out = await new Promise<string>((resolve) => {
      execFile(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', outDir], (_error, stdout) => resolve(stdout));
    });
    expect(out.split('\n').filter((l) => /error TS\d+/.test(l))).toEqual([]);
  }, 120_000);
});
