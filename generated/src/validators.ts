// generated from asyncapi.yaml by @switchboard/codegen - do not edit

import type { AckEnvelope, AuthEnvelope, AuthRefreshEnvelope, AuthRefreshedEnvelope, ChatMessageEnvelope, ChatSendEnvelope, ChatSentEnvelope, ConnectionEstablishedEnvelope, ErrorEnvelope, FileProcessingEnvelope, FileReadyEnvelope, HeartbeatEnvelope, PingEnvelope, PongEnvelope, PresenceStatusEnvelope, ResumeCompletedEnvelope, ResumeEnvelope, ReviewCreatedEnvelope, ReviewDeletedEnvelope, ReviewUpdatedEnvelope, RoomJoinEnvelope, RoomJoinedEnvelope, RoomLeaveEnvelope, RoomLeftEnvelope, RoomUpdateEnvelope, SubscribeEnvelope, SubscriptionConfirmedEnvelope, SystemMaintenanceEnvelope, SystemNotificationEnvelope, TypingEnvelope, UnsubscribeEnvelope, UnsubscriptionConfirmedEnvelope, UploadCancelEnvelope, UploadCancelledEnvelope, UploadCompletedEnvelope, UploadErrorEnvelope, UploadProgressEnvelope, UserStatusChangedEnvelope, UserTypingEnvelope } from './types.js';
import type { ClientMessage, ServerMessage } from './messages.js';
import * as compiled from './validators/compiled.js';
import type { CompiledError, CompiledValidator } from './validators/compiled.js';

/**
 * Why a message was rejected. `code` is the protocol's error code: `INVALID_MESSAGE_TYPE` when
 * `type` names no message of this direction, `INVALID_MESSAGE` for anything else.
 */
export interface ValidationError {
  readonly code: 'INVALID_MESSAGE' | 'INVALID_MESSAGE_TYPE';
  /** JSON pointer (RFC 6901) to the offending value, e.g. `/data/content`; `''` is the whole message. */
  readonly pointer: string;
  /** The JSON Schema keyword that failed, e.g. `required`, `maxLength`, `additionalProperties`. */
  readonly keyword: string;
  /** What is wrong, in words, e.g. `must NOT have more than 4000 characters`. */
  readonly message: string;
  /** The keyword's parameters, e.g. `{ limit: 4000 }` for maxLength. */
  readonly params: Readonly<Record<string, unknown>>;
}

/** The outcome of a validation: the typed message, or the first thing wrong with it. */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ValidationError };

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function toValidationError(error: CompiledError | undefined): ValidationError {
  if (error === undefined) {
    return { code: 'INVALID_MESSAGE', pointer: '', keyword: 'schema', message: 'is invalid', params: {} };
  }
  const params = error.params;
  let pointer = error.instancePath;
  // For a missing property (required, or required by another through dependencies) point at it, not at its parent.
  if ((error.keyword === 'required' || error.keyword === 'dependencies') && typeof params['missingProperty'] === 'string') {
    pointer += '/' + escapePointer(params['missingProperty']);
  } else if (error.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') {
    pointer += '/' + escapePointer(params['additionalProperty']);
  }
  return { code: 'INVALID_MESSAGE', pointer, keyword: error.keyword, message: error.message ?? 'is invalid', params };
}

function run<T>(validate: CompiledValidator, input: unknown): ValidationResult<T> {
  if (validate(input)) return { ok: true, value: input as T };
  return { ok: false, error: toValidationError(validate.errors?.[0]) };
}

/** The own `type` property of an object, or `undefined`. */
function typeOf(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  return Object.prototype.hasOwnProperty.call(input, 'type') ? (input as { type?: unknown }).type : undefined;
}

/** The error for input whose `type` routes to no message. */
function unroutable(input: unknown, type: unknown): ValidationResult<never> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: { code: 'INVALID_MESSAGE', pointer: '', keyword: 'type', message: 'must be object', params: { type: 'object' } } };
  }
  if (type === undefined) {
    return { ok: false, error: { code: 'INVALID_MESSAGE', pointer: '/type', keyword: 'required', message: "must have required property 'type'", params: { missingProperty: 'type' } } };
  }
  if (typeof type !== 'string') {
    return { ok: false, error: { code: 'INVALID_MESSAGE', pointer: '/type', keyword: 'type', message: 'must be string', params: { type: 'string' } } };
  }
  const chars = Array.from(type); // code points, so an emoji is never cut in half
  const shown = chars.length > 64 ? chars.slice(0, 64).join('') + '...' : type;
  return { ok: false, error: { code: 'INVALID_MESSAGE_TYPE', pointer: '/type', keyword: 'enum', message: `unknown message type "${shown}"`, params: {} } };
}

