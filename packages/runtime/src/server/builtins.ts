/**
 * The messages the runtime answers itself (operations marked `x-switchboard-owner: runtime` in
 * asyncapi.yaml): auth, auth.refresh, ping/heartbeat, subscribe/unsubscribe, room.join/leave,
 * ack and resume. Each input was validated against the spec before it gets here, so the shapes
 * below are the spec's, read through the few fields each built-in needs.
 */
import type { RoomMemberRecord } from '../broker/types.js';
import { CloseCodes, ProtocolError } from '../errors.js';
import type { Envelope, ProtocolTypes } from '../protocol.js';
import type { Connection } from './connection.js';
import { slotRetryAfter } from './admission.js';
import { retrySeconds } from './http.js';
import { isoNow } from './outbound.js';
import { replayRoom } from './replay.js';
import type { Core } from './server.js';
import type { User } from './types.js';
import { unknownEventsIn } from './unknown-events.js';

/** A built-in handler; returns a promise only when it has asynchronous work. */
export type Builtin = <P extends ProtocolTypes>(core: Core<P>, connection: Connection, message: Envelope) => Promise<void> | void;

interface TokenData { readonly token: string }
interface PingData { readonly pingId?: string }
interface EventsData { readonly events: readonly string[] }
interface RoomData { readonly room_id: string }
interface AckData { readonly room_id?: string; readonly seq?: number; readonly ids?: readonly string[] }
interface ResumeData {
  readonly last_seq: readonly { readonly room_id: string; readonly epoch?: string; readonly seq: number }[];
  readonly last_notification_id?: string;
}

function dataOf<T>(message: Envelope): T {
  return message.data as T;
}

const auth: Builtin = async (core, connection, message) => {
  // `auth` is only valid as the first message: on an authenticated connection it is a message
  // type the connection's state does not allow, whatever its token says.
  if (connection.authenticated) throw new ProtocolError('INVALID_MESSAGE_TYPE', 'already authenticated; use auth.refresh to replace the token');
  const { token } = dataOf<TokenData>(message);
  let verified;
  try {
    verified = await core.verify(token);
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    core.options.metrics.authFailures.inc({ reason: error.code });
    throw new ProtocolError(error.code, error.message, { closeCode: CloseCodes.POLICY_VIOLATION });
  }
  // Bans are kept by the broker: one set on any instance holds here too.
  const banned = await core.options.broker.banRemaining(verified.user.id);
  if (banned > 0) {
    throw new ProtocolError('RATE_LIMIT_EXCEEDED', 'temporarily banned after repeated rate-limit violations', {
      closeCode: CloseCodes.RATE_LIMIT_BAN,
      retryAfter: retrySeconds(banned),
    });
  }
  // Sockets waiting for auth do not count against the server's capacity: it is checked now.
  if (core.registry.size >= core.options.maxTotalConnections) {
    throw new ProtocolError('SERVER_AT_CAPACITY', `at most ${core.options.maxTotalConnections} connections on this server`, {
      closeCode: CloseCodes.TRY_AGAIN_LATER,
      retryAfter: slotRetryAfter(core.options),
    });
  }
  if (!(await core.options.broker.acquireConnection(verified.user.id, core.options.maxConnectionsPerUser))) {
    throw new ProtocolError('CONNECTION_LIMIT', `at most ${core.options.maxConnectionsPerUser} connections per user`, {
      closeCode: CloseCodes.CONNECTION_LIMIT,
      retryAfter: slotRetryAfter(core.options),
    });
  }
  if (connection.closed) {
    await core.options.broker.releaseConnection(verified.user.id);
    return;
  }
  await core.establish(connection, verified, message.id);
};

const authRefresh: Builtin = async (core, connection, message) => {
  const { token } = dataOf<TokenData>(message);
  let verified;
  try {
    verified = await core.verify(token);
  } catch (error) {
    if (error instanceof ProtocolError) core.options.metrics.authFailures.inc({ reason: error.code });
    throw error;
  }
  if (verified.user.id !== connection.user.id) {
    core.options.metrics.authFailures.inc({ reason: 'AUTH_FAILED' });
    throw new ProtocolError('AUTH_FAILED', 'the new token is for another user');
  }
  connection.expireAt(verified.expiresAt, core.expire);
  if (verified.user.name !== connection.user.name) await rename(core, connection, verified.user);
  // A token without `exp` never expires; the reply still needs a date, so it names the last one.
  const expiresAt = verified.expiresAt === null ? '9999-12-31T23:59:59.999Z' : new Date(verified.expiresAt).toISOString();
  core.sendBuiltin(connection, 'auth.refreshed', { expires_at: expiresAt }, message.id);
};

