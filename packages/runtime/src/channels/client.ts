/**
 * The channel client: one WebSocket per channel connection, the channel's address filled with
 * typed parameters. Frames from the server are recognised and validated like the server does
 * (recognise.ts); a reply settles the request with the same correlation id, or, when the
 * operation's messages carry none, the oldest request of that operation still waiting. A request
 * of the server's is answered by the handler registered for its operation (client-answers.ts).
 */
import { ConnectionClosedError, TimeoutError } from '../errors.js';
import type { WebSocketLike } from '../client/transport.js';
import { fillAddress, joinPath } from './address.js';
import { Answers, type AnswerHandler, type AnswerProblem } from './client-answers.js';
import type { Answer, AnswersOn, ChannelClientOptions, ChannelSocket, OperationsOn, RequestsOn, ServerMessagesOf } from './client-types.js';
import { Pending } from './pending.js';
import { readPath } from './pointer.js';
import { recognise, recogniser, type Recogniser } from './recognise.js';
import { JSON_CODEC, type ApiTypes, type WireChannel, type WireOperation, type WireProtocol } from './wire.js';

export const DEFAULT_CHANNEL_CLIENT_OPTIONS = Object.freeze({ requestTimeout: 10_000 });

class Socket<A extends ApiTypes, C extends keyof A['channels'] & string> implements ChannelSocket<A, C> {
  readonly #listeners = new Map<string, Set<(payload: unknown) => void>>();
  readonly #pending: Pending;
  readonly #answers: Answers;
  readonly #recogniser: Recogniser;
  readonly #operations: ReadonlyMap<string, WireOperation>;
  readonly closed: Promise<{ readonly code: number; readonly reason: string }>;

  constructor(
    readonly channel: C,
    wire: WireChannel,
    readonly protocol: WireProtocol,
    readonly ws: WebSocketLike,
    readonly options: ChannelClientOptions,
  ) {
    this.#recogniser = recogniser(wire.fromServer);
    this.#operations = new Map(protocol.operations.filter((op) => op.action === 'receive' && op.channel === channel).map((op) => [op.key, op]));
    this.#pending = new Pending(wire.fromClient);
    this.#answers = new Answers(channel, wire, protocol.operations, (reply) => this.#write(reply), (problem) => this.#answerFailed(problem));
    ws.addEventListener('message', (event) => this.#frame(event.data));
    this.closed = new Promise((resolve) => {
      ws.addEventListener('close', (event) => {
        this.#pending.rejectAll(new ConnectionClosedError(`the connection closed with ${event.code} ${event.reason}`.trim()));
        resolve({ code: event.code, reason: event.reason });
      });
    });
  }

  send<K extends OperationsOn<A, C>>(operation: K, message: A['receive'][K]['message']): void {
    this.#operation(operation);
    this.#write(message);
  }

  request<K extends RequestsOn<A, C>>(operation: K, message: A['receive'][K]['message'], options: { readonly timeout?: number } = {}): Promise<A['receive'][K]['reply']> {
    const op = this.#operation(operation);
    if (op.reply === null) throw new TypeError(`operation "${operation}" has no reply; use send`);
    if (this.ws.readyState !== 1) return Promise.reject(new ConnectionClosedError('the connection is not open'));
    const timeout = options.timeout ?? this.options.requestTimeout ?? DEFAULT_CHANNEL_CLIENT_OPTIONS.requestTimeout;
    const reply = this.#pending.add(op, message, timeout, () => new TimeoutError(`no reply to "${operation}" within ${timeout} ms`));
    this.#write(message);
    // The pending entry is typed by the operation's reply messages, which the validators checked.
    return reply as Promise<A['receive'][K]['reply']>;
  }

  on<M extends keyof ServerMessagesOf<A, C> & string>(message: M, handler: (payload: ServerMessagesOf<A, C>[M]) => void): () => void {
    if (!this.#recogniser.direction.messages.some((m) => m.name === message)) {
      throw new TypeError(`the server sends no message "${message}" on channel "${this.channel}"`);
    }
    const set = this.#listeners.get(message) ?? new Set();
    this.#listeners.set(message, set);
    const listener = handler as (payload: unknown) => void;
    set.add(listener);
    return () => set.delete(listener);
  }

  answer<K extends AnswersOn<A, C>>(operation: K, handler: Answer<A, K>): () => void {
    // Typed per operation above; the runtime hands it the validated request of that operation.
    return this.#answers.register(operation, handler as AnswerHandler);
  }

  close(code?: number, reason?: string): void {
    this.ws.close(code, reason);
  }

  /**
   * An answer that was not sent goes to `onAnswerError`; without one, or when it throws itself,
   * the connection closes with 1011 as a failing handler's does, and the server's request fails.
   */
  #answerFailed(problem: AnswerProblem): void {
    const { onAnswerError } = this.options;
    if (onAnswerError === undefined) {
      this.ws.close(1011, `answer to ${problem.operation} failed`);
      return;
    }
    try {
      onAnswerError(problem);
    } catch (error) {
      // A close reason has at most 123 bytes: the error's message, cut, says what went wrong.
      const why = error instanceof Error ? error.message : String(error);
      this.ws.close(1011, `onAnswerError threw: ${why}`.slice(0, 60));
    }
  }

