/**
 * Token verification (asyncapi.yaml, "Authentication"): a JWT is checked before anything is
 * allocated for its connection and yields the user the connection acts as. HS256 with a shared
 * secret by default; RS256 or ES256 with a PEM public key or a JWKS URL.
 */
import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import { ProtocolError } from '../errors.js';
import { decodeJwtHeader } from './auth-token.js';
import type { User } from './types.js';

export type JwtAlgorithm = 'HS256' | 'HS384' | 'HS512' | 'RS256' | 'ES256';

/** Exactly one of `secret`, `publicKey` or `jwksUrl` says how tokens are signed. */
export interface AuthOptions {
  /**
   * Shared secret for HS256 (string is UTF-8).
   * @example process.env.JWT_SECRET
   */
  readonly secret?: string | Uint8Array;
  /**
   * PEM public key (SPKI, `-----BEGIN PUBLIC KEY-----`) for RS256 (an RSA key) or ES256 (an EC
   * P-256 key).
   * @example readFileSync('jwt-public.pem', 'utf8')
   */
  readonly publicKey?: string;
  /**
   * URL of a JWKS (jose createRemoteJWKSet), fetched on first use and cached.
   * @example 'https://auth.example.com/.well-known/jwks.json'
   */
  readonly jwksUrl?: string;
  /**
   * Accepted `alg` values; each must fit the key.
   * @default derived: ['HS256'] with a secret; ['RS256'] with an RSA key, ['ES256'] with an EC
   * P-256 key; ['RS256', 'ES256'] with a JWKS
   * @example ['HS512']
   */
  readonly algorithms?: readonly JwtAlgorithm[];
  /**
   * Required `iss`; unchecked when absent.
   * @example 'https://auth.example.com/'
   */
  readonly issuer?: string;
  /**
   * Required `aud` (one of its values when it is an array); unchecked when absent.
   * @example 'switchboard'
   */
  readonly audience?: string;
  /**
   * Leeway for `exp` and `nbf`, for clocks that disagree a little.
   * @default 0
   * @example 30
   */
  readonly clockToleranceSeconds?: number;
}

export interface VerifiedToken {
  readonly user: User;
  /** ms since epoch, null when no exp */
  readonly expiresAt: number | null;
}

/**
 * Throws ProtocolError with code 'TOKEN_EXPIRED' (exp passed) or 'AUTH_FAILED' (everything else:
 * bad signature, alg none, wrong algorithm, nbf in the future, missing/empty/non-string sub,
 * malformed, wrong iss/aud). Message says why in words but never echoes the token.
 *
 * A JWKS that cannot be fetched or used is not the token's fault: that rejects with a plain
 * `Error` (jose's error as its `cause`), so the upgrade answers 500 and an `auth` message gets
 * `INTERNAL_ERROR` instead of telling the client its token is bad.
 */
export type TokenVerifier = (token: string) => Promise<VerifiedToken>;

type KeyKind = 'secret' | 'rsa' | 'ec-p256' | 'jwks';

// Narrow per key kind on purpose: with an algorithm the key cannot do, jose throws a TypeError
// (not a JOSE error) at verification, so a token could pick its own failure mode.
const FITTING_ALGORITHMS: Readonly<Record<KeyKind, readonly JwtAlgorithm[]>> = {
  secret: ['HS256', 'HS384', 'HS512'],
  rsa: ['RS256'],
  'ec-p256': ['ES256'],
  jwks: ['RS256', 'ES256'],
};

const DEFAULT_ALGORITHMS: Readonly<Record<KeyKind, readonly JwtAlgorithm[]>> = {
  secret: ['HS256'],
  rsa: ['RS256'],
  'ec-p256': ['ES256'],
  jwks: ['RS256', 'ES256'],
};

const KEY_KIND_NAMES: Readonly<Record<KeyKind, string>> = {
  secret: 'a shared secret',
  rsa: 'an RSA public key',
  'ec-p256': 'an EC P-256 public key',
  jwks: 'a JWKS',
};

const ALL_ALGORITHMS: readonly string[] = ['HS256', 'HS384', 'HS512', 'RS256', 'ES256'];

