/**
 * One WebSocket and its listeners. The core lets go of a connection (`detach`) the moment it stops
 * caring, but the socket may still fire events afterwards (a socket closed while connecting fires
 * `error` then `close`); detaching silences them without removeEventListener bookkeeping.
 */
import type { ConnectionTarget, WebSocketLike, WebSocketLikeConstructor } from './transport.js';
import { READY_STATE } from './transport.js';

export interface ConnectionHandlers {
  /** The upgrade succeeded; the server has not necessarily admitted the connection yet. */
  readonly onOpen: () => void;
  readonly onFrame: (data: unknown) => void;
  readonly onError: (event: unknown) => void;
  readonly onClose: (code: number, reason: string) => void;
}

export class Connection {
  /** Settles when the socket fires `close`, attached or not. */
  readonly closed: Promise<void>;
  readonly #socket: WebSocketLike;
  #attached = true;

  /** @throws whatever the WebSocket constructor throws (a bad subprotocol, a SecurityError). */
  constructor(WebSocket: WebSocketLikeConstructor, target: ConnectionTarget, handlers: ConnectionHandlers) {
    const socket = new WebSocket(target.url, target.protocols);
    this.#socket = socket;
    let markClosed: () => void = () => undefined;
    this.closed = new Promise<void>((resolve) => {
      markClosed = resolve;
    });
    socket.addEventListener('open', () => {
      if (this.#attached) handlers.onOpen();
    });
    socket.addEventListener('message', (event) => {
      if (this.#attached) handlers.onFrame(event.data);
    });
    socket.addEventListener('error', (event) => {
      if (this.#attached) handlers.onError(event);
    });
    socket.addEventListener('close', (event) => {
      markClosed();
      if (this.#attached) handlers.onClose(event.code, event.reason);
    });
  }

  /** Open and not closing: a frame sent now goes out. */
  get writable(): boolean {
    return this.#socket.readyState === READY_STATE.OPEN;
  }

  send(frame: string): void {
    this.#socket.send(frame);
  }

  /** Stops delivering events and closes the socket if it is still connecting or open. */
  detach(code: number | undefined, reason: string): void {
    this.#attached = false;
    const state = this.#socket.readyState;
    if (state !== READY_STATE.CONNECTING && state !== READY_STATE.OPEN) return;
    // A reason without a code is not something the protocol can carry (RFC 6455 section 5.5.1).
    if (code === undefined) this.#socket.close();
    else this.#socket.close(code, reason);
  }
}
