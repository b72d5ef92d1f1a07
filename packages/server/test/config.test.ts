import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_OPTIONS } from '@switchboard/runtime/server';
import { configFromEnv, ConfigError, ENV_VARS } from '../src/config.js';

const secret = () => 'generated-secret';

describe('configFromEnv', () => {
  it('runs with nothing set in development: a generated secret, port 8000, runtime defaults', () => {
    const config = configFromEnv({}, secret);
    expect(config.port).toBe(8000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.jwtSecretSource).toBe('generated');
    expect(config.devSecret).toBe('generated-secret');
    expect(config.server).toEqual({ auth: { secret: 'generated-secret' }, rateLimit: {} });
    expect(config.adminToken).toBeNull();
    expect(config.chatEchoToSender).toBe(true);
  });

  it('refuses to start in production without a way to verify tokens', () => {
    expect(() => configFromEnv({ NODE_ENV: 'production' }, secret)).toThrow(
      new ConfigError('NODE_ENV=production needs JWT_SECRET (or JWT_PUBLIC_KEY / JWKS_URL) to verify tokens'),
    );
  });

  it('in production keeps the secret away from /dev/token', () => {
    const config = configFromEnv({ NODE_ENV: 'production', JWT_SECRET: 's3cret' }, secret);
    expect(config.devSecret).toBeNull();
    expect(config.server.auth).toEqual({ secret: 's3cret' });
  });

  it.each([
    ['MAX_CONNECTIONS_PER_USER', '3', (c: ReturnType<typeof configFromEnv>) => c.server.maxConnectionsPerUser, 3],
    ['MAX_TOTAL_CONNECTIONS', '1000', (c: ReturnType<typeof configFromEnv>) => c.server.maxTotalConnections, 1000],
    ['MAX_UNAUTHENTICATED_CONNECTIONS', '50', (c: ReturnType<typeof configFromEnv>) => c.server.maxUnauthenticatedConnections, 50],
    ['MAX_UNAUTHENTICATED_PER_ADDRESS', '4', (c: ReturnType<typeof configFromEnv>) => c.server.maxUnauthenticatedPerAddress, 4],
    ['TRUSTED_PROXIES', '10.0.0.1, 192.168.0.0/16', (c: ReturnType<typeof configFromEnv>) => c.server.trustedProxies, ['10.0.0.1', '192.168.0.0/16']],
    ['MAX_MESSAGE_SIZE', '1024', (c: ReturnType<typeof configFromEnv>) => c.server.maxMessageSize, 1024],
    ['MESSAGE_RATE_LIMIT', '50', (c: ReturnType<typeof configFromEnv>) => c.server.rateLimit?.limit, 50],
    ['MESSAGE_RATE_WINDOW_MS', '1000', (c: ReturnType<typeof configFromEnv>) => c.server.rateLimit?.windowMs, 1000],
    ['RATE_LIMIT_BAN_AFTER', '0', (c: ReturnType<typeof configFromEnv>) => c.server.rateLimit?.banAfterViolations, 0],
    ['HEARTBEAT_INTERVAL_MS', '15000', (c: ReturnType<typeof configFromEnv>) => c.server.heartbeatIntervalMs, 15000],
    ['ALLOWED_ORIGINS', 'https://a.example, https://b.example', (c: ReturnType<typeof configFromEnv>) => c.server.allowedOrigins, ['https://a.example', 'https://b.example']],
    ['WS_PATH', '/socket', (c: ReturnType<typeof configFromEnv>) => c.server.path, '/socket'],
    ['CHAT_ECHO_TO_SENDER', 'false', (c: ReturnType<typeof configFromEnv>) => c.chatEchoToSender, false],
    ['PORT', '0', (c: ReturnType<typeof configFromEnv>) => c.port, 0],
  ])('reads %s', (name, value, read, want) => {
    expect(read(configFromEnv({ [name]: value }, secret))).toEqual(want);
  });

  it.each([
    ['MAX_CONNECTIONS_PER_USER', 'five', 'MAX_CONNECTIONS_PER_USER must be an integer, got "five"'],
    ['MAX_CONNECTIONS_PER_USER', '0', 'MAX_CONNECTIONS_PER_USER must be an integer >= 1, got "0"'],
    ['MESSAGE_RATE_LIMIT', '-1', 'MESSAGE_RATE_LIMIT must be an integer, got "-1"'],
    ['PORT', '70000', 'PORT must be at most 65535, got "70000"'],
    ['CHAT_ECHO_TO_SENDER', 'maybe', 'CHAT_ECHO_TO_SENDER must be true or false, got "maybe"'],
    ['JWT_ALGORITHMS', 'HS256,none', 'JWT_ALGORITHMS: unknown algorithm "none" (use HS256, HS384, HS512, RS256, ES256)'],
    ['REDIS_URL', 'localhost:6379', 'REDIS_URL must start with redis:// or rediss://, got "localhost:6379"'],
    ['REDIS_KEY_PREFIX', 'app:', 'REDIS_KEY_PREFIX is set without REDIS_URL'],
    ['TRUSTED_PROXIES', '10.0.0.1, proxy.internal', 'TRUSTED_PROXIES: "proxy.internal" is not an IP address or a CIDR range'],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => configFromEnv({ [name]: value }, secret)).toThrow(new ConfigError(message));
  });

  it('runs the in-memory broker without REDIS_URL, and the Redis broker with it', () => {
    expect(configFromEnv({}, secret).redis).toBeNull();
    expect(configFromEnv({ REDIS_URL: 'redis://127.0.0.1:6379/2' }, secret).redis).toEqual({ url: 'redis://127.0.0.1:6379/2', keyPrefix: 'switchboard:' });
    expect(configFromEnv({ REDIS_URL: 'rediss://cache.example:6380', REDIS_KEY_PREFIX: 'chat:' }, secret).redis).toEqual({ url: 'rediss://cache.example:6380', keyPrefix: 'chat:' });
    expect(configFromEnv({ NODE_ID: 'web-1' }, secret).server.nodeId).toBe('web-1');
  });

  it('documents defaults that are the runtime\'s own', () => {
    const byName = new Map(ENV_VARS.map((v) => [v.name, v.default]));
    expect(byName.get('MAX_CONNECTIONS_PER_USER')).toBe(String(DEFAULT_SERVER_OPTIONS.maxConnectionsPerUser));
    expect(byName.get('MESSAGE_RATE_LIMIT')).toBe(String(DEFAULT_SERVER_OPTIONS.rateLimit.limit));
  });

  it('the README env table lists every variable, with its default', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const variable of ENV_VARS) {
      expect(readme).toContain(`| \`${variable.name}\` | ${variable.default} | ${variable.description} |`);
    }
  });
});
