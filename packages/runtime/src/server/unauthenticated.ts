/**
 * Sockets upgraded without a token, still waiting for their `auth` message. They have caps of
 * their own, in total and per client address, and do not count against the connection limit of
 * authenticated users: sockets that never authenticate cannot keep real users out.
 */
import { addressGroup } from './client-address.js';
import type { Connection } from './connection.js';

export interface UnauthenticatedLimits {
  readonly maxUnauthenticatedConnections: number;
  readonly maxUnauthenticatedPerAddress: number;
}

/** Which cap a new socket would exceed. */
export type UnauthenticatedRefusal = 'total' | 'address';

/** A connection's address as counted (an IPv6 /64 is one); connections of unknown address share one count. */
function keyOf(address: string | null): string {
  return address === null ? '' : addressGroup(address);
}

export class UnauthenticatedSockets implements Iterable<Connection> {
  readonly #connections = new Set<Connection>();
  readonly #byAddress = new Map<string, number>();

  constructor(private readonly limits: UnauthenticatedLimits) {}

  get size(): number {
    return this.#connections.size;
  }

  /** Sockets waiting from this address. */
  countFrom(address: string | null): number {
    return this.#byAddress.get(keyOf(address)) ?? 0;
  }

  /** The cap one more socket from `address` would exceed, or `null` when it may wait for auth. */
  refusal(address: string | null): UnauthenticatedRefusal | null {
    if (this.#connections.size >= this.limits.maxUnauthenticatedConnections) return 'total';
    if (this.countFrom(address) >= this.limits.maxUnauthenticatedPerAddress) return 'address';
    return null;
  }

  add(connection: Connection): void {
    if (this.#connections.has(connection)) return;
    this.#connections.add(connection);
    const key = keyOf(connection.remoteAddress);
    this.#byAddress.set(key, (this.#byAddress.get(key) ?? 0) + 1);
  }

  /** Forgets the connection (authenticated or closed); `false` when it was not waiting. */
  delete(connection: Connection): boolean {
    if (!this.#connections.delete(connection)) return false;
    const key = keyOf(connection.remoteAddress);
    const count = (this.#byAddress.get(key) ?? 1) - 1;
    if (count === 0) this.#byAddress.delete(key);
    else this.#byAddress.set(key, count);
    return true;
  }

  [Symbol.iterator](): Iterator<Connection> {
    return this.#connections.values();
  }
}
