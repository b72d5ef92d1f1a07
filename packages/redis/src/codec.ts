/**
 * The strings the broker writes to Redis and reads back: the pub/sub message of a broadcast, a
 * history member, a queued message, a room member.
 *
 * A frame is already a JSON string, encoded once by the sender; it is never put inside JSON again
 * (that would re-escape every quote of every broadcast and parse it again on every instance).
 * Where a frame travels with other fields, those fields are one JSON header, then `\n`, then the
 * frame verbatim: JSON.stringify never emits a raw newline, so the first `\n` always ends the
 * header, whatever the frame contains.
 */
import type { Broadcast, HistoryEntry, QueuedMessage, RoomMemberRecord, Target } from '@switchboard/runtime/broker';

/** A broadcast as it arrives from the bus, with the node that published it. */
export interface BusMessage {
  readonly origin: string;
  readonly broadcast: Broadcast;
}

interface BusHeader {
  readonly origin: string;
  readonly targets: readonly Target[];
  readonly except: readonly string[];
  readonly type: string;
  readonly id: string;
  readonly volatile: boolean;
  readonly exceptUsers?: readonly string[];
}

/** The bus message of a broadcast from `origin` (the node that skips it; `''`: none does). */
export function encodeBusMessage(origin: string, broadcast: Broadcast): string {
  return encodeBusHeader(origin, broadcast) + broadcast.frame;
}

/** The header line, `\n` included: what precedes the frame on the bus. */
export function encodeBusHeader(origin: string, broadcast: Omit<Broadcast, 'frame'>): string {
  const { targets, except, type, id, volatile, exceptUsers } = broadcast;
  const header: BusHeader = exceptUsers === undefined ? { origin, targets, except, type, id, volatile } : { origin, targets, except, type, id, volatile, exceptUsers };
  return `${JSON.stringify(header)}\n`;
}

/** Throws an Error naming what is wrong; the broker hands it to `onError` and drops the message. */
export function decodeBusMessage(message: string): BusMessage {
  const cut = message.indexOf('\n');
  if (cut < 0) throw new Error('malformed message on the bus: no header line');
  const header = parseJson(message.slice(0, cut), 'malformed message on the bus: the header is not JSON');
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw new Error('malformed message on the bus: the header is not an object');
  }
  const { origin, targets, except, type, id, volatile, exceptUsers } = header as Record<string, unknown>;
  if (typeof origin !== 'string') throw badField('origin');
  if (!Array.isArray(targets) || !targets.every(isTarget)) throw badField('targets');
  if (!Array.isArray(except) || !except.every((value) => typeof value === 'string')) throw badField('except');
  if (typeof type !== 'string') throw badField('type');
  if (typeof id !== 'string') throw badField('id');
  if (typeof volatile !== 'boolean') throw badField('volatile');
  const frame = message.slice(cut + 1);
  if (exceptUsers === undefined) return { origin, broadcast: { targets, except, type, id, frame, volatile } };
  if (!Array.isArray(exceptUsers) || !exceptUsers.every((value) => typeof value === 'string')) throw badField('exceptUsers');
  return { origin, broadcast: { targets, except, type, id, frame, volatile, exceptUsers } };
}

function badField(name: keyof BusHeader): Error {
  return new Error(`malformed message on the bus: bad header field "${name}"`);
}

function isTarget(value: unknown): value is Target {
  if (typeof value !== 'object' || value === null) return false;
  const target = value as Record<string, unknown>;
  switch (target['kind']) {
    case 'connection':
      return typeof target['connectionId'] === 'string';
    case 'user':
      return typeof target['userId'] === 'string';
    case 'room':
      return typeof target['room'] === 'string';
    case 'subscribers':
      return typeof target['event'] === 'string';
    case 'all':
      return true;
    default:
      return false;
  }
}

/**
 * A history member is `{seq}:{frame}` (the seq keeps two equal frames distinct members of the
 * sorted set), written by the `switchboardPublishSequenced` script; split at the first ':'
 * (frames contain ':', a seq never does).
 */
export function decodeHistoryMember(member: string): HistoryEntry {
  const cut = member.indexOf(':');
  const seq = Number(member.slice(0, cut));
  if (cut < 1 || !Number.isFinite(seq)) throw new Error('malformed history entry: no seq before ":"');
  return { seq, frame: member.slice(cut + 1) };
}

/**
 * `JSON.stringify(id) + '\n' + frame`. Ids are any string (one with a newline would break a plain
 * `id\nframe`), so the id is JSON-encoded, which leaves no raw newline in it; the frame is not
 * (see the file comment). The Lua scripts compare the encoded id, everything before the first
 * newline, with ids encoded by `encodeQueuedId`, which JSON.stringify makes deterministic.
 */
export function encodeQueuedMessage(message: QueuedMessage): string {
  return `${encodeQueuedId(message.id)}\n${message.frame}`;
}

export function encodeQueuedId(id: string): string {
  return JSON.stringify(id);
}

export function decodeQueuedMessage(item: string): QueuedMessage {
  const cut = item.indexOf('\n');
  if (cut < 0) throw new Error('malformed queued message: no id line');
  const id = parseJson(item.slice(0, cut), 'malformed queued message: the id is not JSON');
  if (typeof id !== 'string') throw new Error('malformed queued message: the id is not a string');
  return { id, frame: item.slice(cut + 1) };
}

/**
 * A member record with the instance that added it, which the members script reads (with cjson)
 * to leave out the members of dead instances.
 */
export function encodeMember(member: RoomMemberRecord, instance: string): string {
  return JSON.stringify({ ...member, instance });
}

/** The record as it was added: every field but `instance`. */
export function decodeMember(value: string): RoomMemberRecord {
  const parsed = parseJson(value, 'malformed room member: not JSON');
  if (typeof parsed !== 'object' || parsed === null) throw new Error('malformed room member: not an object');
  const { instance: _instance, ...record } = parsed as Record<string, unknown>;
  for (const field of ['userId', 'username', 'connectionId', 'joinedAt'] as const) {
    if (typeof record[field] !== 'string') throw new Error(`malformed room member: bad field "${field}"`);
  }
  return record as unknown as RoomMemberRecord;
}

function parseJson(text: string, message: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(message, { cause: error });
  }
}
