// generated from asyncapi.yaml by @switchboard/codegen - do not edit

import type { ServerProtocol } from '@switchboard/runtime';
import { createServer as createRuntimeServer, type HandlerContext as RuntimeHandlerContext, type Reply, type ServerOptions, type SwitchboardServer } from '@switchboard/runtime/server';
import type { ClientMessage, ServerMessageMap } from './messages.js';
import type { ChatSendEnvelope, ChatSentData, EventName, TypingEnvelope, UploadCancelEnvelope, UploadCancelledData } from './types.js';
import { validateClientMessage } from './validators.js';

/** The server's side of the protocol, as the runtime's type parameter. */
export interface ServerTypes {
  /** Every message a client sends. */
  inbound: ClientMessage;
  /** Every message the server sends, by `type`: a mapped copy of `ServerMessageMap`, as the runtime's `MessageMap` has an index signature, which an interface does not satisfy. */
  outbound: { [K in keyof ServerMessageMap]: ServerMessageMap[K] };
  /** The event names a connection may subscribe to. */
  event: EventName;
  /** Server messages scoped to a room that take the room's next `seq`: sent by a `send` operation, not volatile, and their `data` requires `room_id` and `seq`. */
  sequenced: 'chat.message' | 'room.update';
}

/**
 * What the runtime needs to know about the protocol at run time: the validator of inbound
 * messages, the types it answers itself (`x-switchboard-owner: runtime`) and those the handlers
 * answer, each request's replies, the volatile types (`x-switchboard-delivery: volatile`), the
 * event names, the sequenced types, and the text each announced limit bounds
 * (`x-switchboard-limit`).
 */
export const serverProtocol: ServerProtocol<ServerTypes> = {
  version: '1.0.0',
  validate: validateClientMessage,
  builtins: [
    'auth',
    'auth.refresh',
    'ping',
    'heartbeat',
    'subscribe',
    'unsubscribe',
    'room.join',
    'room.leave',
    'ack',
    'resume',
  ],
  services: ['chat.send', 'typing', 'upload.cancel'],
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
  volatile: ['pong', 'user.typing', 'upload.progress'],
  events: [
    'upload.progress',
    'upload.completed',
    'upload.error',
    'upload.cancelled',
    'review.created',
    'review.updated',
    'review.deleted',
    'system.notification',
    'system.maintenance',
    'user.status_changed',
    'file.processing',
    'file.ready',
  ],
  sequenced: ['chat.message', 'room.update'],
  textLimits: { 'chat.send': { 'content': 'max_content_length' } },
  outbound: [
    'auth.refreshed',
    'pong',
    'subscription.confirmed',
    'unsubscription.confirmed',
    'room.joined',
    'room.left',
    'chat.sent',
    'resume.completed',
    'connection.established',
    'chat.message',
    'room.update',
    'presence.status',
    'user.typing',
    'upload.progress',
    'upload.completed',
    'upload.error',
    'upload.cancelled',
    'review.created',
    'review.updated',
    'review.deleted',
    'system.notification',
    'system.maintenance',
    'user.status_changed',
    'file.processing',
    'file.ready',
    'error',
  ],
};

/** What a handler gets besides the message: the connection, its user, and typed senders to any target. */
export type HandlerContext = RuntimeHandlerContext<ServerTypes>;

/**
 * One method per `receive` operation the service owns (every one not marked `x-switchboard-owner: runtime`,
 * which the runtime answers itself). A method gets the validated message; it returns the reply's `data`
 * (or, for an operation with several replies, `{ type, data }`), or throws a `ProtocolError` to answer
 * with `error`. Every method is required, so adding an operation to the spec makes every service fail to
 * compile until it implements it.
 */
export interface Handlers {
  /**
   * Post a chat message to a room the connection has joined.
   *
   * Operation `chatSend`; replies with `chat.sent`; throw a `ProtocolError` to answer with `error`.
   */
  chatSend(message: ChatSendEnvelope, context: HandlerContext): ChatSentData | Promise<ChatSentData>;
  /**
   * Tell the other members of a room that the user is (or stopped) typing.
   *
   * Operation `typing`; no reply.
   */
  typing(message: TypingEnvelope, context: HandlerContext): void | Promise<void>;
  /**
   * Ask the service to cancel one of the user's uploads in progress.
   *
   * Operation `uploadCancel`; replies with `upload.cancelled`; throw a `ProtocolError` to answer with `error`.
   */
  uploadCancel(message: UploadCancelEnvelope, context: HandlerContext): UploadCancelledData | Promise<UploadCancelledData>;
}

/**
 * Routes a validated service message to its handler and wraps what it returns as the reply. The runtime
 * calls it for every inbound type that is not a built-in; it throws a `TypeError` for a built-in. A handler
 * that returns its data directly gets its reply without a promise in between.
 */
export function dispatch(handlers: Handlers, message: ClientMessage, context: HandlerContext): Reply<ServerTypes> | undefined | Promise<Reply<ServerTypes> | undefined> {
  switch (message.type) {
    case 'chat.send': {
      const data = handlers.chatSend(message, context);
      return data instanceof Promise ? data.then((value) => ({ type: 'chat.sent', data: value })) : { type: 'chat.sent', data };
    }
    case 'typing': {
      const done = handlers.typing(message, context);
      return done instanceof Promise ? done.then(() => undefined) : undefined;
    }
    case 'upload.cancel': {
      const data = handlers.uploadCancel(message, context);
      return data instanceof Promise ? data.then((value) => ({ type: 'upload.cancelled', data: value })) : { type: 'upload.cancelled', data };
    }
    default: throw new TypeError(`"${message.type}" is answered by the runtime, not by a service handler`);
  }
}

/**
 * Creates the server: the runtime's core bound to this protocol and your handlers. `options`
 * are the runtime's (authentication, limits, broker, logger).
 * @example
 * ```ts
 * import { createServer as createHttpServer } from 'node:http';
 * import { createServer } from '@switchboard/protocol/server';
 *
 * const server = createServer({
 *   async chatSend(message, context) {
 *     return { ... }; // the data of the `chat.sent` reply
 *   },
 *   async typing(message, context) {
 *     // no reply: send to others with context.send
 *   },
 *   async uploadCancel(message, context) {
 *     return { ... }; // the data of the `upload.cancelled` reply
 *   },
 * }, { auth: { secret: jwtSecret } });
 * server.attach(createHttpServer().listen(8000));
 * ```
 */
export function createServer(handlers: Handlers, options: ServerOptions): SwitchboardServer<ServerTypes> {
  return createRuntimeServer(serverProtocol, (message, context) => dispatch(handlers, message, context), options);
}
