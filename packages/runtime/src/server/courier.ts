/**
 * Every message the server sends goes through here: replies and errors to one connection, and
 * broadcasts, which are encoded once, written to this instance's sockets and published to the
 * other instances through the broker (room messages numbered by the broker on the way).
 */
import type { Broadcast, Target } from '../broker/types.js';
import type { BuiltinMessageType, BuiltinMessages } from '../builtin-messages.js';
import { ProtocolError } from '../errors.js';
import type { ProtocolTypes, ServerProtocol } from '../protocol.js';
import type { Publisher } from './broadcast.js';
import type { Connection } from './connection.js';
import { textFrame } from './frame.js';
import type { ResolvedServerOptions } from './options.js';
import { encode, errorData, newId } from './outbound.js';
import type { Registry } from './registry.js';
import type { Delivery } from './types.js';

/** The lists of the protocol that decide how a message is sent. */
export type SendingRules = Pick<ServerProtocol<ProtocolTypes>, 'volatile' | 'sequenced' | 'outbound'>;

export class Courier implements Publisher {
  readonly volatile: ReadonlySet<string>;
  readonly sequenced: ReadonlySet<string>;
  readonly #outbound: ReadonlySet<string>;

  constructor(
    protocol: SendingRules,
    private readonly options: ResolvedServerOptions,
    private readonly registry: Registry,
  ) {
    this.volatile = new Set(protocol.volatile);
    this.sequenced = new Set(protocol.sequenced);
    this.#outbound = new Set(protocol.outbound);
  }

  /** Whether the spec declares the outbound type (the runtime sends only those). */
  declares(type: string): boolean {
    return this.#outbound.has(type);
  }

  /** Writes one encoded message to one connection, counted in the deliveries metric. */
  sendFrame(connection: Connection, text: string, volatile: boolean): boolean {
    // Not framed for a connection that is gone (replies that outlive their client).
    if (connection.closed) return false;
    const sent = connection.send(textFrame(text), volatile);
    if (sent) this.options.metrics.deliveries.inc();
    return sent;
  }

  /** Sends a message the runtime builds itself, if the spec declares it; typed by what the runtime writes. */
  sendBuiltin<K extends BuiltinMessageType>(connection: Connection, type: K, data: BuiltinMessages[K], correlationId?: string): void {
    this.#sendOwn(connection, type, data, correlationId);
  }

  sendError(connection: Connection, error: ProtocolError, correlationId?: string): void {
    this.options.metrics.rejected.inc({ code: error.code });
    // Not through `sendBuiltin`: a handler may throw a code of its own spec's, beyond the runtime's.
    this.#sendOwn(connection, 'error', errorData(error, correlationId), correlationId);
  }

  /** An unexpected failure while serving one connection: that client alone is told. */
  fail(connection: Connection, error: unknown, correlationId?: string): void {
    if (error instanceof ProtocolError) {
      this.sendError(connection, error, correlationId);
      if (error.closeCode !== undefined) connection.close(error.closeCode, error.message.slice(0, 120));
      return;
    }
    this.options.logger.error({ err: error, connection: connection.id }, 'internal error');
    this.sendError(connection, new ProtocolError('INTERNAL_ERROR', 'internal error'), correlationId);
  }

  #sendOwn(connection: Connection, type: string, data: object, correlationId: string | undefined): void {
    if (!this.#outbound.has(type)) return;
    this.sendFrame(connection, encode(type, data, correlationId), this.volatile.has(type));
    this.options.metrics.countOut(type);
  }

  publish(targets: readonly Target[], except: readonly string[], type: string, data: object, exceptUsers?: readonly string[]): Promise<Delivery> {
    const only = targets.length === 1 ? targets[0] : undefined;
    if (this.sequenced.has(type) && only?.kind === 'room') {
      if (exceptUsers !== undefined) throw new TypeError(`"${type}" is a sequenced room message: every member gets it, no user can be left out`);
      return this.#publishSequenced(only.room, except, type, data);
    }
    return this.#publish(targets, except, type, data, exceptUsers);
  }

  /**
   * A room message with the room's next `seq`: the broker numbers, keeps and delivers it in one
   * step to every instance, this one included, so a room's messages reach every member in `seq`
   * order whichever instance sent them (no per-room chain needed here, and one broker call
   * instead of three).
   */
  async #publishSequenced(room: string, except: readonly string[], type: string, data: object): Promise<Delivery> {
    const id = newId();
    const { head, tail } = framedAroundSeq(type, data, id);
    const volatile = this.volatile.has(type);
    const { seq } = await this.options.broker.publishSequenced({ room, except, type, id, head, tail, volatile }, this.options.roomHistorySize);
    this.options.metrics.countOut(type);
    return { id, seq };
  }

  async #publish(targets: readonly Target[], except: readonly string[], type: string, data: object, exceptUsers?: readonly string[]): Promise<Delivery> {
    const { broker, metrics, nodeId } = this.options;
    const id = newId();
    const frame = encode(type, data, undefined, id);
    const volatile = this.volatile.has(type);
    const broadcast: Broadcast = exceptUsers === undefined ? { targets, except, type, id, frame, volatile } : { targets, except, type, id, frame, volatile, exceptUsers };
    this.deliver(broadcast);
    metrics.countOut(type);
    await broker.publish(nodeId, broadcast);
    if (!volatile && this.options.offlineQueueSize > 0) await this.#queueForOffline(targets, id, frame);
    return { id, seq: null };
  }

  /** A message to a user with no connection anywhere waits in the user's offline queue. */
  async #queueForOffline(targets: readonly Target[], id: string, frame: string): Promise<void> {
    const { broker, metrics } = this.options;
    for (const target of targets) {
      if (target.kind !== 'user' || (await broker.connectionCount(target.userId)) > 0) continue;
      const dropped = await broker.enqueue(target.userId, { id, frame }, this.options.offlineQueueSize);
      // Queue sizes as this instance changed them (exact with one instance).
      metrics.queueSize.inc(1 - dropped);
      if (dropped > 0) metrics.drops.inc({ reason: 'offline_queue_overflow' }, dropped);
    }
  }

  /**
   * Writes a broadcast to this instance's sockets: one published here, another instance's, or a
   * sequenced room message the broker delivers. Counted once per broadcast, not once per socket:
   * a broadcast to 10,000 is one metric update.
   */
  deliver(broadcast: Broadcast): void {
    const delivered = this.registry.deliver(broadcast);
    if (delivered > 0) this.options.metrics.deliveries.inc(delivered);
  }
}

/**
 * The frame of a sequenced message around its position: the broker puts the room's `epoch` and
 * `seq` between `head` and `tail` (`SequencedBroadcast`), as the last keys of `data`. `encode()`
 * puts `data` last in the envelope, so the frame ends with data's `}` and the envelope's: they go
 * in before them, without copying `data` (a copy with one more key was 13% of a publish in a
 * profile).
 */
function framedAroundSeq(type: string, data: object, id: string): { head: string; tail: string } {
  if (Object.hasOwn(data, 'seq') || Object.hasOwn(data, 'epoch')) {
    // The caller's own position is replaced: encode a copy without it.
    const rest: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) if (key !== 'seq' && key !== 'epoch') rest[key] = value;
    return framedAroundSeq(type, rest, id);
  }
  const frame = encode(type, data, undefined, id);
  const empty = frame.endsWith('"data":{}}');
  return { head: empty ? frame.slice(0, -2) : `${frame.slice(0, -2)},`, tail: '}}' };
}
