/**
 * `npm start`: the reference service from the environment (see config.ts and the README's env
 * table). SIGTERM/SIGINT shut it down gracefully within SHUTDOWN_TIMEOUT_MS.
 */
import { pino } from 'pino';
import { ConfigError, configFromEnv } from './config.js';
import { createService } from './app.js';

async function main(): Promise<number> {
  let config;
  try {
    config = configFromEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`switchboard: ${error.message}\n`);
    return 2;
  }
  const logger = pino({ level: config.logLevel });
  if (config.jwtSecretSource === 'generated') {
    logger.warn('JWT_SECRET is not set: using a random secret for this run (tokens from /dev/token only); set JWT_SECRET, it is required with NODE_ENV=production');
  }
  const service = createService(config, logger);
  let address;
  try {
    address = await service.listen();
  } catch (error) {
    // Stop what was started (the Redis client would retry forever and keep the process alive).
    await service.close().catch((closeError: unknown) => logger.error({ err: closeError }, 'cleanup after a failed start failed'));
    throw error;
  }
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  logger.info({ port: address.port, production: config.production }, `listening on http://${host}:${address.port} (WebSocket at ${service.server.options.path})`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const hardStop = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, service.server.options.shutdownTimeoutMs + 2000);
    hardStop.unref();
    service.close().then(
      () => {
        logger.info('stopped');
        process.exitCode = 0;
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`switchboard: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
