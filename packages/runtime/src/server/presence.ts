/**
 * `presence.status` (asyncapi.yaml, message `presenceStatus`): the users who share a room with
 * someone hear when they come online and when they go offline, once per connection.
 *
 * - Online: announced to a room when the first connection of a user who was offline joins it
 *   (at connect time a connection is in no room yet, so there is nobody to tell). Later joins are
 *   announced by `room.update` only.
 * - Offline: when a user's last connection anywhere closes, after `presenceGraceMs`, to every
 *   room that connection was in, unless the user is back by then (a reload does not flicker:
 *   coming back within the grace period announces nothing at all).
 */
import type { BuiltinMessages } from '../builtin-messages.js';
import type { Connection } from './connection.js';
import type { Courier } from './courier.js';
import type { ResolvedServerOptions } from './options.js';
import type { Registry } from './registry.js';

const TYPE = 'presence.status';

export class Presence {
  /** Users whose offline announcement is waiting out the grace period on this instance. */
  readonly #leaving = new Map<string, NodeJS.Timeout>();
  /** Connections whose first room join announces their user online. */
  readonly #announce = new WeakSet<Connection>();

  constructor(
    private readonly options: ResolvedServerOptions,
    private readonly registry: Registry,
    private readonly courier: Courier,
  ) {}

  get #enabled(): boolean {
    return this.courier.declares(TYPE);
  }

  async established(connection: Connection): Promise<void> {
    const user = connection.user.id;
    const leaving = this.#leaving.get(user);
    if (leaving) {
      clearTimeout(leaving);
      this.#leaving.delete(user);
      return;
    }
    if ((await this.options.broker.connectionCount(user)) === 1) this.#announce.add(connection);
  }

  async joined(connection: Connection, room: string): Promise<void> {
    if (!this.#enabled || !this.#announce.has(connection)) return;
    this.#announce.delete(connection);
    const own = [...this.registry.userConnections(connection.user.id)].map((c) => c.id);
    await this.courier.publish([{ kind: 'room', room }], own, TYPE, this.#status(connection, 'online'));
  }

  /** After the connection is gone and its slot released. */
  async closed(connection: Connection, rooms: readonly string[]): Promise<void> {
    if (!this.#enabled || rooms.length === 0) return;
    const { broker, logger, presenceGraceMs } = this.options;
    const user = connection.user.id;
    if ((await broker.connectionCount(user)) > 0) return;
    const data = this.#status(connection, 'offline');
    clearTimeout(this.#leaving.get(user));
    const timer = setTimeout(() => {
      this.#leaving.delete(user);
      void (async () => {
        if ((await broker.connectionCount(user)) > 0) return;
        await this.courier.publish(rooms.map((room) => ({ kind: 'room', room })), [], TYPE, data);
      })().catch((error: unknown) => logger.error({ err: error, user }, 'presence announcement failed'));
    }, presenceGraceMs);
    timer.unref();
    this.#leaving.set(user, timer);
  }

  close(): void {
    for (const timer of this.#leaving.values()) clearTimeout(timer);
    this.#leaving.clear();
  }

  #status(connection: Connection, status: 'online' | 'offline'): BuiltinMessages['presence.status'] {
    return {
      user_id: connection.user.id,
      username: connection.user.name,
      status,
      last_seen: new Date(connection.lastSeen).toISOString(),
    };
  }
}
