/**
 * Typing indicators, per user (asyncapi.yaml, `user.typing`): an indicator goes to everyone in
 * the room but the typer's own connections, on every instance; a connection that leaves a room,
 * or closes, while its indicator is on ends it with `is_typing: false`, unless another connection
 * of the same user on this instance is still typing there.
 *
 * The state is kept on the instance of the typing connection, which is also where that
 * connection's leave and close are handled, so nothing about typing needs to be shared. An
 * indicator not renewed within `STALE_AFTER_MS` counts as stopped for every receiver, and is not
 * ended again.
 */
import type { Publisher } from './broadcast.js';
import type { Connection } from './connection.js';
import type { Registry } from './registry.js';

const TYPE = 'user.typing';

/** Receivers treat an indicator not renewed within this time as stopped (asyncapi.yaml, `typing`). */
export const STALE_AFTER_MS = 10_000;

export class Typing {
  /** Per connection: the rooms it is typing in, with the time it last said so. */
  readonly #typing = new WeakMap<Connection, Map<string, number>>();

  constructor(
    private readonly publisher: Publisher,
    /** The user's other connections here. */
    private readonly registry: Registry,
    /** Whether the spec has `user.typing` at all. */
    private readonly enabled: boolean,
  ) {}

  /** Records the connection's indicator in the room and tells the room. */
  async set(connection: Connection, room: string, isTyping: boolean): Promise<void> {
    if (!this.enabled) return;
    let rooms = this.#typing.get(connection);
    if (isTyping) {
      if (!rooms) this.#typing.set(connection, (rooms = new Map()));
      rooms.set(room, Date.now());
    } else {
      rooms?.delete(room);
    }
    await this.#announce(connection, room, isTyping);
  }

  /** The connection left the room (or closed): ends an indicator it left on. */
  async left(connection: Connection, room: string): Promise<void> {
    const rooms = this.#typing.get(connection);
    const since = rooms?.get(room);
    if (rooms === undefined || since === undefined) return;
    rooms.delete(room);
    if (Date.now() - since >= STALE_AFTER_MS || this.#otherTyping(connection, room)) return;
    await this.#announce(connection, room, false);
  }

  #otherTyping(connection: Connection, room: string): boolean {
    const now = Date.now();
    for (const other of this.registry.userConnections(connection.user.id)) {
      const since = other === connection ? undefined : this.#typing.get(other)?.get(room);
      if (since !== undefined && now - since < STALE_AFTER_MS) return true;
    }
    return false;
  }

  async #announce(connection: Connection, room: string, isTyping: boolean): Promise<void> {
    const { id, name } = connection.user;
    const data = { room_id: room, user_id: id, username: name, is_typing: isTyping };
    await this.publisher.publish([{ kind: 'room', room }], [], TYPE, data, [id]);
  }
}
