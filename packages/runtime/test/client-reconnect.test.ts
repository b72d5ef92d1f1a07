import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionClosedError } from '../src/errors.js';
import { closeAll, createClient, delay, diagnosticsOf, startServer, waitFor } from './client-harness.js';

afterEach(closeAll);

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

describe('ClientCore: reconnect', () => {
  it('reconnects after the server cuts the socket, with full-jitter delays within bounds and a fresh token each time', async () => {
    const server = await startServer({ establish: false });
    const tokens = countingProvider();
    const { client, diagnostics } = createClient(
      server.url,
      { token: tokens.provider, reconnect: { minDelayMs: 40, maxDelayMs: 100 } },
      { random: () => 0.5 },
    );
    const connecting = client.connect();
    const arrivals: number[] = [];
    const peers = [];
    for (let i = 0; i < 5; i += 1) {
      const peer = await server.peers.next();
      arrivals.push(performance.now());
      peers.push(peer);
      // The first connection opens then drops; three attempts fail; the fifth sticks.
      if (i === 0) {
        peer.establish();
        await connecting;
        peer.socket.terminate();
      } else if (i < 4) {
        peer.socket.close(1011, 'not yet');
      } else {
        peer.establish();
      }
    }
    await waitFor(() => client.state === 'open');

    // min * 2^attempt, capped at max, times the injected 0.5.
    const scheduled = diagnosticsOf(diagnostics, 'reconnect-scheduled');
    expect(scheduled).toEqual([
      { kind: 'reconnect-scheduled', attempt: 1, delayMs: 20 },
      { kind: 'reconnect-scheduled', attempt: 2, delayMs: 40 },
      { kind: 'reconnect-scheduled', attempt: 3, delayMs: 50 },
      { kind: 'reconnect-scheduled', attempt: 4, delayMs: 50 },
    ]);
    for (const [index, { delayMs }] of scheduled.entries()) {
      const gap = (arrivals[index + 1] ?? 0) - (arrivals[index] ?? 0);
      expect(gap).toBeGreaterThanOrEqual(delayMs - 2); // timers round to the millisecond
    }
    expect(tokens.calls()).toBe(5);
    expect(peers.map((peer) => peer.offeredProtocols[1])).toEqual(['token-1', 'token-2', 'token-3', 'token-4', 'token-5'].map((token) => `bearer.${token}`));
  });

  it('starts the backoff over after a successful open', async () => {
    const server = await startServer();
    const { client, diagnostics } = createClient(server.url, { reconnect: { minDelayMs: 10, maxDelayMs: 100 } }, { random: () => 0.5 });
    await client.connect();
    (await server.peers.next()).socket.terminate();
    (await server.peers.next()).socket.terminate();
    await server.peers.next();
    await waitFor(() => client.state === 'open' && diagnosticsOf(diagnostics, 'reconnect-scheduled').length === 2);
    expect(diagnosticsOf(diagnostics, 'reconnect-scheduled').map((event) => [event.attempt, event.delayMs])).toEqual([
      [1, 5],
      [1, 5],
    ]);
  });

  it.each([1008, 4001, 4005, 4008, 4009])('does not reconnect after close code %i', async (code) => {
    const server = await startServer();
    const tokens = countingProvider();
    const { client, states, diagnostics } = createClient(server.url, { token: tokens.provider });
    await client.connect();
    (await server.peers.next()).socket.close(code, 'final');
    await waitFor(() => client.state === 'closed');
    await delay(50);
    expect(states.at(-1)).toEqual({ oldState: 'open', newState: 'closed', code, reason: 'final' });
    expect(diagnosticsOf(diagnostics, 'reconnect-scheduled')).toEqual([]);
    expect(server.connectionCount()).toBe(1);
    expect(tokens.calls()).toBe(1);
  });

  it.each([1000, 1001, 1011, 1013, 4002, 4003, 4004])('reconnects after close code %i from the server', async (code) => {
    const server = await startServer();
    const { client, states } = createClient(server.url);
    await client.connect();
    (await server.peers.next()).socket.close(code, 'transient');
    await server.peers.next();
    await waitFor(() => client.state === 'open');
    expect(states[2]).toEqual({ oldState: 'open', newState: 'reconnecting', code, reason: 'transient' });
  });

  it('gives up after maxAttempts and ends closed', async () => {
    const server = await startServer({ establish: false });
    const { client, states } = createClient(server.url, { reconnect: { minDelayMs: 1, maxDelayMs: 2, maxAttempts: 2 } });
    const connecting = client.connect();
    const rejected = expect(connecting).rejects.toThrow(new ConnectionClosedError('connection closed with code 1013 (busy)'));
    for (let i = 0; i < 3; i += 1) (await server.peers.next()).socket.close(1013, 'busy');
    await rejected;
    expect(server.connectionCount()).toBe(3); // the first attempt and two retries
    expect(states.map((change) => change.newState)).toEqual(['connecting', 'reconnecting', 'closed']);
  });

  it('a connect() after a final close starts afresh', async () => {
    const server = await startServer();
    const { client } = createClient(server.url);
    await client.connect();
    (await server.peers.next()).socket.close(4009, 'kicked');
    await waitFor(() => client.state === 'closed');
    await client.connect();
    expect(client.state).toBe('open');
  });

  it('close() during the backoff wait cancels the retry', async () => {
    const server = await startServer();
    const { client, states } = createClient(server.url, { reconnect: { minDelayMs: 10_000, maxDelayMs: 10_000 } }, { random: () => 0.5 });
    await client.connect();
    (await server.peers.next()).socket.terminate();
    await waitFor(() => client.state === 'reconnecting');
    const started = performance.now();
    await client.close();
    expect(performance.now() - started).toBeLessThan(100);
    expect(states.at(-1)).toEqual({ oldState: 'reconnecting', newState: 'closed', code: 1000, reason: '' });
    await delay(30);
    expect(server.connectionCount()).toBe(1);
  });

  it('treats a failing token provider as a failed attempt and retries', async () => {
    const server = await startServer();
    let calls = 0;
    const { client, diagnostics, states } = createClient(server.url, {
      token: () => {
        calls += 1;
        if (calls === 1) throw new Error('auth endpoint down');
        return 'token-2';
      },
    });
    await client.connect();
    expect((await server.peers.next()).offeredProtocols[1]).toBe('bearer.token-2');
    expect(diagnosticsOf(diagnostics, 'token-error').map((event) => String(event.error))).toEqual(['Error: auth endpoint down']);
    expect(states[1]).toEqual({ oldState: 'connecting', newState: 'reconnecting', reason: 'token provider failed: auth endpoint down' });
  });

  it('rejects connect() with the cause when the token provider keeps failing', async () => {
    const server = await startServer();
    const { client, diagnostics } = createClient(server.url, {
      token: () => '',
      reconnect: { maxAttempts: 0 },
    });
    const error = await client.connect().then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ConnectionClosedError);
    expect(error).toMatchObject({
      message: 'connection token provider failed: the token provider must return a non-empty string, got an empty string',
      cause: new TypeError('the token provider must return a non-empty string, got an empty string'),
    });
    expect(diagnosticsOf(diagnostics, 'token-error')).toHaveLength(1);
    expect(server.connectionCount()).toBe(0);
  });

  it('an uncorrelated error before a transient close does not end the session', async () => {
    const server = await startServer({ establish: false });
    const { client } = createClient(server.url);
    const connecting = client.connect();
    const first = await server.peers.next();
    first.send({ type: 'error', data: { code: 'SERVER_AT_CAPACITY', message: 'full', retry_after: 1 } });
    first.socket.close(1013, 'full');
    (await server.peers.next()).establish();
    await connecting;
    expect(client.state).toBe('open');
  });

  it('a final close after open ends in closed with its code and reason; connect() then starts clean', async () => {
    const server = await startServer();
    const { client, states } = createClient(server.url);
    await client.connect();
    const peer = await server.peers.next();
    peer.send({ type: 'error', data: { code: 'CONNECTION_LIMIT', message: 'too many tabs', close_code: 4005 } });
    peer.socket.close(4005, 'connection limit');
    await waitFor(() => client.state === 'closed');
    expect(states.at(-1)).toEqual({ oldState: 'open', newState: 'closed', code: 4005, reason: 'connection limit' });
    await client.connect();
    expect(client.state).toBe('open');
  });
});
