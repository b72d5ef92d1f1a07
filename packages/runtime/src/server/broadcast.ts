/**
 * The immutable broadcast builder (after socket.io's `BroadcastOperator`): every call
 * returns a new operator, so a shared `toRoom(x)` can never be narrowed by someone else's
 * `except`.
 */
import type { Target } from '../broker/types.js';
import type { ProtocolTypes } from '../protocol.js';
import type { BroadcastOperator, Delivery, EmitData, Senders } from './types.js';

/** The server side of an emit: encode once, deliver here, publish to the other instances. */
export interface Publisher {
  /** `exceptUsers`: users none of whose connections get it, on any instance (not for sequenced room messages). */
  publish(targets: readonly Target[], except: readonly string[], type: string, data: object, exceptUsers?: readonly string[]): Promise<Delivery>;
}

export class Operator<P extends ProtocolTypes> implements BroadcastOperator<P> {
  constructor(
    private readonly publisher: Publisher,
    private readonly targets: readonly Target[],
    private readonly excluded: readonly string[] = [],
  ) {}

  to(room: string): BroadcastOperator<P> {
    return new Operator<P>(this.publisher, [...this.targets, { kind: 'room', room }], this.excluded);
  }

  except(...connectionIds: string[]): BroadcastOperator<P> {
    return new Operator<P>(this.publisher, this.targets, [...this.excluded, ...connectionIds]);
  }

  emit<K extends keyof P['outbound'] & string>(type: K, data: EmitData<P, K>): Promise<Delivery> {
    return this.publisher.publish(this.targets, this.excluded, type, data as object);
  }
}

/** The five entry points, over one publisher. */
export function createSenders<P extends ProtocolTypes>(publisher: Publisher): Senders<P> {
  return {
    toConnection: (connectionId) => new Operator<P>(publisher, [{ kind: 'connection', connectionId }]),
    toUser: (userId) => new Operator<P>(publisher, [{ kind: 'user', userId }]),
    toRoom: (room) => new Operator<P>(publisher, [{ kind: 'room', room }]),
    toSubscribers: (event) => new Operator<P>(publisher, [{ kind: 'subscribers', event }]),
    toAll: () => new Operator<P>(publisher, [{ kind: 'all' }]),
  };
}
