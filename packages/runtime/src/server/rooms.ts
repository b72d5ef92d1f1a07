/**
 * Joining and leaving rooms, and what the others hear of it. Presence is per user: only a
 * user's first connection in a room (on any instance) is announced with `room.update`
 * client_joined, and only the last one to leave with client_left; `member_count` counts users.
 */
import type { RoomMemberRecord } from '../broker/types.js';
import type { RoomMemberData } from '../builtin-messages.js';
import { ProtocolError } from '../errors.js';
import type { Connection } from './connection.js';
import type { Courier } from './courier.js';
import type { ResolvedServerOptions } from './options.js';
import { isoNow } from './outbound.js';
import type { Presence } from './presence.js';
import type { Registry } from './registry.js';
import type { Typing } from './typing.js';

/** What a join did. */
export interface Joined {
  /** The seq of the join's own `room.update`; `null` when the join announced nothing. */
  readonly seq: number | null;
  /** The room's members right after the join, when they were read for the join event. */
  readonly members: readonly RoomMemberData[] | null;
}

const NOTHING_NEW: Joined = Object.freeze({ seq: null, members: null });

/** Presence: one entry per user, with how many of their connections are in the room. */
export function membersOf(records: readonly RoomMemberRecord[]): RoomMemberData[] {
  const byUser = new Map<string, RoomMemberData>();
  for (const record of records) {
    const member = byUser.get(record.userId);
    if (!member) {
      byUser.set(record.userId, { user_id: record.userId, username: record.username, connections: 1, joined_at: record.joinedAt });
    } else {
      member.connections += 1;
      if (record.joinedAt < member.joined_at) member.joined_at = record.joinedAt;
    }
  }
  return [...byUser.values()];
}

export class Rooms {
  constructor(
    private readonly options: ResolvedServerOptions,
    private readonly registry: Registry,
    private readonly courier: Courier,
    private readonly presence: Presence,
    private readonly typing: Typing,
  ) {}

  /**
   * Joins a room (authorization, when asked, and the per-connection room limit first); tells
   * the others when the user is new in the room.
   */
  async join(connection: Connection, room: string, authorize: boolean): Promise<Joined> {
    if (connection.rooms.has(room)) return NOTHING_NEW;
    await this.#admit(connection, room, authorize);
    this.registry.join(connection, room);
    const joinedAt = isoNow();
    const { broker } = this.options;
    const change = await broker.addMember(room, { userId: connection.user.id, username: connection.user.name, connectionId: connection.id, joinedAt });
    // Presence is per user: another connection of the user (on any instance) already announced them.
    if (!change.userChanged || !this.courier.declares('room.update')) return NOTHING_NEW;
    const members = membersOf(await broker.members(room));
    const delivery = await this.courier.publish([{ kind: 'room', room }], [connection.id], 'room.update', {
      room_id: room,
      event: 'client_joined',
      user_id: connection.user.id,
      username: connection.user.name,
      timestamp: joinedAt,
      member_count: members.length,
    });
    await this.presence.joined(connection, room);
    return { seq: delivery.seq, members };
  }

  /**
   * Throws the error `room.join` would get for the room (`FORBIDDEN`: not authorized, or the
   * per-connection room limit), without joining it; nothing for a room the connection is in.
   */
  async admit(connection: Connection, room: string): Promise<void> {
    if (!connection.rooms.has(room)) await this.#admit(connection, room, true);
  }

  async #admit(connection: Connection, room: string, authorize: boolean): Promise<void> {
    const { authorizeRoom, maxRoomsPerConnection } = this.options;
    if (authorize && authorizeRoom && !(await authorizeRoom(connection.user, room))) {
      throw new ProtocolError('FORBIDDEN', `not allowed to join room "${room}"`, { details: { room_id: room } });
    }
    if (connection.rooms.size >= maxRoomsPerConnection) {
      throw new ProtocolError('FORBIDDEN', `at most ${maxRoomsPerConnection} rooms per connection`, {
        details: { room_id: room, limit: maxRoomsPerConnection },
      });
    }
  }

  /**
   * Removes a connection from a room (`local`: also from this instance's index; a closed
   * connection is gone from it already). A typing indicator it left running is ended; when it
   * was the user's last connection in the room (on any instance) the others hear `room.update`
   * client_left, and nothing otherwise.
   */
  async leave(connection: Connection, room: string, local = true): Promise<void> {
    if (local) this.registry.leave(connection, room);
    const change = await this.options.broker.removeMember(room, connection.id);
    await this.typing.left(connection, room);
    if (!change.userChanged || !this.courier.declares('room.update')) return;
    await this.courier.publish([{ kind: 'room', room }], [connection.id], 'room.update', {
      room_id: room,
      event: 'client_left',
      user_id: connection.user.id,
      username: connection.user.name,
      timestamp: isoNow(),
      member_count: change.userCount,
    });
  }
}
