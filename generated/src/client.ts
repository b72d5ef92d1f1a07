// generated from asyncapi.yaml by @switchboard/codegen - do not edit

import type { ClientProtocol } from '@switchboard/runtime';
import { ClientCore, type ClientOptions, type ClientState, type RequestOptions, type Unsubscribe } from '@switchboard/runtime/client';
import type { ServerMessage } from './messages.js';
import type { AckData, AuthData, AuthRefreshData, AuthRefreshedEnvelope, ChatSendData, ChatSentEnvelope, ConnectionEstablishedEnvelope, HeartbeatData, PingData, PongEnvelope, ResumeCompletedEnvelope, ResumeData, RoomJoinData, RoomJoinedEnvelope, RoomLeaveData, RoomLeftEnvelope, SubscribeData, SubscriptionConfirmedEnvelope, TypingData, UnsubscribeData, UnsubscriptionConfirmedEnvelope, UploadCancelData, UploadCancelledEnvelope } from './types.js';
import { validateServerMessage } from './validators.js';

/**
 * What the runtime's client core needs to know about the protocol at run time: the validator of
 * server messages, each request's replies, and the volatile types it never queues while disconnected.
 */
export const clientProtocol: ClientProtocol<ServerMessage> = {
  version: '1.0.0',
  validate: validateServerMessage,
  replies: {
    'auth': ['connection.established', 'error'],
    'auth.refresh': ['auth.refreshed', 'error'],
    'ping': ['pong', 'error'],
    'heartbeat': ['pong', 'error'],
    'subscribe': ['subscription.confirmed', 'error'],
    'unsubscribe': ['unsubscription.confirmed', 'error'],
    'room.join': ['room.joined', 'error'],
    'room.leave': ['room.left', 'error'],
    'chat.send': ['chat.sent', 'error'],
    'upload.cancel': ['upload.cancelled', 'error'],
    'resume': ['resume.completed', 'error'],
  },
  volatile: ['ping', 'heartbeat', 'typing'],
};

/**
 * A typed client of Switchboard 1.0.0: one method per operation a client starts,
 * typed by the spec, and `on(type, handler)` for every message the server sends. Connection state,
 * reconnects, resume and the offline send queue are the runtime's (`core`).
 * @example
 * ```ts
 * import { Client } from '@switchboard/protocol/client';
 *
 * const client = new Client({ url: 'ws://localhost:8000/ws', token: getToken });
 * await client.connect();
 * const reply = await client.chatSend({ room_id: 'general', content: 'Hello, world!' });
 * const stop = client.on('chat.message', (message) => console.log(message.data));
 * ```
 */
export class Client {
  /** The runtime client underneath: state machine, reconnects, queues. */
  readonly core: ClientCore<ServerMessage>;

  constructor(options: ClientOptions) {
    this.core = new ClientCore(clientProtocol, options);
  }

  /** The connection's state. */
  get state(): ClientState {
    return this.core.state;
  }

  /** Opens the connection. */
  connect(): Promise<void> {
    return this.core.connect();
  }

  /** Closes the connection for good: no reconnect follows. */
  close(code?: number, reason?: string): Promise<void> {
    return this.core.close(code, reason);
  }

  /**
   * Authenticate a connection that was opened without a token.
   *
   * Operation `auth`; resolves with the `connection.established` reply; an `error` reply rejects it.
   */
  auth(data: AuthData, options?: RequestOptions): Promise<ConnectionEstablishedEnvelope> {
    return this.core.request<ConnectionEstablishedEnvelope>('auth', data, options);
  }

  /**
   * Replace the connection's token before it expires.
   *
   * Operation `authRefresh`; resolves with the `auth.refreshed` reply; an `error` reply rejects it.
   */
  authRefresh(data: AuthRefreshData, options?: RequestOptions): Promise<AuthRefreshedEnvelope> {
    return this.core.request<AuthRefreshedEnvelope>('auth.refresh', data, options);
  }

