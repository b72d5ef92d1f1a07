/**
 * The reference service's configuration: every runtime option can be set from the environment.
 * `ENV_VARS` is the one table of variables (the README's env table is checked against it), and
 * `configFromEnv` reads them once, refusing bad values with a message that names the variable.
 */
import type { JwtAlgorithm, ServerOptions } from '@switchboard/runtime/server';
import { DEFAULT_SERVER_OPTIONS, trustedProxyMatcher } from '@switchboard/runtime/server';

export interface ServiceConfig {
  readonly port: number;
  readonly host: string;
  readonly production: boolean;
  readonly logLevel: string;
  /** `null` when the secret was generated (development only). */
  readonly jwtSecretSource: 'env' | 'generated' | 'none';
  /** Secret used by `/dev/token` (the HS256 secret, development only). */
  readonly devSecret: string | null;
  /** Bearer token of the admin endpoint; `null` disables it. */
  readonly adminToken: string | null;
  /** Whether the sender of a chat message gets its own `chat.message` too (every tab sees it). */
  readonly chatEchoToSender: boolean;
  /** The Redis broker's connection; `null` runs the in-memory broker (one instance). */
  readonly redis: { readonly url: string; readonly keyPrefix: string } | null;
  readonly server: Omit<ServerOptions, 'logger' | 'broker' | 'metrics'>;
}

type Env = Readonly<Record<string, string | undefined>>;

export interface EnvVar {
  readonly name: string;
  readonly default: string;
  readonly description: string;
}

const d = DEFAULT_SERVER_OPTIONS;

