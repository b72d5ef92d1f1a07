/**
 * One connection's inbound frames, in order: decode, recognise, validate, route to the handler of
 * the `receive` operation that takes the message, and send its reply with the request's
 * correlation id; or, for a reply to a request of the server's own, settle that request; or refuse
 * the frame (reject.ts). Nothing a client sends reaches past its own
 * connection: every failure, a throwing handler included, ends here.
 */
import type { RawData } from 'ws';
import type { Logger } from 'pino';
import { readPath, writePath } from './pointer.js';
import { recognise, recogniser, type Recogniser } from './recognise.js';
import { REJECT_CLOSE_CODES, closeReason, type RejectReason, type Rejection } from './reject.js';
import type { ChannelConnection, ChannelServer, ChannelServerOptions, ReceiveHandlers } from './server-types.js';
import type { ApiTypes, FrameCodec, WireMessage, WireOperation, WireProtocol } from './wire.js';

/** What the router needs of the server around it. */
export interface Outlet<A extends ApiTypes> {
  readonly server: ChannelServer<A>;
  encode(value: unknown): string;
  write(connection: ChannelConnection<A>, text: string): boolean;
  isOpen(connection: ChannelConnection<A>): boolean;
  /** Settles the server's request on `connection` that the reply `name` (carrying `id`) answers; `false` when none waits. */
  settle(connection: ChannelConnection<A>, name: string, id: unknown, value: unknown): boolean;
}

interface RouterOptions<A extends ApiTypes> {
  readonly codec: FrameCodec;
  readonly logger: Logger;
  readonly onReject: ChannelServerOptions<A>['onReject'] | undefined;
  readonly maxQueuedFrames: number;
}

/** RFC 6455 policy violation: more frames in flight than `maxQueuedFrames`. */
const TOO_MANY_FRAMES = 1008;

/** Per channel: how a client frame is recognised, which operation takes each message, what the server may answer with. */
interface ChannelRoutes {
  readonly recogniser: Recogniser;
  readonly operations: ReadonlyMap<string, WireOperation>;
  readonly fromServer: ReadonlyMap<string, WireMessage>;
}

type Handler = (message: unknown, context: object) => unknown;

export class InboundRouter<A extends ApiTypes> {
  readonly #routes = new Map<string, ChannelRoutes>();
  readonly #handlers: Readonly<Record<string, Handler>>;

