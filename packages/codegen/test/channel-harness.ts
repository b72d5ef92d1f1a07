/**
 * A generated channel server served over real sockets for a test: attached to an HTTP server on
 * an ephemeral 127.0.0.1 port, with the client sockets the test opens closed with it.
 */
import { once } from 'node:events';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Attachable {
  attach(http: HttpServer): void;
  close(): Promise<void>;
}

export interface Served {
  /** `ws://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Keeps `socket` to be closed by `stop`, and returns it. */
  track<S extends { close(): void }>(socket: S): S;
  /** Closes the tracked sockets, the channel server and the HTTP server. */
  stop(): Promise<void>;
}

export async function serveOnLoopback(server: Attachable): Promise<Served> {
  const http = createHttpServer();
  server.attach(http);
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const sockets: { close(): void }[] = [];
  return {
    origin: `ws://127.0.0.1:${(http.address() as AddressInfo).port}`,
    track: (socket) => {
      sockets.push(socket);
      return socket;
    },
    stop: async () => {
      for (const socket of sockets) socket.close();
      await server.close();
      http.close();
    },
  };
}
