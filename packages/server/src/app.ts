/**
 * The service: one node HTTP server carrying the WebSocket endpoint, health and metrics, the
 * admin endpoint and, in development, the dev page and token minting.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { createServer, type ServerTypes } from '@switchboard/protocol/server';
import { RedisBroker } from '@switchboard/redis';
import { Redis } from 'ioredis';
import { MemoryBroker, type Broker, type SwitchboardServer } from '@switchboard/runtime/server';
import { handleAdmin } from './admin.js';
import type { ServiceConfig } from './config.js';
import { handleDev } from './dev.js';
import { createHandlers } from './handlers.js';
import { UploadLedger } from './uploads.js';

export interface Service {
  readonly server: SwitchboardServer<ServerTypes>;
  /** The in-memory broker, or the Redis broker when `REDIS_URL` is set. */
  readonly broker: Broker;
  /** Who owns which upload, for `upload.cancel` (uploads.ts). */
  readonly uploads: UploadLedger;
  readonly http: http.Server;
  readonly logger: Logger;
  /** Resolves once listening; the port is the real one (PORT=0 picks a free port). */
  listen(): Promise<AddressInfo>;
  /** Graceful: stop accepting, close every client with 1001, then stop the HTTP server. */
  close(): Promise<void>;
}

export function createService(config: ServiceConfig, logger: Logger = pino({ level: config.logLevel })): Service {
  // One retry per command: while Redis is away a client gets INTERNAL_ERROR at once instead of
  // waiting ~10 s on ioredis' default 20 retries (packages/redis/README.md, "Failure behaviour").
  const redis = config.redis ? new Redis(config.redis.url, { enableAutoPipelining: true, maxRetriesPerRequest: 1 }) : null;
  redis?.on('error', (error: unknown) => logger.error({ err: error }, 'redis connection'));
  const broker =
    redis && config.redis
      ? new RedisBroker({ redis, keyPrefix: config.redis.keyPrefix, onError: (error) => logger.error({ err: error }, 'redis broker') })
      : new MemoryBroker();
  const uploads = new UploadLedger(broker);
  const server = createServer(createHandlers({ chatEchoToSender: config.chatEchoToSender, uploads }), { ...config.server, logger, broker });
  const devSecret = config.devSecret;
  const httpServer = http.createServer((request, response) => {
    if (server.handleRequest(request, response)) return;
    if (handleAdmin(server, uploads, config.adminToken, request, response)) return;
    if (devSecret !== null && handleDev(devSecret, request, response, (error) => logger.error({ err: error }, 'dev endpoint failed'))) return;
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
  });
  server.attach(httpServer);
  return {
    server,
    broker,
    uploads,
    http: httpServer,
    logger,
    listen: async () => {
      // Redis first: an instance that cannot reach its cluster must not take connections.
      if (broker instanceof RedisBroker) await broker.ready();
      return await new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          httpServer.off('error', reject);
          resolve(httpServer.address() as AddressInfo);
        });
      });
    },
    async close() {
      await server.close();
      httpServer.closeIdleConnections();
      if (httpServer.listening) await new Promise<void>((resolve, reject) => httpServer.close((error) => (error ? reject(error) : resolve())));
      await broker.close();
      // QUIT needs a connection; a client still trying to reach Redis is just dropped.
      if (redis?.status === 'ready') await redis.quit();
      else redis?.disconnect();
    },
  };
}
