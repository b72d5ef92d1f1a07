/**
 * One accepted WebSocket: who it is, where it is (rooms, subscriptions), and a bounded send path
 * (STYLE.md 9): past the send-buffer limit volatile frames are dropped, and a connection that
 * stays past it for the grace period is closed with 4003 (slow consumer).
 */
import type { WebSocket } from 'ws';
import { CloseCodes, type CloseCode } from '../errors.js';
import type { ConnectionInfo, User } from './types.js';

export interface ConnectionLimits {
  readonly sendBufferLimit: number;
  readonly slowConsumerGraceMs: number;
}

/** What a connection reports back to its server. */
export interface ConnectionEvents {
  /** A volatile frame was dropped because the send buffer was full. */
  onDrop(connection: Connection): void;
}

export class Connection implements ConnectionInfo {
  readonly rooms = new Set<string>();
  readonly subscriptions = new Set<string>();
  /** Last time anything arrived from the peer (frames and pongs), in ms. */
  lastSeen = Date.now();
  /** `null` until the connection has authenticated (token in an `auth` message). */
  #user: User | null;
  #slowSince: number | null = null;
  #closed = false;
  #expiryTimer: NodeJS.Timeout | null = null;
  /** Rate-limit errors are sent at most once per second per connection (asyncapi.yaml, "Limits"). */
  lastRateLimitErrorAt = 0;

  constructor(
    readonly id: string,
    readonly socket: WebSocket,
    user: User | null,
    readonly clientLabel: string | null,
    readonly remoteAddress: string | null,
    private readonly limits: ConnectionLimits,
    private readonly events: ConnectionEvents,
  ) {
    this.#user = user;
  }

  get user(): User {
    if (this.#user === null) throw new Error(`connection ${this.id} is not authenticated yet`);
    return this.#user;
  }

  get authenticated(): boolean {
    return this.#user !== null;
  }

  get closed(): boolean {
    return this.#closed || this.socket.readyState !== this.socket.OPEN;
  }

  authenticate(user: User): void {
    this.#user = user;
  }

  /** Schedules `onExpire` at the token's expiry, replacing any earlier schedule. */
  expireAt(expiresAt: number | null, onExpire: () => void): void {
    if (this.#expiryTimer) clearTimeout(this.#expiryTimer);
    this.#expiryTimer = null;
    if (expiresAt === null) return;
    // setTimeout overflows past 2^31-1 ms (~24.8 days); a longer-lived token is re-armed then.
    const delay = Math.min(Math.max(0, expiresAt - Date.now()), 2_147_483_647);
    this.#expiryTimer = setTimeout(() => {
      if (Date.now() >= expiresAt) onExpire();
      else this.expireAt(expiresAt, onExpire);
    }, delay);
    this.#expiryTimer.unref();
  }

  /**
   * Writes a frame unless the connection is gone or (for a volatile frame) its buffer is full.
   * `frame` is a Buffer when the same bytes go to many sockets (encoded once per broadcast).
   */
  send(frame: string | Buffer, volatile: boolean): boolean {
    if (this.closed) return false;
    const buffered = this.socket.bufferedAmount;
    if (buffered > this.limits.sendBufferLimit) {
      const now = Date.now();
      this.#slowSince ??= now;
      if (now - this.#slowSince >= this.limits.slowConsumerGraceMs) {
        this.close(CloseCodes.SLOW_CONSUMER, 'slow consumer: send buffer over its limit');
        return false;
      }
      if (volatile) {
        this.events.onDrop(this);
        return false;
      }
    } else {
      this.#slowSince = null;
    }
    this.socket.send(frame, { binary: false });
    return true;
  }

  close(code: CloseCode, reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#expiryTimer) clearTimeout(this.#expiryTimer);
    this.socket.close(code, reason);
  }

  /** Called once the socket is closed, whoever closed it. */
  dispose(): void {
    this.#closed = true;
    if (this.#expiryTimer) clearTimeout(this.#expiryTimer);
    this.#expiryTimer = null;
  }
}
