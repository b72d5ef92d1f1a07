/**
 * The messages the runtime reads and writes itself, by wire `type`: what its built-ins read of
 * a request, and every field they write. The runtime never imports generated code, so these
 * shapes are the runtime's side of a contract that generated code checks at compile time
 * (`BuiltinMismatches` in protocol.ts): a spec whose built-in messages no longer carry these
 * fields (a renamed `room_id`, a reply with a new required field) fails to compile.
 *
 * `E` is the protocol's event name type, so that event lists are checked as the spec's enum.
 */
import type { CloseCode, RuntimeErrorCode } from './errors.js';

/** What the built-ins read of each request they answer. */
export interface BuiltinRequests<E extends string = string> {
  readonly auth: { readonly token: string };
  readonly 'auth.refresh': { readonly token: string };
  readonly ping: { readonly pingId?: string };
  readonly heartbeat: { readonly pingId?: string };
  readonly subscribe: { readonly events: readonly E[] };
  readonly unsubscribe: { readonly events: readonly E[] };
  readonly 'room.join': { readonly room_id: string };
  readonly 'room.leave': { readonly room_id: string };
  readonly ack: { readonly room_id?: string; readonly seq?: number; readonly ids?: readonly string[] };
  readonly resume: {
    readonly last_seq: readonly { readonly room_id: string; readonly seq: number; readonly epoch?: string }[];
    readonly last_notification_id?: string;
  };
}

/** The features `connection.established` can announce (established.ts decides which). */
export type RuntimeFeature =
  | 'heartbeat'
  | 'subscriptions'
  | 'rate_limiting'
  | 'rooms'
  | 'presence'
  | 'typing'
  | 'acks'
  | 'resume'
  | 'offline_queue'
  | 'auth_refresh';

/** One user in a room's presence list. */
export interface RoomMemberData {
  user_id: string;
  username: string;
  connections: number;
  joined_at: string;
}

/** The limits `connection.established` announces. */
export interface AnnouncedLimits {
  max_message_size: number;
  message_rate_limit: number;
  message_rate_window_ms: number;
  max_connections_per_user: number;
  max_rooms_per_connection: number;
  max_content_length: number;
  offline_queue_size: number;
  idle_timeout_ms: number;
}

/** Every field the runtime writes into the messages it builds itself. */
export interface BuiltinMessages<E extends string = string> {
  'connection.established': {
    connection_id: string;
    user_id: string;
    username: string;
    server_time: string;
    protocol_version: string;
    features: RuntimeFeature[];
    heartbeat_interval_ms: number;
    limits: AnnouncedLimits;
    token_expires_at?: string;
  };
  'auth.refreshed': { expires_at: string };
  pong: { pingId?: string; timestamp: string };
  'subscription.confirmed': { events: E[]; subscriptions: E[] };
  'unsubscription.confirmed': { events: E[]; subscriptions: E[] };
  'room.joined': { room_id: string; members: RoomMemberData[]; member_count: number; epoch: string; last_seq: number };
  'room.left': { room_id: string };
  'resume.completed': { replayed: number; complete: boolean; rooms: { room_id: string; epoch: string; seq: number }[] };
  /** Sequenced: the broker adds `epoch` and `seq`. */
  'room.update': {
    room_id: string;
    event: 'client_joined' | 'client_left';
    user_id: string;
    username: string;
    timestamp: string;
    member_count: number;
    epoch: string;
    seq: number;
  };
  'presence.status': { user_id: string; username: string; status: 'online' | 'offline'; last_seen: string };
  /** `details` is left out: its keys vary by error, and the spec's closed schema is checked by the validator tests. */
  error: { code: RuntimeErrorCode; message: string; retry_after?: number; correlation_id?: string; close_code?: CloseCode };
}

export type BuiltinRequestType = keyof BuiltinRequests;
export type BuiltinMessageType = keyof BuiltinMessages;