interface KeySource {
  readonly kind: KeyKind;
  readonly key: Uint8Array | KeyObject | JWTVerifyGetKey;
}

/**
 * Resolves the options once (the PEM is parsed here, the JWKS set created here) and returns the
 * verifier. Throws TypeError synchronously when no or several of secret/publicKey/jwksUrl are
 * given, when a key is unusable, or when an algorithm does not fit the key.
 *
 * @example
 * const verify = createTokenVerifier({ secret: process.env.JWT_SECRET, issuer: 'https://auth.example.com/' });
 * const { user, expiresAt } = await verify(token);
 */
export function createTokenVerifier(options: AuthOptions): TokenVerifier {
  const source = resolveKeySource(options);
  const verifyOptions = resolveVerifyOptions(options, source.kind);
  return async (token) => {
    // jose refuses `alg: none` too; checking first keeps that guarantee independent of jose's
    // version and catches the 'None'/'NONE' spellings old libraries fell for.
    const header = decodeJwtHeader(token);
    if (header === null) throw authFailed('the token is malformed');
    if (header.alg.toLowerCase() === 'none') throw authFailed('unsigned tokens (alg "none") are not accepted');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, source.key, verifyOptions));
    } catch (error) {
      if (error instanceof errors.JOSEError) throw fromJoseError(error);
      throw error;
    }
    return toVerifiedToken(payload);
  };
}

function resolveKeySource(options: AuthOptions): KeySource {
  const { secret, publicKey, jwksUrl } = options;
  // Two keys would leave the token's own header to choose between them: key confusion by design.
  if ([secret, publicKey, jwksUrl].filter((value) => value !== undefined).length > 1) {
    throw new TypeError('createTokenVerifier: give only one of secret, publicKey or jwksUrl');
  }
  if (secret !== undefined) return { kind: 'secret', key: secretKey(secret) };
  if (publicKey !== undefined) return pemKey(publicKey);
  if (jwksUrl !== undefined) return { kind: 'jwks', key: jwksKey(jwksUrl) };
  throw new TypeError('createTokenVerifier: one of secret, publicKey or jwksUrl is required');
}

function secretKey(secret: string | Uint8Array): KeyObject {
  // A copy, so a caller reusing its buffer cannot change the secret under a running server.
  const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : new Uint8Array(secret);
  if (bytes.length === 0) throw new TypeError('createTokenVerifier: secret must not be empty');
  // A KeyObject, not the bytes: jose imports raw bytes into a CryptoKey again for every token
  // (WebCrypto importKey, a fifth of the server's CPU in a connection storm), and caches the
  // CryptoKey it derives from a KeyObject.
  return createSecretKey(bytes);
}

function pemKey(pem: string): KeySource {
  // createPublicKey would also accept a private key or a certificate and derive the public key;
  // a private key in a verifier's config is a leak waiting to happen, so insist on SPKI.
  if (!pem.trimStart().startsWith('-----BEGIN PUBLIC KEY-----')) {
    throw new TypeError('createTokenVerifier: publicKey must be a PEM SPKI public key (-----BEGIN PUBLIC KEY-----)');
  }
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new TypeError('createTokenVerifier: publicKey could not be parsed as a PEM SPKI public key', { cause: error });
  }
  // Parsed once here; jose caches the CryptoKey it derives from this KeyObject per algorithm.
  if (key.asymmetricKeyType === 'rsa') return { kind: 'rsa', key };
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return { kind: 'ec-p256', key };
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const type = `${key.asymmetricKeyType ?? 'unknown'}${curve === undefined ? '' : ` ${curve}`}`;
  throw new TypeError(`createTokenVerifier: publicKey must be an RSA or EC P-256 key, got ${type}`);
}

function jwksKey(jwksUrl: string): JWTVerifyGetKey {
  const url = URL.canParse(jwksUrl) ? new URL(jwksUrl) : null;
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new TypeError(`createTokenVerifier: jwksUrl must be an http(s) URL, got "${jwksUrl}"`);
  }
  const keySet = createRemoteJWKSet(url);
  const where = `${url.origin}${url.pathname}`;
  return async (header, token) => {
    try {
      return await keySet(header, token);
    } catch (error) {
      // An unknown or ambiguous `kid` is the token's problem; anything else (unreachable, not
      // 200, not a key set, timeout) is ours and must not surface as AUTH_FAILED.
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new Error(`the JWKS at ${where} could not be used to verify tokens`, { cause: error });
    }
  };
}

