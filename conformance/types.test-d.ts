/**
 * The generated types turn invalid envelopes into compile errors. Run by vitest's typecheck (and
 * `tsc -p conformance`): every `@ts-expect-error` must meet an error, or the check fails.
 */
import type {
  AckEnvelope, AuthEnvelope, AuthRefreshEnvelope, ChatSendEnvelope, ChatSentEnvelope, ClientMessage, ClientMessageMap,
  ClientMessageType, ErrorData, ErrorEnvelope, HeartbeatEnvelope, PingEnvelope, PongEnvelope, ReplyMap, ResumeEnvelope,
  RoomJoinEnvelope, RoomLeaveEnvelope, ServerMessage, ServerMessageMap, ServerMessageType, SubscribeEnvelope,
  TypingEnvelope, UnsubscribeEnvelope, UploadCancelEnvelope, ValidationResult,
} from '@switchboard/protocol';
import {
  CLIENT_MESSAGE_TYPES, ErrorCode, REPLY_TYPES, SERVER_MESSAGE_TYPES, validateChatSend, validateClientMessage,
} from '@switchboard/protocol';
import type { Client } from '@switchboard/protocol/client';
import type { HandlerContext, Handlers, ServerTypes } from '@switchboard/protocol/server';
import type { ChatMessageData, ChatMessageEnvelope } from '@switchboard/protocol';
import type { EmitData } from '@switchboard/runtime/server';
import { describe, expectTypeOf, it } from 'vitest';

const data = { room_id: 'general', content: 'Hello, world!' };

describe('envelopes', () => {
  it('accept a well-formed message', () => {
    const ok: ChatSendEnvelope = { type: 'chat.send', id: 'c_1', data };
    expectTypeOf(ok.type).toEqualTypeOf<'chat.send'>();
    expectTypeOf(ok.data.content).toEqualTypeOf<string>();
  });

  it('refuse the type literal of another message', () => {
    // @ts-expect-error 'chat.sent' is the reply's type, not this message's
    const wrong: ChatSendEnvelope = { type: 'chat.sent', id: 'c_1', data };
    expectTypeOf(wrong).toEqualTypeOf<ChatSendEnvelope>();
  });

  it('refuse a missing required property of data', () => {
    // @ts-expect-error `content` is required
    const missing: ChatSendEnvelope = { type: 'chat.send', id: 'c_1', data: { room_id: 'general' } };
    expectTypeOf(missing.data).toHaveProperty('content');
  });

  it('refuse a missing required envelope property', () => {
    // @ts-expect-error `id` is required
    const missing: ChatSendEnvelope = { type: 'chat.send', data };
    expectTypeOf(missing).toHaveProperty('id');
  });

  it('refuse an extra property in an object literal, at any depth', () => {
    // @ts-expect-error the author is never a field of the message
    const extraInData: ChatSendEnvelope = { type: 'chat.send', id: 'c_1', data: { ...data, author: 'u_42' } };
    // @ts-expect-error no `room` on the envelope
    const extraOnEnvelope: ChatSendEnvelope = { type: 'chat.send', id: 'c_1', data, room: 'general' };
    expectTypeOf(extraInData).toEqualTypeOf(extraOnEnvelope);
  });

  it('refuse an explicit undefined for an optional property (JSON has no undefined)', () => {
    // @ts-expect-error exactOptionalPropertyTypes: `timestamp` may be absent, not undefined
    const undef: ChatSendEnvelope = { type: 'chat.send', id: 'c_1', timestamp: undefined, data };
    expectTypeOf(undef.timestamp).toEqualTypeOf<string | undefined>();
  });

  it('refuse a value outside an enum', () => {
    // @ts-expect-error not an ErrorCode
    const code: ErrorCode = 'RATE_LIMITED';
    // @ts-expect-error not an ErrorCode either: codes are case-sensitive
    const body: ErrorData = { code: 'rate_limit_exceeded', message: 'Slow down.' };
    expectTypeOf(body.code).toEqualTypeOf(code);
  });
});

