/**
 * Real sockets on 127.0.0.1: a generated server on an ephemeral port, tokens signed with jose,
 * and a raw `ws` test client that checks every message the server sends against the generated
 * validator (a test fails if the server ever says something the spec does not allow).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { WebSocket } from 'ws';
import { createServer, type Handlers, type ServerTypes } from '@switchboard/protocol/server';
import type { ServerMessage, ServerMessageMap } from '@switchboard/protocol';
import { validateServerMessage } from '@switchboard/protocol/validators';
import { MemoryBroker, type ServerOptions, type SwitchboardServer } from '@switchboard/runtime/server';
import { createHandlers, UploadLedger } from '@switchboard/server';
import { afterEach, expect } from 'vitest';

export const SECRET = 'conformance-secret-0123456789abcdef';

export interface TokenOptions {
  readonly name?: string;
  /** Seconds from now; negative for an expired token. Omitted: one hour. `null`: no exp. */
  readonly expiresIn?: number | null;
  readonly secret?: string;
}

export async function token(sub: string, options: TokenOptions = {}): Promise<string> {
  const jwt = new SignJWT(options.name === undefined ? {} : { name: options.name }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt();
  const expiresIn = options.expiresIn === undefined ? 3600 : options.expiresIn;
  if (expiresIn !== null) jwt.setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn);
  return jwt.sign(new TextEncoder().encode(options.secret ?? SECRET));
}

/** The reference service's handlers (chat echoed to the sender), overridable per test. */
export function defaultHandlers(uploads?: UploadLedger): Handlers {
  return createHandlers(uploads === undefined ? { chatEchoToSender: true } : { chatEchoToSender: true, uploads });
}

export interface Running {
  readonly server: SwitchboardServer<ServerTypes>;
  readonly http: http.Server;
  readonly port: number;
  /** The uploads the default handlers know (what the service records when it notifies a user). */
  readonly uploads: UploadLedger;
  url(path?: string): string;
  close(): Promise<void>;
}

export async function startServer(options: Partial<ServerOptions> = {}, handlers?: Handlers): Promise<Running> {
  const broker = options.broker ?? new MemoryBroker();
  const uploads = new UploadLedger(broker);
  const server = createServer(handlers ?? defaultHandlers(uploads), { auth: { secret: SECRET }, ...options, broker });
  const httpServer = http.createServer((request, response) => {
    if (!server.handleRequest(request, response)) response.writeHead(404).end();
  });
  server.attach(httpServer);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    server,
    http: httpServer,
    port,
    uploads,
    url: (path = '/ws') => `ws://127.0.0.1:${port}${path}`,
    // Once: a test may close a server itself before the fixture's cleanup does.
    close() {
      closing ??= (async () => {
        await server.close();
        httpServer.closeAllConnections();
        await new Promise<void>((resolve, reject) => httpServer.close((error) => (error ? reject(error) : resolve())));
      })();
      return closing;
    },
  };
}

export interface Closed {
  readonly code: number;
  readonly reason: string;
}

let counter = 0;