/** Validates an `auth` message against {@link AuthEnvelope}. */
export function validateAuth(input: unknown): ValidationResult<AuthEnvelope> {
  return run<AuthEnvelope>(compiled.auth, input);
}

/** Validates an `auth.refresh` message against {@link AuthRefreshEnvelope}. */
export function validateAuthRefresh(input: unknown): ValidationResult<AuthRefreshEnvelope> {
  return run<AuthRefreshEnvelope>(compiled.authRefresh, input);
}

/** Validates a `ping` message against {@link PingEnvelope}. */
export function validatePing(input: unknown): ValidationResult<PingEnvelope> {
  return run<PingEnvelope>(compiled.ping, input);
}

/** Validates a `heartbeat` message against {@link HeartbeatEnvelope}. */
export function validateHeartbeat(input: unknown): ValidationResult<HeartbeatEnvelope> {
  return run<HeartbeatEnvelope>(compiled.heartbeat, input);
}

/** Validates a `subscribe` message against {@link SubscribeEnvelope}. */
export function validateSubscribe(input: unknown): ValidationResult<SubscribeEnvelope> {
  return run<SubscribeEnvelope>(compiled.subscribe, input);
}

/** Validates an `unsubscribe` message against {@link UnsubscribeEnvelope}. */
export function validateUnsubscribe(input: unknown): ValidationResult<UnsubscribeEnvelope> {
  return run<UnsubscribeEnvelope>(compiled.unsubscribe, input);
}

/** Validates a `room.join` message against {@link RoomJoinEnvelope}. */
export function validateRoomJoin(input: unknown): ValidationResult<RoomJoinEnvelope> {
  return run<RoomJoinEnvelope>(compiled.roomJoin, input);
}

/** Validates a `room.leave` message against {@link RoomLeaveEnvelope}. */
export function validateRoomLeave(input: unknown): ValidationResult<RoomLeaveEnvelope> {
  return run<RoomLeaveEnvelope>(compiled.roomLeave, input);
}

/** Validates a `chat.send` message against {@link ChatSendEnvelope}. */
export function validateChatSend(input: unknown): ValidationResult<ChatSendEnvelope> {
  return run<ChatSendEnvelope>(compiled.chatSend, input);
}

/** Validates a `typing` message against {@link TypingEnvelope}. */
export function validateTyping(input: unknown): ValidationResult<TypingEnvelope> {
  return run<TypingEnvelope>(compiled.typing, input);
}

/** Validates an `upload.cancel` message against {@link UploadCancelEnvelope}. */
export function validateUploadCancel(input: unknown): ValidationResult<UploadCancelEnvelope> {
  return run<UploadCancelEnvelope>(compiled.uploadCancel, input);
}

/** Validates an `ack` message against {@link AckEnvelope}. */
export function validateAck(input: unknown): ValidationResult<AckEnvelope> {
  return run<AckEnvelope>(compiled.ack, input);
}

/** Validates a `resume` message against {@link ResumeEnvelope}. */
export function validateResume(input: unknown): ValidationResult<ResumeEnvelope> {
  return run<ResumeEnvelope>(compiled.resume, input);
}

/** Validates an `auth.refreshed` message against {@link AuthRefreshedEnvelope}. */
export function validateAuthRefreshed(input: unknown): ValidationResult<AuthRefreshedEnvelope> {
  return run<AuthRefreshedEnvelope>(compiled.authRefreshed, input);
}

/** Validates a `pong` message against {@link PongEnvelope}. */
export function validatePong(input: unknown): ValidationResult<PongEnvelope> {
  return run<PongEnvelope>(compiled.pong, input);
}

/** Validates a `subscription.confirmed` message against {@link SubscriptionConfirmedEnvelope}. */
export function validateSubscriptionConfirmed(input: unknown): ValidationResult<SubscriptionConfirmedEnvelope> {
  return run<SubscriptionConfirmedEnvelope>(compiled.subscriptionConfirmed, input);
}

