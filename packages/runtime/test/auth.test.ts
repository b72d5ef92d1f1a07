import { createHmac, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, get as httpGet, IncomingMessage, type Server } from 'node:http';
import { Socket, type AddressInfo } from 'node:net';
import fc from 'fast-check';
import { errors, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProtocolError } from '../src/errors.js';
import {
  createTokenVerifier,
  extractCredentials,
  looksLikeJwt,
  matchesEndpoint,
  type AuthOptions,
  type JwtAlgorithm,
  type TokenVerifier,
  type UpgradeCredentials,
} from '../src/server/auth.js';

const SECRET = 'test-secret-that-is-long-enough-for-hs256';
const now = (): number => Math.floor(Date.now() / 1000);

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const pem = (key: KeyObject): string => key.export({ type: 'spki', format: 'pem' }).toString();
const RSA_PEM = pem(rsa.publicKey);
const EC_PEM = pem(ec.publicKey);

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

interface SignSpec {
  readonly alg?: JwtAlgorithm | 'HS384';
  readonly key?: KeyObject | Uint8Array;
  readonly kid?: string;
}

/** A real jose-signed token; HS256 with SECRET unless told otherwise. */
function sign(claims: JWTPayload, spec: SignSpec = {}): Promise<string> {
  const alg = spec.alg ?? 'HS256';
  const key = spec.key ?? new TextEncoder().encode(SECRET);
  return new SignJWT(claims).setProtectedHeader(spec.kid === undefined ? { alg } : { alg, kid: spec.kid }).sign(key);
}

/** An HS256 token over hand-made header and payload JSON, for shapes SignJWT refuses to make. */
function handSigned(header: unknown, payload: string): string {
  const input = `${b64(header)}.${payload}`;
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
}

function unsigned(alg: string, claims: JWTPayload): string {
  return `${b64({ alg, typ: 'JWT' })}.${b64(claims)}.`;
}