/**
 * A refreshed token with another `name`: every message built from the connection's user from
 * now on carries it, and the connection's member records say it too, so that `room.joined`
 * lists the new name (its join time is kept).
 */
async function rename<P extends ProtocolTypes>(core: Core<P>, connection: Connection, user: User): Promise<void> {
  connection.authenticate(user);
  const { broker } = core.options;
  for (const room of [...connection.rooms]) {
    const record = (await broker.members(room)).find((member) => member.connectionId === connection.id);
    // Gone or left meanwhile: its record is removed and must not come back.
    if (connection.closed) return;
    if (record === undefined || !connection.rooms.has(room)) continue;
    await broker.addMember(room, { ...record, username: user.name });
  }
}

const ping: Builtin = (core, connection, message) => {
  const { pingId } = dataOf<PingData>(message);
  const data = pingId === undefined ? { timestamp: isoNow() } : { pingId, timestamp: isoNow() };
  core.sendBuiltin(connection, 'pong', data, message.id);
};

/** Subscriptions in the spec's order of events, so replies are stable. */
function subscriptionsOf<P extends ProtocolTypes>(core: Core<P>, connection: Connection): string[] {
  return core.protocol.events.filter((event) => connection.subscriptions.has(event));
}

const subscribe: Builtin = async (core, connection, message) => {
  const { events } = dataOf<EventsData>(message);
  const unknown = unknownEventsIn(events, core.protocol.events);
  if (unknown) throw unknown;
  const authorize = core.options.authorizeEvent;
  if (authorize) {
    for (const event of events) {
      if (!(await authorize(connection.user, event))) {
        throw new ProtocolError('FORBIDDEN', `not allowed to subscribe to "${event}"`, { details: { event } });
      }
    }
  }
  for (const event of events) core.registry.subscribe(connection, event);
  core.sendBuiltin(connection, 'subscription.confirmed', { events, subscriptions: subscriptionsOf(core, connection) }, message.id);
};

const unsubscribe: Builtin = (core, connection, message) => {
  const { events } = dataOf<EventsData>(message);
  const unknown = unknownEventsIn(events, core.protocol.events);
  if (unknown) throw unknown;
  for (const event of events) core.registry.unsubscribe(connection, event);
  core.sendBuiltin(connection, 'unsubscription.confirmed', { events, subscriptions: subscriptionsOf(core, connection) }, message.id);
};

