/** The types of the channel client: its options, and the operations and messages of one channel. */
import type { WebSocketLikeConstructor } from '../client/transport.js';
import type { ValidationIssue } from '../protocol.js';
import type { AnswerProblem } from './client-answers.js';
import type { ApiTypes } from './wire.js';

export interface ChannelClientOptions {
  /**
   * The server: scheme, host and the path channel addresses are relative to.
   * @example 'wss://api.example.com/socket'
   */
  readonly url: string;
  /**
   * The WebSocket class.
   * @default globalThis.WebSocket
   * @example import { WebSocket } from 'ws'; // Node 20
   */
  readonly WebSocket?: WebSocketLikeConstructor;
  /**
   * Milliseconds a request waits for its reply before it rejects with a `TimeoutError`.
   * @default 10000
   */
  readonly requestTimeout?: number;
  /** Subprotocols to offer. @default [] */
  readonly protocols?: readonly string[];
  /**
   * Called with every frame from the server that is no valid message of the channel; such a
   * frame reaches no `on` handler and resolves no request.
   * @default () => {} (the frame is dropped)
   */
  readonly onInvalid?: (problem: { readonly reason: 'undecodable' | 'unrecognised' | 'invalid'; readonly issue: ValidationIssue | null }) => void;
  /**
   * Called when an `answer` handler throws (or rejects), or returns a reply that is no valid reply
   * message of its operation (a `ProtocolError` with code `INVALID_MESSAGE`); nothing is sent, and
   * the server's request times out. Without it, the socket closes with 1011 (internal error), as
   * the server closes a connection whose handler throws.
   * @default closes the socket with 1011
   */
  readonly onAnswerError?: (problem: AnswerProblem) => void;
}

/** The `receive` operations (of the server) on channel `C`: what a client of it may send. */
export type OperationsOn<A extends ApiTypes, C extends keyof A['channels']> = {
  [K in keyof A['receive']]: A['receive'][K]['channel'] extends C ? K : never;
}[keyof A['receive']] & string;

/** Of those, the ones with a reply. */
export type RequestsOn<A extends ApiTypes, C extends keyof A['channels']> = {
  [K in OperationsOn<A, C>]: [A['receive'][K]['reply']] extends [void] ? never : K;
}[OperationsOn<A, C>];

/** The `send` operations (of the server) on channel `C` with a reply: the requests a client answers. */
export type AnswersOn<A extends ApiTypes, C extends keyof A['channels']> = {
  [K in keyof A['send']]: A['send'][K]['channel'] extends C ? ([A['send'][K]['reply']] extends [void] ? never : K) : never;
}[keyof A['send']] & string;

/** A client's answer to the server's request `K`: the request in, the reply (or a promise of it) out. */
export type Answer<A extends ApiTypes, K extends keyof A['send']> = (request: A['send'][K]['message']) => A['send'][K]['reply'] | Promise<A['send'][K]['reply']>;

/** The messages the server sends on channel `C`, by name. */
export type ServerMessagesOf<A extends ApiTypes, C extends keyof A['channels']> = A['channels'][C]['fromServer'];

/** One open connection to one channel. */
export interface ChannelSocket<A extends ApiTypes, C extends keyof A['channels'] & string> {
  readonly channel: C;
  /**
   * Sends the message of an operation without waiting for anything.
   * @throws {ConnectionClosedError} when the socket is not open (nothing is queued).
   */
  send<K extends OperationsOn<A, C>>(operation: K, message: A['receive'][K]['message']): void;
  /**
   * Sends a request and resolves with its reply: the reply that carries the same correlation id,
   * or, for an operation whose messages carry none, the next reply of that operation. Rejects with
   * an `AnswerError` when another message comes back with its correlation id (an error message),
   * a `TimeoutError` after `timeout` ms, a `ConnectionClosedError` when the socket closes first.
   * @throws {TypeError} for an operation without a reply, or a correlation id already waiting.
   */
  request<K extends RequestsOn<A, C>>(operation: K, message: A['receive'][K]['message'], options?: { readonly timeout?: number }): Promise<A['receive'][K]['reply']>;
  /**
   * Answers every request of `operation` the server makes on this socket with what `handler`
   * returns: validated as one of the operation's reply messages and sent with the request's
   * correlation id (the runtime writes it where the reply carries one). A request of an operation
   * with no answer registered gets none, so the server's request times out; it still reaches `on`.
   * Returns the function that removes the answer.
   * @throws {TypeError} for an operation that already has an answer on this socket.
   */
  answer<K extends AnswersOn<A, C>>(operation: K, handler: Answer<A, K>): () => void;
  /** Calls `handler` with every valid `message` the server sends; returns the function that stops it. */
  on<M extends keyof ServerMessagesOf<A, C> & string>(message: M, handler: (payload: ServerMessagesOf<A, C>[M]) => void): () => void;
  /** Resolves when the socket has closed, with the close code and reason. */
  readonly closed: Promise<{ readonly code: number; readonly reason: string }>;
  close(code?: number, reason?: string): void;
}
