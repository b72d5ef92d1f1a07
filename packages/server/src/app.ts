/**
 * The service: one node HTTP server carrying the WebSocket endpoint, health and metrics, the
 * admin endpoint and, in development, the dev page and token minting.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { createServer, type ServerTypes } from '@switchboard/protocol/server';
import type { SwitchboardServer } from '@switchboard/runtime/server';
import { handleAdmin } from './admin.js';
import type { ServiceConfig } from './config.js';
import { handleDev } from './dev.js';
import { createHandlers } from './handlers.js';

export interface Service {
  readonly server: SwitchboardServer<ServerTypes>;
  readonly http: http.Server;
  readonly logger: Logger;
  /** Resolves once listening; the port is the real one (PORT=0 picks a free port). */
  listen(): Promise<AddressInfo>;
  /** Graceful: stop accepting, close every client with 1001, then stop the HTTP server. */
  close(): Promise<void>;
}

export function createService(config: ServiceConfig, logger: Logger = pino({ level: config.logLevel })): Service {
  const server = createServer(createHandlers({ chatEchoToSender: config.chatEchoToSender }), { ...config.server, logger });
  const devSecret = config.devSecret;
  const httpServer = http.createServer((request, response) => {
    if (server.handleRequest(request, response)) return;
    if (handleAdmin(server, config.adminToken, request, response)) return;
    if (devSecret !== null && handleDev(devSecret, request, response, (error) => logger.error({ err: error }, 'dev endpoint failed'))) return;
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
  });
  server.attach(httpServer);
  return {
    server,
    http: httpServer,
    logger,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          httpServer.off('error', reject);
          resolve(httpServer.address() as AddressInfo);
        });
      }),
    async close() {
      await server.close();
      httpServer.closeIdleConnections();
      await new Promise<void>((resolve, reject) => httpServer.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
