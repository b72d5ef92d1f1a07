/**
 * The Lua scripts, one per broker operation that must read and write atomically, registered on
 * the command connection with ioredis `defineCommand` (EVALSHA, falling back to EVAL once per
 * connection when Redis does not have the script yet).
 *
 * The liveness keys of the instances named in a hash are built inside the scripts from the live
 * prefix (ARGV), not passed as KEYS: they are only known once the hash is read. That is fine on
 * one Redis (or a primary with replicas) and is why Redis Cluster is not supported.
 */
import type { Redis } from 'ioredis';

/** Sums the counts of live instances in a conn hash, deleting the fields of dead ones. */
const SUM_LIVE = `
local function sum_live(key, live_prefix)
  local fields = redis.call('HGETALL', key)
  local sum = 0
  for i = 1, #fields, 2 do
    if redis.call('EXISTS', live_prefix .. fields[i]) == 1 then
      sum = sum + tonumber(fields[i + 1])
    else
      redis.call('HDEL', key, fields[i])
    end
  end
  return sum
end
`;

/** Decrements a conn hash field, deleting it at 0 so the hash never holds zeros. */
const DECREMENT = `
local function decrement(key, field, count)
  if count <= 1 then
    redis.call('HDEL', key, field)
  else
    redis.call('HINCRBY', key, field, -1)
  end
end
`;

/**
 * The live members of a members hash as {field, record} pairs, deleting the fields of dead
 * instances; records that are not ours to judge (no instance) are left out and left alone.
 */
const LIVE_RECORDS = `
local function live_records(key, live_prefix)
  local fields = redis.call('HGETALL', key)
  local live = {}
  local out = {}
  for i = 1, #fields, 2 do
    local ok, record = pcall(cjson.decode, fields[i + 1])
    local instance = ok and type(record) == 'table' and record.instance
    if type(instance) == 'string' and type(record.userId) == 'string' then
      if live[instance] == nil then live[instance] = redis.call('EXISTS', live_prefix .. instance) == 1 end
      if live[instance] then
        out[#out + 1] = { field = fields[i], user = record.userId }
      else
        redis.call('HDEL', key, fields[i])
      end
    end
  end
  return out
end
local function user_count(records, also)
  local users = {}
  local count = 0
  if also then users[also] = true; count = 1 end
  for _, r in ipairs(records) do
    if not users[r.user] then users[r.user] = true; count = count + 1 end
  end
  return count
end
`;

/**
 * The room's epoch from its stream hash, made when the hash has none: a room's first message or
 * first read, or a Redis that lost the hash. Epoch and seq live in one key, so they are lost
 * together: a seq that starts again always comes with a new epoch. Redis' clock in microseconds,
 * in hex, names it (the same room cannot start two sequences in one microsecond).
 */
const ENSURE_EPOCH = `
local function ensure_epoch(key)
  local epoch = redis.call('HGET', key, 'epoch')
  if epoch then return epoch end
  local now = redis.call('TIME')
  epoch = string.format('%x%05x', tonumber(now[1]), tonumber(now[2]))
  redis.call('HSET', key, 'epoch', epoch)
  return epoch
end
`;

