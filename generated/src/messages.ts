// generated from asyncapi.yaml by @switchboard/codegen - do not edit

import type { AckEnvelope, AuthEnvelope, AuthRefreshEnvelope, AuthRefreshedEnvelope, ChatMessageEnvelope, ChatSendEnvelope, ChatSentEnvelope, ConnectionEstablishedEnvelope, ErrorEnvelope, FileProcessingEnvelope, FileReadyEnvelope, HeartbeatEnvelope, PingEnvelope, PongEnvelope, PresenceStatusEnvelope, ResumeCompletedEnvelope, ResumeEnvelope, ReviewCreatedEnvelope, ReviewDeletedEnvelope, ReviewUpdatedEnvelope, RoomJoinEnvelope, RoomJoinedEnvelope, RoomLeaveEnvelope, RoomLeftEnvelope, RoomUpdateEnvelope, SubscribeEnvelope, SubscriptionConfirmedEnvelope, SystemMaintenanceEnvelope, SystemNotificationEnvelope, TypingEnvelope, UnsubscribeEnvelope, UnsubscriptionConfirmedEnvelope, UploadCancelEnvelope, UploadCancelledEnvelope, UploadCompletedEnvelope, UploadErrorEnvelope, UploadProgressEnvelope, UserStatusChangedEnvelope, UserTypingEnvelope } from './types.js';

/** Every message a client sends to the server (the spec's `receive` operations). */
export type ClientMessage = AuthEnvelope | AuthRefreshEnvelope | PingEnvelope | HeartbeatEnvelope | SubscribeEnvelope | UnsubscribeEnvelope | RoomJoinEnvelope | RoomLeaveEnvelope | ChatSendEnvelope | TypingEnvelope | UploadCancelEnvelope | AckEnvelope | ResumeEnvelope;

/** Each {@link ClientMessage} by its `type`. */
export interface ClientMessageMap {
  /** Authenticate after the upgrade (client to server). */
  'auth': AuthEnvelope;
  /** Replace the connection's token before it expires (client to server). */
  'auth.refresh': AuthRefreshEnvelope;
  /** Keep-alive and latency probe (client to server). */
  'ping': PingEnvelope;
  /** Alias of ping (client to server). */
  'heartbeat': HeartbeatEnvelope;
  /** Subscribe the connection to server-side events (client to server). */
  'subscribe': SubscribeEnvelope;
  /** Unsubscribe the connection from server-side events (client to server). */
  'unsubscribe': UnsubscribeEnvelope;
  /** Join a room (client to server). */
  'room.join': RoomJoinEnvelope;
  /** Leave a room (client to server). */
  'room.leave': RoomLeaveEnvelope;
  /** Post a chat message to a room (client to server). */
  'chat.send': ChatSendEnvelope;
  /** Start or stop the typing indicator in a room (client to server). */
  'typing': TypingEnvelope;
  /** Cancel an upload in progress (client to server). */
  'upload.cancel': UploadCancelEnvelope;
  /** Acknowledge delivered messages (client to server). */
  'ack': AckEnvelope;
  /** Replay what was missed while disconnected (client to server). */
  'resume': ResumeEnvelope;
}

/** The `type` of a {@link ClientMessage}. */
export type ClientMessageType = keyof ClientMessageMap;

/** Every {@link ClientMessageType}, in spec order. */
export const CLIENT_MESSAGE_TYPES = ['auth', 'auth.refresh', 'ping', 'heartbeat', 'subscribe', 'unsubscribe', 'room.join', 'room.leave', 'chat.send', 'typing', 'upload.cancel', 'ack', 'resume'] as const satisfies readonly ClientMessageType[];

/** Every message the server sends to a client (the spec's `send` operations and replies). */
export type ServerMessage = AuthRefreshedEnvelope | PongEnvelope | SubscriptionConfirmedEnvelope | UnsubscriptionConfirmedEnvelope | RoomJoinedEnvelope | RoomLeftEnvelope | ChatSentEnvelope | ResumeCompletedEnvelope | ConnectionEstablishedEnvelope | ChatMessageEnvelope | RoomUpdateEnvelope | PresenceStatusEnvelope | UserTypingEnvelope | UploadProgressEnvelope | UploadCompletedEnvelope | UploadErrorEnvelope | UploadCancelledEnvelope | ReviewCreatedEnvelope | ReviewUpdatedEnvelope | ReviewDeletedEnvelope | SystemNotificationEnvelope | SystemMaintenanceEnvelope | UserStatusChangedEnvelope | FileProcessingEnvelope | FileReadyEnvelope | ErrorEnvelope;

