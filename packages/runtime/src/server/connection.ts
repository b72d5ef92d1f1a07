/**
 * One accepted WebSocket: who it is, where it is (rooms, subscriptions), and a bounded send path
 * (a slow reader cannot grow the server's memory): past the send-buffer limit volatile frames
 * are dropped, and a connection that stays past it for the grace period is closed with 4003
 * (slow consumer).
 */
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import type { Broadcast } from '../broker/types.js';
import { CloseCodes, type CloseCode } from '../errors.js';
import { underlyingSocket, type TextFrame } from './frame.js';
import { HeldRoom } from './held-room.js';
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

/** The rooms or subscriptions of a connection that has none: shared, so it refuses to grow. */
const NONE: ReadonlySet<string> = new (class EmptySet extends Set<string> {
  override add(): never {
    throw new TypeError('connection.rooms and connection.subscriptions are read-only: join or subscribe through the server');
  }
})();

/** A frame as ws hands it over, before the inbound pipeline has looked at it. */
export interface InboundFrame {
  readonly data: RawData;
  readonly isBinary: boolean;
}

export class Connection implements ConnectionInfo {
  // Made on first use: most connections of a large server are in no room or subscribed to
  // nothing, and an empty Set costs ~150 bytes. Written only through the registry.
  #rooms: Set<string> | null = null;
  #subscriptions: Set<string> | null = null;
  /** Last time anything arrived from the peer (frames and pongs), in ms. */
  lastSeen = Date.now();
  /** `null` until the connection has authenticated (token in an `auth` message). */
  #user: User | null;
  #slowSince: number | null = null;
  /** Set while a spell over the send-buffer limit waits to be judged (`checkSlow`). */
  #slowTimer: NodeJS.Timeout | null = null;
  #closed = false;
  #expiryTimer: NodeJS.Timeout | null = null;
  /** Rate-limit errors are sent at most once per second per connection (asyncapi.yaml, "Limits"). */
  lastRateLimitErrorAt = 0;
  /** Frames that arrived while an earlier one was still being handled (inbound.ts); `null` when none is. */
  backlog: InboundFrame[] | null = null;
  /** Rooms whose replay runs or has just run (held-room.ts); `null` when none, so delivery pays one comparison. */
  held: Map<string, HeldRoom> | null = null;
  /** Where frames are written (frame.ts): the socket under the WebSocket. */
  readonly #wire: Duplex;
  /** The last turn this connection was written to, and whether its socket is corked (see `endTurn`). */
  #turn = -1;
  #corked = false;

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
    this.#wire = underlyingSocket(socket);
  }

  get user(): User {
    if (this.#user === null) throw new Error(`connection ${this.id} is not authenticated yet`);
    return this.#user;
  }

  get rooms(): ReadonlySet<string> {
    return this.#rooms ?? NONE;
  }

  get subscriptions(): ReadonlySet<string> {
    return this.#subscriptions ?? NONE;
  }

  /** Records membership (registry.ts keeps the index the other way round). */
  addRoom(room: string): void {
    (this.#rooms ??= new Set()).add(room);
  }

  deleteRoom(room: string): void {
    this.#rooms?.delete(room);
    this.unhold(room);
  }

  addSubscription(event: string): void {
    (this.#subscriptions ??= new Set()).add(event);
  }

  deleteSubscription(event: string): void {
    this.#subscriptions?.delete(event);
  }

  /**
   * From now until `release(room)`, broadcasts to `room` are kept instead of written, so that a
   * replay of the room's history can go out first and live messages cannot overtake it.
   */
  hold(room: string, sequenced: ReadonlySet<string>): void {
    (this.held ??= new Map()).set(room, new HeldRoom(sequenced));
  }

  /**
   * Stops keeping `room`'s broadcasts; returns those to write now, oldest first (held-room.ts:
   * less what the replay sent, through `through` of `epoch`), and the room's last seq written.
   */
  release(room: string, epoch: string, through: number): { readonly send: readonly Broadcast[]; readonly through: number } {
    const gate = this.held?.get(room);
    if (!gate) return { send: [], through };
    return { send: gate.release(epoch, through), through: gate.through };
  }

  /** Takes a broadcast to a held room (registry.ts); false when it is to be written now. */
  keep(broadcast: Broadcast): boolean {
    const held = this.held;
    if (held === null) return false;
    for (const target of broadcast.targets) {
      if (target.kind !== 'room') continue;
      const gate = held.get(target.room);
      if (!gate) continue;
      const verdict = gate.take(broadcast);
      if (verdict === 'taken') return true;
      if (verdict === 'caught-up') this.unhold(target.room);
      return false;
    }
    return false;
  }

  /** Forgets how `room` was held (see `hold`). */
  unhold(room: string): void {
    this.held?.delete(room);
    if (this.held?.size === 0) this.held = null;
  }

  get authenticated(): boolean {
    return this.#user !== null;
  }

  get closed(): boolean {
    return this.#closed || this.socket.readyState !== this.socket.OPEN;
  }

  /** Sets who the connection is: once it authenticates, and again when `auth.refresh` renames the user. */
  authenticate(user: User): void {
    this.#user = user;
  }

  /** Schedules `onExpire(this)` at the token's expiry, replacing any earlier schedule. */
  expireAt(expiresAt: number | null, onExpire: (connection: Connection) => void): void {
    if (this.#expiryTimer) clearTimeout(this.#expiryTimer);
    this.#expiryTimer = null;
    if (expiresAt === null) return;
    // setTimeout overflows past 2^31-1 ms (~24.8 days); a longer-lived token is re-armed then.
    // No closure per connection: the timer carries its arguments.
    const delay = Math.min(Math.max(0, expiresAt - Date.now()), 2_147_483_647);
    this.#expiryTimer = setTimeout(fireExpiry, delay, this, expiresAt, onExpire);
    this.#expiryTimer.unref();
  }

  /**
   * Writes a frame unless the connection is gone or (for a volatile frame) its buffer is full.
   * A broadcast writes the same frame to every receiver: it is framed once (frame.ts).
   */
  send(frame: TextFrame, volatile: boolean): boolean {
    if (this.closed) return false;
    const buffered = this.socket.bufferedAmount;
    if (buffered > this.limits.sendBufferLimit) {
      const now = Date.now();
      if (this.#slowSince === null) {
        this.#slowSince = now;
        // Judged again when the grace period ends, whether or not anything else is sent by then.
        this.#slowTimer ??= setTimeout(checkSlow, this.limits.slowConsumerGraceMs, this).unref();
      } else if (now - this.#slowSince >= this.limits.slowConsumerGraceMs) {
        this.#cutSlow();
        return false;
      }
      if (volatile) {
        this.events.onDrop(this);
        return false;
      }
    } else {
      this.#slowSince = null;
    }
    if (this.#turn !== turn) {
      // The first frame of a turn goes out at once.
      this.#turn = turn;
      if (!turnEnding) {
        turnEnding = true;
        setImmediate(endTurn);
      }
    } else if (!this.#corked) {
      // From the second one on, this turn's frames wait for its end and leave together.
      this.#corked = true;
      this.#wire.cork();
      corked.push(this);
    }
    this.#wire.write(frame);
    return true;
  }

  /** Hands this turn's gathered frames to the kernel (see `endTurn`). */
  uncork(): void {
    this.#corked = false;
    this.#wire.uncork();
  }

  close(code: CloseCode, reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    this.closeCode = code;
    if (this.#expiryTimer) clearTimeout(this.#expiryTimer);
    this.socket.close(code, reason);
  }

  /** The close code this side chose, when it closed the connection (kept when the socket had to be destroyed). */
  closeCode: CloseCode | null = null;

  /** The end of a grace period: still over the limit means a slow consumer. */
  checkSlow(): void {
    this.#slowTimer = null;
    if (this.#slowSince === null || this.#closed) return;
    if (this.socket.bufferedAmount <= this.limits.sendBufferLimit) {
      this.#slowSince = null;
      return;
    }
    // The buffer may have drained and filled again since the timer was set: judge the current spell.
    const waited = Date.now() - this.#slowSince;
    if (waited >= this.limits.slowConsumerGraceMs) this.#cutSlow();
    else this.#slowTimer = setTimeout(checkSlow, this.limits.slowConsumerGraceMs - waited, this).unref();
  }

  /**
   * Closes with 4003. The close frame waits behind everything already buffered, which a client
   * that stopped reading never takes: while the buffer does not shrink between two looks, or
   * once `SLOW_CONSUMER_LINGER_MS` has passed, the socket is destroyed, so a dead reader is cut
   * in bounded time. A client that is reading, only slowly, gets to read its way to the 4003.
   */
  #cutSlow(): void {
    this.close(CloseCodes.SLOW_CONSUMER, 'slow consumer: send buffer over its limit');
    setTimeout(lingerSlow, SLOW_CONSUMER_LOOK_MS, this, this.socket.bufferedAmount, Date.now() + SLOW_CONSUMER_LINGER_MS).unref();
  }

  /** Called once the socket is closed, whoever closed it. */
  dispose(): void {
    this.#closed = true;
    if (this.#slowTimer) clearTimeout(this.#slowTimer);
    this.#slowTimer = null;
    this.held = null;
    if (this.#expiryTimer) clearTimeout(this.#expiryTimer);
    this.#expiryTimer = null;
  }
}

/**
 * Turns of the event loop in which frames were written, numbered. A connection's first frame of
 * a turn is written at once; from its second one on, its socket is corked until every callback
 * of the turn has run, then gets the rest in one `writev`: ten replies to ten pipelined
 * requests, or a burst of room messages to one member, cost two system calls instead of ten,
 * while a broadcast (one frame per socket) and a lone reply are not held back at all. (Corking
 * from the first frame held every first frame to the end of a busy turn: fan-out p99 latency
 * 21.9-25.3 ms against 17.0-17.5 ms this way, bench README.)
 */
let turn = 0;
let turnEnding = false;
const corked: Connection[] = [];

function endTurn(): void {
  turnEnding = false;
  turn += 1;
  for (const connection of corked.splice(0)) connection.uncork();
}

/** How long a slow consumer's close may wait for the client to read up to the close frame. */
export const SLOW_CONSUMER_LINGER_MS = 5000;
/** How often the buffer of a closing slow consumer is looked at. */
const SLOW_CONSUMER_LOOK_MS = 250;

function checkSlow(connection: Connection): void {
  connection.checkSlow();
}

function lingerSlow(connection: Connection, buffered: number, deadline: number): void {
  const { socket } = connection;
  if (socket.readyState === socket.CLOSED) return;
  const left = socket.bufferedAmount;
  // Stalled: bytes are waiting and none left since the last look. Past the deadline the client
  // may have read everything up to the close frame yet not answered it: either way, cut.
  if ((left > 0 && left >= buffered) || Date.now() >= deadline) {
    socket.terminate();
    return;
  }
  setTimeout(lingerSlow, SLOW_CONSUMER_LOOK_MS, connection, left, deadline).unref();
}

function fireExpiry(connection: Connection, expiresAt: number, onExpire: (connection: Connection) => void): void {
  if (Date.now() >= expiresAt) onExpire(connection);
  else connection.expireAt(expiresAt, onExpire);
}