const SCRIPTS = {
  /** KEYS: live key. ARGV: ttl ms. Returns 1 when the key still existed (it had not expired). */
  switchboardTouchLiveness: {
    numberOfKeys: 1,
    lua: `
local existed = redis.call('EXISTS', KEYS[1])
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
return existed
`,
  },
  /** KEYS: conn hash. ARGV: live prefix, own instance, limit. Returns 1 when admitted. */
  switchboardAcquireConnection: {
    numberOfKeys: 1,
    lua: `${SUM_LIVE}
if sum_live(KEYS[1], ARGV[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('HINCRBY', KEYS[1], ARGV[2], 1)
return 1
`,
  },
  /**
   * KEYS: conn hash. ARGV: live prefix, own instance. Returns 1 when a connection was released.
   * The count is the user's, not the instance's (the contract releases on one instance what
   * another acquired): without an own share, a live instance's share is taken. A server releases
   * on the instance that acquired, so the shares stay exact in practice.
   */
  switchboardReleaseConnection: {
    numberOfKeys: 1,
    lua: `${DECREMENT}
local own = tonumber(redis.call('HGET', KEYS[1], ARGV[2]) or '0')
if own > 0 then
  decrement(KEYS[1], ARGV[2], own)
  return 1
end
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  if redis.call('EXISTS', ARGV[1] .. fields[i]) == 0 then
    redis.call('HDEL', KEYS[1], fields[i])
  elseif tonumber(fields[i + 1]) > 0 then
    decrement(KEYS[1], fields[i], tonumber(fields[i + 1]))
    return 1
  end
end
return 0
`,
  },
  /** KEYS: conn hash. ARGV: live prefix. Returns the live instances' sum. */
  switchboardConnectionCount: {
    numberOfKeys: 1,
    lua: `${SUM_LIVE}
return sum_live(KEYS[1], ARGV[1])
`,
  },
  /** KEYS: members hash. ARGV: live prefix. Returns the values added by live instances. */
  switchboardLiveMembers: {
    numberOfKeys: 1,
    lua: `
local fields = redis.call('HGETALL', KEYS[1])
local live = {}
local out = {}
for i = 1, #fields, 2 do
  local ok, record = pcall(cjson.decode, fields[i + 1])
  local instance = ok and type(record) == 'table' and record.instance
  if type(instance) ~= 'string' then
    -- Not ours to judge: returned as is, so decoding it fails and members() rejects.
    out[#out + 1] = fields[i + 1]
  else
    if live[instance] == nil then live[instance] = redis.call('EXISTS', ARGV[1] .. instance) == 1 end
    if live[instance] then
      out[#out + 1] = fields[i + 1]
    else
      redis.call('HDEL', KEYS[1], fields[i])
    end
  end
end
return out
`,
  },
  /**
   * KEYS: members hash. ARGV: live prefix, connection id, encoded record, user id. Adds the
   * record; returns {changed, userChanged, userCount} (1/0 for the flags), decided atomically.
   */
  switchboardAddMember: {
    numberOfKeys: 1,
    lua: `${LIVE_RECORDS}
local records = live_records(KEYS[1], ARGV[1])
local existed = false
local user_had = false
for _, r in ipairs(records) do
  if r.field == ARGV[2] then existed = true elseif r.user == ARGV[4] then user_had = true end
end
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
local others = {}
for _, r in ipairs(records) do if r.field ~= ARGV[2] then others[#others + 1] = r end end
return { existed and 0 or 1, (not existed and not user_had) and 1 or 0, user_count(others, ARGV[4]) }
`,
  },
  /**
   * KEYS: members hash. ARGV: live prefix, connection id. Removes the connection's record;
   * returns {changed, userChanged, userCount} as switchboardAddMember does.
   */
  switchboardRemoveMember: {
    numberOfKeys: 1,
    lua: `${LIVE_RECORDS}
local own = redis.call('HGET', KEYS[1], ARGV[2])
local user = nil
if own then
  local ok, record = pcall(cjson.decode, own)
  if ok and type(record) == 'table' and type(record.userId) == 'string' then user = record.userId end
  redis.call('HDEL', KEYS[1], ARGV[2])
end
local records = live_records(KEYS[1], ARGV[1])
local still = false
for _, r in ipairs(records) do if r.user == user then still = true end end
return { own and 1 or 0, (user ~= nil and not still) and 1 or 0, user_count(records, nil) }
`,
  },
  /** KEYS: record key. ARGV: value, ttl ms. Returns the value held, or nil after storing ARGV[1]. */
  switchboardPutRecordIfAbsent: {
    numberOfKeys: 1,
    lua: `
local held = redis.call('GET', KEYS[1])
if held then return held end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false
`,
  },
  /**
   * KEYS: record key. ARGV: expected, '1' to set or '0' to delete, value, ttl ms. Returns 1 when
   * the record held `expected` and was replaced (or deleted), else 0.
   */
  switchboardReplaceRecord: {
    numberOfKeys: 1,
    lua: `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == '1' then
  redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
else
  redis.call('DEL', KEYS[1])
end
return 1
`,
  },
  /**
   * KEYS: stream hash, history zset. ARGV: bus channel, bus header line, frame head, frame tail,
   * keep ('1' or '0'), history limit. Takes the room's next seq, builds the frame around its
   * epoch and seq, keeps it (member `{seq}:{frame}`, the last `limit`), publishes header + frame;
   * returns [seq, epoch]. One script, so seq order is publish order on the bus for every
   * instance. Seq 1 starts a sequence: a history left from an earlier one is dropped.
   */
  switchboardPublishSequenced: {
    numberOfKeys: 2,
    lua: `${ENSURE_EPOCH}
local epoch = ensure_epoch(KEYS[1])
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
if seq == 1 then redis.call('DEL', KEYS[2]) end
local frame = ARGV[3] .. '"epoch":"' .. epoch .. '","seq":' .. seq .. ARGV[4]
if ARGV[5] == '1' then
  redis.call('ZADD', KEYS[2], seq, seq .. ':' .. frame)
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(tonumber(ARGV[6]) + 1))
end
redis.call('PUBLISH', ARGV[1], ARGV[2] .. frame)
return {seq, epoch}
`,
  },
  /** KEYS: stream hash. Returns [epoch, last seq]. */
  switchboardPosition: {
    numberOfKeys: 1,
    lua: `${ENSURE_EPOCH}
local epoch = ensure_epoch(KEYS[1])
return {epoch, tonumber(redis.call('HGET', KEYS[1], 'seq') or '0')}
`,
  },
  /**
   * KEYS: stream hash, history zset. ARGV: afterSeq, the client's epoch ('' for the current).
   * Returns [epoch, last seq, 1 if afterSeq is of the current epoch (the client's epoch is the
   * current one and afterSeq is not past the last seq) else 0, the kept members after afterSeq
   * (after 0 when not), oldest first].
   */
  switchboardHistory: {
    numberOfKeys: 2,
    lua: `${ENSURE_EPOCH}
local epoch = ensure_epoch(KEYS[1])
local last = tonumber(redis.call('HGET', KEYS[1], 'seq') or '0')
local same = (ARGV[2] == '' or ARGV[2] == epoch) and tonumber(ARGV[1]) <= last
local after = same and tonumber(ARGV[1]) or 0
if after >= last then return {epoch, last, same and 1 or 0, {}} end
return {epoch, last, same and 1 or 0, redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. after, '+inf')}
`,
  },
  /**
   * KEYS: ban key. ARGV: duration ms. Sets the ban to end `duration` from now unless the one in
   * force ends later. Returns 1 when it was set.
   */
  switchboardBan: {
    numberOfKeys: 1,
    lua: `
if redis.call('PTTL', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
return 1
`,
  },
  /**
   * KEYS: queue list, overflow flag. ARGV: item, max. Returns how many of the oldest were
   * dropped; a drop sets the flag.
   */
  switchboardEnqueue: {
    numberOfKeys: 2,
    lua: `
local dropped = redis.call('RPUSH', KEYS[1], ARGV[1]) - tonumber(ARGV[2])
if dropped <= 0 then return 0 end
redis.call('LTRIM', KEYS[1], dropped, -1)
redis.call('SET', KEYS[2], '1')
return dropped
`,
  },
  /** KEYS: queue list. ARGV: the encoded ids. Returns how many messages were removed. */
  switchboardAcknowledge: {
    numberOfKeys: 1,
    lua: `
local items = redis.call('LRANGE', KEYS[1], 0, -1)
local acked = {}
for i = 1, #ARGV do acked[ARGV[i]] = true end
local kept = {}
for i = 1, #items do
  local cut = string.find(items[i], '\\n', 1, true)
  if not (cut and acked[string.sub(items[i], 1, cut - 1)]) then kept[#kept + 1] = items[i] end
end
local removed = #items - #kept
if removed == 0 then return 0 end
redis.call('DEL', KEYS[1])
-- In chunks: unpack() of a long list would overflow Lua's C stack.
for i = 1, #kept, 1000 do
  redis.call('RPUSH', KEYS[1], unpack(kept, i, math.min(i + 999, #kept)))
end
return removed
`,
  },
  /** KEYS: queue list. ARGV: the encoded id. Returns how many messages were removed (0 for an unknown id). */
  switchboardAcknowledgeThrough: {
    numberOfKeys: 1,
    lua: `
local items = redis.call('LRANGE', KEYS[1], 0, -1)
for i = 1, #items do
  local cut = string.find(items[i], '\\n', 1, true)
  if cut and string.sub(items[i], 1, cut - 1) == ARGV[1] then
    redis.call('LTRIM', KEYS[1], i, -1)
    return i
  end
end
return 0
`,
  },
} as const satisfies Record<string, { readonly numberOfKeys: number; readonly lua: string; readonly readOnly?: boolean }>;

