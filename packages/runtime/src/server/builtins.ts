/**
 * The messages the runtime answers itself (operations marked `x-switchboard-owner: runtime` in
 * asyncapi.yaml): auth, auth.refresh, ping/heartbeat, subscribe/unsubscribe, room.join/leave,
 * ack and resume. Each input was validated against the spec before it gets here, so the shapes
 * below are the spec's, read through the few fields each built-in needs.
 */
import { CloseCodes, ProtocolError } from '../errors.js';
import type { BuiltinRequestType, BuiltinRequests, RoomMemberData } from '../builtin-messages.js';
import type { Envelope, ProtocolTypes } from '../protocol.js';
import type { Connection } from './connection.js';
import { banRefusal, connectionLimitRefusal, refusalError, slotRetryAfter } from './admission.js';
import { isoNow } from './outbound.js';
import { replayRoom, type ResumeFrom, type RoomReplay } from './replay.js';
import type { ServerParts } from './parts.js';
import { membersOf } from './rooms.js';
import type { User } from './types.js';
import { unknownEventsIn } from './unknown-events.js';

/** A built-in handler; returns a promise only when it has asynchronous work. */
export type Builtin = <P extends ProtocolTypes>(server: ServerParts<P>, connection: Connection, message: Envelope) => Promise<void> | void;

/**
 * What a built-in reads of its request. The validator checked the message against the spec, and
 * the generated server checks at compile time that the spec's request carries these fields
 * (`CheckedServerProtocol`), so this is the one place the runtime takes the shape on trust.
 */
function request<K extends BuiltinRequestType>(message: Envelope): BuiltinRequests[K] {
  return message.data as BuiltinRequests[K];
}

const auth: Builtin = async (server, connection, message) => {
  // `auth` is only valid as the first message: on an authenticated connection it is a message
  // type the connection's state does not allow, whatever its token says.
  if (connection.authenticated) throw new ProtocolError('INVALID_MESSAGE_TYPE', 'already authenticated; use auth.refresh to replace the token');
  const { token } = request<'auth'>(message);
  let verified;
  try {
    verified = await server.verify(token);
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    server.options.metrics.authFailures.inc({ reason: error.code });
    throw new ProtocolError(error.code, error.message, { closeCode: CloseCodes.POLICY_VIOLATION });
  }
  const banned = await banRefusal(server.options, verified.user.id);
  if (banned) throw refusalError(banned);
  // Sockets waiting for auth do not count against the server's capacity: it is checked now.
  if (server.registry.size >= server.options.maxTotalConnections) {
    throw new ProtocolError('SERVER_AT_CAPACITY', `at most ${server.options.maxTotalConnections} connections on this server`, {
      closeCode: CloseCodes.TRY_AGAIN_LATER,
      retryAfter: slotRetryAfter(server.options),
    });
  }
  const overLimit = await connectionLimitRefusal(server.options, verified.user.id);
  if (overLimit) throw refusalError(overLimit);
  if (connection.closed) {
    await server.options.broker.releaseConnection(verified.user.id);
    return;
  }
  await server.sessions.establish(connection, verified, message.id);
};

const authRefresh: Builtin = async (server, connection, message) => {
  const { token } = request<'auth'>(message);
  let verified;
  try {
    verified = await server.verify(token);
  } catch (error) {
    if (error instanceof ProtocolError) server.options.metrics.authFailures.inc({ reason: error.code });
    throw error;
  }
  if (verified.user.id !== connection.user.id) {
    server.options.metrics.authFailures.inc({ reason: 'AUTH_FAILED' });
    throw new ProtocolError('AUTH_FAILED', 'the new token is for another user');
  }
  connection.expireAt(verified.expiresAt, server.sessions.expire);
  if (verified.user.name !== connection.user.name) await rename(server, connection, verified.user);
  // A token without `exp` never expires; the reply still needs a date, so it names the last one.
  const expiresAt = verified.expiresAt === null ? '9999-12-31T23:59:59.999Z' : new Date(verified.expiresAt).toISOString();
  server.courier.sendBuiltin(connection, 'auth.refreshed', { expires_at: expiresAt }, message.id);
};

/**
 * A refreshed token with another `name`: every message built from the connection's user from
 * now on carries it, and the connection's member records say it too, so that `room.joined`
 * lists the new name (its join time is kept).
 */
async function rename<P extends ProtocolTypes>(server: ServerParts<P>, connection: Connection, user: User): Promise<void> {
  connection.authenticate(user);
  const { broker } = server.options;
  for (const room of [...connection.rooms]) {
    const record = (await broker.members(room)).find((member) => member.connectionId === connection.id);
    // Gone or left meanwhile: its record is removed and must not come back.
    if (connection.closed) return;
    if (record === undefined || !connection.rooms.has(room)) continue;
    await broker.addMember(room, { ...record, username: user.name });
  }
}

const ping: Builtin = (server, connection, message) => {
  const { pingId } = request<'ping'>(message);
  const data = pingId === undefined ? { timestamp: isoNow() } : { pingId, timestamp: isoNow() };
  server.courier.sendBuiltin(connection, 'pong', data, message.id);
};

/** Subscriptions in the spec's order of events, so replies are stable. */
function subscriptionsOf<P extends ProtocolTypes>(server: ServerParts<P>, connection: Connection): string[] {
  return server.protocol.events.filter((event) => connection.subscriptions.has(event));
}