  /**
   * Application-level keep-alive and latency probe.
   *
   * Operation `ping`; resolves with the `pong` reply; an `error` reply rejects it. Volatile: never queued while disconnected.
   */
  ping(data: PingData, options?: RequestOptions): Promise<PongEnvelope> {
    return this.core.request<PongEnvelope>('ping', data, options);
  }

  /**
   * Alias of ping without a ping id.
   *
   * Operation `heartbeat`; resolves with the `pong` reply; an `error` reply rejects it. Volatile: never queued while disconnected.
   */
  heartbeat(data: HeartbeatData, options?: RequestOptions): Promise<PongEnvelope> {
    return this.core.request<PongEnvelope>('heartbeat', data, options);
  }

  /**
   * Add event names to the connection's subscriptions.
   *
   * Operation `subscribe`; resolves with the `subscription.confirmed` reply; an `error` reply rejects it.
   */
  subscribe(data: SubscribeData, options?: RequestOptions): Promise<SubscriptionConfirmedEnvelope> {
    return this.core.request<SubscriptionConfirmedEnvelope>('subscribe', data, options);
  }

  /**
   * Remove event names from the connection's subscriptions.
   *
   * Operation `unsubscribe`; resolves with the `unsubscription.confirmed` reply; an `error` reply rejects it.
   */
  unsubscribe(data: UnsubscribeData, options?: RequestOptions): Promise<UnsubscriptionConfirmedEnvelope> {
    return this.core.request<UnsubscriptionConfirmedEnvelope>('unsubscribe', data, options);
  }

  /**
   * Add the connection to a room.
   *
   * Operation `roomJoin`; resolves with the `room.joined` reply; an `error` reply rejects it.
   */
  roomJoin(data: RoomJoinData, options?: RequestOptions): Promise<RoomJoinedEnvelope> {
    return this.core.request<RoomJoinedEnvelope>('room.join', data, options);
  }

  /**
   * Remove the connection from a room.
   *
   * Operation `roomLeave`; resolves with the `room.left` reply; an `error` reply rejects it.
   */
  roomLeave(data: RoomLeaveData, options?: RequestOptions): Promise<RoomLeftEnvelope> {
    return this.core.request<RoomLeftEnvelope>('room.leave', data, options);
  }

  /**
   * Post a chat message to a room the connection has joined.
   *
   * Operation `chatSend`; resolves with the `chat.sent` reply; an `error` reply rejects it.
   */
  chatSend(data: ChatSendData, options?: RequestOptions): Promise<ChatSentEnvelope> {
    return this.core.request<ChatSentEnvelope>('chat.send', data, options);
  }

  /**
   * Tell the other members of a room that the user is (or stopped) typing.
   *
   * Operation `typing`; no reply: returns the sent message's id. Volatile: never queued while disconnected.
   */
  typing(data: TypingData): string {
    return this.core.send('typing', data);
  }

  /**
   * Ask the service to cancel one of the user's uploads in progress.
   *
   * Operation `uploadCancel`; resolves with the `upload.cancelled` reply; an `error` reply rejects it.
   */
  uploadCancel(data: UploadCancelData, options?: RequestOptions): Promise<UploadCancelledEnvelope> {
    return this.core.request<UploadCancelledEnvelope>('upload.cancel', data, options);
  }

  /**
   * Release delivered notifications from the user's queue.
   *
   * Operation `ack`; no reply: returns the sent message's id.
   */
  ack(data: AckData): string {
    return this.core.send('ack', data);
  }

  /**
   * Re-join rooms and replay what was missed since the last seq seen.
   *
   * Operation `resume`; resolves with the `resume.completed` reply; an `error` reply rejects it.
   */
  resume(data: ResumeData, options?: RequestOptions): Promise<ResumeCompletedEnvelope> {
    return this.core.request<ResumeCompletedEnvelope>('resume', data, options);
  }

  /** Calls `handler` with every message of `type` the server sends, validated; returns the function that stops it. */
  on<K extends ServerMessage['type']>(type: K, handler: (message: Extract<ServerMessage, { type: K }>) => void): Unsubscribe {
    return this.core.on(type, handler);
  }
}
