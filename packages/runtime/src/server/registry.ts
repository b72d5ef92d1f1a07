/**
 * This instance's connections, indexed by user, room and event, and the local half of every
 * broadcast: resolve the targets to sockets, then write one encoded frame to each.
 */
import type { Broadcast } from '../broker/types.js';
import type { Connection } from './connection.js';

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
    connection.rooms.add(room);
    add(this.#byRoom, room, connection);
  }

  leave(connection: Connection, room: string): void {
    connection.rooms.delete(room);
    remove(this.#byRoom, room, connection);
  }

  subscribe(connection: Connection, event: string): void {
    connection.subscriptions.add(event);
    add(this.#byEvent, event, connection);
  }

  unsubscribe(connection: Connection, event: string): void {
    connection.subscriptions.delete(event);
    remove(this.#byEvent, event, connection);
  }

  userConnections(userId: string): ReadonlySet<Connection> {
    return this.#byUser.get(userId) ?? new Set();
  }

  /** Writes the broadcast to every local socket it targets; returns how many got it. */
  deliver(broadcast: Broadcast): number {
    const receivers = this.#resolve(broadcast);
    if (receivers.size === 0) return 0;
    // Encoded once: every socket gets the same bytes (DESIGN.md, "Fast by construction").
    const frame = receivers.size === 1 ? broadcast.frame : Buffer.from(broadcast.frame);
    let delivered = 0;
    for (const connection of receivers) {
      if (connection.send(frame, broadcast.volatile)) delivered += 1;
    }
    return delivered;
  }

  #resolve(broadcast: Broadcast): Set<Connection> {
    const receivers = new Set<Connection>();
    const take = (connections: Iterable<Connection> | undefined): void => {
      if (connections) for (const connection of connections) if (connection.authenticated) receivers.add(connection);
    };
    for (const target of broadcast.targets) {
      switch (target.kind) {
        case 'connection': {
          const connection = this.connections.get(target.connectionId);
          if (connection?.authenticated) receivers.add(connection);
          break;
        }
        case 'user':
          take(this.#byUser.get(target.userId));
          break;
        case 'room':
          take(this.#byRoom.get(target.room));
          break;
        case 'subscribers':
          take(this.#byEvent.get(target.event));
          break;
        case 'all':
          take(this.connections.values());
          break;
      }
    }
    for (const id of broadcast.except) {
      const connection = this.connections.get(id);
      if (connection) receivers.delete(connection);
    }
    return receivers;
  }
}
