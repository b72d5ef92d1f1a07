/**
 * The generated `dispatch` of asyncapi.yaml: a handler that returns its data directly gets its
 * reply back synchronously (the runtime then answers in the same tick, with no promise in
 * between); an async handler gets a promise of the same reply; a built-in type is refused.
 */
import { describe, expect, it } from 'vitest';
import { dispatch, type HandlerContext, type Handlers } from '@switchboard/protocol/server';
import type { ChatSendEnvelope, ClientMessage, TypingEnvelope, UploadCancelEnvelope } from '@switchboard/protocol';

const chatSend: ChatSendEnvelope = { type: 'chat.send', id: 'c_1', data: { room_id: 'general', content: 'hi' } };
const typing: TypingEnvelope = { type: 'typing', id: 'c_2', data: { room_id: 'general', is_typing: true } };
const uploadCancel: UploadCancelEnvelope = { type: 'upload.cancel', id: 'c_3', data: { upload_id: 'up_1' } };
// The handlers below never touch their context.
const context = {} as HandlerContext;
const sent = { message_id: 'c_1', room_id: 'general', seq: 7, timestamp: '2025-01-08T10:30:00.123Z' };

const typed: string[] = [];
const sync: Handlers = {
  chatSend: () => sent,
  typing: (message) => {
    typed.push(message.data.room_id);
  },
  uploadCancel: (message) => ({ upload_id: message.data.upload_id }),
};
const async: Handlers = {
  chatSend: async () => sent,
  typing: async (message) => {
    typed.push(message.data.room_id);
  },
  uploadCancel: async (message) => ({ upload_id: message.data.upload_id }),
};

describe('generated dispatch', () => {
  it('answers a synchronous handler without a promise', () => {
    expect(dispatch(sync, chatSend, context)).toEqual({ type: 'chat.sent', data: sent });
    expect(dispatch(sync, uploadCancel, context)).toEqual({ type: 'upload.cancelled', data: { upload_id: 'up_1' } });
    typed.length = 0;
    expect(dispatch(sync, typing, context)).toBeUndefined();
    expect(typed).toEqual(['general']);
  });

  it('answers an async handler with a promise of the same reply', async () => {
    const reply = dispatch(async, chatSend, context);
    expect(reply).toBeInstanceOf(Promise);
    await expect(reply).resolves.toEqual({ type: 'chat.sent', data: sent });
    await expect(dispatch(async, uploadCancel, context)).resolves.toEqual({ type: 'upload.cancelled', data: { upload_id: 'up_1' } });
    typed.length = 0;
    const done = dispatch(async, typing, context);
    expect(done).toBeInstanceOf(Promise);
    await expect(done).resolves.toBeUndefined();
    expect(typed).toEqual(['general']);
  });

  it('lets a handler\'s synchronous throw reach the caller, and an async one reject', async () => {
    const failure = new Error('handler failed');
    const throwing: Handlers = { ...sync, chatSend: () => { throw failure; } };
    const rejecting: Handlers = { ...sync, chatSend: async () => { throw failure; } };
    expect(() => dispatch(throwing, chatSend, context)).toThrow(failure);
    await expect(dispatch(rejecting, chatSend, context)).rejects.toBe(failure);
  });

  it('refuses a type the runtime answers itself', () => {
    const ping: ClientMessage = { type: 'ping', id: 'c_4', data: {} };
    expect(() => dispatch(sync, ping, context)).toThrow(new TypeError('"ping" is answered by the runtime, not by a service handler'));
  });
});