/** Each {@link ServerMessage} by its `type`. */
export interface ServerMessageMap {
  /** The new token was accepted (server to client, reply to auth.refresh). */
  'auth.refreshed': AuthRefreshedEnvelope;
  /** Answer to ping or heartbeat (server to client). */
  'pong': PongEnvelope;
  /** The subscription took effect (server to client, reply to subscribe). */
  'subscription.confirmed': SubscriptionConfirmedEnvelope;
  /** The unsubscription took effect (server to client, reply to unsubscribe). */
  'unsubscription.confirmed': UnsubscriptionConfirmedEnvelope;
  /** The connection is in the room (server to client, reply to room.join). */
  'room.joined': RoomJoinedEnvelope;
  /** The connection left the room (server to client, reply to room.leave). */
  'room.left': RoomLeftEnvelope;
  /** The chat message was accepted (server to client, reply to chat.send). */
  'chat.sent': ChatSentEnvelope;
  /** The replay is over (server to client, reply to resume). */
  'resume.completed': ResumeCompletedEnvelope;
  /** The connection is authenticated and admitted (server to client). */
  'connection.established': ConnectionEstablishedEnvelope;
  /** A chat message posted in a room (server to client). */
  'chat.message': ChatMessageEnvelope;
  /** A member joined or left the room, or the room changed (server to client). */
  'room.update': RoomUpdateEnvelope;
  /** A user's presence changed (server to client). */
  'presence.status': PresenceStatusEnvelope;
  /** Someone in the room is typing or stopped (server to client). */
  'user.typing': UserTypingEnvelope;
  /** Progress of an upload (server to client). */
  'upload.progress': UploadProgressEnvelope;
  /** An upload finished (server to client). */
  'upload.completed': UploadCompletedEnvelope;
  /** An upload failed (server to client). */
  'upload.error': UploadErrorEnvelope;
  /** An upload was cancelled (server to client). */
  'upload.cancelled': UploadCancelledEnvelope;
  /** A review was created (server to client). */
  'review.created': ReviewCreatedEnvelope;
  /** A review changed (server to client). */
  'review.updated': ReviewUpdatedEnvelope;
  /** A review was deleted (server to client). */
  'review.deleted': ReviewDeletedEnvelope;
  /** An announcement for users (server to client). */
  'system.notification': SystemNotificationEnvelope;
  /** A maintenance window is scheduled or starting (server to client). */
  'system.maintenance': SystemMaintenanceEnvelope;
  /** A user's status changed (server to client). */
  'user.status_changed': UserStatusChangedEnvelope;
  /** A file's processing status changed (server to client). */
  'file.processing': FileProcessingEnvelope;
  /** A file finished processing and can be used (server to client). */
  'file.ready': FileReadyEnvelope;
  /** A request failed or the connection is about to be closed (server to client). */
  'error': ErrorEnvelope;
}

/** The `type` of a {@link ServerMessage}. */
export type ServerMessageType = keyof ServerMessageMap;

/** Every {@link ServerMessageType}, in spec order. */
export const SERVER_MESSAGE_TYPES = ['auth.refreshed', 'pong', 'subscription.confirmed', 'unsubscription.confirmed', 'room.joined', 'room.left', 'chat.sent', 'resume.completed', 'connection.established', 'chat.message', 'room.update', 'presence.status', 'user.typing', 'upload.progress', 'upload.completed', 'upload.error', 'upload.cancelled', 'review.created', 'review.updated', 'review.deleted', 'system.notification', 'system.maintenance', 'user.status_changed', 'file.processing', 'file.ready', 'error'] as const satisfies readonly ServerMessageType[];

/** For each client request that has a reply, the messages that may answer it (matched by `correlation_id`). */
export interface ReplyMap {
  'auth': ConnectionEstablishedEnvelope | ErrorEnvelope;
  'auth.refresh': AuthRefreshedEnvelope | ErrorEnvelope;
  'ping': PongEnvelope | ErrorEnvelope;
  'heartbeat': PongEnvelope | ErrorEnvelope;
  'subscribe': SubscriptionConfirmedEnvelope | ErrorEnvelope;
  'unsubscribe': UnsubscriptionConfirmedEnvelope | ErrorEnvelope;
  'room.join': RoomJoinedEnvelope | ErrorEnvelope;
  'room.leave': RoomLeftEnvelope | ErrorEnvelope;
  'chat.send': ChatSentEnvelope | ErrorEnvelope;
  'upload.cancel': UploadCancelledEnvelope | ErrorEnvelope;
  'resume': ResumeCompletedEnvelope | ErrorEnvelope;
}

/** The `type` of a client message that gets a reply. */
export type RequestType = keyof ReplyMap;

/** For each {@link RequestType}, the `type`s that may answer it. */
export const REPLY_TYPES = {
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
} as const satisfies { readonly [K in RequestType]: readonly ReplyMap[K]['type'][] };