/** The error `promise` rejects with; fails the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  const outcome = await promise.then(
    (value) => ({ resolved: true as const, value }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  return outcome.error;
}

async function expectProtocolError(promise: Promise<unknown>, code: string, message: string): Promise<void> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(ProtocolError);
  expect({ code: (error as ProtocolError).code, message: (error as ProtocolError).message }).toEqual({ code, message });
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`);
  }
  throw new Error('expected a throw');
}

describe('createTokenVerifier: HS256 with a shared secret', () => {
  const verify = createTokenVerifier({ secret: SECRET });

  it.each([
    { name: 'sub and name', claims: { sub: 'u-1', name: 'Ada' }, want: { id: 'u-1', name: 'Ada' } },
    { name: 'name falls back to sub when absent', claims: { sub: 'u-2' }, want: { id: 'u-2', name: 'u-2' } },
    { name: 'name falls back to sub when empty', claims: { sub: 'u-3', name: '' }, want: { id: 'u-3', name: 'u-3' } },
    { name: 'name falls back to sub when not a string', claims: { sub: 'u-4', name: 42 }, want: { id: 'u-4', name: 'u-4' } },
  ])('valid token, $name', async ({ claims, want }) => {
    expect(await verify(await sign(claims))).toEqual({ user: want, expiresAt: null });
  });

  it('reports exp as ms since epoch', async () => {
    const exp = now() + 3600;
    expect(await verify(await sign({ sub: 'u', exp }))).toEqual({ user: { id: 'u', name: 'u' }, expiresAt: exp * 1000 });
  });

  it('accepts the secret as bytes, copied at creation', async () => {
    const bytes = new TextEncoder().encode(SECRET);
    const fromBytes = createTokenVerifier({ secret: bytes });
    bytes.fill(0);
    expect((await fromBytes(await sign({ sub: 'u' }))).user.id).toBe('u');
  });

  it.each([
    {
      name: 'expired',
      token: () => sign({ sub: 'u', exp: now() - 60 }),
      code: 'TOKEN_EXPIRED',
      message: 'the token has expired',
    },
    {
      name: 'nbf in the future',
      token: () => sign({ sub: 'u', nbf: now() + 3600 }),
      code: 'AUTH_FAILED',
      message: 'the token is not valid yet (nbf)',
    },
    {
      name: 'wrong secret',
      token: () => sign({ sub: 'u' }, { key: new TextEncoder().encode('another-secret-of-good-length-too') }),
      code: 'AUTH_FAILED',
      message: 'the token signature is invalid',
    },
    {
      name: 'payload swapped after signing',
      token: async () => {
        const [header, , signature] = (await sign({ sub: 'user' })).split('.');
        return `${header ?? ''}.${b64({ sub: 'admin' })}.${signature ?? ''}`;
      },
      code: 'AUTH_FAILED',
      message: 'the token signature is invalid',
    },
    {
      name: 'alg none (hand-made, unsigned)',
      token: () => Promise.resolve(unsigned('none', { sub: 'u' })),
      code: 'AUTH_FAILED',
      message: 'unsigned tokens (alg "none") are not accepted',
    },
    {
      name: 'alg NONE (other spelling)',
      token: () => Promise.resolve(unsigned('NONE', { sub: 'u' })),
      code: 'AUTH_FAILED',
      message: 'unsigned tokens (alg "none") are not accepted',
    },
    {
      name: 'RS256 token (wrong algorithm)',
      token: () => sign({ sub: 'u' }, { alg: 'RS256', key: rsa.privateKey }),
      code: 'AUTH_FAILED',
      message: 'the token algorithm is not accepted',
    },
    {
      name: 'HS384 token when only HS256 is accepted',
      token: () => sign({ sub: 'u' }, { alg: 'HS384' }),
      code: 'AUTH_FAILED',
      message: 'the token algorithm is not accepted',
    },
    {
      name: 'missing sub',
      token: () => sign({ name: 'Ada' }),
      code: 'AUTH_FAILED',
      message: 'the token has no subject (sub)',
    },
    {
      name: 'empty sub',
      token: () => sign({ sub: '' }),
      code: 'AUTH_FAILED',
      message: 'the token subject (sub) must be a non-empty string',
    },
    {
      name: 'numeric sub',
      token: () => Promise.resolve(handSigned({ alg: 'HS256' }, b64({ sub: 7 }))),
      code: 'AUTH_FAILED',
      message: 'the token subject (sub) must be a non-empty string',
    },
    {
      name: 'exp not a number',
      token: () => Promise.resolve(handSigned({ alg: 'HS256' }, b64({ sub: 'u', exp: 'tomorrow' }))),
      code: 'AUTH_FAILED',
      message: 'the token claim "exp" is invalid',
    },
    {
      name: 'claims set is an array',
      token: () => Promise.resolve(handSigned({ alg: 'HS256' }, b64(['u']))),
      code: 'AUTH_FAILED',
      message: 'the token is malformed',
    },
    {
      name: 'header fine, payload garbage',
      token: () => Promise.resolve(`${b64({ alg: 'HS256' })}.bm90IGpzb24.c2ln`),
      code: 'AUTH_FAILED',
      message: 'the token signature is invalid',
    },
  ])('rejects: $name', async ({ token, code, message }) => {
    const jwt = await token();
    await expectProtocolError(verify(jwt), code, message);
  });

  it.each([
    { name: 'empty string', token: '' },
    { name: 'one word', token: 'abc' },
    { name: 'three words', token: 'a.b.c' },
    { name: 'two parts', token: `${b64({ alg: 'HS256' })}.${b64({ sub: 'u' })}` },
    { name: 'four parts', token: `${b64({ alg: 'HS256' })}.${b64({ sub: 'u' })}.c2ln.c2ln` },
    { name: 'random base64', token: randomBytes(48).toString('base64') },
    { name: 'random base64url', token: randomBytes(48).toString('base64url') },
    { name: 'header without alg', token: `${b64({ typ: 'JWT' })}.${b64({ sub: 'u' })}.c2ln` },
    { name: 'header is an array', token: `${b64(['HS256'])}.${b64({ sub: 'u' })}.c2ln` },
    { name: 'header is null', token: `${b64(null)}.${b64({ sub: 'u' })}.c2ln` },
    { name: 'alg is a number', token: `${b64({ alg: 256 })}.${b64({ sub: 'u' })}.c2ln` },
    { name: 'leading space', token: ` ${b64({ alg: 'HS256' })}.${b64({ sub: 'u' })}.c2ln` },
  ])('rejects garbage as malformed: $name', async ({ token }) => {
    await expectProtocolError(verify(token), 'AUTH_FAILED', 'the token is malformed');
  });

  it('turns any input into AUTH_FAILED, never another error (property)', async () => {
    const headers = fc.record(
      {
        alg: fc.constantFrom('HS256', 'HS384', 'RS256', 'ES256', 'PS256', 'none', 'None', ''),
        kid: fc.string(),
        crit: fc.array(fc.string(), { maxLength: 2 }),
        b64: fc.boolean(),
      },
      { requiredKeys: ['alg'] },
    );
    const tokens = fc.oneof(
      fc.string(),
      fc.tuple(headers, fc.jsonValue(), fc.base64String()).map(([header, payload, signature]) => {
        return `${b64(header)}.${b64(payload)}.${signature.replaceAll('=', '')}`;
      }),
    );
    await fc.assert(
      fc.asyncProperty(tokens, async (token) => {
        const error = await rejection(verify(token));
        expect(error).toBeInstanceOf(ProtocolError);
        expect((error as ProtocolError).code).toBe('AUTH_FAILED');
      }),
      { numRuns: 300 },
    );
  });

  it('honours clockToleranceSeconds for exp and nbf', async () => {
    const lenient = createTokenVerifier({ secret: SECRET, clockToleranceSeconds: 30 });
    const exp = now() - 5;
    expect(await lenient(await sign({ sub: 'u', exp }))).toEqual({ user: { id: 'u', name: 'u' }, expiresAt: exp * 1000 });
    expect((await lenient(await sign({ sub: 'u', nbf: now() + 5 }))).user.id).toBe('u');
    await expectProtocolError(verify(await sign({ sub: 'u', exp })), 'TOKEN_EXPIRED', 'the token has expired');
  });

  it('accepts exactly the configured HS algorithms', async () => {
    const hs384 = createTokenVerifier({ secret: SECRET, algorithms: ['HS384'] });
    expect((await hs384(await sign({ sub: 'u' }, { alg: 'HS384' }))).user.id).toBe('u');
    await expectProtocolError(hs384(await sign({ sub: 'u' })), 'AUTH_FAILED', 'the token algorithm is not accepted');
  });
});

describe('createTokenVerifier: issuer and audience', () => {
  const verify = createTokenVerifier({ secret: SECRET, issuer: 'https://auth.example.com/', audience: 'switchboard' });
  const good = { sub: 'u', iss: 'https://auth.example.com/', aud: 'switchboard' };

  it.each([
    { name: 'both match', claims: good },
    { name: 'audience among several', claims: { ...good, aud: ['billing', 'switchboard'] } },
  ])('accepts: $name', async ({ claims }) => {
    expect(await verify(await sign(claims))).toEqual({ user: { id: 'u', name: 'u' }, expiresAt: null });
  });

  it.each([
    { name: 'wrong issuer', claims: { ...good, iss: 'https://evil.example.com/' }, message: 'the token issuer (iss) is not accepted' },
    { name: 'no issuer', claims: { sub: 'u', aud: 'switchboard' }, message: 'the token has no issuer (iss)' },
    { name: 'wrong audience', claims: { ...good, aud: 'billing' }, message: 'the token audience (aud) is not accepted' },
    { name: 'no audience', claims: { sub: 'u', iss: good.iss }, message: 'the token has no audience (aud)' },
  ])('rejects: $name', async ({ claims, message }) => {
    await expectProtocolError(verify(await sign(claims)), 'AUTH_FAILED', message);
  });

  it('does not check iss/aud when not configured', async () => {
    const open = createTokenVerifier({ secret: SECRET });
    expect((await open(await sign({ sub: 'u', iss: 'anyone', aud: 'anything' }))).user.id).toBe('u');
  });
});

describe('createTokenVerifier: PEM public keys', () => {
  const rs256 = createTokenVerifier({ publicKey: RSA_PEM });
  const es256 = createTokenVerifier({ publicKey: EC_PEM });

  it('verifies RS256 with an RSA PEM', async () => {
    const exp = now() + 60;
    const token = await sign({ sub: 'r', name: 'Rsa', exp }, { alg: 'RS256', key: rsa.privateKey });
    expect(await rs256(token)).toEqual({ user: { id: 'r', name: 'Rsa' }, expiresAt: exp * 1000 });
  });

  it('verifies ES256 with an EC P-256 PEM', async () => {
    const token = await sign({ sub: 'e', name: 'Ec' }, { alg: 'ES256', key: ec.privateKey });
    expect(await es256(token)).toEqual({ user: { id: 'e', name: 'Ec' }, expiresAt: null });
  });

  it.each([
    {
      name: 'HS256 token keyed with the PEM text (key confusion)',
      verifier: () => rs256,
      token: () => sign({ sub: 'u' }, { alg: 'HS256', key: new TextEncoder().encode(RSA_PEM) }),
      message: 'the token algorithm is not accepted',
    },
    {
      name: 'HS256 token to the EC verifier',
      verifier: () => es256,
      token: () => sign({ sub: 'u' }, { alg: 'HS256', key: new TextEncoder().encode(EC_PEM) }),
      message: 'the token algorithm is not accepted',
    },
    {
      name: 'ES256 token to the RSA verifier',
      verifier: () => rs256,
      token: () => sign({ sub: 'u' }, { alg: 'ES256', key: ec.privateKey }),
      message: 'the token algorithm is not accepted',
    },
    {
      name: 'RS256 token signed by another key',
      verifier: () => rs256,
      token: () => sign({ sub: 'u' }, { alg: 'RS256', key: otherRsa.privateKey }),
      message: 'the token signature is invalid',
    },
    {
      name: 'alg none to the RSA verifier',
      verifier: () => rs256,
      token: () => Promise.resolve(unsigned('none', { sub: 'u' })),
      message: 'unsigned tokens (alg "none") are not accepted',
    },
  ])('rejects: $name', async ({ verifier, token, message }) => {
    await expectProtocolError(verifier()(await token()), 'AUTH_FAILED', message);
  });
});

describe('createTokenVerifier: JWKS URL', () => {
  let server: Server;
  let base: string;
  const fetches: string[] = [];
  const jwk = (key: KeyObject, kid: string, alg: string): object => ({ ...key.export({ format: 'jwk' }), kid, alg, use: 'sig' });

  beforeAll(async () => {
    const keys = [jwk(rsa.publicKey, 'rsa-1', 'RS256'), jwk(ec.publicKey, 'ec-1', 'ES256')];
    server = createServer((request, response) => {
      fetches.push(request.url ?? '');
      if (request.url?.startsWith('/broken') === true) {
        response.writeHead(500).end('down');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  it('verifies RS256 and ES256 tokens by kid, fetching the set once', async () => {
    const verify = createTokenVerifier({ jwksUrl: `${base}/jwks.json` });
    const rsToken = await sign({ sub: 'r' }, { alg: 'RS256', key: rsa.privateKey, kid: 'rsa-1' });
    const esToken = await sign({ sub: 'e', name: 'Ec' }, { alg: 'ES256', key: ec.privateKey, kid: 'ec-1' });
    expect(await verify(rsToken)).toEqual({ user: { id: 'r', name: 'r' }, expiresAt: null });
    expect(await verify(esToken)).toEqual({ user: { id: 'e', name: 'Ec' }, expiresAt: null });
    expect(await verify(rsToken)).toEqual({ user: { id: 'r', name: 'r' }, expiresAt: null });
    expect(fetches.filter((url) => url === '/jwks.json')).toEqual(['/jwks.json']);
  });

  it.each([
    {
      name: 'unknown kid',
      token: () => sign({ sub: 'u' }, { alg: 'RS256', key: otherRsa.privateKey, kid: 'rsa-9' }),
      message: 'no signing key matches the token',
    },
    {
      name: 'right kid, wrong key',
      token: () => sign({ sub: 'u' }, { alg: 'RS256', key: otherRsa.privateKey, kid: 'rsa-1' }),
      message: 'the token signature is invalid',
    },
    {
      name: 'HS256 token',
      token: () => sign({ sub: 'u' }, { alg: 'HS256', kid: 'rsa-1' }),
      message: 'the token algorithm is not accepted',
    },
  ])('rejects: $name', async ({ token, message }) => {
    const verify = createTokenVerifier({ jwksUrl: `${base}/jwks.json` });
    await expectProtocolError(verify(await token()), 'AUTH_FAILED', message);
  });

  it('does not blame the token when the JWKS answers 500', async () => {
    const verify = createTokenVerifier({ jwksUrl: `${base}/broken?x=1` });
    const error = await rejection(verify(await sign({ sub: 'u' }, { alg: 'RS256', key: rsa.privateKey, kid: 'rsa-1' })));
    expect(error).not.toBeInstanceOf(ProtocolError);
    expect((error as Error).message).toBe(`the JWKS at ${base}/broken could not be used to verify tokens`);
    expect((error as Error).cause).toBeInstanceOf(errors.JOSEError);
  });

  it('does not blame the token when the JWKS is unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks.json`;
    await new Promise<void>((resolve, reject) => closed.close((error) => (error ? reject(error) : resolve())));
    const verify = createTokenVerifier({ jwksUrl: url });
    const error = await rejection(verify(await sign({ sub: 'u' }, { alg: 'RS256', key: rsa.privateKey, kid: 'rsa-1' })));
    expect(error).not.toBeInstanceOf(ProtocolError);
    expect((error as Error).message).toBe(`the JWKS at ${url} could not be used to verify tokens`);
  });
});

describe('createTokenVerifier: option errors', () => {
  const ed = generateKeyPairSync('ed25519');
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });

  it.each<{ name: string; options: AuthOptions; type: typeof TypeError | typeof RangeError; message: string }>([
    { name: 'no key', options: {}, type: TypeError, message: 'createTokenVerifier: one of secret, publicKey or jwksUrl is required' },
    {
      name: 'two keys',
      options: { secret: SECRET, publicKey: RSA_PEM },
      type: TypeError,
      message: 'createTokenVerifier: give only one of secret, publicKey or jwksUrl',
    },
    { name: 'empty secret', options: { secret: '' }, type: TypeError, message: 'createTokenVerifier: secret must not be empty' },
    {
      name: 'RS256 with a secret',
      options: { secret: SECRET, algorithms: ['HS256', 'RS256'] },
      type: TypeError,
      message: 'createTokenVerifier: algorithm RS256 does not fit a shared secret (use HS256, HS384 or HS512)',
    },
    {
      name: 'HS256 with an RSA key',
      options: { publicKey: RSA_PEM, algorithms: ['HS256'] },
      type: TypeError,
      message: 'createTokenVerifier: algorithm HS256 does not fit an RSA public key (use RS256)',
    },
    {
      name: 'ES256 with an RSA key',
      options: { publicKey: RSA_PEM, algorithms: ['RS256', 'ES256'] },
      type: TypeError,
      message: 'createTokenVerifier: algorithm ES256 does not fit an RSA public key (use RS256)',
    },
    {
      name: 'RS256 with an EC key',
      options: { publicKey: EC_PEM, algorithms: ['RS256'] },
      type: TypeError,
      message: 'createTokenVerifier: algorithm RS256 does not fit an EC P-256 public key (use ES256)',
    },
    {
      name: 'HS256 with a JWKS',
      options: { jwksUrl: 'https://auth.example.com/jwks.json', algorithms: ['HS256'] },
      type: TypeError,
      message: 'createTokenVerifier: algorithm HS256 does not fit a JWKS (use RS256 or ES256)',
    },
    {
      name: 'no algorithms',
      options: { secret: SECRET, algorithms: [] },
      type: TypeError,
      message: 'createTokenVerifier: algorithms must not be empty',
    },
    {
      name: 'unknown algorithm',
      options: { secret: SECRET, algorithms: ['PS256' as JwtAlgorithm] },
      type: TypeError,
      message: 'createTokenVerifier: unknown algorithm "PS256" (expected one of HS256, HS384, HS512, RS256, ES256)',
    },
    {
      name: 'not a PEM',
      options: { publicKey: 'not a pem' },
      type: TypeError,
      message: 'createTokenVerifier: publicKey must be a PEM SPKI public key (-----BEGIN PUBLIC KEY-----)',
    },
    {
      name: 'a private key PEM',
      options: { publicKey: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
      type: TypeError,
      message: 'createTokenVerifier: publicKey must be a PEM SPKI public key (-----BEGIN PUBLIC KEY-----)',
    },
    {
      name: 'a broken SPKI PEM',
      options: { publicKey: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n' },
      type: TypeError,
      message: 'createTokenVerifier: publicKey could not be parsed as a PEM SPKI public key',
    },
    {
      name: 'an Ed25519 key',
      options: { publicKey: pem(ed.publicKey) },
      type: TypeError,
      message: 'createTokenVerifier: publicKey must be an RSA or EC P-256 key, got ed25519',
    },
    {
      name: 'an EC P-384 key',
      options: { publicKey: pem(p384.publicKey) },
      type: TypeError,
      message: 'createTokenVerifier: publicKey must be an RSA or EC P-256 key, got ec secp384r1',
    },
    {
      name: 'a JWKS URL that is not a URL',
      options: { jwksUrl: 'not a url' },
      type: TypeError,
      message: 'createTokenVerifier: jwksUrl must be an http(s) URL, got "not a url"',
    },
    {
      name: 'a file: JWKS URL',
      options: { jwksUrl: 'file:///etc/jwks.json' },
      type: TypeError,
      message: 'createTokenVerifier: jwksUrl must be an http(s) URL, got "file:///etc/jwks.json"',
    },
    {
      name: 'negative clock tolerance',
      options: { secret: SECRET, clockToleranceSeconds: -1 },
      type: RangeError,
      message: 'createTokenVerifier: clockToleranceSeconds must be a finite number >= 0, got -1',
    },
    {
      name: 'NaN clock tolerance',
      options: { secret: SECRET, clockToleranceSeconds: Number.NaN },
      type: RangeError,
      message: 'createTokenVerifier: clockToleranceSeconds must be a finite number >= 0, got NaN',
    },
  ])('throws synchronously: $name', ({ options, type, message }) => {
    const error = thrown(() => createTokenVerifier(options));
    expect(error.constructor).toBe(type);
    expect(error.message).toBe(message);
  });
});

/** A request as the upgrade handler sees it; header names are lower-case, as node gives them. */
function upgradeRequest(url: string, headers: Readonly<Record<string, string>> = {}): IncomingMessage {
  const request = new IncomingMessage(new Socket());
  request.url = url;
  request.headers = { ...headers };
  return request;
}