function resolveVerifyOptions(options: AuthOptions, kind: KeyKind): JWTVerifyOptions {
  const algorithms = options.algorithms ?? DEFAULT_ALGORITHMS[kind];
  if (algorithms.length === 0) throw new TypeError('createTokenVerifier: algorithms must not be empty');
  const fitting = FITTING_ALGORITHMS[kind];
  for (const algorithm of algorithms) {
    if (!ALL_ALGORITHMS.includes(algorithm)) {
      throw new TypeError(`createTokenVerifier: unknown algorithm "${algorithm}" (expected one of ${ALL_ALGORITHMS.join(', ')})`);
    }
    if (!fitting.includes(algorithm)) {
      throw new TypeError(`createTokenVerifier: algorithm ${algorithm} does not fit ${KEY_KIND_NAMES[kind]} (use ${listWords(fitting)})`);
    }
  }
  const clockTolerance = options.clockToleranceSeconds ?? 0;
  if (!Number.isFinite(clockTolerance) || clockTolerance < 0) {
    throw new RangeError(`createTokenVerifier: clockToleranceSeconds must be a finite number >= 0, got ${clockTolerance}`);
  }
  return {
    algorithms: [...algorithms],
    clockTolerance,
    ...(options.issuer === undefined ? {} : { issuer: options.issuer }),
    ...(options.audience === undefined ? {} : { audience: options.audience }),
  };
}

function listWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
}

function toVerifiedToken(payload: JWTPayload): VerifiedToken {
  // jose types `sub` as string but does not check it; the payload is whatever the issuer signed.
  const sub: unknown = payload.sub;
  if (sub === undefined) throw authFailed('the token has no subject (sub)');
  if (typeof sub !== 'string' || sub === '') throw authFailed('the token subject (sub) must be a non-empty string');
  const name: unknown = payload['name'];
  return {
    user: { id: sub, name: typeof name === 'string' && name !== '' ? name : sub },
    // jose has already rejected a non-numeric exp.
    expiresAt: payload.exp === undefined ? null : payload.exp * 1000,
  };
}

function authFailed(message: string, cause?: unknown): ProtocolError {
  return new ProtocolError('AUTH_FAILED', message, cause === undefined ? {} : { cause });
}

/** Words for jose's error; jose's own message stays in `cause` for the logs. */
function fromJoseError(error: errors.JOSEError): ProtocolError {
  if (error instanceof errors.JWTExpired) return new ProtocolError('TOKEN_EXPIRED', 'the token has expired', { cause: error });
  if (error instanceof errors.JWTClaimValidationFailed) return authFailed(describeClaimFailure(error), error);
  if (error instanceof errors.JWSSignatureVerificationFailed) return authFailed('the token signature is invalid', error);
  if (error instanceof errors.JOSEAlgNotAllowed) return authFailed('the token algorithm is not accepted', error);
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return authFailed('the token is malformed', error);
  if (error instanceof errors.JWKSNoMatchingKey) return authFailed('no signing key matches the token', error);
  if (error instanceof errors.JWKSMultipleMatchingKeys) {
    return authFailed('the token names no key id (kid) and several signing keys match', error);
  }
  if (error instanceof errors.JOSENotSupported) return authFailed('the token uses an unsupported feature', error);
  return authFailed('the token could not be verified', error);
}

function describeClaimFailure(error: errors.JWTClaimValidationFailed): string {
  const missing = error.reason === 'missing';
  switch (error.claim) {
    case 'nbf':
      return 'the token is not valid yet (nbf)';
    case 'iss':
      return missing ? 'the token has no issuer (iss)' : 'the token issuer (iss) is not accepted';
    case 'aud':
      return missing ? 'the token has no audience (aud)' : 'the token audience (aud) is not accepted';
    default:
      // The claim name is one of jose's fixed names, never text from the token.
      return `the token claim "${error.claim}" is invalid`;
  }
}