describe('enums', () => {
  it('ErrorCode members are their literal types', () => {
    expectTypeOf(ErrorCode.RATE_LIMIT_EXCEEDED).toEqualTypeOf<'RATE_LIMIT_EXCEEDED'>();
    expectTypeOf<(typeof ErrorCode)[keyof typeof ErrorCode]>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<ErrorData['code']>().toEqualTypeOf<ErrorCode>();
  });
});

describe('message maps and unions', () => {
  it('map each type to its envelope', () => {
    expectTypeOf<ClientMessageMap['chat.send']>().toEqualTypeOf<ChatSendEnvelope>();
    expectTypeOf<ServerMessageMap['chat.sent']>().toEqualTypeOf<ChatSentEnvelope>();
    expectTypeOf<ClientMessageMap[ClientMessageType]>().toEqualTypeOf<ClientMessage>();
    expectTypeOf<ServerMessageMap[ServerMessageType]>().toEqualTypeOf<ServerMessage>();
  });

  it('list the same types at run time as at compile time', () => {
    expectTypeOf<(typeof CLIENT_MESSAGE_TYPES)[number]>().toEqualTypeOf<ClientMessageType>();
    expectTypeOf<(typeof SERVER_MESSAGE_TYPES)[number]>().toEqualTypeOf<ServerMessageType>();
    expectTypeOf<ClientMessage['type']>().toEqualTypeOf<ClientMessageType>();
  });

  it('narrow ClientMessage by type, exhaustively', () => {
    function route(m: ClientMessage): string {
      switch (m.type) {
        case 'auth': expectTypeOf(m).toEqualTypeOf<AuthEnvelope>(); return m.data.token;
        case 'auth.refresh': expectTypeOf(m).toEqualTypeOf<AuthRefreshEnvelope>(); return m.data.token;
        case 'ping': expectTypeOf(m).toEqualTypeOf<PingEnvelope>(); return m.data.pingId ?? '';
        case 'heartbeat': expectTypeOf(m).toEqualTypeOf<HeartbeatEnvelope>(); return m.id;
        case 'subscribe': expectTypeOf(m).toEqualTypeOf<SubscribeEnvelope>(); return m.data.events.join();
        case 'unsubscribe': expectTypeOf(m).toEqualTypeOf<UnsubscribeEnvelope>(); return m.data.events.join();
        case 'room.join': expectTypeOf(m).toEqualTypeOf<RoomJoinEnvelope>(); return m.data.room_id;
        case 'room.leave': expectTypeOf(m).toEqualTypeOf<RoomLeaveEnvelope>(); return m.data.room_id;
        case 'chat.send': expectTypeOf(m).toEqualTypeOf<ChatSendEnvelope>(); return m.data.content;
        case 'typing': expectTypeOf(m).toEqualTypeOf<TypingEnvelope>(); return String(m.data.is_typing);
        case 'upload.cancel': expectTypeOf(m).toEqualTypeOf<UploadCancelEnvelope>(); return m.data.upload_id;
        case 'ack': expectTypeOf(m).toEqualTypeOf<AckEnvelope>(); return m.id;
        case 'resume': expectTypeOf(m).toEqualTypeOf<ResumeEnvelope>(); return m.id;
        default: {
          const unreachable: never = m;
          return unreachable;
        }
      }
    }
    expectTypeOf(route).returns.toEqualTypeOf<string>();
  });

  it('flag a switch that forgets a type', () => {
    function incomplete(m: ClientMessage): void {
      if (m.type === 'chat.send' || m.type === 'ping') return;
      // @ts-expect-error the other eleven client types are still possible here
      const unreachable: never = m;
      expectTypeOf(unreachable).toBeNever();
    }
    expectTypeOf(incomplete).parameter(0).toEqualTypeOf<ClientMessage>();
  });

  it('keep the directions apart', () => {
    const pong: PongEnvelope = { type: 'pong', id: 's_1', timestamp: '2025-01-08T10:30:00Z', correlation_id: 'c_1', data: { timestamp: '2025-01-08T10:30:00Z' } };
    // @ts-expect-error pong is a server message
    const asClient: ClientMessage = pong;
    expectTypeOf(asClient).toEqualTypeOf<ClientMessage>();
    expectTypeOf<ErrorEnvelope>().not.toExtend<ClientMessage>();
    expectTypeOf<ChatSendEnvelope>().not.toExtend<ServerMessage>();
    expectTypeOf<Extract<ServerMessage, ClientMessage>>().toBeNever();
    expectTypeOf<Extract<ServerMessageType, ClientMessageType>>().toBeNever();
  });
});

