import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionClosedError, ProtocolError } from '../src/errors.js';
import type { Envelope } from '../src/protocol.js';
import { closeAll, createClient, delay, diagnosticsOf, startServer, waitFor, type Peer, type TestInbound } from './client-harness.js';

afterEach(closeAll);

type Established = Extract<TestInbound, { type: 'connection.established' }>;

/** A token provider that hands out token-1, token-2, ... and counts its calls. */
function countingProvider(): { readonly provider: () => Promise<string>; readonly calls: () => number } {
  let calls = 0;
  return {
    provider: async () => {
      calls += 1;
      await delay(1);
      return `token-${calls}`;
    },
    calls: () => calls,
  };
}

/** The `auth` frame the client must send first, with `token`. */
function authFrame(token: string): Envelope {
  return { type: 'auth', id: expect.any(String), timestamp: expect.any(String), data: { token } };
}

/** Admits the connection as the server does after a good `auth`: the welcome correlated to it. */
function admit(peer: Peer, auth: Envelope): Envelope {
  return peer.reply(auth, 'connection.established', { connection_id: `conn_for_${auth.id}` });
}

async function settled(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (reason: unknown) => reason,
  );
}

describe("ClientCore: tokenTransport 'message'", () => {
  it('upgrades without the token, then sends auth with the provider token as the first frame of every connection', async () => {
    const server = await startServer({ establish: false });
    const tokens = countingProvider();
    const { client, states } = createClient(server.url, { token: tokens.provider, tokenTransport: 'message' });
    const connecting = client.connect();

    const first = await server.peers.next();
    expect(first.offeredProtocols).toEqual(['switchboard.v1']);
    expect(first.request.url).toBe('/ws');
    const auth = await first.received.next();
    expect(auth).toEqual(authFrame('token-1'));
    expect(client.state).toBe('connecting'); // sending auth is not being admitted
    const welcome = admit(first, auth);
    await connecting;
    expect(client.session).toEqual(welcome);

    first.socket.terminate();
    const second = await server.peers.next();
    const reauth = await second.received.next();
    expect(reauth).toEqual(authFrame('token-2'));
    expect(reauth.id).not.toBe(auth.id);
    admit(second, reauth);
    await waitFor(() => client.state === 'open');
    expect(tokens.calls()).toBe(2);
    expect(states.map((change) => change.newState)).toEqual(['connecting', 'open', 'reconnecting', 'open']);
  });

  it('sends queued messages only after the auth reply, in order', async () => {
    const server = await startServer({ establish: false });
    const { client } = createClient(server.url, { token: 'aaa.bbb.ccc', tokenTransport: 'message' });
    const before = client.send('chat.send', { n: 1 });
    const joining = client.request('room.join', { room_id: 'general' });
    const connecting = client.connect();
    const peer = await server.peers.next();

    const auth = await peer.received.next();
    expect(auth).toEqual(authFrame('aaa.bbb.ccc'));
    const during = client.send('chat.send', { n: 2 }); // socket up, not admitted: still queued
    await delay(20);
    expect(peer.received.size).toBe(0);

    admit(peer, auth);
    await connecting;
    const flushed = await Promise.all([1, 2, 3].map(() => peer.received.next()));
    expect(flushed.map((message) => message.type)).toEqual(['chat.send', 'room.join', 'chat.send']);
    expect([flushed[0]?.id, flushed[2]?.id]).toEqual([before, during]);
    const join = flushed[1] as Envelope;
    peer.reply(join, 'room.joined', { room_id: 'general' });
    await expect(joining).resolves.toMatchObject({ correlation_id: join.id });
  });

  it.each(['AUTH_FAILED', 'TOKEN_EXPIRED'])(
    'an %s error answering auth, then close 1008, rejects connect() with the ProtocolError and does not reconnect',
    async (code) => {
      const server = await startServer({ establish: false });
      const tokens = countingProvider();
      const { client, states, diagnostics } = createClient(server.url, { token: tokens.provider, tokenTransport: 'message' });
      const connecting = client.connect();
      const peer = await server.peers.next();
      const auth = await peer.received.next();
      peer.reply(auth, 'error', { code, message: 'token rejected', close_code: 1008 });
      peer.socket.close(1008, 'authentication failed');

      const error = await settled(connecting);
      expect(error).toBeInstanceOf(ProtocolError);
      expect(error).toMatchObject({ code, message: 'token rejected', closeCode: 1008 });
      expect(states).toEqual([
        { oldState: 'closed', newState: 'connecting' },
        { oldState: 'connecting', newState: 'closed', code: 1008, reason: 'authentication failed' },
      ]);
      await delay(50);
      expect(server.connectionCount()).toBe(1);
      expect(tokens.calls()).toBe(1);
      expect(diagnosticsOf(diagnostics, 'reconnect-scheduled')).toEqual([]);
    },
  );

  it('treats 4002 (auth deadline missed) as transient, like the close-code table: reconnects and authenticates with a fresh token', async () => {
    const server = await startServer({ establish: false });
    const tokens = countingProvider();
    const { client, states } = createClient(server.url, { token: tokens.provider, tokenTransport: 'message' });
    const connecting = client.connect();
    const first = await server.peers.next();
    await first.received.next(); // too late, as far as this server is concerned
    first.socket.close(4002, 'no auth message in time');

    const second = await server.peers.next();
    const auth = await second.received.next();
    expect(auth).toEqual(authFrame('token-2'));
    admit(second, auth);
    await connecting;
    expect(states.slice(0, 3)).toEqual([
      { oldState: 'closed', newState: 'connecting' },
      { oldState: 'connecting', newState: 'reconnecting', code: 4002, reason: 'no auth message in time' },
      { oldState: 'reconnecting', newState: 'open' },
    ]);
  });

  it('treats a token provider failing once the socket is open as a failed attempt', async () => {
    const server = await startServer({ establish: false });
    let calls = 0;
    const { client, diagnostics } = createClient(server.url, {
      tokenTransport: 'message',
      token: () => {
        calls += 1;
        if (calls === 1) throw new Error('auth endpoint down');
        return 'token-2';
      },
    });
    const connecting = client.connect();
    const first = await server.peers.next();
    const second = await server.peers.next();
    expect((await first.closed).code).toBe(1005); // closed by the client, without a frame sent
    expect(first.received.size).toBe(0);
    const auth = await second.received.next();
    expect(auth).toEqual(authFrame('token-2'));
    admit(second, auth);
    await connecting;
    expect(diagnosticsOf(diagnostics, 'token-error').map((event) => String(event.error))).toEqual(['Error: auth endpoint down']);
  });
});

