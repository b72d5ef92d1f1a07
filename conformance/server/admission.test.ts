/**
 * The door of the endpoint (asyncapi.yaml, "Limits"): sockets waiting for their first-message
 * `auth` have caps of their own, in total and per client address (`X-Forwarded-For` believed
 * only from trusted proxies), and cannot keep authenticated users out; every limit refusal says
 * when to retry (`Retry-After`, `retry_after`).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, knock } from './door.js';
import { token, useFixture, type Running } from './harness.js';

const fx = useFixture();
afterEach(closeAll);

/** The idle timeout in seconds with the default heartbeat (30 s): the wait for a connection slot. */
const SLOT_RETRY = '60';
/** The default auth deadline in seconds: the wait for a place among the sockets waiting for auth. */
const AUTH_RETRY = '10';

const from = (address: string) => ({ 'x-forwarded-for': address });

async function health(running: Running): Promise<Record<string, unknown>> {
  return (await (await fetch(`http://127.0.0.1:${running.port}/ws/health`)).json()) as Record<string, unknown>;
}

describe('sockets waiting for auth', () => {
  it('do not count against the authenticated limit: N users get in past them, N+1 gets 503 with Retry-After; /ws/health counts both', async () => {
    const server = await fx.start({ maxTotalConnections: 2 });
    for (let i = 0; i < 5; i++) expect((await knock(server.url())).status).toBe(101);
    await fx.connect('u1');
    await fx.connect('u2');
    expect(await knock(`${server.url()}?token=${await token('u3')}`)).toMatchObject({ status: 503, retryAfter: SLOT_RETRY });
    expect(await health(server)).toMatchObject({ active_connections: 2, unauthenticated_connections: 5 });
  });

  it('have a cap per client address behind a trusted proxy: N wait, N+1 gets 429 with Retry-After, other addresses are not affected', async () => {
    const server = await fx.start({ maxUnauthenticatedPerAddress: 2, trustedProxies: ['127.0.0.1'] });
    const first = await fx.open(server.url(), { headers: from('10.0.0.1') });
    expect((await knock(server.url(), from('10.0.0.1'))).status).toBe(101);
    expect(await knock(server.url(), from('10.0.0.1'))).toMatchObject({ status: 429, retryAfter: AUTH_RETRY });
    // The client's address is the last one its proxies did not write themselves.
    expect(await knock(server.url(), from('10.0.0.2, 10.0.0.1'))).toMatchObject({ status: 429 });
    expect((await knock(server.url(), from('10.0.0.1, 10.0.0.2'))).status).toBe(101);
    // A socket that authenticates no longer waits: its place is free.
    first.send('auth', { token: await token('u1') });
    await first.next('connection.established');
    expect((await knock(server.url(), from('10.0.0.1'))).status).toBe(101);
    expect(await health(server)).toMatchObject({ active_connections: 1, unauthenticated_connections: 3 });
  });

  it('ignore X-Forwarded-For from a peer that is not a trusted proxy: one address is one address', async () => {
    const server = await fx.start({ maxUnauthenticatedPerAddress: 2 });
    expect((await knock(server.url(), from('10.0.0.1'))).status).toBe(101);
    expect((await knock(server.url(), from('10.0.0.2'))).status).toBe(101);
    expect(await knock(server.url(), from('10.0.0.3'))).toMatchObject({ status: 429, retryAfter: AUTH_RETRY });
    // An upgrade with a token does not wait for auth: the cap does not apply to it.
    await fx.connect('u1');
  });

  it('count an IPv6 /64 as one address', async () => {
    const server = await fx.start({ maxUnauthenticatedPerAddress: 1, trustedProxies: ['127.0.0.1'] });
    expect((await knock(server.url(), from('2001:db8::1'))).status).toBe(101);
    expect(await knock(server.url(), from('2001:db8::ffff:2'))).toMatchObject({ status: 429, retryAfter: AUTH_RETRY });
    expect((await knock(server.url(), from('2001:db8:0:1::1'))).status).toBe(101);
  });

  it('have a total cap: N wait, N+1 gets 503 with Retry-After', async () => {
    const server = await fx.start({ maxUnauthenticatedConnections: 3, maxUnauthenticatedPerAddress: 10, trustedProxies: ['127.0.0.1'] });
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) expect((await knock(server.url(), from(address))).status).toBe(101);
    expect(await knock(server.url(), from('10.0.0.4'))).toMatchObject({ status: 503, retryAfter: AUTH_RETRY });
    await fx.connect('u1');
  });

  it('are admitted exactly while within both caps, for any order of addresses (property)', async () => {
    const addresses = fc.array(fc.constantFrom('10.0.0.1', '10.0.0.2', '10.0.0.3', '2001:db8::1'), { maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }), addresses, async (total, perAddress, sequence) => {
        const server = await fx.start({ maxUnauthenticatedConnections: total, maxUnauthenticatedPerAddress: perAddress, trustedProxies: ['127.0.0.1'] });
        const waiting = new Map<string, number>();
        let all = 0;
        for (const address of sequence) {
          const count = waiting.get(address) ?? 0;
          const expected = all >= total ? 503 : count >= perAddress ? 429 : 101;
          expect((await knock(server.url(), from(address))).status).toBe(expected);
          if (expected === 101) {
            waiting.set(address, count + 1);
            all += 1;
          }
        }
        expect((await health(server))['unauthenticated_connections']).toBe(all);
        await closeAll();
        await server.close();
      }),
      { numRuns: 15 },
    );
  });

  it('answer an auth that arrives when the server has filled meanwhile with SERVER_AT_CAPACITY, retry_after and close 1013', async () => {
    const server = await fx.start({ maxTotalConnections: 1 });
    const waiting = await fx.open(server.url());
    await fx.connect('u1');
    waiting.send('auth', { token: await token('u2') });
    const error = await waiting.next('error');
    expect(error.data).toMatchObject({ code: 'SERVER_AT_CAPACITY', close_code: 1013, retry_after: Number(SLOT_RETRY) });
    expect((await waiting.closed).code).toBe(1013);
  });
});

describe('every limit refusal says when to retry', () => {
  it('CONNECTION_LIMIT: N connections of a user, the N+1th by auth message gets retry_after and 4005, by upgrade 429 with Retry-After', async () => {
    const server = await fx.start({ maxConnectionsPerUser: 2, heartbeatIntervalMs: 5000 });
    const jwt = await token('u_n');
    await fx.connectWith(jwt);
    const second = await fx.open(server.url());
    second.send('auth', { token: jwt });
    await second.next('connection.established');
    const third = await fx.open(server.url());
    third.send('auth', { token: jwt });
    const error = await third.next('error');
    expect(error.data).toMatchObject({ code: 'CONNECTION_LIMIT', close_code: 4005, retry_after: 10 });
    expect((await third.closed).code).toBe(4005);
    expect(await knock(`${server.url()}?token=${jwt}`)).toMatchObject({ status: 429, retryAfter: '10' });
  });

  it('RATE_LIMIT_EXCEEDED: the N+1th message in the window gets retry_after, at most the window', async () => {
    await fx.start({ rateLimit: { limit: 3, windowMs: 4000, banAfterViolations: 0 } });
    const client = await fx.connect('u_r');
    for (let i = 0; i < 3; i++) expect((await client.request('ping', {})).type).toBe('pong');
    const refused = await client.request('ping', {});
    expect(refused.type === 'error' && refused.data.code).toBe('RATE_LIMIT_EXCEEDED');
    const retryAfter = refused.type === 'error' ? (refused.data.retry_after ?? 0) : 0;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(4);
  });
});