/** Every variable the service reads, with its default as text. */
export const ENV_VARS: readonly EnvVar[] = Object.freeze([
  { name: 'PORT', default: '8000', description: 'HTTP and WebSocket port' },
  { name: 'HOST', default: '127.0.0.1', description: 'Interface to listen on (`0.0.0.0` in a container)' },
  { name: 'NODE_ENV', default: 'development', description: '`production` requires `JWT_SECRET` (or a key) and disables `/dev/token` and the dev page' },
  { name: 'LOG_LEVEL', default: 'info', description: 'pino level: fatal, error, warn, info, debug, trace, silent' },
  { name: 'JWT_SECRET', default: 'random in development', description: 'HS256 secret; in development a random one is generated with a warning' },
  { name: 'JWT_PUBLIC_KEY', default: '-', description: 'PEM public key for RS256/ES256 (instead of a secret)' },
  { name: 'JWKS_URL', default: '-', description: 'URL of a JWKS to verify RS256/ES256 tokens with' },
  { name: 'JWT_ALGORITHMS', default: 'HS256, or RS256,ES256 with a key', description: 'Comma-separated accepted algorithms' },
  { name: 'JWT_ISSUER', default: '-', description: 'Required `iss` claim' },
  { name: 'JWT_AUDIENCE', default: '-', description: 'Required `aud` claim' },
  { name: 'ADMIN_TOKEN', default: '-', description: 'Bearer token for `POST /admin/emit`; unset disables the endpoint' },
  { name: 'CHAT_ECHO_TO_SENDER', default: 'true', description: 'Whether the sender gets its own `chat.message`' },
  { name: 'WS_PATH', default: d.path, description: 'WebSocket endpoint (aliases `<path>/{token}`, `<path>/{client_id}`)' },
  { name: 'AUTH_TIMEOUT_MS', default: String(d.authTimeoutMs), description: 'Time to send `auth` when the upgrade had no token (close 4002)' },
  { name: 'MAX_CONNECTIONS_PER_USER', default: String(d.maxConnectionsPerUser), description: 'HTTP 429 / close 4005 above it' },
  { name: 'MAX_TOTAL_CONNECTIONS', default: String(d.maxTotalConnections), description: 'Authenticated connections; HTTP 503 / close 1013 above it' },
  { name: 'MAX_UNAUTHENTICATED_CONNECTIONS', default: String(d.maxUnauthenticatedConnections), description: 'Sockets waiting for their `auth` message (not counted in `MAX_TOTAL_CONNECTIONS`); HTTP 503 above it' },
  { name: 'MAX_UNAUTHENTICATED_PER_ADDRESS', default: String(d.maxUnauthenticatedPerAddress), description: 'The same per client address (an IPv6 /64 is one); HTTP 429 above it' },
  { name: 'TRUSTED_PROXIES', default: 'none', description: 'Comma-separated addresses or CIDR ranges of reverse proxies whose `X-Forwarded-For` gives the client address' },
  { name: 'MAX_MESSAGE_SIZE', default: String(d.maxMessageSize), description: 'Bytes; `MESSAGE_TOO_LARGE` above it, close 1009 above 4 times it' },
  { name: 'MESSAGE_RATE_LIMIT', default: String(d.rateLimit.limit), description: 'Messages per window per user' },
  { name: 'MESSAGE_RATE_WINDOW_MS', default: String(d.rateLimit.windowMs), description: 'Sliding window length' },
  { name: 'RATE_LIMIT_BAN_AFTER', default: String(d.rateLimit.banAfterViolations), description: 'Violations within the ban window that ban (0: never)' },
  { name: 'RATE_LIMIT_BAN_WINDOW_MS', default: String(d.rateLimit.banWindowMs), description: 'Window in which violations are counted' },
  { name: 'RATE_LIMIT_BAN_MS', default: String(d.rateLimit.banDurationMs), description: 'Ban length (close 4008)' },
  { name: 'HEARTBEAT_INTERVAL_MS', default: String(d.heartbeatIntervalMs), description: 'Ping interval; silent for two intervals: close 4004' },
  { name: 'ALLOWED_ORIGINS', default: 'any', description: 'Comma-separated Origin allow-list' },
  { name: 'MAX_ROOMS_PER_CONNECTION', default: String(d.maxRoomsPerConnection), description: 'Rooms one connection may be in' },
  { name: 'PRESENCE_LIST_LIMIT', default: String(d.presenceListLimit), description: 'Users listed in `room.joined` (at most 1000, the spec\'s bound)' },
  { name: 'MAX_CONTENT_LENGTH', default: String(d.maxContentLength), description: 'Chat content length announced to clients' },
  { name: 'OFFLINE_QUEUE_SIZE', default: String(d.offlineQueueSize), description: 'Queued notifications per offline user (oldest dropped); 0 turns the queue off' },
  { name: 'ROOM_HISTORY_SIZE', default: String(d.roomHistorySize), description: 'Messages kept per room for `resume`' },
  { name: 'SEND_BUFFER_LIMIT', default: String(d.sendBufferLimit), description: 'Bytes buffered per connection before volatile drops' },
  { name: 'SLOW_CONSUMER_GRACE_MS', default: String(d.slowConsumerGraceMs), description: 'Time over the buffer limit before close 4003' },
  { name: 'PRESENCE_GRACE_MS', default: String(d.presenceGraceMs), description: 'Time to come back before rooms hear `presence.status` offline' },
  { name: 'SHUTDOWN_TIMEOUT_MS', default: String(d.shutdownTimeoutMs), description: 'Grace for clients to close on SIGTERM/SIGINT' },
  { name: 'IDEMPOTENCY_WINDOW_MS', default: String(d.idempotencyWindowMs), description: 'A request resent with the same envelope `id` within it gets the first reply and does not run again' },
  { name: 'IDEMPOTENCY_LEASE_MS', default: String(d.idempotencyLeaseMs), description: 'How long one copy of a request may run before a resend may run it again' },
  { name: 'REDIS_URL', default: '-', description: 'Redis for several instances (`@switchboard/redis`); unset runs the in-memory broker' },
  { name: 'REDIS_KEY_PREFIX', default: 'switchboard:', description: 'Prefix of every Redis key and channel: instances with the same prefix form one cluster' },
  { name: 'NODE_ID', default: 'random', description: 'This instance\'s name in logs and in the broker (unique within a cluster)' },
]);

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function integer(env: Env, name: string, min = 1): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be an integer, got "${raw}"`);
  const value = Number(raw.trim());
  if (!Number.isSafeInteger(value) || value < min) throw new ConfigError(`${name} must be an integer >= ${min}, got "${raw}"`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function list(env: Env, name: string): string[] | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  return raw.split(',').map((item) => item.trim()).filter((item) => item.length > 0);
}

/** TRUSTED_PROXIES, checked here so that a bad entry is a configuration error naming the variable. */
function trustedProxies(env: Env): string[] | undefined {
  const entries = list(env, 'TRUSTED_PROXIES');
  for (const entry of entries ?? []) {
    try {
      trustedProxyMatcher([entry]);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      throw new ConfigError(`TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range`);
    }
  }
  return entries;
}

const ALGORITHMS: readonly JwtAlgorithm[] = ['HS256', 'HS384', 'HS512', 'RS256', 'ES256'];

/** Drops `undefined` values, so exactOptionalPropertyTypes and the runtime's defaults both hold. */
function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

export function configFromEnv(env: Env, randomSecret: () => string = () => crypto.randomUUID() + crypto.randomUUID()): ServiceConfig {
  const production = env['NODE_ENV'] === 'production';
  const redisUrl = env['REDIS_URL']?.trim() || undefined;
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError(`REDIS_URL must start with redis:// or rediss://, got "${redisUrl}"`);
  if (env['REDIS_KEY_PREFIX'] !== undefined && redisUrl === undefined) throw new ConfigError('REDIS_KEY_PREFIX is set without REDIS_URL');
  const publicKey = env['JWT_PUBLIC_KEY'] || undefined;
  const jwksUrl = env['JWKS_URL'] || undefined;
  let secret = env['JWT_SECRET'] || undefined;
  let jwtSecretSource: ServiceConfig['jwtSecretSource'] = secret ? 'env' : 'none';
  if (!secret && !publicKey && !jwksUrl) {
    if (production) throw new ConfigError('NODE_ENV=production needs JWT_SECRET (or JWT_PUBLIC_KEY / JWKS_URL) to verify tokens');
    secret = randomSecret();
    jwtSecretSource = 'generated';
  }
  const algorithms = list(env, 'JWT_ALGORITHMS');
  for (const algorithm of algorithms ?? []) {
    if (!(ALGORITHMS as readonly string[]).includes(algorithm)) throw new ConfigError(`JWT_ALGORITHMS: unknown algorithm "${algorithm}" (use ${ALGORITHMS.join(', ')})`);
  }
  const port = integer(env, 'PORT', 0) ?? 8000;
  if (port > 65535) throw new ConfigError(`PORT must be at most 65535, got "${env['PORT']}"`);
  const banAfter = integer(env, 'RATE_LIMIT_BAN_AFTER', 0);
  return {
    port,
    host: env['HOST'] || '127.0.0.1',
    production,
    logLevel: env['LOG_LEVEL'] || 'info',
    jwtSecretSource,
    devSecret: production ? null : (secret ?? null),
    adminToken: env['ADMIN_TOKEN'] || null,
    chatEchoToSender: boolean(env, 'CHAT_ECHO_TO_SENDER', true),
    redis: redisUrl === undefined ? null : { url: redisUrl, keyPrefix: env['REDIS_KEY_PREFIX'] ?? 'switchboard:' },
    server: defined({
      nodeId: env['NODE_ID']?.trim() || undefined,
      auth: defined({
        secret,
        publicKey,
        jwksUrl,
        algorithms: algorithms as JwtAlgorithm[] | undefined,
        issuer: env['JWT_ISSUER'] || undefined,
        audience: env['JWT_AUDIENCE'] || undefined,
      }),
      path: env['WS_PATH'] || undefined,
      authTimeoutMs: integer(env, 'AUTH_TIMEOUT_MS'),
      maxConnectionsPerUser: integer(env, 'MAX_CONNECTIONS_PER_USER'),
      maxTotalConnections: integer(env, 'MAX_TOTAL_CONNECTIONS'),
      maxUnauthenticatedConnections: integer(env, 'MAX_UNAUTHENTICATED_CONNECTIONS'),
      maxUnauthenticatedPerAddress: integer(env, 'MAX_UNAUTHENTICATED_PER_ADDRESS'),
      trustedProxies: trustedProxies(env),
      maxMessageSize: integer(env, 'MAX_MESSAGE_SIZE'),
      rateLimit: defined({
        limit: integer(env, 'MESSAGE_RATE_LIMIT'),
        windowMs: integer(env, 'MESSAGE_RATE_WINDOW_MS'),
        banAfterViolations: banAfter,
        banWindowMs: integer(env, 'RATE_LIMIT_BAN_WINDOW_MS'),
        banDurationMs: integer(env, 'RATE_LIMIT_BAN_MS'),
      }),
      heartbeatIntervalMs: integer(env, 'HEARTBEAT_INTERVAL_MS'),
      allowedOrigins: list(env, 'ALLOWED_ORIGINS'),
      maxRoomsPerConnection: integer(env, 'MAX_ROOMS_PER_CONNECTION'),
      presenceListLimit: integer(env, 'PRESENCE_LIST_LIMIT'),
      maxContentLength: integer(env, 'MAX_CONTENT_LENGTH'),
      offlineQueueSize: integer(env, 'OFFLINE_QUEUE_SIZE', 0),
      roomHistorySize: integer(env, 'ROOM_HISTORY_SIZE'),
      sendBufferLimit: integer(env, 'SEND_BUFFER_LIMIT'),
      slowConsumerGraceMs: integer(env, 'SLOW_CONSUMER_GRACE_MS'),
      presenceGraceMs: integer(env, 'PRESENCE_GRACE_MS'),
      shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS'),
      idempotencyWindowMs: integer(env, 'IDEMPOTENCY_WINDOW_MS'),
      idempotencyLeaseMs: integer(env, 'IDEMPOTENCY_LEASE_MS'),
    }),
  };
}
