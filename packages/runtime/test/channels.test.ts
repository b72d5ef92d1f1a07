/**
 * The channel server and client (src/channels/) over a hand-written WireProtocol: a document with
 * no discriminator (messages told apart by validator order), no correlation id (replies matched in
 * order), and an error message that `onReject` answers with. Real sockets on 127.0.0.1; every
 * server and socket a test opens is closed in `afterEach`.
 */
import { once } from 'node:events';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { TimeoutError } from '../src/errors.js';
import { compileAddress, fillAddress, matchAddress } from '../src/channels/address.js';
import { payloadPath, readPath, writePath } from '../src/channels/pointer.js';
import {
  AnswerError, connectChannel, createChannelServer, type ChannelServerOptions, type ChannelSocket, type ReceiveHandlers, type WireChannel, type WireProtocol,
} from '../src/channels/index.js';
import type { Validation } from '../src/protocol.js';

type Sum = { readonly a: number; readonly b: number };
type Echo = { readonly echo: string };
type Result = { readonly sum: number };
type Oops = { readonly oops: string; readonly ref?: string };

/** A closed object with exactly these keys and value types: the stand-in for a generated validator. */
function shape<T>(types: Readonly<Record<string, 'number' | 'string'>>, optional: readonly string[] = []) {
  return (input: unknown): Validation<T> => {
    const fail: Validation<T> = { ok: false, error: { code: 'INVALID_MESSAGE', pointer: '', keyword: 'shape', message: 'does not match', params: {} } };
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail;
    const record = input as Record<string, unknown>;
    if (Object.keys(record).some((k) => !(k in types))) return fail;
    for (const [k, t] of Object.entries(types)) {
      if (record[k] === undefined ? !optional.includes(k) : typeof record[k] !== t) return fail;
    }
    // The checks above are what this stand-in claims `T` to be.
    return { ok: true, value: input as T };
  };
}

const calc: WireChannel = {
  key: 'calc',
  address: '/calc/{mode}',
  parameters: { mode: ['fast', 'slow'] },
  fromClient: {
    discriminator: null,
    messages: [
      { name: 'sum', validate: shape<Sum>({ a: 'number', b: 'number' }), correlation: null },
      { name: 'echo', validate: shape<Echo>({ echo: 'string' }), correlation: null },
    ],
  },
  fromServer: {
    discriminator: null,
    messages: [
      { name: 'result', validate: shape<Result>({ sum: 'number' }), correlation: null },
      { name: 'echoed', validate: shape<Echo>({ echo: 'string' }), correlation: null },
      { name: 'oops', validate: shape<Oops>({ oops: 'string', ref: 'string' }, ['ref']), correlation: ['ref'] },
    ],
  },
};

const protocol: WireProtocol = {
  title: 'Calc',
  version: '1.0.0',
  channels: [calc],
  operations: [
    { key: 'add', action: 'receive', channel: 'calc', messages: ['sum'], reply: ['result'] },
    { key: 'echo', action: 'receive', channel: 'calc', messages: ['echo'], reply: ['echoed'] },
  ],
};