const subscribe: Builtin = async (server, connection, message) => {
  const { events } = request<'subscribe'>(message);
  const unknown = unknownEventsIn(events, server.protocol.events);
  if (unknown) throw unknown;
  const authorize = server.options.authorizeEvent;
  if (authorize) {
    for (const event of events) {
      if (!(await authorize(connection.user, event))) {
        throw new ProtocolError('FORBIDDEN', `not allowed to subscribe to "${event}"`, { details: { event } });
      }
    }
  }
  for (const event of events) server.registry.subscribe(connection, event);
  server.courier.sendBuiltin(connection, 'subscription.confirmed', { events: [...events], subscriptions: subscriptionsOf(server, connection) }, message.id);
};

const unsubscribe: Builtin = (server, connection, message) => {
  const { events } = request<'subscribe'>(message);
  const unknown = unknownEventsIn(events, server.protocol.events);
  if (unknown) throw unknown;
  for (const event of events) server.registry.unsubscribe(connection, event);
  server.courier.sendBuiltin(connection, 'unsubscription.confirmed', { events: [...events], subscriptions: subscriptionsOf(server, connection) }, message.id);
};

/**
 * The presence list of `room.joined`: at most `limit` users, the earliest joined first, and
 * always the joining user (asyncapi.yaml, `RoomJoinedData.members`).
 */
function presenceList(members: readonly RoomMemberData[], self: string, limit: number): RoomMemberData[] {
  const sorted = [...members].sort((a, b) => (a.joined_at < b.joined_at ? -1 : a.joined_at > b.joined_at ? 1 : 0));
  if (sorted.length <= limit) return sorted;
  const list = sorted.slice(0, limit);
  if (!list.some((m) => m.user_id === self)) {
    const own = sorted.find((m) => m.user_id === self);
    if (own) list[limit - 1] = own;
  }
  return list;
}

const roomJoin: Builtin = async (server, connection, message) => {
  const { room_id: room } = request<'room.join'>(message);
  // The members read for the join event, when there was one: not a second read of the broker.
  const joined = await server.rooms.join(connection, room, true);
  const everyone = joined.members ?? membersOf(await server.options.broker.members(room));
  const { epoch, seq } = await server.options.broker.position(room);
  const members = presenceList(everyone, connection.user.id, server.options.presenceListLimit);
  server.courier.sendBuiltin(connection, 'room.joined', { room_id: room, members, member_count: everyone.length, epoch, last_seq: seq }, message.id);
};

const roomLeave: Builtin = async (server, connection, message) => {
  const { room_id: room } = request<'room.join'>(message);
  if (!connection.rooms.has(room)) throw new ProtocolError('NOT_IN_ROOM', `not in room "${room}"`, { details: { room_id: room } });
  await server.rooms.leave(connection, room);
  server.courier.sendBuiltin(connection, 'room.left', { room_id: room }, message.id);
};

const ack: Builtin = async (server, connection, message) => {
  const { ids } = request<'ack'>(message);
  // Room messages are kept per room for every member (resume replays them), so a room/seq ack
  // releases nothing; ids release queued notifications.
  if (ids && ids.length > 0) server.options.metrics.queueSize.dec(await server.options.broker.acknowledge(connection.user.id, ids));
};

/**
 * A room named twice in `resume` has no single position to resume from. The schema's
 * `uniqueItems` only catches two identical entries, so the rest is refused here, before any
 * room is joined, pointing at the entry that repeats a room.
 */
function assertRoomsUnique(lastSeq: BuiltinRequests['resume']['last_seq']): void {
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

const resume: Builtin = async (server, connection, message) => {
  const { last_seq: lastSeq, last_notification_id: lastNotification } = request<'resume'>(message);
  assertRoomsUnique(lastSeq);
  const { broker } = server.options;
  let replayed = 0;
  let complete = true;
  const rooms: { room_id: string; epoch: string; seq: number }[] = [];
  for (const { room_id: room, epoch, seq } of lastSeq) {
    const done = await resumeRoom(server, connection, room, epoch === undefined ? { seq } : { epoch, seq });
    if (done === null) continue;
    replayed += done.replayed;
    complete &&= done.complete;
    rooms.push({ room_id: room, epoch: done.epoch, seq: done.seq });
  }
  // Notifications the offline queue dropped are gone for good: the client must reload.
  if (await broker.takeQueueOverflow(connection.user.id)) complete = false;
  if (lastNotification !== undefined) server.options.metrics.queueSize.dec(await broker.acknowledgeThrough(connection.user.id, lastNotification));
  server.options.metrics.resumes.inc();
  server.courier.sendBuiltin(connection, 'resume.completed', { replayed, complete, rooms }, message.id);
};

/**
 * One room of a `resume`: admitted as `room.join` would be before anything of it is read (a
 * refused room replays nothing), then replayed and rejoined. A refused room is skipped: its
 * error (with `details.room_id`) goes to the client without the request's id, which belongs to
 * the `resume.completed` still to come, and `null` is returned.
 */
async function resumeRoom<P extends ProtocolTypes>(server: ServerParts<P>, connection: Connection, room: string, from: ResumeFrom): Promise<RoomReplay | null> {
  try {
    await server.rooms.admit(connection, room);
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    server.courier.sendError(connection, error);
    return null;
  }
  const join = async (): Promise<number | null> => (await server.rooms.join(connection, room, false)).seq;
  const context = { broker: server.options.broker, sequenced: server.courier.sequenced, sendFrame: server.courier.sendFrame.bind(server.courier), join };
  return replayRoom(context, connection, room, from);
}

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
