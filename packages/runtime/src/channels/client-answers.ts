/**
 * A client's answers to the server's requests (AsyncAPI 3.0.0 "Operation Reply Object" of a `send`
 * operation, "Correlation ID Object"): the handler registered for the operation gets the request
 * and returns the reply, which is validated as one of the operation's reply messages and sent
 * with the request's correlation id written where that reply message carries it. Replies without
 * a correlation id are matched by the server in order, so those answers go out in the order their
 * requests came in. A request with no answer registered gets none (the server's request times out).
 */
import { ProtocolError } from '../errors.js';
import type { ValidationIssue } from '../protocol.js';
import { readPath, writePath } from './pointer.js';
import type { WireChannel, WireMessage, WireOperation } from './wire.js';

/** What an answer handler is at run time; the socket types it per operation. */
export type AnswerHandler = (request: unknown) => unknown;

/** What went wrong answering one request: the handler threw, or its reply is no valid reply message. */
export interface AnswerProblem {
  readonly operation: string;
  readonly error: unknown;
}

export class Answers {
  readonly #handlers = new Map<string, AnswerHandler>();
  /** The server's requests on this channel, by operation key and by request message name. */
  readonly #operations: ReadonlyMap<string, WireOperation>;
  readonly #byMessage = new Map<string, WireOperation>();
  readonly #replies: ReadonlyMap<string, WireMessage>;
  #inOrder: Promise<void> = Promise.resolve();

  constructor(
    readonly channel: string,
    wire: WireChannel,
    operations: readonly WireOperation[],
    readonly write: (value: unknown) => void,
    readonly failed: (problem: AnswerProblem) => void,
  ) {
    const requests = operations.filter((op) => op.action === 'send' && op.channel === channel && op.reply !== null);
    this.#operations = new Map(requests.map((op) => [op.key, op]));
    for (const op of requests) for (const m of op.messages) if (!this.#byMessage.has(m)) this.#byMessage.set(m, op);
    this.#replies = new Map(wire.fromClient.messages.map((m) => [m.name, m]));
  }

  /**
   * Registers the answer to `operation`; returns the function that removes it.
   * @throws {TypeError} for an operation that is no request of the server on this channel, or one already answered.
   */
  register(operation: string, handler: AnswerHandler): () => void {
    if (!this.#operations.has(operation)) throw new TypeError(`"${operation}" is not a request the server makes on channel "${this.channel}"`);
    if (this.#handlers.has(operation)) throw new TypeError(`"${operation}" already has an answer`);
    this.#handlers.set(operation, handler);
    return () => {
      if (this.#handlers.get(operation) === handler) this.#handlers.delete(operation);
    };
  }

  /** Answers `value`, a valid `message` from the server, when it is a request with an answer registered. */
  take(message: WireMessage, value: unknown): void {
    const op = this.#byMessage.get(message.name);
    const handler = op === undefined ? undefined : this.#handlers.get(op.key);
    if (op === undefined || handler === undefined) return;
    const id = message.correlation === null ? undefined : readPath(value, message.correlation);
    const after = id === undefined ? this.#inOrder : Promise.resolve();
    const done = after
      .then(() => handler(value))
      .then((reply) => this.write(this.#reply(op, reply, id)))
      .catch((error: unknown) => this.failed({ operation: op.key, error }));
    if (id === undefined) this.#inOrder = done;
  }

  /** `reply` as the first reply message of `op` it is valid as, with the correlation id in place. */
  #reply(op: WireOperation, reply: unknown, id: unknown): unknown {
    let first: ValidationIssue | null = null;
    for (const name of op.reply ?? []) {
      const m = this.#replies.get(name);
      if (m === undefined) continue;
      const candidate = m.correlation !== null && id !== undefined ? writePath(reply, m.correlation, id) : reply;
      const v = m.validate(candidate);
      if (v.ok) return v.value;
      first ??= v.error;
    }
    const where = first === null ? '' : `: ${first.pointer || '/'} ${first.message}`;
    throw new ProtocolError('INVALID_MESSAGE', `the answer to "${op.key}" is no valid ${(op.reply ?? []).join(' or ')}${where}`, {
      details: first === null ? {} : { pointer: first.pointer, keyword: first.keyword },
    });
  }
}