  constructor(protocol: WireProtocol, handlers: ReceiveHandlers<A>, readonly outlet: Outlet<A>, readonly options: RouterOptions<A>) {
    // The mapped handler type is keyed by operation; at run time it is looked up by key.
    this.#handlers = handlers as unknown as Readonly<Record<string, Handler>>;
    for (const channel of protocol.channels) {
      const operations = new Map<string, WireOperation>();
      for (const op of protocol.operations) {
        if (op.action !== 'receive' || op.channel !== channel.key) continue;
        for (const m of op.messages) if (!operations.has(m)) operations.set(m, op);
      }
      this.#routes.set(channel.key, {
        recogniser: recogniser(channel.fromClient),
        operations,
        fromServer: new Map(channel.fromServer.messages.map((m) => [m.name, m])),
      });
    }
  }

  /** The frame sink of one connection; frames are handled one after another. */
  connection(connection: ChannelConnection<A>): { frame(data: RawData, isBinary: boolean): void } {
    let tail: Promise<void> = Promise.resolve();
    let queued = 0;
    return {
      frame: (data, isBinary) => {
        if (++queued > this.options.maxQueuedFrames) {
          this.options.logger.warn({ connection: connection.id, queued }, 'too many frames in flight');
          connection.close(TOO_MANY_FRAMES, 'too many frames in flight');
          return;
        }
        tail = tail.then(() => this.#frame(connection, data, isBinary)).catch((error: unknown) => {
          this.options.logger.error({ err: error, connection: connection.id }, 'frame handling failed');
          connection.close(REJECT_CLOSE_CODES['handler-failed'], 'internal error');
        }).finally(() => {
          queued--;
        });
      },
    };
  }

  async #frame(connection: ChannelConnection<A>, data: RawData, isBinary: boolean): Promise<void> {
    if (!this.outlet.isOpen(connection)) return;
    const routes = this.#routes.get(connection.channel);
    if (!routes) throw new TypeError(`no routes for channel "${connection.channel}"`);
    const base = { channel: connection.channel, message: null, issue: null, correlationId: undefined };
    if (isBinary) return this.#reject(connection, routes, { ...base, reason: 'binary' });
    let value: unknown;
    try {
      value = this.options.codec.decode(text(data));
    } catch (error) {
      return this.#reject(connection, routes, { ...base, reason: 'undecodable', error });
    }
    const found = recognise(routes.recogniser, value);
    const correlation = found.message?.correlation ?? null;
    const correlationId = correlation ? readPath(value, correlation) : undefined;
    if (!found.ok) {
      return this.#reject(connection, routes, { ...base, reason: found.reason, message: found.message?.name ?? null, issue: found.issue, correlationId });
    }
    const op = routes.operations.get(found.message.name);
    if (!op && this.outlet.settle(connection, found.message.name, correlationId, found.value)) return;
    if (!op) return this.#reject(connection, routes, { ...base, reason: 'unhandled', message: found.message.name, correlationId });
    await this.#dispatch(connection, routes, op, found.value, { ...base, message: found.message.name, correlationId });
  }

  async #dispatch(connection: ChannelConnection<A>, routes: ChannelRoutes, op: WireOperation, value: unknown, base: Omit<Rejection, 'reason'>): Promise<void> {
    const handler = this.#handlers[op.key];
    if (!handler) throw new TypeError(`no handler for the receive operation "${op.key}"`);
    let reply: unknown;
    try {
      reply = await handler(value, { params: connection.params, connection, server: this.outlet.server });
    } catch (error) {
      return this.#reject(connection, routes, { ...base, reason: 'handler-failed', error });
    }
    if (op.reply === null || reply === undefined || !this.outlet.isOpen(connection)) return;
    const replies = op.reply.map((name) => routes.fromServer.get(name)).filter((m): m is WireMessage => m !== undefined);
    // Which reply the handler returned matters only for where its correlation id goes.
    const message = replies.find((m) => m.validate(reply).ok) ?? replies[0];
    this.#send(connection, message, reply, base.correlationId);
  }

  #send(connection: ChannelConnection<A>, message: WireMessage | undefined, payload: unknown, correlationId: unknown): void {
    const path = message?.correlation ?? null;
    const value = path !== null && correlationId !== undefined ? writePath(payload, path, correlationId) : payload;
    this.outlet.write(connection, this.outlet.encode(value));
  }

  #reject(connection: ChannelConnection<A>, routes: ChannelRoutes, rejection: Rejection): void {
    const level = rejection.reason === 'handler-failed' ? 'error' : 'info';
    this.options.logger[level]({ connection: connection.id, rejection: { ...rejection, error: undefined }, err: rejection.error }, 'frame refused');
    const answer = this.#answer(connection, rejection);
    const message = answer === undefined ? undefined : routes.fromServer.get(String(answer.message));
    if (answer !== undefined && message !== undefined) {
      this.#send(connection, message, answer.payload, rejection.correlationId);
      return;
    }
    if (answer !== undefined) {
      this.options.logger.error({ connection: connection.id, message: answer.message }, 'onReject answered with a message the server does not send on this channel');
    }
    connection.close(REJECT_CLOSE_CODES[rejection.reason satisfies RejectReason], closeReason(rejection));
  }

  #answer(connection: ChannelConnection<A>, rejection: Rejection): { readonly message: PropertyKey; readonly payload: unknown } | undefined {
    try {
      return this.options.onReject?.(rejection, connection);
    } catch (error) {
      this.options.logger.error({ err: error, connection: connection.id }, 'onReject threw; closing with the default code');
      return undefined;
    }
  }
}

function text(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