/** Presence: one entry per user, with how many of their connections are in the room. */
function membersOf(records: readonly RoomMemberRecord[]): { user_id: string; username: string; connections: number; joined_at: string }[] {
  const byUser = new Map<string, { user_id: string; username: string; connections: number; joined_at: string }>();
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

type Member = ReturnType<typeof membersOf>[number];

/** What a join did. */
interface Joined {
  /**
   * The first `seq` the connection gets live: its join event's, or, when the user was in the room
   * already (a join that announces nothing), the one after the room's last.
   */
  readonly seq: number | null;
  /** The room's members right after the join, when they were read for the join event. */
  readonly members: readonly Member[] | null;
}

const NOTHING_NEW: Joined = Object.freeze({ seq: null, members: null });

/**
 * Joins a room (authorization and the per-connection room limit first); tells the others when
 * the user is new in the room. `seq` is `null` when the connection was already in the room or
 * the spec has no `room.update`.
 */
export async function joinRoom<P extends ProtocolTypes>(core: Core<P>, connection: Connection, room: string, authorize: boolean): Promise<Joined> {
  if (connection.rooms.has(room)) return NOTHING_NEW;
  const { options } = core;
  if (authorize && options.authorizeRoom && !(await options.authorizeRoom(connection.user, room))) {
    throw new ProtocolError('FORBIDDEN', `not allowed to join room "${room}"`, { details: { room_id: room } });
  }
  if (connection.rooms.size >= options.maxRoomsPerConnection) {
    throw new ProtocolError('FORBIDDEN', `at most ${options.maxRoomsPerConnection} rooms per connection`, {
      details: { room_id: room, limit: options.maxRoomsPerConnection },
    });
  }
  core.registry.join(connection, room);
  const joinedAt = isoNow();
  const change = await options.broker.addMember(room, { userId: connection.user.id, username: connection.user.name, connectionId: connection.id, joinedAt });
  // Presence is per user: another connection of the user (on any instance) already announced them.
  if (!change.userChanged) return NOTHING_NEW;
  if (!core.protocol.outbound.includes('room.update')) return NOTHING_NEW;
  const members = membersOf(await options.broker.members(room));
  const delivery = await core.publish([{ kind: 'room', room }], [connection.id], 'room.update', {
    room_id: room,
    event: 'client_joined',
    user_id: connection.user.id,
    username: connection.user.name,
    timestamp: joinedAt,
    member_count: members.length,
  });
  await core.presence.joined(connection, room);
  return { seq: delivery.seq, members };
}

/**
 * The presence list of `room.joined`: at most `limit` users, the earliest joined first, and
 * always the joining user (asyncapi.yaml, `RoomJoinedData.members`).
 */
function presenceList(members: readonly { user_id: string; joined_at: string }[], self: string, limit: number): object[] {
  const sorted = [...members].sort((a, b) => (a.joined_at < b.joined_at ? -1 : a.joined_at > b.joined_at ? 1 : 0));
  if (sorted.length <= limit) return sorted;
  const list = sorted.slice(0, limit);
  if (!list.some((m) => m.user_id === self)) {
    const own = sorted.find((m) => m.user_id === self);
    if (own) list[limit - 1] = own;
  }
  return list;
}

const roomJoin: Builtin = async (core, connection, message) => {
  const { room_id: room } = dataOf<RoomData>(message);
  // The members read for the join event, when there was one: not a second read of the broker.
  const joined = await joinRoom(core, connection, room, true);
  const everyone = joined.members ?? membersOf(await core.options.broker.members(room));
  const { epoch, seq } = await core.options.broker.position(room);
  const members = presenceList(everyone, connection.user.id, core.options.presenceListLimit);
  core.sendBuiltin(connection, 'room.joined', { room_id: room, members, member_count: everyone.length, epoch, last_seq: seq }, message.id);
};

const roomLeave: Builtin = async (core, connection, message) => {
  const { room_id: room } = dataOf<RoomData>(message);
  if (!connection.rooms.has(room)) throw new ProtocolError('NOT_IN_ROOM', `not in room "${room}"`, { details: { room_id: room } });
  await core.leaveRoom(connection, room);
  core.sendBuiltin(connection, 'room.left', { room_id: room }, message.id);
};

const ack: Builtin = async (core, connection, message) => {
  const { ids } = dataOf<AckData>(message);
  // Room messages are kept per room for every member (resume replays them), so a room/seq ack
  // releases nothing; ids release queued notifications.
  if (ids && ids.length > 0) core.options.metrics.queueSize.dec(await core.options.broker.acknowledge(connection.user.id, ids));
};

/**
 * A room named twice in `resume` has no single position to resume from. The schema's
 * `uniqueItems` only catches two identical entries, so the rest is refused here, before any
 * room is joined, pointing at the entry that repeats a room.
 */
function assertRoomsUnique(lastSeq: ResumeData['last_seq']): void {
  const seen = new Set<string>();
  for (const [index, { room_id: room }] of lastSeq.entries()) {
    if (seen.has(room)) {
      throw new ProtocolError('INVALID_MESSAGE', `/data/last_seq/${index}/room_id: room "${room}" is listed twice`, {
        details: { pointer: `/data/last_seq/${index}/room_id`, keyword: 'uniqueItems', room_id: room },
      });
    }
    seen.add(room);
  }
}

const resume: Builtin = async (core, connection, message) => {
  const { last_seq: lastSeq, last_notification_id: lastNotification } = dataOf<ResumeData>(message);
  assertRoomsUnique(lastSeq);
  const { broker } = core.options;
  let replayed = 0;
  let complete = true;
  const rooms: { room_id: string; epoch: string; seq: number }[] = [];
  for (const { room_id: room, epoch, seq } of lastSeq) {
    const join = async (): Promise<number | null> => (await joinRoom(core, connection, room, true)).seq;
    const context = { broker, sequenced: core.sequenced, sendFrame: core.sendFrame.bind(core), join };
    const done = await replayRoom(context, connection, room, epoch === undefined ? { seq } : { epoch, seq });
    replayed += done.replayed;
    complete &&= done.complete;
    rooms.push({ room_id: room, epoch: done.epoch, seq: done.seq });
  }
  // Notifications the offline queue dropped are gone for good: the client must reload.
  if (await broker.takeQueueOverflow(connection.user.id)) complete = false;
  if (lastNotification !== undefined) core.options.metrics.queueSize.dec(await broker.acknowledgeThrough(connection.user.id, lastNotification));
  core.options.metrics.resumes.inc();
  core.sendBuiltin(connection, 'resume.completed', { replayed, complete, rooms }, message.id);
};

/** Built-ins by the `type` they answer. */
export const BUILTINS: Readonly<Record<string, Builtin>> = Object.freeze({
  auth,
  'auth.refresh': authRefresh,
  ping,
  heartbeat: ping,
  subscribe,
  unsubscribe,
  'room.join': roomJoin,
  'room.leave': roomLeave,
  ack,
  resume,
});
