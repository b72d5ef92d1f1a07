/**
 * This instance's connections, indexed by user, room and event, and the local half of every
 * broadcast: resolve the targets to sockets, then write one encoded frame to each.
 */
import type { Broadcast, Target } from '../broker/types.js';
import type { Connection } from './connection.js';
import { textFrame, type TextFrame } from './frame.js';

/** The connections one target names: a set of the registry's own, never a copy (but for one connection). */
type Members = Iterable<Connection> & { readonly size: number };

function isSkipped(skip: readonly string[] | ReadonlySet<string>, id: string): boolean {
  return Array.isArray(skip) ? skip.includes(id) : (skip as ReadonlySet<string>).has(id);
}

function add<K>(index: Map<K, Set<Connection>>, key: K, connection: Connection): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(connection);
}

function remove<K>(index: Map<K, Set<Connection>>, key: K, connection: Connection): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(connection);
  if (set.size === 0) index.delete(key);
}

export class Registry {
  readonly connections = new Map<string, Connection>();
  readonly #byUser = new Map<string, Set<Connection>>();
  readonly #byRoom = new Map<string, Set<Connection>>();
  readonly #byEvent = new Map<string, Set<Connection>>();

  get size(): number {
    return this.connections.size;
  }

  add(connection: Connection): void {
    this.connections.set(connection.id, connection);
    add(this.#byUser, connection.user.id, connection);
  }

  /** Forgets the connection everywhere; returns the rooms it was in. */
  remove(connection: Connection): string[] {
    if (!this.connections.delete(connection.id)) return [];
    remove(this.#byUser, connection.user.id, connection);
    for (const room of connection.rooms) remove(this.#byRoom, room, connection);
    for (const event of connection.subscriptions) remove(this.#byEvent, event, connection);
    return [...connection.rooms];
  }

  join(connection: Connection, room: string): void {
    connection.addRoom(room);
    add(this.#byRoom, room, connection);
  }

  leave(connection: Connection, room: string): void {
    connection.deleteRoom(room);
    remove(this.#byRoom, room, connection);
  }

  subscribe(connection: Connection, event: string): void {
    connection.addSubscription(event);
    add(this.#byEvent, event, connection);
  }

  unsubscribe(connection: Connection, event: string): void {
    connection.deleteSubscription(event);
    remove(this.#byEvent, event, connection);
  }

  userConnections(userId: string): ReadonlySet<Connection> {
    return this.#byUser.get(userId) ?? new Set();
  }

  /** Writes the broadcast to every local socket it targets; returns how many got it. */
  deliver(broadcast: Broadcast): number {
    const { targets, except, volatile, exceptUsers } = broadcast;
    const only = targets.length === 1 ? targets[0] : undefined;
    // One target (nearly every send) is already a set of distinct connections: no copy to build.
    const receivers = only ? this.#members(only) : this.#union(targets);
    if (receivers === undefined || receivers.size === 0) return 0;
    // A short list is searched; a long one (a large `except(...)`) becomes a set first.
    const skip = except.length === 0 ? null : except.length <= 8 ? except : new Set(except);
    // Encoded and framed once, not once per socket: every socket gets the same bytes.
    let frame: TextFrame | null = null;
    let delivered = 0;
    for (const connection of receivers) {
      if (!connection.authenticated || (skip !== null && isSkipped(skip, connection.id))) continue;
      if (exceptUsers !== undefined && exceptUsers.includes(connection.user.id)) continue;
      // A room being replayed to this connection gets its live messages after the replay.
      if (connection.held !== null && connection.keep(broadcast)) continue;
      frame ??= textFrame(broadcast.frame);
      if (connection.send(frame, volatile)) delivered += 1;
    }
    return delivered;
  }

  #members(target: Target): Members | undefined {
    switch (target.kind) {
      case 'connection': {
        const connection = this.connections.get(target.connectionId);
        return connection ? new Set([connection]) : undefined;
      }
      case 'user':
        return this.#byUser.get(target.userId);
      case 'room':
        return this.#byRoom.get(target.room);
      case 'subscribers':
        return this.#byEvent.get(target.event);
      case 'all': {
        const connections = this.connections;
        return { size: connections.size, [Symbol.iterator]: () => connections.values() };
      }
    }
  }

  /** Several targets: each connection once, however many of them it is in. */
  #union(targets: readonly Target[]): Set<Connection> {
    const receivers = new Set<Connection>();
    for (const target of targets) {
      const members = this.#members(target);
      if (members) for (const connection of members) receivers.add(connection);
    }
    return receivers;
  }
}
