/**
 * The key layout, in one place (the README's table is this file). Each kind of key has its own
 * word after the prefix, so a room or user id, whatever it contains, cannot make one kind's key
 * equal another's.
 */
export interface KeyLayout {
  /** The one pub/sub channel every instance's broadcasts go through. */
  readonly bus: string;
  /** What `live(instanceId)` starts with; the Lua scripts build liveness keys from it. */
  readonly livePrefix: string;
  /** A string with a PX ttl while the instance lives. */
  live(instanceId: string): string;
  /** Hash: instanceId -> how many connections of the user that instance holds. */
  conn(userId: string): string;
  /** Hash: connectionId -> JSON of the member record plus the instance that added it. */
  members(room: string): string;
  /** Hash: the room's sequence, `epoch` and `seq` (the last one handed out in that epoch). */
  stream(room: string): string;
  /** Sorted set: score seq, member `${seq}:${frame}`. */
  history(room: string): string;
  /** List of queued messages, oldest first. */
  queue(userId: string): string;
  /** A string with a PX ttl while the user is banned. */
  ban(userId: string): string;
  /** String with a PX ttl: a record of `Broker.putRecord` and the rest. */
  record(key: string): string;
  /** String, present while the user's queue dropped messages not yet reported (`takeQueueOverflow`). */
  overflow(userId: string): string;
}

export function keyLayout(prefix: string): KeyLayout {
  const livePrefix = `${prefix}live:`;
  return {
    bus: `${prefix}bus`,
    livePrefix,
    live: (instanceId) => livePrefix + instanceId,
    conn: (userId) => `${prefix}conn:${userId}`,
    members: (room) => `${prefix}members:${room}`,
    stream: (room) => `${prefix}stream:${room}`,
    history: (room) => `${prefix}history:${room}`,
    queue: (userId) => `${prefix}queue:${userId}`,
    ban: (userId) => `${prefix}ban:${userId}`,
    record: (key) => `${prefix}record:${key}`,
    overflow: (userId) => `${prefix}overflow:${userId}`,
  };
}
