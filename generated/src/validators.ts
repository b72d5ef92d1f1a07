// generated from asyncapi.yaml by @switchboard/codegen - do not edit

import type { AckEnvelope, AuthEnvelope, AuthRefreshEnvelope, AuthRefreshedEnvelope, ChatMessageEnvelope, ChatSendEnvelope, ChatSentEnvelope, ConnectionEstablishedEnvelope, ErrorEnvelope, FileProcessingEnvelope, FileReadyEnvelope, HeartbeatEnvelope, PingEnvelope, PongEnvelope, PresenceStatusEnvelope, ResumeCompletedEnvelope, ResumeEnvelope, ReviewCreatedEnvelope, ReviewDeletedEnvelope, ReviewUpdatedEnvelope, RoomJoinEnvelope, RoomJoinedEnvelope, RoomLeaveEnvelope, RoomLeftEnvelope, RoomUpdateEnvelope, SubscribeEnvelope, SubscriptionConfirmedEnvelope, SystemMaintenanceEnvelope, SystemNotificationEnvelope, TypingEnvelope, UnsubscribeEnvelope, UnsubscriptionConfirmedEnvelope, UploadCancelEnvelope, UploadCancelledEnvelope, UploadCompletedEnvelope, UploadErrorEnvelope, UploadProgressEnvelope, UserStatusChangedEnvelope, UserTypingEnvelope } from './types.js';
import type { ClientMessage, ServerMessage } from './messages.js';
import { messageTypeOf, unroutable, validateWith, type ValidationResult } from '@switchboard/runtime/validation';
import * as compiled from './validators/compiled.js';

export type { ValidationError, ValidationResult } from '@switchboard/runtime/validation';

/** Validates an `auth` message against {@link AuthEnvelope}. */
export function validateAuth(input: unknown): ValidationResult<AuthEnvelope> {
  return validateWith<AuthEnvelope>(compiled.auth, input);
}

/** Validates an `auth.refresh` message against {@link AuthRefreshEnvelope}. */
export function validateAuthRefresh(input: unknown): ValidationResult<AuthRefreshEnvelope> {
  return validateWith<AuthRefreshEnvelope>(compiled.authRefresh, input);
}

/** Validates a `ping` message against {@link PingEnvelope}. */
export function validatePing(input: unknown): ValidationResult<PingEnvelope> {
  return validateWith<PingEnvelope>(compiled.ping, input);
}

/** Validates a `heartbeat` message against {@link HeartbeatEnvelope}. */
export function validateHeartbeat(input: unknown): ValidationResult<HeartbeatEnvelope> {
  return validateWith<HeartbeatEnvelope>(compiled.heartbeat, input);
}

/** Validates a `subscribe` message against {@link SubscribeEnvelope}. */
export function validateSubscribe(input: unknown): ValidationResult<SubscribeEnvelope> {
  return validateWith<SubscribeEnvelope>(compiled.subscribe, input);
}

/** Validates an `unsubscribe` message against {@link UnsubscribeEnvelope}. */
export function validateUnsubscribe(input: unknown): ValidationResult<UnsubscribeEnvelope> {
  return validateWith<UnsubscribeEnvelope>(compiled.unsubscribe, input);
}

/** Validates a `room.join` message against {@link RoomJoinEnvelope}. */
export function validateRoomJoin(input: unknown): ValidationResult<RoomJoinEnvelope> {
  return validateWith<RoomJoinEnvelope>(compiled.roomJoin, input);
}

/** Validates a `room.leave` message against {@link RoomLeaveEnvelope}. */
export function validateRoomLeave(input: unknown): ValidationResult<RoomLeaveEnvelope> {
  return validateWith<RoomLeaveEnvelope>(compiled.roomLeave, input);
}

/** Validates a `chat.send` message against {@link ChatSendEnvelope}. */
export function validateChatSend(input: unknown): ValidationResult<ChatSendEnvelope> {
  return validateWith<ChatSendEnvelope>(compiled.chatSend, input);
}

/** Validates a `typing` message against {@link TypingEnvelope}. */
export function validateTyping(input: unknown): ValidationResult<TypingEnvelope> {
  return validateWith<TypingEnvelope>(compiled.typing, input);
}

