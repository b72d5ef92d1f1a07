/**
 * Shared by the client-*.test.ts files: a tiny hand-written ClientProtocol, and a scripted `ws`
 * server on 127.0.0.1 that speaks the envelope protocol. Each test drives the server by hand, so
 * the client is tested without the real server core. Every server and client made here is
 * registered and torn down by `closeAll`, which each test file runs in `afterEach`.
 */
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { ClientCore, type ClientDiagnostic, type ClientOptions, type StateChange } from '../src/client/index.js';
import type { ClientInternals } from '../src/client/options.js';
import type { ClientProtocol, Envelope, Validation } from '../src/protocol.js';

type Message<T extends string, D extends object> = Envelope & { readonly type: T; readonly data: D };

export type TestInbound =
  | Message<'connection.established', { readonly connection_id: string }>
  | Message<'pong', { readonly pingId?: string }>
  | Message<'room.joined', { readonly room_id: string }>
  | Message<'error', { readonly code: string; readonly message: string; readonly retry_after?: number }>
  | Message<'chat.message', { readonly content: string }>;

function isEnvelope(input: unknown): input is Envelope {
  if (typeof input !== 'object' || input === null) return false;
  const { type, id, data } = input as { type?: unknown; id?: unknown; data?: unknown };
  return typeof type === 'string' && typeof id === 'string' && typeof data === 'object' && data !== null;
}

function validate(input: unknown): Validation<TestInbound> {
  // The stand-in for a generated validator checks only the envelope, so the narrowing to the
  // union is this test protocol's claim, as a generated one's would be after checking `data`.
  if (isEnvelope(input)) return { ok: true, value: input as TestInbound };
  return {
    ok: false,
    error: { code: 'INVALID_MESSAGE', pointer: '', keyword: 'type', message: 'not an envelope', params: {} },
  };
}

export const testProtocol: ClientProtocol<TestInbound> = {
  version: '1.0.0',
  validate,
  replies: { ping: ['pong'], 'room.join': ['room.joined'], auth: ['connection.established'] },
  volatile: ['typing', 'ping'],
};

/** A FIFO whose `next` waits for the next item, failing the test after `timeoutMs`. */
export class AsyncQueue<T> {
  readonly #items: T[] = [];
  readonly #waiting: Array<(item: T) => void> = [];

  push(item: T): void {
    const waiter = this.#waiting.shift();
    if (waiter === undefined) this.#items.push(item);
    else waiter(item);
  }

  get size(): number {
    return this.#items.length;
  }

  next(timeoutMs = 2000): Promise<T> {
    const item = this.#items.shift();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise<T>((resolve, reject) => {
      const waiter = (value: T): void => {
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.#waiting.splice(this.#waiting.indexOf(waiter), 1);
        reject(new Error(`nothing arrived within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiting.push(waiter);
    });
  }
}

// Server-wide, like real envelope ids: the client deduplicates across connections, so two peers
// must never reuse an id by accident.
let lastServerId = 0;

/** The server's side of one client connection. */
export class Peer {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  readonly received = new AsyncQueue<Envelope>();
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(socket: WebSocket, request: IncomingMessage) {
    this.socket = socket;
    this.request = request;
    socket.on('message', (data, isBinary) => {
      if (isBinary) throw new Error('the client sent a binary frame');
      const parsed: unknown = JSON.parse(data.toString());
      if (!isEnvelope(parsed)) throw new Error(`the client sent a non-envelope: ${data.toString()}`);
      this.received.push(parsed);
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
      });
    });
  }

  /** The subprotocols the client offered, in order. */
  get offeredProtocols(): string[] {
    const header = this.request.headers['sec-websocket-protocol'];
    return header === undefined ? [] : header.split(',').map((protocol) => protocol.trim());
  }

  /** Sends an envelope; `id` and `timestamp` are filled in unless given. Returns the envelope. */
  send(message: { type: string; data: object; id?: string; correlation_id?: string }): Envelope {
    lastServerId += 1;
    const envelope: Envelope = { id: `s_${lastServerId}`, timestamp: new Date().toISOString(), ...message };
    this.socket.send(JSON.stringify(envelope));
    return envelope;
  }

  establish(): Envelope {
    return this.send({ type: 'connection.established', data: { connection_id: `conn_${lastServerId + 1}` } });
  }

  /** Answers `request` with a message of `type`. */
  reply(request: Envelope, type: string, data: object = {}): Envelope {
    return this.send({ type, data, correlation_id: request.id });
  }
}

export interface TestServer {
  readonly url: string;
  readonly port: number;
  readonly peers: AsyncQueue<Peer>;
  /** How many connections the server has accepted so far. */
  readonly connectionCount: () => number;
  close(): Promise<void>;
}

const cleanups: Array<() => Promise<void>> = [];

/** Closes every client and server the current test made, newest first. */
export async function closeAll(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

/**
 * Starts a server on an ephemeral port. With `establish` (the default) every connection is sent
 * `connection.established` at once, as the real server does after authenticating the upgrade.
 */
export async function startServer(options: { establish?: boolean } = {}): Promise<TestServer> {
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    // Selecting the JSON subprotocol is required: a client that offered some fails a handshake
    // answered with none.
    handleProtocols: (protocols) => (protocols.has('switchboard.v1') ? 'switchboard.v1' : false),
  });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const peers = new AsyncQueue<Peer>();
  let count = 0;
  wss.on('connection', (socket, request) => {
    count += 1;
    const peer = new Peer(socket, request);
    if (options.establish ?? true) peer.establish();
    peers.push(peer);
  });
  const { port } = wss.address() as AddressInfo;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    for (const socket of wss.clients) socket.terminate();
    await new Promise<void>((resolve, reject) => {
      wss.close((error) => {
        if (error === undefined) resolve();
        else reject(error);
      });
    });
  };
  cleanups.push(close);
  return { url: `ws://127.0.0.1:${port}/ws`, port, peers, connectionCount: () => count, close };
}

export interface TestClient {
  readonly client: ClientCore<TestInbound>;
  readonly diagnostics: ClientDiagnostic[];
  readonly states: StateChange[];
  readonly messages: TestInbound[];
}

/**
 * A client on `ws`'s WebSocket with short reconnect delays, recording its diagnostics, state
 * changes and messages.
 */
export function createClient(
  url: string,
  options: Omit<ClientOptions, 'url'> = {},
  internals: Partial<ClientInternals> = {},
): TestClient {
  const diagnostics: ClientDiagnostic[] = [];
  const client = new ClientCore(
    testProtocol,
    {
      url,
      WebSocket,
      reconnect: { minDelayMs: 5, maxDelayMs: 20 },
      onDiagnostic: (event) => {
        diagnostics.push(event);
      },
      ...options,
    },
    internals,
  );
  const states: StateChange[] = [];
  const messages: TestInbound[] = [];
  client.onStateChange((change) => {
    states.push(change);
  });
  client.onMessage((message) => {
    messages.push(message);
  });
  cleanups.push(async () => {
    await client.close();
  });
  return { client, diagnostics, states, messages };
}

/** Polls `predicate` until it holds, failing after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await delay(5);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The diagnostics of one kind, typed. */
export function diagnosticsOf<K extends ClientDiagnostic['kind']>(
  diagnostics: readonly ClientDiagnostic[],
  kind: K,
): Extract<ClientDiagnostic, { kind: K }>[] {
  return diagnostics.filter((event): event is Extract<ClientDiagnostic, { kind: K }> => event.kind === kind);
}