/** Validates an `unsubscription.confirmed` message against {@link UnsubscriptionConfirmedEnvelope}. */
export function validateUnsubscriptionConfirmed(input: unknown): ValidationResult<UnsubscriptionConfirmedEnvelope> {
  return run<UnsubscriptionConfirmedEnvelope>(compiled.unsubscriptionConfirmed, input);
}

/** Validates a `room.joined` message against {@link RoomJoinedEnvelope}. */
export function validateRoomJoined(input: unknown): ValidationResult<RoomJoinedEnvelope> {
  return run<RoomJoinedEnvelope>(compiled.roomJoined, input);
}

/** Validates a `room.left` message against {@link RoomLeftEnvelope}. */
export function validateRoomLeft(input: unknown): ValidationResult<RoomLeftEnvelope> {
  return run<RoomLeftEnvelope>(compiled.roomLeft, input);
}

/** Validates a `chat.sent` message against {@link ChatSentEnvelope}. */
export function validateChatSent(input: unknown): ValidationResult<ChatSentEnvelope> {
  return run<ChatSentEnvelope>(compiled.chatSent, input);
}

/** Validates a `resume.completed` message against {@link ResumeCompletedEnvelope}. */
export function validateResumeCompleted(input: unknown): ValidationResult<ResumeCompletedEnvelope> {
  return run<ResumeCompletedEnvelope>(compiled.resumeCompleted, input);
}

/** Validates a `connection.established` message against {@link ConnectionEstablishedEnvelope}. */
export function validateConnectionEstablished(input: unknown): ValidationResult<ConnectionEstablishedEnvelope> {
  return run<ConnectionEstablishedEnvelope>(compiled.connectionEstablished, input);
}

/** Validates a `chat.message` message against {@link ChatMessageEnvelope}. */
export function validateChatMessage(input: unknown): ValidationResult<ChatMessageEnvelope> {
  return run<ChatMessageEnvelope>(compiled.chatMessage, input);
}

/** Validates a `room.update` message against {@link RoomUpdateEnvelope}. */
export function validateRoomUpdate(input: unknown): ValidationResult<RoomUpdateEnvelope> {
  return run<RoomUpdateEnvelope>(compiled.roomUpdate, input);
}

/** Validates a `presence.status` message against {@link PresenceStatusEnvelope}. */
export function validatePresenceStatus(input: unknown): ValidationResult<PresenceStatusEnvelope> {
  return run<PresenceStatusEnvelope>(compiled.presenceStatus, input);
}

/** Validates an `user.typing` message against {@link UserTypingEnvelope}. */
export function validateUserTyping(input: unknown): ValidationResult<UserTypingEnvelope> {
  return run<UserTypingEnvelope>(compiled.userTyping, input);
}

/** Validates an `upload.progress` message against {@link UploadProgressEnvelope}. */
export function validateUploadProgress(input: unknown): ValidationResult<UploadProgressEnvelope> {
  return run<UploadProgressEnvelope>(compiled.uploadProgress, input);
}

/** Validates an `upload.completed` message against {@link UploadCompletedEnvelope}. */
export function validateUploadCompleted(input: unknown): ValidationResult<UploadCompletedEnvelope> {
  return run<UploadCompletedEnvelope>(compiled.uploadCompleted, input);
}

/** Validates an `upload.error` message against {@link UploadErrorEnvelope}. */
export function validateUploadError(input: unknown): ValidationResult<UploadErrorEnvelope> {
  return run<UploadErrorEnvelope>(compiled.uploadError, input);
}

/** Validates an `upload.cancelled` message against {@link UploadCancelledEnvelope}. */
export function validateUploadCancelled(input: unknown): ValidationResult<UploadCancelledEnvelope> {
  return run<UploadCancelledEnvelope>(compiled.uploadCancelled, input);
}

/** Validates a `review.created` message against {@link ReviewCreatedEnvelope}. */
export function validateReviewCreated(input: unknown): ValidationResult<ReviewCreatedEnvelope> {
  return run<ReviewCreatedEnvelope>(compiled.reviewCreated, input);
}

/** Validates a `review.updated` message against {@link ReviewUpdatedEnvelope}. */
export function validateReviewUpdated(input: unknown): ValidationResult<ReviewUpdatedEnvelope> {
  return run<ReviewUpdatedEnvelope>(compiled.reviewUpdated, input);
}

/** Validates a `review.deleted` message against {@link ReviewDeletedEnvelope}. */
export function validateReviewDeleted(input: unknown): ValidationResult<ReviewDeletedEnvelope> {
  return run<ReviewDeletedEnvelope>(compiled.reviewDeleted, input);
}