/** The commands `defineCommand` adds, typed (numbers and strings travel as strings). */
export interface ScriptCommands {
  switchboardTouchLiveness(liveKey: string, ttlMs: string): Promise<number>;
  switchboardAcquireConnection(connKey: string, livePrefix: string, instanceId: string, limit: string): Promise<number>;
  switchboardReleaseConnection(connKey: string, livePrefix: string, instanceId: string): Promise<number>;
  switchboardConnectionCount(connKey: string, livePrefix: string): Promise<number>;
  switchboardLiveMembers(membersKey: string, livePrefix: string): Promise<string[]>;
  switchboardAddMember(membersKey: string, livePrefix: string, connectionId: string, record: string, userId: string): Promise<[number, number, number]>;
  switchboardRemoveMember(membersKey: string, livePrefix: string, connectionId: string): Promise<[number, number, number]>;
  switchboardPutRecordIfAbsent(recordKey: string, value: string, ttlMs: string): Promise<string | null>;
  switchboardReplaceRecord(recordKey: string, expected: string, set: '1' | '0', value: string, ttlMs: string): Promise<number>;
  switchboardBan(banKey: string, durationMs: string): Promise<number>;
  switchboardPublishSequenced(
    streamKey: string,
    historyKey: string,
    channel: string,
    header: string,
    head: string,
    tail: string,
    keep: '1' | '0',
    limit: string,
  ): Promise<[number, string]>;
  switchboardPosition(streamKey: string): Promise<[string, number]>;
  switchboardHistory(streamKey: string, historyKey: string, afterSeq: string, epoch: string): Promise<[string, number, 0 | 1, string[]]>;
  switchboardEnqueue(queueKey: string, overflowKey: string, item: string, max: string): Promise<number>;
  switchboardAcknowledge(queueKey: string, ...encodedIds: string[]): Promise<number>;
  switchboardAcknowledgeThrough(queueKey: string, encodedId: string): Promise<number>;
}

export type ScriptedRedis = Redis & ScriptCommands;

/** Adds the broker's commands to the client (on a client you pass, too: names start with `switchboard`). */
export function defineScripts(redis: Redis): ScriptedRedis {
  for (const [name, definition] of Object.entries(SCRIPTS)) redis.defineCommand(name, definition);
  return redis as ScriptedRedis;
}
