/**
 * Upgrade, authentication and admission over real sockets (asyncapi.yaml "Authentication",
 * "Paths", "Limits").
 */
import { SignJWT, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { quiet, SECRET, TestClient, token, UpgradeRejected, useFixture, type Fixture } from './harness.js';

const fx = useFixture();
const start = (options: Parameters<Fixture['start']>[0] = {}) => fx.start(options);
const connect = (jwt: string, path = '/ws') => fx.connectWith(jwt, path);
const open = (url: string, options: Parameters<Fixture['open']>[1] = {}) => fx.open(url, options);

async function rejectedStatus(promise: Promise<TestClient>): Promise<number> {
  try {
    fx.track(await promise);
    return 101;
  } catch (error) {
    if (error instanceof UpgradeRejected) return error.status;
    throw error;
  }
}

describe('connection.established', () => {
  it('is the first message, with the identity from the token and the limits in force', async () => {
    const server = await start({ maxConnectionsPerUser: 3, heartbeatIntervalMs: 20_000 });
    const client = await open(`${server.url()}?token=${await token('u_1', { name: 'Ada Lovelace' })}`);
    const established = await client.next('connection.established');
    expect(established.data.user_id).toBe('u_1');
    expect(established.data.username).toBe('Ada Lovelace');
    expect(established.data.connection_id).toMatch(/^c_/);
    expect(established.data.heartbeat_interval_ms).toBe(20_000);
    expect(established.data.limits.max_connections_per_user).toBe(3);
    expect(established.data.limits.max_message_size).toBe(65_536);
    expect(established.data.limits.message_rate_limit).toBe(100);
    expect(established.data.limits.idle_timeout_ms).toBe(40_000);
    expect(established.data.protocol_version).toBe('1.0.0');
    expect(established.data.features).toEqual(expect.arrayContaining(['rooms', 'subscriptions', 'resume', 'acks', 'auth_refresh']));
    expect(Date.parse(established.data.token_expires_at ?? '')).toBeGreaterThan(Date.now());
  });

  it('falls back to sub for the name, and cuts a long name to 128 code points', async () => {
    await start();
    const plain = await connect(await token('u_2'));
    const long = await connect(await token('u_3', { name: '😀'.repeat(200) }));
    expect(plain.received).toEqual([]);
    const [a, b] = await Promise.all([plain.request('room.join', { room_id: 'x' }), long.request('room.join', { room_id: 'y' })]);
    expect(a.type === 'room.joined' && a.data.members[0]?.username).toBe('u_2');
    expect(b.type === 'room.joined' && Array.from(b.data.members[0]?.username ?? '').length).toBe(128);
  });
});

describe('token transports', () => {
  it.each([
    ['query', async (url: string, jwt: string) => open(`${url}?token=${jwt}`)],
    ['path alias /ws/{token}', async (url: string, jwt: string) => open(`${url}/${jwt}`)],
    ['Authorization header', async (url: string, jwt: string) => open(url, { headers: { authorization: `Bearer ${jwt}` } })],
    ['subprotocol', async (url: string, jwt: string) => open(url, { protocols: ['switchboard.v1', `bearer.${jwt}`] })],
  ])('accepts a token in the %s', async (_name, how) => {
    const server = await start();
    const client = await how(server.url(), await token('u_t', { name: 'T' }));
    expect((await client.next('connection.established')).data.user_id).toBe('u_t');
  });

  it('selects switchboard.v1, never the bearer entry', async () => {
    const server = await start();
    const client = await open(server.url(), { protocols: ['switchboard.v1', `bearer.${await token('u_s')}`] });
    expect(client.socket.protocol).toBe('switchboard.v1');
  });

  it('treats /ws/{client_id} as a label: a token is still required', async () => {
    const server = await start();
    const withToken = await open(`${server.url('/ws/my-laptop')}?token=${await token('u_l')}`);
    expect((await withToken.next('connection.established')).data.user_id).toBe('u_l');
    // Without a token the connection must authenticate with an auth message.
    const without = await open(server.url('/ws/my-laptop'));
    without.send('ping', {});
    const error = await without.next('error');
    expect(error.data.code).toBe('AUTH_FAILED');
    expect((await without.closed).code).toBe(1008);
  });

  it('answers 404 for other paths', async () => {
    const server = await start();
    expect(await rejectedStatus(TestClient.open(`ws://127.0.0.1:${server.port}/other?token=${await token('u')}`))).toBe(404);
    expect(await rejectedStatus(TestClient.open(`ws://127.0.0.1:${server.port}/ws/a/b?token=${await token('u')}`))).toBe(404);
  });
});

describe('bad tokens are refused with HTTP 401 before anything is allocated', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const unsigned = (payload: object) =>
    `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
  const cases: [string, () => Promise<string>][] = [
    ['expired', () => token('u', { expiresIn: -10 })],
    ['wrong signature', () => token('u', { secret: 'another-secret-0123456789abcdefgh' })],
    ['alg none', async () => unsigned({ sub: 'u', exp: now() + 60 })],
    ['missing sub', () => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(now() + 60).sign(new TextEncoder().encode(SECRET))],
    ['sub outside the UserId pattern', () => token('has space')],
    ['garbage', async () => 'not-a-jwt'],
    ['RS256 token (wrong algorithm)', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      return new SignJWT({}).setProtectedHeader({ alg: 'RS256' }).setSubject('u').setExpirationTime(now() + 60).sign(privateKey);
    }],
  ];
  it.each(cases)('%s', async (_name, make) => {
    const server = await start();
    expect(await rejectedStatus(TestClient.open(`${server.url()}?token=${encodeURIComponent(await make())}`))).toBe(401);
    expect(server.server.connectionCount).toBe(0);
  });

  it('counts auth failures in /metrics', async () => {
    const server = await start();
    await rejectedStatus(TestClient.open(`${server.url()}?token=garbage`));
    const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    expect(text).toMatch(/switchboard_auth_failures_total\{reason="AUTH_FAILED"\} 1/);
  });
});

describe('auth message (token after the upgrade)', () => {
  it('authenticates with a first auth message, answered by connection.established with its id', async () => {
    const server = await start();
    const client = await open(server.url());
    const id = client.send('auth', { token: await token('u_a', { name: 'A' }) });
    const established = await client.next('connection.established');
    expect(established.correlation_id).toBe(id);
    expect(established.data.user_id).toBe('u_a');
    expect((await client.request('ping', { pingId: 'p1' })).type).toBe('pong');
  });

  it.each([
    ['expired', () => token('u', { expiresIn: -10 }), 'TOKEN_EXPIRED'],
    ['wrong signature', () => token('u', { secret: 'another-secret-0123456789abcdefgh' }), 'AUTH_FAILED'],
    // Shaped like a JWT (the JwtToken schema's pattern), so it reaches verification.
    ['garbage', async () => 'abc.def.ghi', 'AUTH_FAILED'],
  ])('a %s token gets an error, then close 1008', async (_name, make, code) => {
    const server = await start();
    const client = await open(server.url());
    client.send('auth', { token: await make() });
    const error = await client.next('error');
    expect(error.data.code).toBe(code);
    expect(error.data.close_code).toBe(1008);
    expect((await client.closed).code).toBe(1008);
  });

  it('closes with 4002 when no auth message comes in time', async () => {
    const server = await start({ authTimeoutMs: 100 });
    const client = await open(server.url());
    expect((await client.closed).code).toBe(4002);
  });

  it('refuses a second auth on an authenticated connection, and keeps it open', async () => {
    await start();
    const client = await connect(await token('u_d'));
    const answer = await client.request('auth', { token: await token('someone_else') });
    expect(answer.type === 'error' && answer.data.code).toBe('INVALID_MESSAGE_TYPE');
    expect((await client.request('ping', {})).type).toBe('pong');
  });
});

describe('admission limits', () => {
  it('admits N connections per user and refuses the N+1th with HTTP 429', async () => {
    await start({ maxConnectionsPerUser: 2 });
    const jwt = await token('u_n');
    await connect(jwt);
    await connect(jwt);
    expect(await rejectedStatus(TestClient.open(`${fx.running.url()}?token=${jwt}`))).toBe(429);
    // Another user is not affected.
    await connect(await token('u_other'));
  });

  it('frees the slot when a connection closes', async () => {
    await start({ maxConnectionsPerUser: 1 });
    const jwt = await token('u_f');
    const first = await connect(jwt);
    await first.close();
    await quiet(50);
    await connect(jwt);
  });

  it('closes with 4005 (CONNECTION_LIMIT) when the auth message would exceed the per-user limit', async () => {
    await start({ maxConnectionsPerUser: 1 });
    const jwt = await token('u_m');
    await connect(jwt);
    const extra = await open(fx.running.url());
    extra.send('auth', { token: jwt });
    expect((await extra.next('error')).data.code).toBe('CONNECTION_LIMIT');
    expect((await extra.closed).code).toBe(4005);
  });

  it('admits N connections in total and refuses the N+1th with HTTP 503', async () => {
    await start({ maxTotalConnections: 2 });
    await connect(await token('u_1'));
    await connect(await token('u_2'));
    expect(await rejectedStatus(TestClient.open(`${fx.running.url()}?token=${await token('u_3')}`))).toBe(503);
  });

  it('enforces the Origin allow-list when one is set', async () => {
    await start({ allowedOrigins: ['https://app.example.com'] });
    const jwt = await token('u_o');
    expect(await rejectedStatus(TestClient.open(`${fx.running.url()}?token=${jwt}`, { headers: { origin: 'https://evil.example.com' } }))).toBe(403);
    const ok = await open(`${fx.running.url()}?token=${jwt}`, { headers: { origin: 'https://app.example.com' } });
    await ok.next('connection.established');
  });
});

describe('HTTP beside the socket', () => {
  it('GET /ws/health reports status, active connections and uptime', async () => {
    const server = await start();
    await connect(await token('u_h'));
    const response = await fetch(`http://127.0.0.1:${server.port}/ws/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['active_connections', 'status', 'unauthenticated_connections', 'uptime_seconds']);
    expect(body['status']).toBe('ok');
    expect(body['active_connections']).toBe(1);
    expect(body['uptime_seconds']).toEqual(expect.any(Number));
  });

  it('GET /metrics is Prometheus text with connections and messages by type', async () => {
    const server = await start();
    const client = await connect(await token('u_p'));
    await client.request('ping', {});
    const response = await fetch(`http://127.0.0.1:${server.port}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^switchboard_connections 1$/m);
    expect(text).toMatch(/^switchboard_messages_in_total\{type="ping"\} 1$/m);
    expect(text).toMatch(/^switchboard_messages_out_total\{type="pong"\} 1$/m);
  });

  it('GET /metrics has the process beside the server: CPU, heap, event-loop lag, open handles', async () => {
    const server = await start();
    const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    for (const name of ['process_cpu_seconds_total', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_active_handles_total']) {
      expect(text).toMatch(new RegExp(`^switchboard_${name}(\\{[^}]*\\})? [0-9.e+-]+$`, 'm'));
    }
  });
});

describe('asymmetric keys', () => {
  it('verifies RS256 tokens against a JWKS URL, and ES256 with a PEM key', async () => {
    const { createServer: createHttpServer } = await import('node:http');
    const { exportJWK, exportSPKI } = await import('jose');
    const rsa = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(rsa.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const jwks = createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = jwks.address() as { port: number };
      await start({ auth: { jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json` } });
      const rs = await new SignJWT({ name: 'Rita' }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('rita').setExpirationTime('1h').sign(rsa.privateKey);
      expect((await (await connect(rs)).request('ping', {})).type).toBe('pong');
      // An HS256 token signed with the JWKS's public key material as a secret is refused (key confusion).
      expect(await rejectedStatus(TestClient.open(`${fx.running.url()}?token=${await token('rita')}`))).toBe(401);
    } finally {
      await new Promise((resolve) => jwks.close(resolve));
    }
    const ec = await generateKeyPair('ES256');
    await start({ auth: { publicKey: await exportSPKI(ec.publicKey) } });
    const es = await new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).setSubject('eve').setExpirationTime('1h').sign(ec.privateKey);
    expect((await connect(es)).socket.readyState).toBe(1);
  });
});