/** Validates an `upload.cancel` message against {@link UploadCancelEnvelope}. */
export function validateUploadCancel(input: unknown): ValidationResult<UploadCancelEnvelope> {
  return validateWith<UploadCancelEnvelope>(compiled.uploadCancel, input);
}

/** Validates an `ack` message against {@link AckEnvelope}. */
export function validateAck(input: unknown): ValidationResult<AckEnvelope> {
  return validateWith<AckEnvelope>(compiled.ack, input);
}

/** Validates a `resume` message against {@link ResumeEnvelope}. */
export function validateResume(input: unknown): ValidationResult<ResumeEnvelope> {
  return validateWith<ResumeEnvelope>(compiled.resume, input);
}

/** Validates an `auth.refreshed` message against {@link AuthRefreshedEnvelope}. */
export function validateAuthRefreshed(input: unknown): ValidationResult<AuthRefreshedEnvelope> {
  return validateWith<AuthRefreshedEnvelope>(compiled.authRefreshed, input);
}

/** Validates a `pong` message against {@link PongEnvelope}. */
export function validatePong(input: unknown): ValidationResult<PongEnvelope> {
  return validateWith<PongEnvelope>(compiled.pong, input);
}

/** Validates a `subscription.confirmed` message against {@link SubscriptionConfirmedEnvelope}. */
export function validateSubscriptionConfirmed(input: unknown): ValidationResult<SubscriptionConfirmedEnvelope> {
  return validateWith<SubscriptionConfirmedEnvelope>(compiled.subscriptionConfirmed, input);
}

/** Validates an `unsubscription.confirmed` message against {@link UnsubscriptionConfirmedEnvelope}. */
export function validateUnsubscriptionConfirmed(input: unknown): ValidationResult<UnsubscriptionConfirmedEnvelope> {
  return validateWith<UnsubscriptionConfirmedEnvelope>(compiled.unsubscriptionConfirmed, input);
}

/** Validates a `room.joined` message against {@link RoomJoinedEnvelope}. */
export function validateRoomJoined(input: unknown): ValidationResult<RoomJoinedEnvelope> {
  return validateWith<RoomJoinedEnvelope>(compiled.roomJoined, input);
}

/** Validates a `room.left` message against {@link RoomLeftEnvelope}. */
export function validateRoomLeft(input: unknown): ValidationResult<RoomLeftEnvelope> {
  return validateWith<RoomLeftEnvelope>(compiled.roomLeft, input);
}

/** Validates a `chat.sent` message against {@link ChatSentEnvelope}. */
export function validateChatSent(input: unknown): ValidationResult<ChatSentEnvelope> {
  return validateWith<ChatSentEnvelope>(compiled.chatSent, input);
}

/** Validates a `resume.completed` message against {@link ResumeCompletedEnvelope}. */
export function validateResumeCompleted(input: unknown): ValidationResult<ResumeCompletedEnvelope> {
  return validateWith<ResumeCompletedEnvelope>(compiled.resumeCompleted, input);
}

/** Validates a `connection.established` message against {@link ConnectionEstablishedEnvelope}. */
export function validateConnectionEstablished(input: unknown): ValidationResult<ConnectionEstablishedEnvelope> {
  return validateWith<ConnectionEstablishedEnvelope>(compiled.connectionEstablished, input);
}

/** Validates a `chat.message` message against {@link ChatMessageEnvelope}. */
export function validateChatMessage(input: unknown): ValidationResult<ChatMessageEnvelope> {
  return validateWith<ChatMessageEnvelope>(compiled.chatMessage, input);
}

/** Validates a `room.update` message against {@link RoomUpdateEnvelope}. */
export function validateRoomUpdate(input: unknown): ValidationResult<RoomUpdateEnvelope> {
  return validateWith<RoomUpdateEnvelope>(compiled.roomUpdate, input);
}

/** Validates a `presence.status` message against {@link PresenceStatusEnvelope}. */
export function validatePresenceStatus(input: unknown): ValidationResult<PresenceStatusEnvelope> {
  return validateWith<PresenceStatusEnvelope>(compiled.presenceStatus, input);
}

