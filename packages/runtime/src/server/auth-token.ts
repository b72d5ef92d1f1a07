/**
 * Where the token of an upgrade comes from (asyncapi.yaml, "Authentication" and "Paths"): the
 * `?token=` query, the `/ws/{token}` alias, the `Authorization` header or a `bearer.<jwt>`
 * subprotocol. Only finds the token; `auth-verify.ts` decides whether it is any good.
 */
import type { IncomingMessage } from 'node:http';

export type TokenSourceKind = 'query' | 'path' | 'header' | 'subprotocol';

export interface UpgradeCredentials {
  /** The first token found, unverified; `null` when the upgrade carries none. */
  readonly token: string | null;
  /** Where `token` came from; `null` when there is no token. */
  readonly source: TokenSourceKind | null;
  /** The /ws/{client_id} label when the path segment is not a JWT. */
  readonly clientLabel: string | null;
}

/** The `bearer.` prefix of a subprotocol that carries a token (browsers cannot set headers). */
const SUBPROTOCOL_PREFIX = 'bearer.';

// Compact JWS: a non-empty header part, then payload and signature. The signature may be empty
// so that an unsigned (`alg: none`) token in the path is still recognised as a token, rejected,
// and not logged as a client label.
const COMPACT_JWS = /^([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

// RFC 7235 makes the scheme case-insensitive; RFC 6750's token68 has no whitespace.
const BEARER_HEADER = /^bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * The decoded protected header of a compact JWS when it has a string `alg`, otherwise `null`.
 * Shared with the verifier, which checks `alg` itself before jose sees the token.
 */
export function decodeJwtHeader(token: string): Readonly<Record<string, unknown>> & { readonly alg: string } | null {
  const match = COMPACT_JWS.exec(token);
  const encodedHeader = match?.[1];
  if (encodedHeader === undefined) return null;
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(encodedHeader, 'base64url').toString('utf8'));
  } catch (error) {
    // Not JSON means not a JWT; that is an answer, not a failure. Anything else is a bug.
    if (error instanceof SyntaxError) return null;
    throw error;
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return null;
  const record = header as Readonly<Record<string, unknown>>;
  const alg = record['alg'];
  return typeof alg === 'string' ? { ...record, alg } : null;
}

/**
 * Whether a path segment is a JWT rather than a client label: three base64url parts whose first
 * decodes to a JSON object with a string `alg`.
 *
 * @example looksLikeJwt('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.sig') // true
 * @example looksLikeJwt('mobile-7f3a') // false
 */
export function looksLikeJwt(segment: string): boolean {
  return decodeJwtHeader(segment) !== null;
}

/**
 * Whether the request path is the endpoint or one of its aliases (`/ws`, `/ws/`, `/ws/<segment>`
 * with exactly one non-empty segment). Matching is case-sensitive, like the rest of the path.
 *
 * @example matchesEndpoint('/ws/client-42', '/ws') // true
 * @example matchesEndpoint('/ws/a/b', '/ws') // false
 */
export function matchesEndpoint(pathname: string, basePath: string): boolean {
  return splitEndpointPath(pathname, basePath) !== null;
}

/**
 * Looks up the token in order: ?token= query, /ws/{token} path segment (a segment that parses as
 * a JWT), Authorization: Bearer header, Sec-WebSocket-Protocol entry `bearer.<jwt>`. `basePath`
 * is e.g. '/ws'. Returns null token when none. The path alias comes right after the query because
 * the spec defines it as the same thing as `?token=`, spelt differently.
 *
 * @example
 * // GET /ws/mobile-7f3a?token=eyJ...  ->  { token: 'eyJ...', source: 'query', clientLabel: 'mobile-7f3a' }
 * const credentials = extractCredentials(request, '/ws');
 */
export function extractCredentials(request: IncomingMessage, basePath: string): UpgradeCredentials {
  // Same parsing as the server's routing, so both agree on what the path is.
  const rawUrl = request.url ?? '/';
  const url = URL.canParse(rawUrl, 'http://localhost') ? new URL(rawUrl, 'http://localhost') : null;
  const segment = url === null ? null : (splitEndpointPath(url.pathname, basePath)?.segment ?? null);
  const pathToken = segment !== null && looksLikeJwt(segment) ? segment : null;
  const candidates: ReadonlyArray<readonly [TokenSourceKind, string | null]> = [
    ['query', nonEmpty(url?.searchParams.get('token') ?? null)],
    ['path', pathToken],
    ['header', bearerFromAuthorization(request.headers.authorization)],
    ['subprotocol', bearerFromSubprotocols(request.headers['sec-websocket-protocol'])],
  ];
  const clientLabel = segment !== null && pathToken === null ? segment : null;
  for (const [source, token] of candidates) {
    if (token !== null) return { token, source, clientLabel };
  }
  return { token: null, source: null, clientLabel };
}

/** `null` when `pathname` is not the endpoint; otherwise its alias segment (decoded), if any. */
function splitEndpointPath(pathname: string, basePath: string): { readonly segment: string | null } | null {
  if (!basePath.startsWith('/')) throw new TypeError(`basePath must start with "/", got "${basePath}"`);
  // '/ws/' and '/ws' name the same endpoint; '/' as the base leaves an empty prefix.
  const base = basePath.endsWith('/') ? basePath.slice(0, -1) : basePath;
  if (pathname === base || pathname === `${base}/`) return { segment: null };
  if (!pathname.startsWith(`${base}/`)) return null;
  const rest = pathname.slice(base.length + 1);
  if (rest === '' || rest.includes('/')) return null;
  return { segment: decodeSegment(rest) };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    // A stray '%' in a client label is the client's typo, not a reason to refuse the upgrade:
    // keep the label as sent. A JWT never needs escaping, so no token is lost this way.
    if (error instanceof URIError) return segment;
    throw error;
  }
}

function nonEmpty(value: string | null): string | null {
  return value === null || value === '' ? null : value;
}

function bearerFromAuthorization(header: string | undefined): string | null {
  if (header === undefined) return null;
  return BEARER_HEADER.exec(header.trim())?.[1] ?? null;
}

function bearerFromSubprotocols(header: string | undefined): string | null {
  if (header === undefined) return null;
  // Node joins repeated Sec-WebSocket-Protocol headers with ', ', so one split covers both forms.
  for (const entry of header.split(',')) {
    const protocol = entry.trim();
    if (protocol.startsWith(SUBPROTOCOL_PREFIX) && protocol.length > SUBPROTOCOL_PREFIX.length) {
      return protocol.slice(SUBPROTOCOL_PREFIX.length);
    }
  }
  return null;
}