type CalcApi = {
  channels: { calc: { params: { mode: 'fast' | 'slow' }; fromClient: { sum: Sum; echo: Echo }; fromServer: { result: Result; echoed: Echo; oops: Oops } } };
  receive: { add: { channel: 'calc'; message: Sum; reply: Result }; echo: { channel: 'calc'; message: Echo; reply: Echo } };
  send: {};
};

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function start(options: ChannelServerOptions<CalcApi> = {}, handlers?: Partial<ReceiveHandlers<CalcApi>>): Promise<string> {
  const server = createChannelServer<CalcApi>(protocol, {
    // A slow `add` in slow mode: replies must still come back in request order.
    add: async (m, ctx) => {
      if (ctx.params.mode === 'slow') await new Promise((r) => setTimeout(r, 20 - m.a));
      return { sum: m.a + m.b };
    },
    echo: (m) => ({ echo: m.echo }),
    ...handlers,
  }, options);
  const http: HttpServer = createHttpServer();
  server.attach(http);
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  cleanup.push(() => new Promise<void>((resolve) => http.close(() => resolve())), () => server.close());
  return `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

async function open(url: string, mode: 'fast' | 'slow', requestTimeout = 2000): Promise<ChannelSocket<CalcApi, 'calc'>> {
  const socket = await connectChannel<CalcApi, 'calc'>(protocol, 'calc', { mode }, { url, WebSocket, requestTimeout });
  cleanup.push(() => socket.close());
  return socket;
}

describe('addresses and correlation paths', () => {
  it.each([
    ['/calc/fast', { ok: true, params: { mode: 'fast' } }],
    ['/calc/fast/', { ok: true, params: { mode: 'fast' } }],
    ['/calc/medium', { ok: false, status: 404 }],
    ['/calc/%E0%A4%A', { ok: false, status: 400 }],
    ['/calc/fast/more', { ok: false, status: 404 }],
  ])('%s', (pathname, want) => {
    const m = matchAddress([compileAddress(calc, '/')], pathname);
    expect(m.ok ? { ok: true, params: m.params } : { ok: false, status: m.status }).toEqual(want);
  });

  it('fills an address, percent-encoding values, and refuses a missing parameter', () => {
    expect(fillAddress('/rooms/{id}/x', { id: 'a b/c' })).toBe('/rooms/a%20b%2Fc/x');
    expect(() => fillAddress('/rooms/{id}', {})).toThrow(new TypeError('channel address /rooms/{id} needs the parameter id'));
  });

  it('reads and writes a payload location without changing the original', () => {
    expect(payloadPath('$message.payload#/meta/a~1b')).toEqual(['meta', 'a/b']);
    expect(payloadPath('$message.header#/id')).toBeNull();
    const original = { meta: { id: 1 }, keep: true };
    const written = writePath(original, ['meta', 'id'], 'x');
    expect([written, original, readPath(written, ['meta', 'id'])]).toEqual([{ meta: { id: 'x' }, keep: true }, { meta: { id: 1 }, keep: true }, 'x']);
  });
});

describe('the channel server and client, without discriminator or correlation id', () => {
  it('tells messages apart by validator order and matches replies in order', async () => {
    const socket = await open(await start(), 'slow');
    const replies = await Promise.all([
      socket.request('add', { a: 1, b: 2 }),
      socket.request('echo', { echo: 'hi' }),
      socket.request('add', { a: 10, b: 5 }),
    ]);
    expect(replies).toEqual([{ sum: 3 }, { echo: 'hi' }, { sum: 15 }]);
  });

  it('answers through onReject with the document\'s error message, and keeps the connection', async () => {
    const url = await start({ onReject: (r) => ({ message: 'oops', payload: { oops: `${r.reason} ${r.issue?.keyword ?? ''}`.trim() } }) });
    const socket = await open(url, 'fast');
    const oops: Oops[] = [];
    socket.on('oops', (m) => oops.push(m));
    const raw = new WebSocket(`${url}/calc/fast`);
    cleanup.push(() => raw.close());
    await once(raw, 'open');
    raw.send('{"a":1}');
    raw.send('not json');
    const frames: unknown[] = [];
    raw.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString('utf8'))));
    raw.send('{"echo":"still open"}');
    await expect.poll(() => frames.length).toBe(3);
    expect(frames).toEqual([{ oops: 'invalid shape' }, { oops: 'undecodable' }, { echo: 'still open' }]);
    expect(await socket.request('add', { a: 2, b: 2 })).toEqual({ sum: 4 });
  });

  it('closes with 1009 a frame over maxPayload, and with 1011 when onReject answers with a message the channel does not have', async () => {
    const url = await start({ maxPayload: 64, onReject: () => ({ message: 'nothing' as 'oops', payload: { oops: '' } }) }, { echo: () => { throw new Error('bug'); } });
    const big = new WebSocket(`${url}/calc/fast`);
    await once(big, 'open');
    big.send(JSON.stringify({ echo: 'x'.repeat(100) }));
    expect(((await once(big, 'close')) as [number])[0]).toBe(1009);
    const socket = await open(url, 'fast');
    const closed = socket.closed;
    await expect(socket.request('echo', { echo: 'y' })).rejects.toThrow('the connection closed with 1011');
    expect((await closed).code).toBe(1011);
  });

  it('closes with 1008 a connection with more frames in flight than maxQueuedFrames', async () => {
    const url = await start({ maxQueuedFrames: 2 }, { add: () => new Promise(() => undefined) });
    const raw = new WebSocket(`${url}/calc/fast`);
    cleanup.push(() => raw.close());
    await once(raw, 'open');
    for (let i = 0; i < 3; i++) raw.send('{"a":1,"b":2}');
    expect(((await once(raw, 'close')) as [number])[0]).toBe(1008);
  });

  it('rejects a request that gets no reply in time with a TimeoutError', async () => {
    const url = await start({}, { add: () => new Promise(() => undefined) });
    const socket = await open(url, 'fast', 50);
    await expect(socket.request('add', { a: 1, b: 1 })).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe('a request correlated by id', () => {
  type Ask = { readonly id: string; readonly q: string };
  type Told = { readonly id: string; readonly a: string };
  type Fail = { readonly ref: string; readonly why: string };
  const qa: WireProtocol = {
    title: 'QA',
    version: '1.0.0',
    channels: [{
      key: 'qa',
      address: '/qa',
      parameters: {},
      fromClient: { discriminator: null, messages: [{ name: 'ask', validate: shape<Ask>({ id: 'string', q: 'string' }), correlation: ['id'] }] },
      fromServer: {
        discriminator: null,
        messages: [
          { name: 'told', validate: shape<Told>({ id: 'string', a: 'string' }), correlation: ['id'] },
          { name: 'fail', validate: shape<Fail>({ ref: 'string', why: 'string' }), correlation: ['ref'] },
        ],
      },
    }],
    operations: [{ key: 'ask', action: 'receive', channel: 'qa', messages: ['ask'], reply: ['told'] }],
  };
  type QaApi = {
    channels: { qa: { params: Record<string, never>; fromClient: { ask: Ask }; fromServer: { told: Told; fail: Fail } } };
    receive: { ask: { channel: 'qa'; message: Ask; reply: Told } };
    send: {};
  };

  it('settles each reply by its id, out of order, and rejects with an AnswerError on an error message with the id', async () => {
    const server = createChannelServer<QaApi>(qa, {
      ask: async (m) => {
        if (m.q === 'bad') throw new Error('refused');
        await new Promise((r) => setTimeout(r, m.q === 'slow' ? 30 : 0));
        return { id: 'ignored', a: m.q.toUpperCase() };
      },
    }, { onReject: (r) => ({ message: 'fail', payload: { ref: '', why: r.reason } }) });
    const http = createHttpServer();
    server.attach(http);
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    cleanup.push(() => new Promise<void>((resolve) => http.close(() => resolve())), () => server.close());
    const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const socket = await connectChannel<QaApi, 'qa'>(qa, 'qa', {}, { url, WebSocket });
    cleanup.push(() => socket.close());
    const [slow, fast] = await Promise.all([socket.request('ask', { id: '1', q: 'slow' }), socket.request('ask', { id: '2', q: 'fast' })]);
    expect([slow, fast]).toEqual([{ id: '1', a: 'SLOW' }, { id: '2', a: 'FAST' }]);
    const failed = socket.request('ask', { id: '3', q: 'bad' });
    await expect(failed).rejects.toBeInstanceOf(AnswerError);
    await expect(failed).rejects.toMatchObject({ answer: 'fail', payload: { ref: '3', why: 'handler-failed' } });
  });
});