/** Validates an `user.typing` message against {@link UserTypingEnvelope}. */
export function validateUserTyping(input: unknown): ValidationResult<UserTypingEnvelope> {
  return validateWith<UserTypingEnvelope>(compiled.userTyping, input);
}

/** Validates an `upload.progress` message against {@link UploadProgressEnvelope}. */
export function validateUploadProgress(input: unknown): ValidationResult<UploadProgressEnvelope> {
  return validateWith<UploadProgressEnvelope>(compiled.uploadProgress, input);
}

/** Validates an `upload.completed` message against {@link UploadCompletedEnvelope}. */
export function validateUploadCompleted(input: unknown): ValidationResult<UploadCompletedEnvelope> {
  return validateWith<UploadCompletedEnvelope>(compiled.uploadCompleted, input);
}

/** Validates an `upload.error` message against {@link UploadErrorEnvelope}. */
export function validateUploadError(input: unknown): ValidationResult<UploadErrorEnvelope> {
  return validateWith<UploadErrorEnvelope>(compiled.uploadError, input);
}

/** Validates an `upload.cancelled` message against {@link UploadCancelledEnvelope}. */
export function validateUploadCancelled(input: unknown): ValidationResult<UploadCancelledEnvelope> {
  return validateWith<UploadCancelledEnvelope>(compiled.uploadCancelled, input);
}

/** Validates a `review.created` message against {@link ReviewCreatedEnvelope}. */
export function validateReviewCreated(input: unknown): ValidationResult<ReviewCreatedEnvelope> {
  return validateWith<ReviewCreatedEnvelope>(compiled.reviewCreated, input);
}

/** Validates a `review.updated` message against {@link ReviewUpdatedEnvelope}. */
export function validateReviewUpdated(input: unknown): ValidationResult<ReviewUpdatedEnvelope> {
  return validateWith<ReviewUpdatedEnvelope>(compiled.reviewUpdated, input);
}

/** Validates a `review.deleted` message against {@link ReviewDeletedEnvelope}. */
export function validateReviewDeleted(input: unknown): ValidationResult<ReviewDeletedEnvelope> {
  return validateWith<ReviewDeletedEnvelope>(compiled.reviewDeleted, input);
}

/** Validates a `system.notification` message against {@link SystemNotificationEnvelope}. */
export function validateSystemNotification(input: unknown): ValidationResult<SystemNotificationEnvelope> {
  return validateWith<SystemNotificationEnvelope>(compiled.systemNotification, input);
}

/** Validates a `system.maintenance` message against {@link SystemMaintenanceEnvelope}. */
export function validateSystemMaintenance(input: unknown): ValidationResult<SystemMaintenanceEnvelope> {
  return validateWith<SystemMaintenanceEnvelope>(compiled.systemMaintenance, input);
}

/** Validates an `user.status_changed` message against {@link UserStatusChangedEnvelope}. */
export function validateUserStatusChanged(input: unknown): ValidationResult<UserStatusChangedEnvelope> {
  return validateWith<UserStatusChangedEnvelope>(compiled.userStatusChanged, input);
}

/** Validates a `file.processing` message against {@link FileProcessingEnvelope}. */
export function validateFileProcessing(input: unknown): ValidationResult<FileProcessingEnvelope> {
  return validateWith<FileProcessingEnvelope>(compiled.fileProcessing, input);
}

/** Validates a `file.ready` message against {@link FileReadyEnvelope}. */
export function validateFileReady(input: unknown): ValidationResult<FileReadyEnvelope> {
  return validateWith<FileReadyEnvelope>(compiled.fileReady, input);
}

/** Validates an `error` message against {@link ErrorEnvelope}. */
export function validateError(input: unknown): ValidationResult<ErrorEnvelope> {
  return validateWith<ErrorEnvelope>(compiled.error, input);
}

/** Validates anything parsed from the wire as a {@link ClientMessage}: routes on `type`, then checks the whole message against its schema. */
export function validateClientMessage(input: unknown): ValidationResult<ClientMessage> {
  const type = messageTypeOf(input);
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
  const type = messageTypeOf(input);
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
