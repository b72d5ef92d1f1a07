/**
 * The server core's public types: what a handler sees, how it sends, and the shape of the
 * generated dispatch that routes service-owned messages to the service's handlers.
 */
import type { DataOf, ProtocolTypes } from '../protocol.js';

/** The authenticated user of a connection; always taken from the token, never from a message. */
export interface User {
  /** The token's `sub`. */
  readonly id: string;
  /** The token's `name`, or `sub` when it has none. */
  readonly name: string;
}

/** A live connection, as handlers see it. */
export interface ConnectionInfo {
  /** Assigned by the server, unique per process and instance. */
  readonly id: string;
  readonly user: User;
  /** Rooms the connection is in. */
  readonly rooms: ReadonlySet<string>;
  /** Events the connection is subscribed to. */
  readonly subscriptions: ReadonlySet<string>;
  /** The opaque label of the `/ws/{client_id}` alias, if the client used it. */
  readonly clientLabel: string | null;
  /** The client's IP address: the peer's, or from `X-Forwarded-For` when the peer is a trusted proxy. */
  readonly remoteAddress: string | null;
}

/**
 * Outbound data for `emit`: a room-scoped sequenced message is given without its `seq` and
 * `epoch`, which the runtime assigns from the room's sequence (a handler cannot forget them).
 */
export type EmitData<P extends ProtocolTypes, K extends keyof P['outbound'] & string> = K extends P['sequenced']
  ? Omit<DataOf<P['outbound'], K>, 'seq' | 'epoch'>
  : DataOf<P['outbound'], K>;

/** What one `emit` did. */
export interface Delivery {
  /** The envelope `id` the receivers see (they deduplicate on it). */
  readonly id: string;
  /** The room `seq` the message took, for sequenced room messages; otherwise `null`. */
  readonly seq: number | null;
}

/**
 * An immutable broadcast target: every method returns a new operator (socket.io's
 * `BroadcastOperator`). `emit` encodes the envelope once and writes the same frame to every
 * receiving socket, on this instance and, through the broker, on every other.
 */
export interface BroadcastOperator<P extends ProtocolTypes> {
  /** Also target the room `room`. */
  to(room: string): BroadcastOperator<P>;
  /** Leave out these connections (e.g. the sender). */
  except(...connectionIds: string[]): BroadcastOperator<P>;
  /**
   * Sends one message to the target. Resolves once every instance has it; rejects when the
   * broker fails (delivery is not silently lost). A sequenced type sent to exactly one room
   * takes that room's next `seq`.
   */
  emit<K extends keyof P['outbound'] & string>(type: K, data: EmitData<P, K>): Promise<Delivery>;
}

/** Typed sends to every kind of target: a connection, a user, a room, subscribers, everyone. */
export interface Senders<P extends ProtocolTypes> {
  /** One connection. */
  toConnection(connectionId: string): BroadcastOperator<P>;
  /** Every connection of a user; queued when the user has none and the message is not volatile. */
  toUser(userId: string): BroadcastOperator<P>;
  /** Every member of a room (chain `.except(id)` to leave some out). */
  toRoom(room: string): BroadcastOperator<P>;
  /** Every connection subscribed to the event. */
  toSubscribers(event: P['event']): BroadcastOperator<P>;
  /** Every connection. */
  toAll(): BroadcastOperator<P>;
}

/** What a service handler gets besides the message. */
export interface HandlerContext<P extends ProtocolTypes> {
  readonly connection: ConnectionInfo;
  readonly user: User;
  readonly send: Senders<P>;
  /** Joins the connection to a room, as a `room.join` would, without an authorization check. */
  joinRoom(room: string): Promise<void>;
  /** Throws `NOT_IN_ROOM` unless the connection is in the room. */
  assertInRoom(room: string): void;
  /**
   * A new id, unique across instances, for what the service names itself: the `data.id` of a
   * `chat.message`, for example (never the sender's envelope id, which is unique per sender only).
   */
  newId(): string;
  /**
   * The user's typing indicator in a room: `user.typing` to everyone in the room but the user's
   * own connections (on every instance). The runtime ends it (`is_typing: false`) when this
   * connection leaves the room or closes while the indicator is on. Rejects with `NOT_IN_ROOM`
   * unless the connection is in the room.
   */
  setTyping(room: string, isTyping: boolean): Promise<void>;
}

/** A reply the generated dispatch hands back: the runtime wraps it in an envelope. */
export type Reply<P extends ProtocolTypes> = {
  [K in keyof P['outbound'] & string]: { readonly type: K; readonly data: DataOf<P['outbound'], K> };
}[keyof P['outbound'] & string];

/**
 * The generated dispatch: routes a validated service-owned message to its handler and returns
 * the reply, if the operation has one. Built-in types never reach it.
 */
export type ServiceDispatch<P extends ProtocolTypes> = (
  message: P['inbound'],
  context: HandlerContext<P>,
) => Reply<P> | undefined | Promise<Reply<P> | undefined>;
