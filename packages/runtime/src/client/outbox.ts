/**
 * Where an outbound message goes: straight to the socket when open, into the send queue when not,
 * into the handshake queue for a hand-made `auth` while no socket is open, or nowhere for a
 * volatile type while not open (asyncapi.yaml, "Extensions": volatile messages
 * are never queued, because a typing indicator or a ping replayed minutes later is wrong).
 */
import type { Connection } from './connection.js';
import type { OutboundEnvelope } from './envelope.js';
import { SendQueue, type QueuedFrame } from './send-queue.js';

export type Transmission = 'sent' | 'queued' | 'dropped';

export class Outbox {
  readonly #queue: SendQueue;
  /**
   * Hand-made `auth` messages waiting for a socket. They cannot wait in `#queue`, which is flushed
   * on `connection.established`: on a connection opened without a token only they can bring it.
   */
  readonly #handshake: SendQueue;
  readonly #volatile: ReadonlySet<string>;

  constructor(queueLimit: number, volatile: readonly string[]) {
    this.#queue = new SendQueue(queueLimit);
    this.#handshake = new SendQueue(queueLimit);
    this.#volatile = new Set(volatile);
  }

  /**
   * @param connection the connection to write to, or null when there is none: the open one for an
   *   ordinary message; for a handshake message, the current one, admitted by the server or not.
   * @param handshake the message authenticates the connection: held until a socket opens (not
   *   until `connection.established`), then sent before anything else.
   * @throws SendQueueFullError when the frame had to be queued and the queue is full.
   */
  transmit(envelope: OutboundEnvelope, connection: Connection | null, handshake = false): Transmission {
    const frame = JSON.stringify(envelope);
    // A socket already closing (its close event not yet fired) would silently discard the frame;
    // queued, it goes out on the next connection instead.
    if (connection?.writable === true) {
      connection.send(frame);
      return 'sent';
    }
    const queued = { id: envelope.id, type: envelope.type, frame };
    if (handshake) {
      this.#handshake.push(queued);
      return 'queued';
    }
    if (this.#volatile.has(envelope.type)) return 'dropped';
    this.#queue.push(queued);
    return 'queued';
  }

  /** Sends the held handshake messages, oldest first: the socket is open, the server waits for them. */
  flushHandshake(connection: Connection, onSent: (id: string) => void): void {
    Outbox.#send(this.#handshake, connection, onSent);
  }

  /** Sends everything queued, oldest first: the server has admitted the connection. */
  flush(connection: Connection, onSent: (id: string) => void): void {
    Outbox.#send(this.#queue, connection, onSent);
  }

  /** Takes a message out of the queue before it is sent (a request that timed out or was aborted). */
  remove(id: string): void {
    if (!this.#handshake.remove(id)) this.#queue.remove(id);
  }

  /** Empties the queues without sending; returns what they held. */
  discard(): QueuedFrame[] {
    return [...this.#handshake.drain(), ...this.#queue.drain()];
  }

  static #send(queue: SendQueue, connection: Connection, onSent: (id: string) => void): void {
    for (const queued of queue.drain()) {
      connection.send(queued.frame);
      onSent(queued.id);
    }
  }
}
