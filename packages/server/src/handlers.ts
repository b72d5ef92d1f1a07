/**
 * The service-owned operations of asyncapi.yaml (`x-switchboard-owner: service`): chat, typing
 * and upload cancel. Rooms, subscriptions, pings and resume are the runtime's.
 */
import type { Handlers } from '@switchboard/protocol/server';
import { isoNow, ProtocolError } from '@switchboard/runtime/server';
import type { UploadLedger } from './uploads.js';

export interface HandlerOptions {
  /** Whether the sender gets its own `chat.message` (every tab of theirs sees it). */
  readonly chatEchoToSender: boolean;
  /** Who owns which upload (uploads.ts). Without one no upload is known, and every `upload.cancel` is refused. */
  readonly uploads?: UploadLedger;
}

export function createHandlers(options: HandlerOptions): Handlers {
  return {
    async chatSend(message, context) {
      const { room_id: room, content } = message.data;
      context.assertInRoom(room);
      const timestamp = isoNow();
      const target = options.chatEchoToSender ? context.send.toRoom(room) : context.send.toRoom(room).except(context.connection.id);
      // The server names the message: envelope ids are unique per sender only. A resent
      // chat.send never gets here twice (the runtime answers it with the first chat.sent).
      const id = context.newId();
      const delivery = await target.emit('chat.message', {
        id,
        room_id: room,
        user_id: context.user.id,
        username: context.user.name,
        content,
        timestamp,
      });
      if (delivery.seq === null) throw new Error('chat.message must be sequenced: check the spec marks it room-scoped');
      return { message_id: id, room_id: room, seq: delivery.seq, timestamp };
    },

    async typing(message, context) {
      const { room_id: room, is_typing } = message.data;
      context.assertInRoom(room);
      // Not an emit of its own: the runtime keeps the indicator per user and ends it on leave or close.
      await context.setTyping(room, is_typing);
    },

    async uploadCancel(message, context) {
      const { upload_id: uploadId, reason } = message.data;
      if (!(await options.uploads?.cancel(context.user.id, uploadId))) {
        // One answer for unknown, someone else's and finished: it does not tell which.
        throw new ProtocolError('FORBIDDEN', `no running upload "${uploadId}" of yours to cancel`, { details: { upload_id: uploadId } });
      }
      // The requester gets the reply; the user's other connections (tabs) hear about it too.
      const data = reason === undefined ? { upload_id: uploadId, cancelled_by: context.user.id } : { upload_id: uploadId, cancelled_by: context.user.id, reason };
      await context.send.toUser(context.user.id).except(context.connection.id).emit('upload.cancelled', data);
      return data;
    },
  };
}