describe('extractCredentials', () => {
  let jwt: string;
  let other: string;
  let third: string;
  let fourth: string;

  beforeAll(async () => {
    jwt = await sign({ sub: 'query' });
    other = await sign({ sub: 'path' });
    third = await sign({ sub: 'header' });
    fourth = await sign({ sub: 'subprotocol' });
  });

  const none: UpgradeCredentials = { token: null, source: null, clientLabel: null };

  it.each<{ name: string; url: () => string; headers?: () => Record<string, string>; want: () => UpgradeCredentials }>([
    { name: 'nothing', url: () => '/ws', want: () => none },
    { name: 'query', url: () => `/ws?token=${jwt}`, want: () => ({ token: jwt, source: 'query', clientLabel: null }) },
    {
      name: 'URL-encoded query among other parameters',
      url: () => `/ws?v=1&token=${encodeURIComponent(`${jwt}/+ =`)}&x`,
      want: () => ({ token: `${jwt}/+ =`, source: 'query', clientLabel: null }),
    },
    { name: 'empty query token', url: () => '/ws?token=', want: () => none },
    { name: 'path token', url: () => `/ws/${jwt}`, want: () => ({ token: jwt, source: 'path', clientLabel: null }) },
    {
      name: 'Authorization: Bearer',
      url: () => '/ws',
      headers: () => ({ authorization: `Bearer ${jwt}` }),
      want: () => ({ token: jwt, source: 'header', clientLabel: null }),
    },
    {
      name: 'Authorization scheme in any case',
      url: () => '/ws',
      headers: () => ({ authorization: `bEaReR   ${jwt} ` }),
      want: () => ({ token: jwt, source: 'header', clientLabel: null }),
    },
    { name: 'Authorization: Basic is ignored', url: () => '/ws', headers: () => ({ authorization: 'Basic dTpw' }), want: () => none },
    {
      name: 'subprotocol next to switchboard.v1',
      url: () => '/ws',
      headers: () => ({ 'sec-websocket-protocol': `switchboard.v1, bearer.${jwt}` }),
      want: () => ({ token: jwt, source: 'subprotocol', clientLabel: null }),
    },
    {
      name: 'bare bearer. subprotocol is ignored',
      url: () => '/ws',
      headers: () => ({ 'sec-websocket-protocol': 'switchboard.v1, bearer.' }),
      want: () => none,
    },
    {
      name: 'client label',
      url: () => '/ws/mobile-7f3a',
      want: () => ({ token: null, source: null, clientLabel: 'mobile-7f3a' }),
    },
    {
      name: 'client label with a query token',
      url: () => `/ws/mobile-7f3a?token=${jwt}`,
      want: () => ({ token: jwt, source: 'query', clientLabel: 'mobile-7f3a' }),
    },
    {
      name: 'percent-encoded client label',
      url: () => '/ws/my%20phone',
      want: () => ({ token: null, source: null, clientLabel: 'my phone' }),
    },
    {
      name: 'badly encoded client label kept as sent',
      url: () => '/ws/100%',
      want: () => ({ token: null, source: null, clientLabel: '100%' }),
    },
    {
      name: 'dotted label that is not a JWT',
      url: () => '/ws/a.b.c',
      want: () => ({ token: null, source: null, clientLabel: 'a.b.c' }),
    },
    {
      name: 'unsigned token in the path is a token, not a label',
      url: () => `/ws/${unsigned('none', { sub: 'u' })}`,
      want: () => ({ token: unsigned('none', { sub: 'u' }), source: 'path', clientLabel: null }),
    },
    { name: 'path token under another endpoint is ignored', url: () => `/other/${jwt}`, want: () => none },
    { name: 'two segments are not an alias', url: () => `/ws/a/${jwt}`, want: () => none },
  ])('$name', ({ url, headers, want }) => {
    expect(extractCredentials(upgradeRequest(url(), headers?.() ?? {}), '/ws')).toEqual(want());
  });

  it.each<{ name: string; url: () => string; headers: () => Record<string, string>; want: () => UpgradeCredentials }>([
    {
      name: 'query beats path, header and subprotocol',
      url: () => `/ws/${other}?token=${jwt}`,
      headers: () => ({ authorization: `Bearer ${third}`, 'sec-websocket-protocol': `switchboard.v1, bearer.${fourth}` }),
      want: () => ({ token: jwt, source: 'query', clientLabel: null }),
    },
    {
      name: 'path beats header and subprotocol',
      url: () => `/ws/${other}`,
      headers: () => ({ authorization: `Bearer ${third}`, 'sec-websocket-protocol': `switchboard.v1, bearer.${fourth}` }),
      want: () => ({ token: other, source: 'path', clientLabel: null }),
    },
    {
      name: 'header beats subprotocol',
      url: () => '/ws/label',
      headers: () => ({ authorization: `Bearer ${third}`, 'sec-websocket-protocol': `switchboard.v1, bearer.${fourth}` }),
      want: () => ({ token: third, source: 'header', clientLabel: 'label' }),
    },
    {
      name: 'first bearer. subprotocol wins',
      url: () => '/ws',
      headers: () => ({ 'sec-websocket-protocol': `bearer.${fourth}, switchboard.v1, bearer.${jwt}` }),
      want: () => ({ token: fourth, source: 'subprotocol', clientLabel: null }),
    },
  ])('precedence: $name', ({ url, headers, want }) => {
    expect(extractCredentials(upgradeRequest(url(), headers()), '/ws')).toEqual(want());
  });

  it('reads a real request, with repeated Sec-WebSocket-Protocol headers joined by node', async () => {
    let seen: UpgradeCredentials | undefined;
    const server = createServer((request, response) => {
      seen = extractCredentials(request, '/ws');
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve, reject) => {
        httpGet(
          { host: '127.0.0.1', port, path: '/ws/kiosk-1', headers: { 'Sec-WebSocket-Protocol': ['switchboard.v1', `bearer.${jwt}`] } },
          (response) => response.resume().on('end', resolve),
        ).on('error', reject);
      });
    } finally {
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    }
    expect(seen).toEqual({ token: jwt, source: 'subprotocol', clientLabel: 'kiosk-1' });
  });

  it('hands the verifier a token it accepts', async () => {
    const credentials = extractCredentials(upgradeRequest(`/ws/${jwt}`), '/ws');
    expect(credentials.source).toBe('path');
    expect((await createTokenVerifier({ secret: SECRET })(credentials.token ?? '')).user.id).toBe('query');
  });

  it('throws on a base path without a leading slash', () => {
    const error = thrown(() => extractCredentials(upgradeRequest('/ws'), 'ws'));
    expect(error.constructor).toBe(TypeError);
    expect(error.message).toBe('basePath must start with "/", got "ws"');
  });
});