  #operation(key: string): WireOperation {
    const op = this.#operations.get(key);
    if (!op) throw new TypeError(`"${key}" is not an operation a client sends on channel "${this.channel}"`);
    return op;
  }

  #write(message: unknown): void {
    if (this.ws.readyState !== 1) throw new ConnectionClosedError('the connection is not open');
    this.ws.send((this.protocol.codec ?? JSON_CODEC).encode(message));
  }

  #frame(data: unknown): void {
    let value: unknown;
    try {
      value = (this.protocol.codec ?? JSON_CODEC).decode(typeof data === 'string' ? data : String(data));
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      this.options.onInvalid?.({ reason: 'undecodable', issue: null });
      return;
    }
    const found = recognise(this.#recogniser, value);
    if (!found.ok) {
      this.options.onInvalid?.({ reason: found.reason, issue: found.issue });
      return;
    }
    const id = found.message.correlation ? readPath(found.value, found.message.correlation) : undefined;
    this.#pending.settle(found.message.name, id, found.value);
    this.#answers.take(found.message, found.value);
    for (const listener of this.#listeners.get(found.message.name) ?? []) listener(found.value);
  }
}

/**
 * Opens a connection to `channel` of `protocol` at `options.url`, its address filled with `params`.
 * Resolves once the socket is open; rejects with a `ConnectionClosedError` when it closes first.
 * @throws {TypeError} synchronously for a channel the protocol does not have or a missing parameter.
 */
export function connectChannel<A extends ApiTypes, C extends keyof A['channels'] & string>(
  protocol: WireProtocol,
  channel: C,
  params: A['channels'][C]['params'],
  options: ChannelClientOptions,
): Promise<ChannelSocket<A, C>> {
  const wire = protocol.channels.find((c) => c.key === channel);
  if (!wire) throw new TypeError(`${protocol.title} has no channel "${channel}"`);
  const base = new URL(options.url);
  base.pathname = joinPath(base.pathname, fillAddress(wire.address, params));
  const WebSocketClass = options.WebSocket ?? (globalThis as { WebSocket?: ChannelClientOptions['WebSocket'] }).WebSocket;
  if (!WebSocketClass) throw new TypeError('no WebSocket class: pass options.WebSocket (e.g. ws\'s) on Node 20');
  const ws = new WebSocketClass(base.href, [...(options.protocols ?? [])]);
  const socket = new Socket<A, C>(channel, wire, protocol, ws, options);
  return new Promise((resolve, reject) => {
    ws.addEventListener('open', () => resolve(socket));
    ws.addEventListener('close', (event) => reject(new ConnectionClosedError(`the connection closed before it opened: ${event.code} ${event.reason}`.trim())));
  });
}
