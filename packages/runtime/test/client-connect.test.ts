import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionClosedError, ProtocolError } from '../src/errors.js';
import { closeAll, createClient, delay, diagnosticsOf, startServer, waitFor } from './client-harness.js';

afterEach(closeAll);

describe('ClientCore: connect', () => {
  it('resolves only after connection.established, and exposes it as the session', async () => {
    const server = await startServer({ establish: false });
    const { client } = createClient(server.url);
    let resolved = false;
    const connecting = client.connect().then(() => {
      resolved = true;
    });
    expect(client.state).toBe('connecting');
    const peer = await server.peers.next();
    await delay(30); // the upgrade is done; only the welcome is missing
    expect(resolved).toBe(false);
    expect(client.state).toBe('connecting');
    expect(client.session).toBeNull();

    const welcome = peer.establish();
    await connecting;
    expect(client.state).toBe('open');
    expect(client.session).toEqual(welcome);
  });

  it('offers switchboard.v1 and bearer.<jwt> as subprotocols by default', async () => {
    const server = await startServer();
    const { client } = createClient(server.url, { token: 'aaa.bbb.ccc' });
    await client.connect();
    const peer = await server.peers.next();
    expect(peer.offeredProtocols).toEqual(['switchboard.v1', 'bearer.aaa.bbb.ccc']);
    expect(peer.socket.protocol).toBe('switchboard.v1');
    expect(peer.request.url).toBe('/ws');
  });

  it("appends ?token= with tokenTransport 'query', keeping the URL's own parameters", async () => {
    const server = await startServer();
    const { client } = createClient(`${server.url}?client=tab-1`, { token: 'aaa.bbb.ccc', tokenTransport: 'query' });
    await client.connect();
    const peer = await server.peers.next();
    expect(peer.request.url).toBe('/ws?client=tab-1&token=aaa.bbb.ccc');
    expect(peer.offeredProtocols).toEqual(['switchboard.v1']);
  });

  it('offers only switchboard.v1 without a token', async () => {
    const server = await startServer();
    const { client } = createClient(server.url);
    await client.connect();
    expect((await server.peers.next()).offeredProtocols).toEqual(['switchboard.v1']);
  });

  it('calls the token provider on every connect', async () => {
    const server = await startServer();
    let calls = 0;
    const { client } = createClient(server.url, {
      token: async () => {
        calls += 1;
        await delay(1);
        return `token-${calls}`;
      },
    });
    await client.connect();
    await client.close();
    await client.connect();
    const first = await server.peers.next();
    const second = await server.peers.next();
    expect(first.offeredProtocols[1]).toBe('bearer.token-1');
    expect(second.offeredProtocols[1]).toBe('bearer.token-2');
    expect(calls).toBe(2);
  });

  it('returns a promise for the same outcome when called again while connecting, and resolves at once when open', async () => {
    const server = await startServer();
    const { client } = createClient(server.url);
    const first = client.connect();
    const second = client.connect();
    await Promise.all([first, second]);
    await client.connect();
    expect(server.connectionCount()).toBe(1);
  });

  it('rejects with the ProtocolError the server sent before closing with a final code', async () => {
    const server = await startServer({ establish: false });
    const { client, states } = createClient(server.url);
    const connecting = client.connect();
    const peer = await server.peers.next();
    peer.send({ type: 'error', data: { code: 'AUTH_FAILED', message: 'bad signature', close_code: 1008 } });
    peer.socket.close(1008, 'authentication failed');

    const error = await connecting.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code: 'AUTH_FAILED', message: 'bad signature', closeCode: 1008 });
    expect(client.state).toBe('closed');
    expect(states).toEqual([
      { oldState: 'closed', newState: 'connecting' },
      { oldState: 'connecting', newState: 'closed', code: 1008, reason: 'authentication failed' },
    ]);
  });

  it('rejects with ConnectionClosedError when the first attempt fails and reconnect is disabled', async () => {
    const server = await startServer({ establish: false });
    const { client } = createClient(server.url, { reconnect: { enabled: false } });
    const connecting = client.connect();
    (await server.peers.next()).socket.close(1011, 'boom');
    await expect(connecting).rejects.toThrow(new ConnectionClosedError('connection closed with code 1011 (boom)'));
    expect(client.state).toBe('closed');
  });

  it('keeps retrying an unreachable server until maxAttempts, then rejects', async () => {
    const server = await startServer();
    await server.close(); // a port where nothing listens any more
    const { client, states, diagnostics } = createClient(server.url, {
      reconnect: { minDelayMs: 1, maxDelayMs: 4, maxAttempts: 2 },
    });
    await expect(client.connect()).rejects.toBeInstanceOf(ConnectionClosedError);
    expect(diagnosticsOf(diagnostics, 'reconnect-scheduled').map((event) => event.attempt)).toEqual([1, 2]);
    expect(states.map((change) => change.newState)).toEqual(['connecting', 'reconnecting', 'closed']);
    expect(states[1]?.code).toBe(1006);
  });

  it('close() while waiting for the welcome rejects connect() and resolves once the socket is closed', async () => {
    const server = await startServer({ establish: false });
    const { client, states } = createClient(server.url);
    const connecting = client.connect();
    const peer = await server.peers.next();
    await delay(30); // the client has seen the upgrade answer, so its close frame goes out
    const rejected = expect(connecting).rejects.toThrow(
      new ConnectionClosedError('connection closed with code 4000 (changed my mind)'),
    );
    await client.close(4000, 'changed my mind');
    await rejected;
    expect(await peer.closed).toEqual({ code: 4000, reason: 'changed my mind' });
    expect(states.at(-1)).toEqual({ oldState: 'connecting', newState: 'closed', code: 4000, reason: 'changed my mind' });
  });

  it('close() during the upgrade cuts the socket (no close frame can be sent yet)', async () => {
    const server = await startServer({ establish: false });
    const { client, diagnostics } = createClient(server.url);
    const connecting = client.connect();
    await delay(0); // the token is resolved and the socket created, the upgrade not answered yet
    const rejected = expect(connecting).rejects.toBeInstanceOf(ConnectionClosedError);
    await client.close(4000, 'changed my mind');
    await rejected;
    expect(client.state).toBe('closed');
    // The socket's own error event after it was let go of is not reported.
    expect(diagnosticsOf(diagnostics, 'socket-error')).toEqual([]);
  });

  it('close() before the socket exists (token provider pending) ends the attempt cleanly', async () => {
    const server = await startServer();
    let release: (token: string) => void = () => undefined;
    const { client } = createClient(server.url, {
      token: () =>
        new Promise<string>((resolve) => {
          release = resolve;
        }),
    });
    const connecting = client.connect();
    const rejected = expect(connecting).rejects.toBeInstanceOf(ConnectionClosedError);
    await client.close();
    await rejected;
    release('late-token'); // the stale attempt must not open a socket now
    await delay(30);
    expect(server.connectionCount()).toBe(0);
    expect(client.state).toBe('closed');
  });

  it('checks close() arguments', async () => {
    const server = await startServer();
    const { client } = createClient(server.url);
    expect(() => client.close(1001)).toThrow(new RangeError('close code must be 1000 or an integer between 3000 and 4999, got 1001'));
    expect(() => client.close(1000, 'x'.repeat(124))).toThrow(new RangeError('close reason must be at most 123 bytes of UTF-8'));
  });

  it('goes through exactly connecting, open, reconnecting, open, closed across a drop', async () => {
    const server = await startServer();
    const { client, states } = createClient(server.url);
    await client.connect();
    (await server.peers.next()).socket.terminate();
    await server.peers.next();
    await waitFor(() => client.state === 'open' && states.length === 4);
    await client.close(1000, 'bye');
    expect(states).toEqual([
      { oldState: 'closed', newState: 'connecting' },
      { oldState: 'connecting', newState: 'open' },
      { oldState: 'open', newState: 'reconnecting', code: 1006, reason: '' },
      { oldState: 'reconnecting', newState: 'open' },
      { oldState: 'open', newState: 'closed', code: 1000, reason: 'bye' },
    ]);
  });

  it('reports socket errors as diagnostics', async () => {
    const server = await startServer();
    await server.close();
    const { client, diagnostics } = createClient(server.url, { reconnect: { enabled: false } });
    await expect(client.connect()).rejects.toBeInstanceOf(ConnectionClosedError);
    expect(diagnosticsOf(diagnostics, 'socket-error')).toHaveLength(1);
  });
});
