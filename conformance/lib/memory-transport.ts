/**
 * An in-memory transport for the server: a pair of connected streams stands in for a TCP
 * connection. The server side is handed to a node HTTP server that never listens (it parses the
 * upgrade request as from any socket), the client side to a `ws` client as its connection. So a
 * test can run the real server and real clients with no port, no kernel buffers and no network
 * timing: what arrives when is up to the test.
 */
import http from 'node:http';
import type net from 'node:net';
import { Duplex } from 'node:stream';
import { WebSocket } from 'ws';

/** Two ends of one connection: what one writes, the other reads. */
export function streamPair(): [Duplex, Duplex] {
  const ends: Duplex[] = [];
  const make = (index: 0 | 1): Duplex =>
    new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, done) {
        (ends[1 - index] as Duplex).push(chunk);
        done();
      },
      final(done) {
        (ends[1 - index] as Duplex).push(null);
        done();
      },
      destroy(error, done) {
        const other = ends[1 - index] as Duplex;
        if (!other.destroyed) other.push(null);
        done(error);
      },
    });
  ends.push(make(0), make(1));
  return [ends[0] as Duplex, ends[1] as Duplex];
}

/** An HTTP server that takes connections only from `connect`, never from the network. */
export interface MemoryHost {
  readonly http: http.Server;
  /** Opens a WebSocket to `path` over a new in-memory connection. */
  connect(path: string, protocols?: string[]): WebSocket;
}

export function memoryHost(handler: http.RequestListener = (_request, response) => response.writeHead(404).end()): MemoryHost {
  const server = http.createServer(handler);
  return {
    http: server,
    connect(path, protocols = []) {
      const [serverEnd, clientEnd] = streamPair();
      server.emit('connection', serverEnd);
      // ws only reads, writes and ends what `createConnection` returns; its type asks for a
      // net.Socket, which a stream pair stands in for here.
      const createConnection = (() => clientEnd) as unknown as typeof net.createConnection;
      return new WebSocket(`ws://memory.invalid${path}`, protocols, { createConnection });
    },
  };
}
