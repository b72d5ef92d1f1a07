/**
 * The load generator's two wire dialects, behind one small connection interface so every
 * scenario runs the same code against every server:
 *
 * - `envelope`: Switchboard's protocol (and the raw ws server's copy of it): `?token=`,
 *   `connection.established` first, requests correlated by `correlation_id`.
 * - `socketio`: Engine.IO v4 / Socket.IO v5 spoken directly over a `ws` client (`0` open,
 *   `40{auth}` connect, `42[event,data]`, `42<id>[...]` with `43<id>[reply]` acks, `2`/`3`
 *   heartbeats). Not socket.io-client: with the same `ws` client underneath, the load generator
 *   spends the same per frame on every server, so on a shared 2-core machine a difference in
 *   client cost does not show up as a difference between servers. The smoke test checks the
 *   Socket.IO server with the real socket.io-client.
 */
import { WebSocket } from 'ws';

/**
 * @typedef {'envelope' | 'socketio'} Dialect
 * @typedef {{ type: string, data: any }} Reply
 * @typedef {{
 *   onFrame?: (text: string) => boolean,
 *   onMessage?: (message: { type: string, data: any }) => void,
 *   onClose?: (code: number) => void,
 *   onInvalid?: (text: string) => void,
 * }} Hooks
 */

export class ProtocolFailure extends Error {
  /**
   * @param {string} code
   * @param {string} message
   */
  constructor(code, message) {
    super(message);
    this.name = 'ProtocolFailure';
    this.code = code;
  }
}

const REPLIES = Object.freeze({ ping: 'pong', 'room.join': 'room.joined', 'chat.send': 'chat.sent', subscribe: 'subscription.confirmed' });

/** One client connection; `ready` settles once the server has admitted it. */
export class Conn {
  /** @type {Map<string, { resolve: (reply: Reply) => void, reject: (error: Error) => void, expect: string }>} */
  #pending = new Map();
  #next = 0;
  #closedByUs = false;
  /** @type {WebSocket} */
  ws;
  /** @type {Promise<void>} */
  ready;

