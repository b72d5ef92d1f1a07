/**
 * A WebSocket document that is not our envelope (test/fixtures/ws-rooms.yaml: channel addresses
 * with parameters, `op` / `event` discriminators, request/reply correlated by `reqId`, no error
 * message), end to end: its generated server on a real socket, its generated client, and raw
 * sockets for what a client must not send. Properties over the document's own arbitraries: a
 * valid request gets its declared reply with its correlation id; an invalid one closes its
 * connection with 1007 (1003 when it is no message of the channel); a second client connected
 * all along is unaffected.
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { request as httpRequest, type Server as HttpServer } from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveOnLoopback, type Served } from './channel-harness.js';
import { sourceLoader, TEST_DIR, writeFixture } from './helpers.js';

interface Said { readonly event: 'said'; readonly reqId: string; readonly length: number }
interface Joined { readonly event: 'joined'; readonly reqId: string; readonly roomId: string; readonly name: string }
interface Say { readonly op: 'say'; readonly reqId: string; readonly text: string }
interface RoomSocket {
  request(operation: 'say', message: Say): Promise<Said>;
  request(operation: 'join', message: { op: 'join'; reqId: string; name: string }): Promise<Joined>;
  send(operation: 'ping', message: { op: 'ping' }): void;
  on(message: 'announcement', handler: (payload: { event: 'announcement'; text: string }) => void): () => void;
  close(): void;
  readonly closed: Promise<{ code: number; reason: string }>;
}
interface ServerModule {
  createServer(handlers: object, options?: object): {
    attach(server: HttpServer): void;
    publish(operation: string, message: object, params?: object): number;
    close(): Promise<void>;
  };
}
interface ClientModule {
  connect(channel: string, params: object, options: object): Promise<RoomSocket>;
}
interface ArbitrariesModule {
  arbitraries: { readonly Say: fc.Arbitrary<Say> };
  invalidArbitraries: { readonly Say: fc.Arbitrary<{ readonly value: unknown; readonly pointer: string; readonly keyword: string }> };
}

let served: Served;
let server: ReturnType<ServerModule['createServer']>;
let client: ClientModule;
let generated: ArbitrariesModule;
let validateSaid: (input: unknown) => { ok: boolean };
let origin: string;
let outDir: string;

beforeAll(async () => {
  const out = await writeFixture('ws-rooms.yaml', 'ws-rooms');
  outDir = out;
  const load = sourceLoader(out);
  const { createServer } = await load<ServerModule>('server.ts');
  client = await load<ClientModule>('client.ts');
  generated = await load<ArbitrariesModule>('arbitraries.ts');
  ({ validateSaid } = await load<{ validateSaid: typeof validateSaid }>('validators.ts'));
  server = createServer({
    join: (m: { reqId: string; name: string }, ctx: { params: { roomId: string } }): Joined => {
      if (m.name === 'boom') throw new Error('a handler bug');
      return { event: 'joined', reqId: m.reqId, roomId: ctx.params.roomId, name: m.name };
    },
    // The reply's reqId is left wrong on purpose: the runtime sets the request's.
    say: async (m: Say): Promise<Said> => ({ event: 'said', reqId: 'x', length: [...m.text].length }),
    ping: () => undefined,
  });
  served = await serveOnLoopback(server);
  origin = served.origin;
}, 120_000);

afterAll(async () => {
  await served?.stop();
});

async function connect(roomId: string): Promise<RoomSocket> {
  const socket = await client.connect('room', { roomId }, { url: `${origin}/api`, WebSocket, requestTimeout: 2000 });
  served.track(socket);
  return socket;
}

/** The headers of a WebSocket upgrade request (RFC 6455 section 4.1). */
const UPGRADE = { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' };

/** Sends `frame` on a raw socket to `path` and resolves with the close code the server chose. */
async function closeCodeFor(frame: string | Buffer, at = '/api/rooms/raw'): Promise<number> {
  const ws = new WebSocket(`${origin}${at}`);
  await once(ws, 'open');
  ws.send(frame, { binary: Buffer.isBuffer(frame) });
  const [code] = (await once(ws, 'close')) as [number];
  return code;
}

describe('a WebSocket document that is not our envelope', () => {
  it('answers every valid request with its declared reply and correlation id, while another client waits', async () => {
    const bystander = await connect('general');
    const speaker = await connect('general');
    await fc.assert(fc.asyncProperty(generated.arbitraries.Say, async (say) => {
      const reply = await speaker.request('say', say);
      expect(reply).toEqual({ event: 'said', reqId: say.reqId, length: [...say.text].length });
      expect(validateSaid(reply).ok).toBe(true);
    }), { numRuns: 60 });
    const joined = await bystander.request('join', { op: 'join', reqId: 'b1', name: 'ann' });
    expect(joined).toEqual({ event: 'joined', reqId: 'b1', roomId: 'general', name: 'ann' });
  });

  it('closes a connection that sends an invalid message with 1007, or 1003 when it is no message of the channel; others are unaffected', async () => {
    const bystander = await connect('general');
    await fc.assert(fc.asyncProperty(generated.invalidArbitraries.Say, fc.nat(), async (bad, n) => {
      const op = typeof bad.value === 'object' && bad.value !== null && !Array.isArray(bad.value) ? (bad.value as { op?: unknown }).op : undefined;
      fc.pre(op !== 'ping'); // an open `ping` accepts anything with its op
      const code = await closeCodeFor(JSON.stringify(bad.value));
      expect(code, `${bad.keyword} at ${bad.pointer}`).toBe(op === 'say' || op === 'join' ? 1007 : 1003);
      const reply = await bystander.request('say', { op: 'say', reqId: `still-${n}`, text: 'here' });
      expect(reply.reqId).toBe(`still-${n}`);
    }), { numRuns: 40 });
  });

  it('survives any frame: arbitrary text, JSON and bytes close only their own connection, with 1003 or 1007', async () => {
    const bystander = await connect('general');
    const frames = fc.oneof(fc.string({ unit: 'binary' }), fc.json(), fc.uint8Array().map((b) => Buffer.from(b)));
    await fc.assert(fc.asyncProperty(frames, fc.nat(), async (frame, n) => {
      // A frame that happens to be a valid join or say gets its reply instead; ping gets nothing.
      fc.pre(typeof frame !== 'string' || !/"op"\s*:\s*"(join|say|ping)"/.test(frame));
      expect([1003, 1007]).toContain(await closeCodeFor(frame));
      const reply = await bystander.request('say', { op: 'say', reqId: `fuzz-${n}`, text: '' });
      expect(reply.reqId).toBe(`fuzz-${n}`);
    }), { numRuns: 60 });
  });

  it.each([
    ['a frame that is not JSON', 1007, '{"op":'],
    ['a binary frame', 1003, Buffer.from('{"op":"ping"}')],
    ['a value with an op no message has', 1003, '{"op":"dance"}'],
    ['a message that breaks its schema', 1007, '{"op":"say","reqId":"1","text":7}'],
    ['a request whose handler throws', 1011, '{"op":"join","reqId":"1","name":"boom"}'],
  ] as const)('closes on %s with %i', async (_, want, frame) => {
    expect(await closeCodeFor(frame)).toBe(want);
  });

  it('refuses an upgrade to an address no channel has, or a parameter outside its enum, with 404', async () => {
    const status = (at: string) => new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${origin.replace('ws:', 'http:')}${at}`, { headers: UPGRADE });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('upgrade', (_res, socket) => {
        socket.destroy();
        resolve(101);
      });
      req.on('error', reject);
      req.end();
    });
    expect(await Promise.all(['/api/nowhere', '/api/lobby/basement', '/rooms/general', '/api/lobby/first'].map(status))).toEqual([404, 404, 404, 101]);
  });

  it('publishes a send operation to the connections of the matching channel parameters only', async () => {
    const [inRoom, elsewhere] = await Promise.all([connect('blue'), connect('green')]);
    const got: string[] = [];
    inRoom.on('announcement', (m) => got.push(`blue:${m.text}`));
    elsewhere.on('announcement', (m) => got.push(`green:${m.text}`));
    expect(server.publish('announce', { event: 'announcement', text: 'hi' }, { roomId: 'blue' })).toBe(1);
    // A request after the publish: its reply comes after the announcement on the same socket.
    await inRoom.request('say', { op: 'say', reqId: 'after', text: '' });
    await elsewhere.request('say', { op: 'say', reqId: 'after', text: '' });
    expect(got).toEqual(['blue:hi']);
  });
});

/** A service and an app using the generated server and client: every line marked must fail to compile, nothing else. */
const USAGE = `import { createServer, type Handlers } from './src/server.js';
import { connect } from './src/client.js';

export const handlers: Handlers = {
  join: (m, { params }) => ({ event: 'joined', reqId: m.reqId, roomId: params.roomId, name: m.name }),
  // @ts-expect-error the reply of say is Said, not Joined
  say: (m) => ({ event: 'joined', reqId: m.reqId, roomId: '', name: '' }),
  ping: () => undefined,
};
export const server = createServer(handlers);
server.publish('announce', { event: 'announcement', text: 'hi' }, { roomId: 'blue' });
// @ts-expect-error census is sent on the lobby, whose parameter is floor
server.publish('census', { event: 'census', count: 1 }, { roomId: 'blue' });

export async function use(): Promise<number> {
  const room = await connect('room', { roomId: 'blue' }, { url: 'ws://localhost' });
  // @ts-expect-error the lobby's floor is ground or first
  void connect('lobby', { floor: 'basement' }, { url: 'ws://localhost' });
  // @ts-expect-error ping has no reply: it is sent, not requested
  void room.request('ping', { op: 'ping' });
  room.send('ping', { op: 'ping' });
  room.on('announcement', (m) => void m.text);
  const said = await room.request('say', { op: 'say', reqId: '1', text: 'hi' });
  return said.length;
}
`;

/** Implements join and ping only: must not compile. */
const MISSING = `import type { Handlers } from './src/server.js';

export const handlers: Handlers = {
  join: (m, { params }) => ({ event: 'joined', reqId: m.reqId, roomId: params.roomId, name: m.name }),
  ping: () => undefined,
};
`;

describe('the generated server and client types', () => {
  it('type handlers, replies, channel parameters and operations; a Handlers without say is TS2741', async () => {
    await writeFile(path.join(outDir, 'usage.ts'), USAGE);
    await writeFile(path.join(outDir, 'missing.ts'), MISSING);
    const root = path.resolve(TEST_DIR, '../../..');
    await writeFile(path.join(outDir, 'tsconfig.json'), JSON.stringify({
      extends: path.join(root, 'tsconfig.base.json'),
      compilerOptions: { noEmit: true, strict: true, customConditions: [] },
      include: ['src/**/*.ts', 'usage.ts', 'missing.ts'],
    }));
    const out = await new Promise<string>((resolve) => {
      execFile(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', outDir], (_error, stdout) => resolve(stdout));
    });
    const errors = out.split('\n').filter((l) => /error TS\d+/.test(l)).map((l) => path.basename(l.replace(/\(\d+,\d+\)/, '').replace(/:.*?(TS\d+).*/, ' $1')));
    expect(errors).toEqual(['missing.ts TS2741']);
  }, 120_000);
});
