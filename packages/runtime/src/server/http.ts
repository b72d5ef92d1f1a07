/**
 * The HTTP beside the socket: `GET <path>/health` (`{status, active_connections,
 * unauthenticated_connections, uptime_seconds}`),
 * `GET /metrics` (Prometheus text), and the plain HTTP answers that refuse an upgrade.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ResolvedServerOptions } from './options.js';

export interface HealthReport {
  readonly status: 'ok' | 'shutting_down';
  /** Authenticated connections on this instance. */
  readonly active_connections: number;
  /** Sockets upgraded without a token, still waiting for their `auth` message. */
  readonly unauthenticated_connections: number;
  readonly uptime_seconds: number;
}

/** What the HTTP handler needs of the server. */
export interface HttpFacing {
  readonly options: ResolvedServerOptions;
  health(): HealthReport;
}

export function serveHttp(server: HttpFacing, request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (pathname === `${server.options.path}/health`) {
    const report = server.health();
    response.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify(report));
    return true;
  }
  if (pathname === '/metrics') {
    const registry = server.options.metrics.registry;
    registry.metrics().then(
      (text) => {
        response.writeHead(200, { 'content-type': registry.contentType });
        response.end(text);
      },
      (error: unknown) => {
        server.options.logger.error({ err: error }, 'metrics collection failed');
        response.writeHead(500).end();
      },
    );
    return true;
  }
  return false;
}

/**
 * Answers an upgrade with a plain HTTP status and closes the socket; `retryAfterSeconds` becomes
 * a `Retry-After` header (a refusal that waiting may cure).
 */
export function rejectUpgrade(socket: Duplex, status: number, text: string, retryAfterSeconds?: number): void {
  if (socket.destroyed) return;
  const retryAfter = retryAfterSeconds === undefined ? '' : `Retry-After: ${retryAfterSeconds}\r\n`;
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\n${retryAfter}Content-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

/** Whole seconds to wait for `ms` milliseconds, at least 1 (`Retry-After`, `retry_after`). */
export function retrySeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