  /**
   * @param {Dialect} dialect
   * @param {string} baseUrl ws://127.0.0.1:<port>
   * @param {string} token
   * @param {string} prefix request id prefix, unique per connection
   * @param {Hooks} hooks
   */
  constructor(dialect, baseUrl, token, prefix, hooks = {}) {
    this.dialect = dialect;
    this.prefix = prefix;
    this.hooks = hooks;
    const url = dialect === 'envelope' ? `${baseUrl}/ws?token=${token}` : `${baseUrl}/socket.io/?EIO=4&transport=websocket`;
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ready = new Promise((resolve, reject) => {
      this.ws.once('error', reject);
      this.ws.once('unexpected-response', (_request, response) => reject(new ProtocolFailure('HTTP_' + response.statusCode, `upgrade refused: ${response.statusCode}`)));
      this.ws.once('close', (code) => reject(new ProtocolFailure('CLOSED', `closed with ${code} before admission`)));
      this.#admit = () => {
        this.ws.removeListener('error', reject);
        this.ws.on('error', () => undefined);
        resolve();
      };
      this.#refuse = reject;
    });
    this.ws.on('message', (raw) => this.#receive(raw.toString()));
    this.ws.on('close', (code) => {
      const error = new ProtocolFailure('CLOSED', `connection closed with ${code}`);
      for (const entry of this.#pending.values()) entry.reject(error);
      this.#pending.clear();
      if (!this.#closedByUs) this.hooks.onClose?.(code);
    });
    if (dialect === 'socketio') this.#token = token;
  }

  /** @type {() => void} */
  #admit = () => undefined;
  /** @type {(error: Error) => void} */
  #refuse = () => undefined;
  #token = '';
  #admitted = false;

  get pendingCount() {
    return this.#pending.size;
  }

  /**
   * A request with a correlated reply: `ping`, `room.join`, `chat.send`, `subscribe`.
   * @param {'ping' | 'room.join' | 'chat.send' | 'subscribe'} type
   * @param {object} data
   * @returns {Promise<Reply>}
   */
  request(type, data) {
    const n = this.#next++;
    const expect = REPLIES[type];
    return new Promise((resolve, reject) => {
      if (this.dialect === 'envelope') {
        const id = `${this.prefix}-${n}`;
        this.#pending.set(id, { resolve, reject, expect });
        this.ws.send(`{"type":"${type}","id":"${id}","timestamp":"${new Date().toISOString()}","data":${JSON.stringify(data)}}`);
      } else {
        const id = String(n);
        this.#pending.set(id, { resolve, reject, expect });
        this.ws.send(`42${id}${JSON.stringify([type, data])}`);
      }
    });
  }

  close() {
    this.#closedByUs = true;
    this.ws.close(1000);
  }

  terminate() {
    this.#closedByUs = true;
    this.ws.terminate();
  }

  /** @param {string} text */
  #receive(text) {
    if (this.hooks.onFrame?.(text)) return;
    if (this.dialect === 'envelope') this.#receiveEnvelope(text);
    else this.#receiveSocketIo(text);
  }

  /** @param {string} text */
  #receiveEnvelope(text) {
    /** @type {any} */
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      this.hooks.onInvalid?.(text);
      return;
    }
    if (!this.#admitted) {
      if (message.type === 'connection.established') {
        this.#admitted = true;
        this.#admit();
      } else {
        this.#refuse(new ProtocolFailure('UNEXPECTED', `first message was ${String(message.type)}`));
      }
      this.hooks.onMessage?.(message);
      return;
    }
    const correlation = message.correlation_id;
    const entry = typeof correlation === 'string' ? this.#pending.get(correlation) : undefined;
    if (entry) {
      this.#pending.delete(correlation);
      if (message.type === entry.expect) entry.resolve(message);
      else entry.reject(new ProtocolFailure(message.data?.code ?? 'UNEXPECTED', `${message.type}: ${message.data?.message ?? ''}`));
    }
    this.hooks.onMessage?.(message);
  }

  /** @param {string} text */
  #receiveSocketIo(text) {
    const kind = text.charCodeAt(0);
    if (kind === 50 /* '2' ping */) {
      this.ws.send('3');
      return;
    }
    if (kind === 48 /* '0' open */) {
      this.ws.send(`40${JSON.stringify({ token: this.#token })}`);
      return;
    }
    if (kind !== 52 /* '4' message */) return;
    const packet = text.charCodeAt(1);
    if (packet === 48 /* '0' CONNECT */) {
      this.#admitted = true;
      this.#admit();
      return;
    }
    if (packet === 52 /* '4' CONNECT_ERROR */) {
      this.#refuse(new ProtocolFailure('AUTH_FAILED', `connect error ${text.slice(2)}`));
      return;
    }
    if (packet === 49 /* '1' DISCONNECT */) {
      this.hooks.onClose?.(1000);
      return;
    }
    let at = 2;
    while (at < text.length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at += 1;
    const ackId = text.slice(2, at);
    /** @type {any} */
    let body;
    try {
      body = JSON.parse(text.slice(at));
    } catch {
      this.hooks.onInvalid?.(text);
      return;
    }
    if (packet === 51 /* '3' ACK */) {
      const entry = this.#pending.get(ackId);
      if (!entry) return;
      this.#pending.delete(ackId);
      const data = body[0];
      if (data && typeof data === 'object' && 'error' in data) entry.reject(new ProtocolFailure(data.error?.code ?? 'UNEXPECTED', data.error?.message ?? ''));
      else entry.resolve({ type: entry.expect, data });
      return;
    }
    if (packet === 50 /* '2' EVENT */) this.hooks.onMessage?.({ type: body[0], data: body[1] });
  }
}