describe('ClientCore: authenticating by hand (no token configured)', () => {
  it('an auth request made while the socket is open but not admitted goes out at once, ahead of the queue; its reply resolves it and connect()', async () => {
    const server = await startServer({ establish: false });
    const { client } = createClient(server.url);
    const queued = client.send('chat.send', { content: 'after auth' });
    const connecting = client.connect();
    const peer = await server.peers.next();
    await delay(30); // the client has seen the upgrade answer
    expect(peer.received.size).toBe(0);

    const authing = client.request<Established>('auth', { token: 'aaa.bbb.ccc' });
    const auth = await peer.received.next();
    expect(auth).toEqual(authFrame('aaa.bbb.ccc'));
    const stateWhenAuthResolved = authing.then(() => client.state);
    const welcome = admit(peer, auth);

    expect(await authing).toEqual(welcome);
    expect(await stateWhenAuthResolved).toBe('open');
    await connecting;
    expect(client.session).toEqual(welcome);
    expect((await peer.received.next()).id).toBe(queued);
  });

  it('an auth request made right after connect(), before the socket opens, is held and sent as the first frame', async () => {
    const server = await startServer({ establish: false });
    const { client } = createClient(server.url);
    const connecting = client.connect();
    const queued = client.send('chat.send', { content: 'after auth' });
    const authing = client.request<Established>('auth', { token: 'aaa.bbb.ccc' });
    const peer = await server.peers.next();

    const auth = await peer.received.next();
    expect(auth).toEqual(authFrame('aaa.bbb.ccc'));
    await delay(20);
    expect(peer.received.size).toBe(0);
    const welcome = admit(peer, auth);
    await expect(authing).resolves.toEqual(welcome);
    await connecting;
    expect((await peer.received.next()).id).toBe(queued);
  });

  it('an error reply rejects auth(), and connect() with the same ProtocolError after close 1008, without a reconnect', async () => {
    const server = await startServer({ establish: false });
    const { client, diagnostics } = createClient(server.url);
    const connecting = client.connect();
    const authing = client.request('auth', { token: 'forged' });
    const peer = await server.peers.next();
    const auth = await peer.received.next();
    peer.reply(auth, 'error', { code: 'AUTH_FAILED', message: 'bad signature', close_code: 1008 });
    peer.socket.close(1008, 'authentication failed');

    const authError = await settled(authing);
    expect(authError).toBeInstanceOf(ProtocolError);
    expect(authError).toMatchObject({ code: 'AUTH_FAILED', message: 'bad signature', closeCode: 1008 });
    const connectError = await settled(connecting);
    expect(connectError).toBeInstanceOf(ProtocolError);
    expect(connectError).toMatchObject({ code: 'AUTH_FAILED', message: 'bad signature', closeCode: 1008 });
    expect(client.state).toBe('closed');
    await delay(50);
    expect(server.connectionCount()).toBe(1);
    expect(diagnosticsOf(diagnostics, 'reconnect-scheduled')).toEqual([]);
  });

  it('after 4002 the client reconnects; an auth made while reconnecting authenticates the next connection', async () => {
    const server = await startServer({ establish: false });
    const { client, states } = createClient(server.url, { reconnect: { minDelayMs: 50, maxDelayMs: 50 } }, { random: () => 0.5 });
    const connecting = client.connect();
    (await server.peers.next()).socket.close(4002, 'no auth message in time');
    await waitFor(() => client.state === 'reconnecting');
    expect(states.at(-1)).toEqual({ oldState: 'connecting', newState: 'reconnecting', code: 4002, reason: 'no auth message in time' });

    const authing = client.request<Established>('auth', { token: 'aaa.bbb.ccc' });
    const peer = await server.peers.next();
    const auth = await peer.received.next();
    expect(auth).toEqual(authFrame('aaa.bbb.ccc'));
    admit(peer, auth);
    await Promise.all([authing, connecting]);
    expect(client.state).toBe('open');
  });

  it('a held auth that is aborted is never sent', async () => {
    const server = await startServer({ establish: false });
    const { client } = createClient(server.url);
    const controller = new AbortController();
    const authing = client.request('auth', { token: 'stale' }, { signal: controller.signal });
    controller.abort(new Error('signed out'));
    await expect(authing).rejects.toThrow('signed out');
    const connecting = client.connect();
    const peer = await server.peers.next();
    await delay(30);
    expect(peer.received.size).toBe(0);
    const rejected = expect(connecting).rejects.toBeInstanceOf(ConnectionClosedError);
    await client.close();
    await rejected;
  });

  it('with a token configured, an auth request is an ordinary one: queued until the connection is admitted', async () => {
    const server = await startServer({ establish: false });
    const { client } = createClient(server.url, { token: 'aaa.bbb.ccc' });
    const connecting = client.connect();
    const authing = client.request('auth', { token: 'other' });
    const peer = await server.peers.next();
    await delay(30);
    expect(peer.received.size).toBe(0);
    peer.establish();
    await connecting;
    const auth = await peer.received.next();
    expect(auth).toEqual(authFrame('other'));
    peer.reply(auth, 'error', { code: 'INVALID_MESSAGE_TYPE', message: 'already authenticated; use auth.refresh' });
    await expect(authing).rejects.toMatchObject({ code: 'INVALID_MESSAGE_TYPE' });
    expect(client.state).toBe('open');
  });
});