/** A raw client: sends exactly what a test says, records everything, validates what it gets. */
export class TestClient {
  readonly received: ServerMessage[] = [];
  /** Messages that failed the generated validator: must stay empty. */
  readonly invalid: { readonly raw: string; readonly error: string }[] = [];
  readonly closed: Promise<Closed>;
  #waiters: { readonly match: (m: ServerMessage) => boolean; readonly resolve: (m: ServerMessage) => void }[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const raw = data.toString();
      const result = validateServerMessage(JSON.parse(raw));
      if (!result.ok) {
        this.invalid.push({ raw, error: `${result.error.pointer} ${result.error.message}` });
        return;
      }
      this.received.push(result.value);
      this.#waiters = this.#waiters.filter((w) => {
        if (!w.match(result.value)) return true;
        w.resolve(result.value);
        return false;
      });
    });
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** Opens a socket; resolves once the upgrade succeeded (or rejects with the HTTP status). */
  static open(url: string, options: { readonly protocols?: string[]; readonly headers?: Record<string, string> } = {}): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, options.protocols ?? [], { headers: options.headers ?? {} });
      const client = new TestClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_request, response) => reject(new UpgradeRejected(response.statusCode ?? 0)));
      socket.once('error', reject);
    });
  }

  /** Opens with `?token=` and waits for `connection.established` (kept as `established`). */
  static async connect(url: string, jwt: string): Promise<TestClient> {
    const client = await TestClient.open(`${url}?token=${encodeURIComponent(jwt)}`);
    client.established = await client.next('connection.established');
    return client;
  }

  /** The `connection.established` that `connect` waited for. */
  established: ServerMessageMap['connection.established'] | null = null;

  /** The first message of this type not yet taken (or any message), waiting up to `timeoutMs`. */
  next<K extends ServerMessage['type']>(type: K, timeoutMs = 3000, where: (m: ServerMessageMap[K]) => boolean = () => true): Promise<ServerMessageMap[K]> {
    const match = (m: ServerMessage): boolean => m.type === type && where(m as ServerMessageMap[K]);
    const found = this.received.find(match);
    if (found) {
      this.received.splice(this.received.indexOf(found), 1);
      return Promise.resolve(found as ServerMessageMap[K]);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeoutMs} ms; got ${this.received.map((m) => m.type).join(', ') || 'nothing'}`)), timeoutMs);
      this.#waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          this.received.splice(this.received.indexOf(m), 1);
          resolve(m as ServerMessageMap[K]);
        },
      });
    });
  }

  /** Sends an envelope; returns its id. */
  send(type: string, data: object, extra: Record<string, unknown> = {}): string {
    const id = `t${++counter}`;
    this.socket.send(JSON.stringify({ type, id, timestamp: new Date().toISOString(), data, ...extra }));
    return id;
  }

  /** Sends and waits for the message correlated with it (a reply or an error). */
  async request(type: string, data: object, timeoutMs = 3000): Promise<ServerMessage> {
    const id = this.send(type, data);
    return this.#correlated(id, timeoutMs);
  }

  #correlated(id: string, timeoutMs: number): Promise<ServerMessage> {
    const match = (m: ServerMessage): boolean => m.correlation_id === id;
    const found = this.received.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply to ${id} within ${timeoutMs} ms`)), timeoutMs);
      this.#waiters.push({ match, resolve: (m) => (clearTimeout(timer), this.received.splice(this.received.indexOf(m), 1), resolve(m)) });
    });
  }

  raw(text: string | Buffer, binary = false): void {
    this.socket.send(text, { binary });
  }

  async close(): Promise<Closed> {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) this.socket.close(1000);
    return this.closed;
  }
}

export class UpgradeRejected extends Error {
  constructor(readonly status: number) {
    super(`upgrade rejected with HTTP ${status}`);
  }
}

/** Waits a little for messages that must NOT arrive. */
export function quiet(ms = 150): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Servers and clients for one test file: everything started is stopped after each test, and
 * every client is checked to have received only messages the spec allows.
 */
export interface Fixture {
  /** The server started last in this test. */
  readonly running: Running;
  start(options?: Partial<ServerOptions>, handlers?: Handlers): Promise<Running>;
  /** Connects as `sub` (token by `?token=`) and waits for `connection.established`. */
  connect(sub: string, options?: { readonly name?: string; readonly on?: Running }): Promise<TestClient>;
  /** Connects with this exact token. */
  connectWith(jwt: string, path?: string): Promise<TestClient>;
  /** Opens a socket without waiting for anything. */
  open(url: string, options?: Parameters<typeof TestClient.open>[1]): Promise<TestClient>;
  /** Stops the client with the others after the test. */
  track(client: TestClient): TestClient;
}

export function useFixture(): Fixture {
  const servers: Running[] = [];
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) {
      expect(client.invalid).toEqual([]);
      await client.close();
    }
    for (const running of servers.splice(0)) await running.close();
  });
  const fixture: Fixture = {
    get running(): Running {
      const last = servers[servers.length - 1];
      if (!last) throw new Error('no server started in this test');
      return last;
    },
    async start(options = {}, handlers) {
      const running = await startServer(options, handlers);
      servers.push(running);
      return running;
    },
    async connect(sub, options = {}) {
      const jwt = await token(sub, options.name === undefined ? {} : { name: options.name });
      return fixture.track(await TestClient.connect((options.on ?? fixture.running).url(), jwt));
    },
    async connectWith(jwt, path = '/ws') {
      return fixture.track(await TestClient.connect(fixture.running.url(path), jwt));
    },
    async open(url, options = {}) {
      return fixture.track(await TestClient.open(url, options));
    },
    track(client) {
      clients.push(client);
      return client;
    },
  };
  return fixture;
}
