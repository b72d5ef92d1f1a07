/**
 * Switchboard under test: the reference service exactly as `npm start` builds it
 * (`createService(configFromEnv(...))` from the built `@switchboard/server`), configured for a
 * benchmark: JWT HS256 with the harness's secret, limits out of the way, no logging.
 *
 * Environment: JWT_SECRET (required), ADMIN_TOKEN (enables `POST /admin/emit`, the trigger of
 * the subscriber broadcast), CHAT_ECHO_TO_SENDER (default false: the sender's own
 * `chat.message` would otherwise double the work of a round trip), REDIS_URL and REDIS_KEY_PREFIX
 * (scenario 7), BENCH_CONTROL=1.
 */
import { configFromEnv, createService } from '../../packages/server/dist/index.js';
import { serveControl } from './control.mjs';

const secret = process.env['JWT_SECRET'];
if (!secret) throw new Error('JWT_SECRET is required');

/** Every value stays inside the bounds asyncapi.yaml sets for what `connection.established` announces. */
const config = configFromEnv({
  NODE_ENV: 'production',
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  JWT_SECRET: secret,
  ADMIN_TOKEN: process.env['ADMIN_TOKEN'] ?? '',
  CHAT_ECHO_TO_SENDER: process.env['CHAT_ECHO_TO_SENDER'] ?? 'false',
  // The spec's maximum rate (100000 per window) over its shortest window (1 s), and no bans: the
  // limiter still runs on every frame, as in production, but never refuses one.
  MESSAGE_RATE_LIMIT: '100000',
  MESSAGE_RATE_WINDOW_MS: '1000',
  RATE_LIMIT_BAN_AFTER: '0',
  MAX_CONNECTIONS_PER_USER: '1000',
  MAX_TOTAL_CONNECTIONS: '1000000',
  ...(process.env['ROOM_HISTORY_SIZE'] ? { ROOM_HISTORY_SIZE: process.env['ROOM_HISTORY_SIZE'] } : {}),
  // Scenario 7: the Redis broker, one cluster per key prefix.
  ...(process.env['REDIS_URL'] ? { REDIS_URL: process.env['REDIS_URL'], REDIS_KEY_PREFIX: process.env['REDIS_KEY_PREFIX'] ?? 'bench:' } : {}),
});

const service = createService(config);
const address = await service.listen();
serveControl(address.port, () => service.close());