describe('looksLikeJwt', () => {
  let jwt: string;
  beforeAll(async () => {
    jwt = await sign({ sub: 'u' });
  });

  it.each<{ name: string; segment: () => string; want: boolean }>([
    { name: 'a signed JWT', segment: () => jwt, want: true },
    { name: 'an unsigned JWT (empty signature)', segment: () => unsigned('none', {}), want: true },
    { name: 'a label', segment: () => 'mobile-7f3a', want: false },
    { name: 'empty', segment: () => '', want: false },
    { name: 'a.b.c', segment: () => 'a.b.c', want: false },
    { name: 'two parts', segment: () => jwt.split('.').slice(0, 2).join('.'), want: false },
    { name: 'four parts', segment: () => `${jwt}.x`, want: false },
    { name: 'empty header part', segment: () => `.${b64({})}.x`, want: false },
    { name: 'header without alg', segment: () => `${b64({ typ: 'JWT' })}.e30.x`, want: false },
    { name: 'alg not a string', segment: () => `${b64({ alg: 1 })}.e30.x`, want: false },
    { name: 'header an array', segment: () => `${b64([{ alg: 'HS256' }])}.e30.x`, want: false },
    { name: 'header JSON null', segment: () => `${b64(null)}.e30.x`, want: false },
    { name: 'standard base64 characters', segment: () => `${b64({ alg: 'HS256' })}.e30+/.x`, want: false },
    { name: 'padding', segment: () => `${b64({ alg: 'HS256' })}.e30=.x`, want: false },
  ])('$name -> $want', ({ segment, want }) => {
    expect(looksLikeJwt(segment())).toBe(want);
  });

  it('never throws (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        const segment = `${Buffer.from(a).toString('base64url')}.${b}.${c}`;
        expect(typeof looksLikeJwt(segment)).toBe('boolean');
      }),
    );
  });
});

