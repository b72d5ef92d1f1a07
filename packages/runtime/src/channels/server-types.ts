/**
 * The types of the channel server: its options, a connection, a handler's context, and the
 * handler map generated code types per operation.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { Rejection } from './reject.js';
import type { ApiTypes } from './wire.js';

/** A message the server may send on some channel: its name and payload. */
export type ServerAnswer<A extends ApiTypes> = {
  [C in keyof A['channels']]: {
    [M in keyof A['channels'][C]['fromServer']]: { readonly message: M; readonly payload: A['channels'][C]['fromServer'][M] };
  }[keyof A['channels'][C]['fromServer']];
}[keyof A['channels']];

/** The `send` operations with a reply: the requests the server makes of a client. */
export type ServerRequests<A extends ApiTypes> = {
  [K in keyof A['send']]: [A['send'][K]['reply']] extends [void] ? never : K;
}[keyof A['send']] & string;

export interface ChannelServerOptions<A extends ApiTypes> {
  /**
   * The path the channel addresses are relative to: the server's `pathname` in the document.
   * @default '/'
   */
  readonly basePath?: string;
  /**
   * The largest inbound frame in bytes; a bigger one closes the connection with 1009.
   * @default 1048576
   */
  readonly maxPayload?: number;
  /**
   * Bytes queued to one socket beyond which it is cut off with 4003 (slow consumer) instead of
   * buffering without bound.
   * @default 4194304
   */
  readonly maxBufferedBytes?: number;
  /**
   * Frames of one connection received and not yet handled (they are handled in order); one more
   * closes the connection with 1008, so a client cannot queue without bound behind a slow handler.
   * @default 64
   */
  readonly maxQueuedFrames?: number;
  /**
   * Called for every frame the server cannot take. Return a message of the connection's channel
   * to answer with it (its correlation id is set from the frame's) and keep the connection; return
   * `undefined` for the default: close with the reason's code (`REJECT_CLOSE_CODES`).
   * @default () => undefined
   * @example (r) => r.reason === 'invalid' ? { message: 'error', payload: { event: 'error', reason: r.issue?.message ?? '' } } : undefined
   */
  readonly onReject?: (rejection: Rejection, connection: ChannelConnection<A>) => ServerAnswer<A> | undefined;
  /**
   * Milliseconds a request of the server waits for the client's reply before it rejects with a
   * `TimeoutError`.
   * @default 10000
   */
  readonly requestTimeout?: number;
  /** pino logger. @default silent */
  readonly logger?: Logger;
}

/** One client connected to one channel. */
export interface ChannelConnection<A extends ApiTypes> {
  /** Unique within the server. */
  readonly id: string;
  readonly channel: keyof A['channels'] & string;
  /** The channel's parameters, from the address the client connected to. */
  readonly params: Readonly<Record<string, string>>;
  /** The upgrade request, for headers and the remote address. */
  readonly request: IncomingMessage;
  /** Sends a message of a `send` operation of this connection's channel; `false` when the socket is not open. */
  send<K extends keyof A['send'] & string>(operation: K, message: A['send'][K]['message']): boolean;
  close(code?: number, reason?: string): void;
}

/** What a handler gets besides the message. */
export interface ReceiveContext<A extends ApiTypes, K extends keyof A['receive']> {
  /** The parameters of the operation's channel, typed. */
  readonly params: A['channels'][A['receive'][K]['channel']]['params'];
  readonly connection: ChannelConnection<A>;
  readonly server: ChannelServer<A>;
}

/**
 * One handler per `receive` operation: the validated message in, the reply out (`void` for an
 * operation without one), or a promise of it. A handler that throws fails only its own frame.
 */
export type ReceiveHandlers<A extends ApiTypes> = {
  readonly [K in keyof A['receive']]: (
    message: A['receive'][K]['message'],
    context: ReceiveContext<A, K>,
  ) => A['receive'][K]['reply'] | Promise<A['receive'][K]['reply']>;
};

export interface ChannelServer<A extends ApiTypes> {
  /**
   * Takes the `upgrade` events of `server` under `basePath`: a channel's address opens a
   * connection, any other path gets 404. One outside `basePath` is left to the server's other
   * `upgrade` listeners, or gets 404 when there are none.
   */
  attach(server: HttpServer): void;
  /** Handles one upgrade; `false` (nothing written) when its path is not under `basePath`. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Sends a message of a `send` operation to one connection; `false` when not sent. */
  send<K extends keyof A['send'] & string>(operation: K, connection: ChannelConnection<A>, message: A['send'][K]['message']): boolean;
  /**
   * Sends the message of a `send` operation with a reply to one connection and resolves with the
   * client's reply, validated: the reply that carries the request's correlation id, or, for an
   * operation whose messages carry none, the next reply of that operation. Rejects with an
   * `AnswerError` when another message of the client comes back with its correlation id, a
   * `TimeoutError` after `timeout` ms (default `requestTimeout`), a `ConnectionClosedError` when
   * the connection is not open or closes first. A reply no request waits for is refused
   * (`unhandled`).
   * @throws {TypeError} for an operation without a reply or of another channel, or a correlation
   * id already waiting on this connection.
   */
  request<K extends ServerRequests<A>>(
    operation: K,
    connection: ChannelConnection<A>,
    message: A['send'][K]['message'],
    options?: { readonly timeout?: number },
  ): Promise<A['send'][K]['reply']>;
  /**
   * Sends a message of a `send` operation to every connection on its channel whose parameters
   * include `params`; returns how many it was written to. The frame is encoded once.
   */
  publish<K extends keyof A['send'] & string>(
    operation: K,
    message: A['send'][K]['message'],
    params?: Partial<A['channels'][A['send'][K]['channel']]['params']>,
  ): number;
  readonly connections: ReadonlySet<ChannelConnection<A>>;
  /** Closes every connection with 1001 and stops taking upgrades. */
  close(): Promise<void>;
}