describe('replies', () => {
  it('REPLY_TYPES lists the reply types of a request as literals', () => {
    expectTypeOf(REPLY_TYPES['chat.send']).toEqualTypeOf<readonly ['chat.sent', 'error']>();
    expectTypeOf<'chat.sent'>().toExtend<(typeof REPLY_TYPES)['chat.send'][number]>();
    expectTypeOf<'chat.message'>().not.toExtend<(typeof REPLY_TYPES)['chat.send'][number]>();
  });

  it('ReplyMap gives the envelopes that may answer a request', () => {
    expectTypeOf<ReplyMap['chat.send']>().toEqualTypeOf<ChatSentEnvelope | ErrorEnvelope>();
    expectTypeOf<ReplyMap['chat.send']['type']>().toEqualTypeOf<(typeof REPLY_TYPES)['chat.send'][number]>();
    // @ts-expect-error `typing` and `ack` get no reply
    expectTypeOf<ReplyMap['typing']>().toBeNever();
  });
});

describe('validators', () => {
  it('return the message type on success and a typed error otherwise', () => {
    const result = validateChatSend(JSON.parse('{}'));
    expectTypeOf(result).toEqualTypeOf<ValidationResult<ChatSendEnvelope>>();
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<ChatSendEnvelope>();
    else expectTypeOf(result.error.code).toEqualTypeOf<'INVALID_MESSAGE' | 'INVALID_MESSAGE_TYPE'>();
    const routed = validateClientMessage(JSON.parse('{}'));
    if (routed.ok) expectTypeOf(routed.value).toEqualTypeOf<ClientMessage>();
  });
});

describe('generated server and client', () => {
  it('a Handlers object missing an operation does not compile; a complete one does', () => {
    const chatSend: Handlers['chatSend'] = (message) => ({ message_id: message.id, room_id: message.data.room_id, seq: 1, timestamp: '2025-01-01T00:00:00Z' });
    const typing: Handlers['typing'] = () => undefined;
    const uploadCancel: Handlers['uploadCancel'] = (message) => ({ upload_id: message.data.upload_id });
    // @ts-expect-error uploadCancel is missing: adding an operation to the spec breaks every service until it implements it
    const partial: Handlers = { chatSend, typing };
    const complete: Handlers = { chatSend, typing, uploadCancel };
    expectTypeOf(complete).toEqualTypeOf<Handlers>();
    void partial;
  });

  it('a handler must return its reply data; senders are typed per message', () => {
    // @ts-expect-error chat.sent needs message_id, room_id, seq and timestamp
    const wrong: Handlers['chatSend'] = () => ({ message_id: 'm' });
    void wrong;
    type Send = HandlerContext['send'];
    expectTypeOf<Parameters<ReturnType<Send['toRoom']>['emit']>[0]>().toEqualTypeOf<keyof ServerMessageMap>();
    // A sequenced message is emitted without its seq and epoch: the runtime assigns them.
    expectTypeOf<EmitData<ServerTypes, 'chat.message'>>().toEqualTypeOf<Omit<ChatMessageData, 'seq' | 'epoch'>>();
  });

  it('client requests resolve with the reply envelope, on() narrows by type', () => {
    expectTypeOf<ReturnType<Client['chatSend']>>().toEqualTypeOf<Promise<ChatSentEnvelope>>();
    expectTypeOf<ReturnType<Client['typing']>>().toEqualTypeOf<string>();
    const client = null as unknown as Client;
    client.on('chat.message', (message) => expectTypeOf(message).toEqualTypeOf<ChatMessageEnvelope>());
    // @ts-expect-error not a server message
    client.on('chat.send', () => undefined);
  });
});