/** Validates a `system.notification` message against {@link SystemNotificationEnvelope}. */
export function validateSystemNotification(input: unknown): ValidationResult<SystemNotificationEnvelope> {
  return run<SystemNotificationEnvelope>(compiled.systemNotification, input);
}

/** Validates a `system.maintenance` message against {@link SystemMaintenanceEnvelope}. */
export function validateSystemMaintenance(input: unknown): ValidationResult<SystemMaintenanceEnvelope> {
  return run<SystemMaintenanceEnvelope>(compiled.systemMaintenance, input);
}

/** Validates an `user.status_changed` message against {@link UserStatusChangedEnvelope}. */
export function validateUserStatusChanged(input: unknown): ValidationResult<UserStatusChangedEnvelope> {
  return run<UserStatusChangedEnvelope>(compiled.userStatusChanged, input);
}

/** Validates a `file.processing` message against {@link FileProcessingEnvelope}. */
export function validateFileProcessing(input: unknown): ValidationResult<FileProcessingEnvelope> {
  return run<FileProcessingEnvelope>(compiled.fileProcessing, input);
}

/** Validates a `file.ready` message against {@link FileReadyEnvelope}. */
export function validateFileReady(input: unknown): ValidationResult<FileReadyEnvelope> {
  return run<FileReadyEnvelope>(compiled.fileReady, input);
}

/** Validates an `error` message against {@link ErrorEnvelope}. */
export function validateError(input: unknown): ValidationResult<ErrorEnvelope> {
  return run<ErrorEnvelope>(compiled.error, input);
}

/** Validates anything parsed from the wire as a {@link ClientMessage}: routes on `type`, then checks the whole message against its schema. */
export function validateClientMessage(input: unknown): ValidationResult<ClientMessage> {
  const type = typeOf(input);
  switch (type) {
    case 'auth': return validateAuth(input);
    case 'auth.refresh': return validateAuthRefresh(input);
    case 'ping': return validatePing(input);
    case 'heartbeat': return validateHeartbeat(input);
    case 'subscribe': return validateSubscribe(input);
    case 'unsubscribe': return validateUnsubscribe(input);
    case 'room.join': return validateRoomJoin(input);
    case 'room.leave': return validateRoomLeave(input);
    case 'chat.send': return validateChatSend(input);
    case 'typing': return validateTyping(input);
    case 'upload.cancel': return validateUploadCancel(input);
    case 'ack': return validateAck(input);
    case 'resume': return validateResume(input);
    default: return unroutable(input, type);
  }
}

/** Validates anything parsed from the wire as a {@link ServerMessage}: routes on `type`, then checks the whole message against its schema. */
export function validateServerMessage(input: unknown): ValidationResult<ServerMessage> {
  const type = typeOf(input);
  switch (type) {
    case 'auth.refreshed': return validateAuthRefreshed(input);
    case 'pong': return validatePong(input);
    case 'subscription.confirmed': return validateSubscriptionConfirmed(input);
    case 'unsubscription.confirmed': return validateUnsubscriptionConfirmed(input);
    case 'room.joined': return validateRoomJoined(input);
    case 'room.left': return validateRoomLeft(input);
    case 'chat.sent': return validateChatSent(input);
    case 'resume.completed': return validateResumeCompleted(input);
    case 'connection.established': return validateConnectionEstablished(input);
    case 'chat.message': return validateChatMessage(input);
    case 'room.update': return validateRoomUpdate(input);
    case 'presence.status': return validatePresenceStatus(input);
    case 'user.typing': return validateUserTyping(input);
    case 'upload.progress': return validateUploadProgress(input);
    case 'upload.completed': return validateUploadCompleted(input);
    case 'upload.error': return validateUploadError(input);
    case 'upload.cancelled': return validateUploadCancelled(input);
    case 'review.created': return validateReviewCreated(input);
    case 'review.updated': return validateReviewUpdated(input);
    case 'review.deleted': return validateReviewDeleted(input);
    case 'system.notification': return validateSystemNotification(input);
    case 'system.maintenance': return validateSystemMaintenance(input);
    case 'user.status_changed': return validateUserStatusChanged(input);
    case 'file.processing': return validateFileProcessing(input);
    case 'file.ready': return validateFileReady(input);
    case 'error': return validateError(input);
    default: return unroutable(input, type);
  }
}