describe('matchesEndpoint', () => {
  it.each<{ pathname: string; basePath: string; want: boolean }>([
    { pathname: '/ws', basePath: '/ws', want: true },
    { pathname: '/ws/', basePath: '/ws', want: true },
    { pathname: '/ws/client-1', basePath: '/ws', want: true },
    { pathname: '/ws/eyJhbGciOiJIUzI1NiJ9.e30.x', basePath: '/ws', want: true },
    { pathname: '/ws/client-1/', basePath: '/ws', want: false },
    { pathname: '/ws/a/b', basePath: '/ws', want: false },
    { pathname: '/ws//', basePath: '/ws', want: false },
    { pathname: '/wsx', basePath: '/ws', want: false },
    { pathname: '/WS', basePath: '/ws', want: false },
    { pathname: '/', basePath: '/ws', want: false },
    { pathname: '/other/ws', basePath: '/ws', want: false },
    { pathname: '/ws', basePath: '/ws/', want: true },
    { pathname: '/ws/client-1', basePath: '/ws/', want: true },
    { pathname: '/api/ws/x', basePath: '/api/ws', want: true },
    { pathname: '/ws/x', basePath: '/api/ws', want: false },
    { pathname: '/', basePath: '/', want: true },
    { pathname: '/client-1', basePath: '/', want: true },
    { pathname: '/a/b', basePath: '/', want: false },
  ])('$pathname under $basePath -> $want', ({ pathname, basePath, want }) => {
    expect(matchesEndpoint(pathname, basePath)).toBe(want);
  });
});
