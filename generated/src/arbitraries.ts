// generated from asyncapi.yaml by @switchboard/codegen - do not edit

import fc from 'fast-check';
import type { ClientMessage, ServerMessage } from './messages.js';
import type * as types from './types.js';

/** What makes an invalid value invalid: the one change made to a valid value. */
export type InvalidKind =
  | 'missing-required'
  | 'extra-property'
  | 'too-few-properties'
  | 'wrong-type'
  | 'enum-violation'
  | 'const-violation'
  | 'above-maximum'
  | 'below-minimum'
  | 'not-multiple-of'
  | 'too-long'
  | 'too-short'
  | 'pattern-mismatch'
  | 'bad-format'
  | 'too-many-items'
  | 'too-few-items'
  | 'duplicate-items'
  | 'matches-not';

/** A value that breaks exactly one keyword of its schema, and what a validator reports about it. */
export interface InvalidValue {
  /** The value: valid but for one change. */
  readonly value: unknown;
  readonly kind: InvalidKind;
  /** JSON pointer (RFC 6901) to the changed value; for a missing or extra property, to that property. */
  readonly pointer: string;
  /** The JSON Schema keyword that fails, e.g. `maxLength`, `required`, `dependencies`. */
  readonly keyword: string;
}

type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'array' | 'object';

/** One code point of `set`. */
function chars(set: string): fc.Arbitrary<string> {
  return fc.constantFrom(...set);
}

/** One code point of any plane, except those in `excluded`, which become `instead`. */
function charExcept(excluded: string, instead: string): fc.Arbitrary<string> {
  return fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).map((c) => (excluded.includes(c) ? instead : c));
}

/** One value of each part, concatenated. */
function joined(...parts: fc.Arbitrary<string>[]): fc.Arbitrary<string> {
  return fc.tuple(...parts).map((values) => values.join(''));
}

/** `minLength` to `maxLength` values of `part`, concatenated. */
function repeated(part: fc.Arbitrary<string>, constraints: fc.ArrayConstraints): fc.Arbitrary<string> {
  return fc.array(part, constraints).map((values) => values.join(''));
}

/**
 * RFC 3339 date-times in UTC, years 0000 to 9999, with `minDigits` to `maxDigits` fraction digits
 * (none when 0): `2025-01-08T10:30:00Z` is 20 characters, each digit adds one, the dot one more.
 */
function dateTime(minDigits: number, maxDigits: number): fc.Arbitrary<string> {
  const dates = fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });
  const digits = fc.string({ unit: chars('0123456789'), minLength: minDigits, maxLength: maxDigits });
  return fc.tuple(dates, digits).map(([date, fraction]) => date.toISOString().slice(0, 19) + (fraction === '' ? '' : '.' + fraction) + 'Z');
}

/**
 * Objects with the required properties, any of the others, every property a present one depends
 * on (draft-07 `dependencies`), and at least `minProperties` properties.
 */
function someProperties<T extends object, K extends keyof T>(
  fields: { readonly [P in keyof T]: fc.Arbitrary<T[P]> },
  rules: {
    readonly required: readonly K[];
    readonly dependencies: { readonly [P in keyof NoInfer<T>]?: readonly (keyof NoInfer<T>)[] };
    readonly minProperties: number;
  },
): fc.Arbitrary<Partial<T> & Pick<T, K>> {
  const keys = Object.keys(fields) as (keyof T)[];
  const all = fc.record(fields as { [P in keyof T]: fc.Arbitrary<T[P]> }) as fc.Arbitrary<T>;
  return fc.tuple(all, fc.subarray(keys)).map(([values, chosen]) => {
    const present = new Set<keyof T>();
    const add = (key: keyof T): void => {
      if (present.has(key)) return;
      present.add(key);
      for (const dependency of rules.dependencies[key] ?? []) add(dependency);
    };
    for (const key of [...rules.required, ...chosen]) add(key);
    for (const key of keys) if (present.size < rules.minProperties) add(key);
    const value: Partial<T> = {};
    for (const key of keys) if (present.has(key)) value[key] = values[key];
    return value as Partial<T> & Pick<T, K>;
  });
}

/** JSON with sorted keys: equal for values JSON Schema deems equal, so `uniqueItems` holds. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The JSON pointer segment (RFC 6901) of a property. */
function pointerTo(key: string | number): string {
  return '/' + String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** A plain copy of an object's own properties (records may have a null prototype). */
function copy(value: object): Record<string, unknown> {
  return { ...value };
}

/** `values`, each invalid as `kind`, reported as `keyword` at the value itself. */
function invalid(kind: InvalidKind, keyword: string, values: fc.Arbitrary<unknown>): fc.Arbitrary<InvalidValue> {
  return values.map((value) => ({ value, kind, pointer: '', keyword }));
}

/** Values of none of the `allowed` JSON types; `fraction`, a non-integer no other keyword rejects, for integers. */
function wrongType(allowed: readonly JsonType[], fraction?: number): fc.Arbitrary<InvalidValue> {
  const others: fc.Arbitrary<unknown>[] = [];
  const numeric = allowed.includes('number') || allowed.includes('integer');
  if (!allowed.includes('string')) others.push(fc.string({ unit: 'binary', maxLength: 8 }));
  if (!numeric) others.push(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  if (!allowed.includes('number') && fraction !== undefined) others.push(fc.constant(fraction));
  if (!allowed.includes('boolean')) others.push(fc.boolean());
  if (!allowed.includes('null')) others.push(fc.constant(null));
  if (!allowed.includes('array')) others.push(fc.array(fc.integer(), { maxLength: 3 }));
  if (!allowed.includes('object')) others.push(fc.record({ a: fc.integer() }, { requiredKeys: [] }));
  return invalid('wrong-type', 'type', fc.oneof(...others));
}

/** Valid objects without `key`, which `required` (or `dependencies`) reports as missing. */
function withoutProperty(base: fc.Arbitrary<object>, key: string, keyword: 'required' | 'dependencies'): fc.Arbitrary<InvalidValue> {
  return base.map((valid) => {
    const value = copy(valid);
    delete value[key];
    return { value, kind: 'missing-required', pointer: pointerTo(key), keyword };
  });
}

/** Valid objects with one property too many (`additionalProperties: false`), named one of `keys`. */
function withExtraProperty(base: fc.Arbitrary<object>, keys: readonly string[]): fc.Arbitrary<InvalidValue> {
  return fc.tuple(base, fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 1 })).map(([valid, key, extra]) => ({
    value: { ...copy(valid), [key]: extra },
    kind: 'extra-property',
    pointer: pointerTo(key),
    keyword: 'additionalProperties',
  }));
}

/** Valid objects cut down to `keys`: one property fewer than `minProperties`. */
function pickProperties(base: fc.Arbitrary<object>, keys: readonly string[]): fc.Arbitrary<InvalidValue> {
  return base.map((valid) => {
    const all = copy(valid);
    return { value: Object.fromEntries(keys.map((key) => [key, all[key]])), kind: 'too-few-properties', pointer: '', keyword: 'minProperties' };
  });
}

/** Valid objects whose `key` holds an invalid value instead. */
function inProperty(base: fc.Arbitrary<object>, key: string, values: fc.Arbitrary<InvalidValue>): fc.Arbitrary<InvalidValue> {
  return fc.tuple(base, values).map(([valid, bad]) => ({
    ...bad,
    value: { ...copy(valid), [key]: bad.value },
    pointer: pointerTo(key) + bad.pointer,
  }));
}

/** Valid non-empty arrays with one item replaced by an invalid value. */
function inItem(base: fc.Arbitrary<readonly unknown[]>, values: fc.Arbitrary<InvalidValue>): fc.Arbitrary<InvalidValue> {
  return fc.tuple(base, values, fc.nat()).map(([valid, bad, n]) => {
    const index = n % valid.length;
    const value = [...valid];
    value[index] = bad.value;
    return { ...bad, value, pointer: pointerTo(index) + bad.pointer };
  });
}

/** Valid non-empty arrays with a copy of one of their items appended (`uniqueItems`). */
function withDuplicateItem(base: fc.Arbitrary<readonly unknown[]>): fc.Arbitrary<InvalidValue> {
  return fc.tuple(base, fc.nat()).map(([valid, n]) => ({
    value: [...valid, valid[n % valid.length]],
    kind: 'duplicate-items',
    pointer: '',
    keyword: 'uniqueItems',
  }));
}

/** Valid non-empty strings whose first code point is one the pattern cannot start with. */
function withFirstChar(base: fc.Arbitrary<string>, first: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(base, first).map(([valid, c]) => c + Array.from(valid).slice(1).join(''));
}

/** Date-times of the same length with month 13. */
function badDateTime(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return base.map((valid) => valid.slice(0, 5) + '13' + valid.slice(7));
}

const MessageId: fc.Arbitrary<types.MessageId> = fc.string({
  unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
  minLength: 1,
  maxLength: 128,
});

const CorrelationId: fc.Arbitrary<types.CorrelationId> = fc.string({
  unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
  minLength: 1,
  maxLength: 128,
});

const Timestamp: fc.Arbitrary<types.Timestamp> = dateTime(0, 19);

const UserId: fc.Arbitrary<types.UserId> = fc.string({
  unit: chars('+-.0123456789:@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz|'),
  minLength: 1,
  maxLength: 255,
});

const Username: fc.Arbitrary<types.Username> = fc.string({ unit: 'binary', minLength: 1, maxLength: 128 });

const RoomId: fc.Arbitrary<types.RoomId> = fc.string({
  unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
  minLength: 1,
  maxLength: 128,
});

const ConnectionId: fc.Arbitrary<types.ConnectionId> = fc.string({
  unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
  minLength: 1,
  maxLength: 128,
});

const Seq: fc.Arbitrary<types.Seq> = fc.integer({ min: 0, max: 9007199254740991 });

const Epoch: fc.Arbitrary<types.Epoch> = fc.string({
  unit: chars('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
  minLength: 1,
  maxLength: 64,
});

const JwtToken: fc.Arbitrary<types.JwtToken> = joined(
  fc.string({
    unit: chars('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
    minLength: 1,
    maxLength: 2731,
  }),
  fc.constant('.'),
  fc.string({
    unit: chars('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
    maxLength: 2730,
  }),
  fc.constant('.'),
  fc.string({
    unit: chars('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
    maxLength: 2729,
  }),
);

const PingId: fc.Arbitrary<types.PingId> = fc.string({
  unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
  minLength: 1,
  maxLength: 128,
});

const UploadId: fc.Arbitrary<types.UploadId> = fc.string({
  unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
  minLength: 1,
  maxLength: 128,
});

const FileId: fc.Arbitrary<types.FileId> = fc.string({
  unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
  minLength: 1,
  maxLength: 128,
});

const ReviewId: fc.Arbitrary<types.ReviewId> = fc.string({
  unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
  minLength: 1,
  maxLength: 128,
});

const ByteCount: fc.Arbitrary<types.ByteCount> = fc.integer({ min: 0, max: 9007199254740991 });

const Percent: fc.Arbitrary<types.Percent> = fc.integer({ min: 0, max: 100 });

const ChatContent: fc.Arbitrary<types.ChatContent> = joined(
  fc.string({ unit: 'binary', maxLength: 2000 }),
  charExcept(
    '\t\n\u000b\u000c\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff',
    'x',
  ),
  fc.string({ unit: 'binary', maxLength: 1999 }),
);

const FileName: fc.Arbitrary<types.FileName> = fc.string({
  unit: charExcept('/\\', 'x'),
  minLength: 1,
  maxLength: 255,
});

const MediaType: fc.Arbitrary<types.MediaType> = joined(
  chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'),
  fc.string({
    unit: chars('!#$&+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_abcdefghijklmnopqrstuvwxyz'),
    maxLength: 126,
  }),
  fc.constant('/'),
  chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'),
  fc.string({
    unit: chars('!#$&+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_abcdefghijklmnopqrstuvwxyz'),
    maxLength: 126,
  }),
);

const EventName: fc.Arbitrary<types.EventName> = fc.constantFrom(
  'upload.progress',
  'upload.completed',
  'upload.error',
  'upload.cancelled',
  'review.created',
  'review.updated',
  'review.deleted',
  'system.notification',
  'system.maintenance',
  'user.status_changed',
  'file.processing',
  'file.ready',
);

const ErrorCode: fc.Arbitrary<types.ErrorCode> = fc.constantFrom(
  'INVALID_MESSAGE',
  'INVALID_MESSAGE_TYPE',
  'MESSAGE_TOO_LARGE',
  'RATE_LIMIT_EXCEEDED',
  'AUTH_FAILED',
  'TOKEN_EXPIRED',
  'FORBIDDEN',
  'NOT_IN_ROOM',
  'UNKNOWN_EVENT',
  'CONNECTION_LIMIT',
  'SERVER_AT_CAPACITY',
  'INTERNAL_ERROR',
  'CONNECTION_ERROR',
);

const CloseCode: fc.Arbitrary<types.CloseCode> = fc.constantFrom(
  1000,
  1001,
  1002,
  1007,
  1008,
  1009,
  1011,
  1013,
  4001,
  4002,
  4003,
  4004,
  4005,
  4008,
  4009,
);

const PresenceStatus: fc.Arbitrary<types.PresenceStatus> = fc.constantFrom('online', 'offline', 'away');

const NotificationLevel: fc.Arbitrary<types.NotificationLevel> = fc.constantFrom(
  'info',
  'warning',
  'error',
  'critical',
);

const RoomUpdateEvent: fc.Arbitrary<types.RoomUpdateEvent> = fc.constantFrom(
  'client_joined',
  'client_left',
  'updated',
);

const Feature: fc.Arbitrary<types.Feature> = fc.constantFrom(
  'heartbeat',
  'subscriptions',
  'rate_limiting',
  'rooms',
  'presence',
  'typing',
  'acks',
  'resume',
  'offline_queue',
  'auth_refresh',
  'msgpack',
);

const FileProcessingStatus: fc.Arbitrary<types.FileProcessingStatus> = fc.constantFrom(
  'queued',
  'processing',
  'failed',
);

const UploadErrorCode: fc.Arbitrary<types.UploadErrorCode> = fc.constantFrom(
  'FILE_TOO_LARGE',
  'UNSUPPORTED_TYPE',
  'QUOTA_EXCEEDED',
  'VIRUS_DETECTED',
  'STORAGE_ERROR',
  'TIMEOUT',
  'UNKNOWN',
);

const ReviewStatus: fc.Arbitrary<types.ReviewStatus> = fc.constantFrom(
  'draft',
  'submitted',
  'in_review',
  'approved',
  'rejected',
);

const RoomMember: fc.Arbitrary<types.RoomMember> = fc.record(
  {
    user_id: UserId,
    username: Username,
    connections: fc.integer({ min: 1, max: 1000 }),
    joined_at: Timestamp,
  },
  { requiredKeys: ['user_id', 'username', 'joined_at'] },
);

const ConnectionLimits: fc.Arbitrary<types.ConnectionLimits> = fc.record({
  max_message_size: fc.integer({ min: 1024, max: 16777216 }),
  message_rate_limit: fc.integer({ min: 1, max: 100000 }),
  message_rate_window_ms: fc.integer({ min: 1000, max: 3600000 }),
  max_connections_per_user: fc.integer({ min: 1, max: 1000 }),
  max_rooms_per_connection: fc.integer({ min: 1, max: 1000 }),
  max_content_length: fc.integer({ min: 1, max: 4000 }),
  offline_queue_size: fc.integer({ min: 0, max: 100000 }),
  idle_timeout_ms: fc.integer({ min: 1000, max: 3600000 }),
});

const RoomSeq: fc.Arbitrary<types.RoomSeq> = fc.record(
  { room_id: RoomId, epoch: Epoch, seq: Seq },
  { requiredKeys: ['room_id', 'seq'] },
);

const RoomPosition: fc.Arbitrary<types.RoomPosition> = fc.record({ room_id: RoomId, epoch: Epoch, seq: Seq });

const ErrorDetails: fc.Arbitrary<types.ErrorDetails> = fc.record(
  {
    type: fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }),
    pointer: repeated(
      joined(fc.constant('/'), fc.string({ unit: charExcept('/', 'x'), maxLength: 31 })),
      { maxLength: 32 },
    ),
    keyword: fc.string({
      unit: chars('$ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'),
      minLength: 1,
      maxLength: 64,
    }),
    limit: fc.integer({ min: 0, max: 9007199254740991 }),
    room_id: RoomId,
    event: fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }),
    events: fc.array(fc.string({ unit: 'binary', maxLength: 64 }), { minLength: 1, maxLength: 64 }),
    upload_id: UploadId,
  },
  { requiredKeys: [] },
);

const ReviewChange: fc.Arbitrary<types.ReviewChange> = fc.record({
  field: joined(
    chars('abcdefghijklmnopqrstuvwxyz'),
    fc.string({ unit: chars('0123456789_abcdefghijklmnopqrstuvwxyz'), maxLength: 63 }),
  ),
  value: fc.string({ unit: 'binary', maxLength: 4000 }),
});

const WsConnectionQuery: fc.Arbitrary<types.WsConnectionQuery> = fc.record(
  { token: JwtToken },
  { requiredKeys: [] },
);

const WsConnectionHeaders: fc.Arbitrary<types.WsConnectionHeaders> = fc.record(
  {
    Authorization: joined(
      fc.constant('Bearer '),
      fc.string({
        unit: chars('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
        minLength: 1,
        maxLength: 2731,
      }),
      fc.constant('.'),
      fc.string({
        unit: chars('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
        maxLength: 2730,
      }),
      fc.constant('.'),
      fc.string({
        unit: chars('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
        maxLength: 2729,
      }),
    ),
    'Sec-WebSocket-Protocol': fc.string({ unit: 'binary', maxLength: 8400 }),
  },
  { requiredKeys: [] },
);

const AuthData: fc.Arbitrary<types.AuthData> = fc.record({ token: JwtToken });

const AuthEnvelope: fc.Arbitrary<types.AuthEnvelope> = fc.record(
  {
    type: fc.constant('auth'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: AuthData,
  },
  { requiredKeys: ['type', 'id', 'data'] },
);

const AuthRefreshData: fc.Arbitrary<types.AuthRefreshData> = fc.record({ token: JwtToken });

const AuthRefreshEnvelope: fc.Arbitrary<types.AuthRefreshEnvelope> = fc.record(
  {
    type: fc.constant('auth.refresh'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: AuthRefreshData,
  },
  { requiredKeys: ['type', 'id', 'data'] },
);

const PingData: fc.Arbitrary<types.PingData> = fc.record({ pingId: PingId }, { requiredKeys: [] });

const PingEnvelope: fc.Arbitrary<types.PingEnvelope> = fc.record(
  {
    type: fc.constant('ping'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: PingData,
  },
  { requiredKeys: ['type', 'id', 'data'] },
);

const HeartbeatData: fc.Arbitrary<types.HeartbeatData> = fc.record({});

const HeartbeatEnvelope: fc.Arbitrary<types.HeartbeatEnvelope> = fc.record(
  {
    type: fc.constant('heartbeat'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: HeartbeatData,
  },
  { requiredKeys: ['type', 'id', 'data'] },
);

const SubscribeData: fc.Arbitrary<types.SubscribeData> = fc.record({
  events: fc.uniqueArray(EventName, { minLength: 1, maxLength: 12, comparator: 'SameValueZero' }),
});

const SubscribeEnvelope: fc.Arbitrary<types.SubscribeEnvelope> = fc.record(
  {
    type: fc.constant('subscribe'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: SubscribeData,
  },
  { requiredKeys: ['type', 'id', 'data'] },
);

const UnsubscribeData: fc.Arbitrary<types.UnsubscribeData> = fc.record({
  events: fc.uniqueArray(EventName, { minLength: 1, maxLength: 12, comparator: 'SameValueZero' }),
});

const UnsubscribeEnvelope: fc.Arbitrary<types.UnsubscribeEnvelope> = fc.record(
  {
    type: fc.constant('unsubscribe'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: UnsubscribeData,
  },
  { requiredKeys: ['type', 'id', 'data'] },
);

const RoomJoinData: fc.Arbitrary<types.RoomJoinData> = fc.record({ room_id: RoomId });

const RoomJoinEnvelope: fc.Arbitrary<types.RoomJoinEnvelope> = fc.record(
  {
    type: fc.constant('room.join'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: RoomJoinData,
  },
  { requiredKeys: ['type', 'id', 'data'] },
);

const RoomLeaveData: fc.Arbitrary<types.RoomLeaveData> = fc.record({ room_id: RoomId });

const RoomLeaveEnvelope: fc.Arbitrary<types.RoomLeaveEnvelope> = fc.record(
  {
    type: fc.constant('room.leave'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: RoomLeaveData,
  },
  { requiredKeys: ['type', 'id', 'data'] },
);

const ChatSendData: fc.Arbitrary<types.ChatSendData> = fc.record({ room_id: RoomId, content: ChatContent });

const ChatSendEnvelope: fc.Arbitrary<types.ChatSendEnvelope> = fc.record(
  {
    type: fc.constant('chat.send'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: ChatSendData,
  },
  { requiredKeys: ['type', 'id', 'data'] },
);

const TypingData: fc.Arbitrary<types.TypingData> = fc.record({ room_id: RoomId, is_typing: fc.boolean() });

const TypingEnvelope: fc.Arbitrary<types.TypingEnvelope> = fc.record(
  {
    type: fc.constant('typing'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: TypingData,
  },
  { requiredKeys: ['type', 'id', 'data'] },
);

const UploadCancelData: fc.Arbitrary<types.UploadCancelData> = fc.record(
  { upload_id: UploadId, reason: fc.string({ unit: 'binary', minLength: 1, maxLength: 500 }) },
  { requiredKeys: ['upload_id'] },
);

const UploadCancelEnvelope: fc.Arbitrary<types.UploadCancelEnvelope> = fc.record(
  {
    type: fc.constant('upload.cancel'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: UploadCancelData,
  },
  { requiredKeys: ['type', 'id', 'data'] },
);

/** The arbitrary of each property, for objects that need them all at once. */
const ackDataProperties = {
  room_id: RoomId,
  seq: Seq,
  ids: fc.uniqueArray(MessageId, { minLength: 1, maxLength: 1000, comparator: 'SameValueZero' }),
};

const AckData: fc.Arbitrary<types.AckData> = someProperties(
  ackDataProperties,
  { required: [], dependencies: { room_id: ['seq'], seq: ['room_id'] }, minProperties: 1 },
);

const AckEnvelope: fc.Arbitrary<types.AckEnvelope> = fc.record(
  {
    type: fc.constant('ack'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: AckData,
  },
  { requiredKeys: ['type', 'id', 'data'] },
);

const ResumeData: fc.Arbitrary<types.ResumeData> = fc.record(
  {
    last_seq: fc.uniqueArray(RoomSeq, { maxLength: 1000, selector: canonical }),
    last_notification_id: MessageId,
  },
  { requiredKeys: ['last_seq'] },
);

const ResumeEnvelope: fc.Arbitrary<types.ResumeEnvelope> = fc.record(
  {
    type: fc.constant('resume'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: ResumeData,
  },
  { requiredKeys: ['type', 'id', 'data'] },
);

const AuthRefreshedData: fc.Arbitrary<types.AuthRefreshedData> = fc.record({ expires_at: Timestamp });

const AuthRefreshedEnvelope: fc.Arbitrary<types.AuthRefreshedEnvelope> = fc.record({
  type: fc.constant('auth.refreshed'),
  id: MessageId,
  timestamp: Timestamp,
  correlation_id: CorrelationId,
  data: AuthRefreshedData,
});

const PongData: fc.Arbitrary<types.PongData> = fc.record(
  { pingId: PingId, timestamp: Timestamp },
  { requiredKeys: ['timestamp'] },
);

const PongEnvelope: fc.Arbitrary<types.PongEnvelope> = fc.record({
  type: fc.constant('pong'),
  id: MessageId,
  timestamp: Timestamp,
  correlation_id: CorrelationId,
  data: PongData,
});

const SubscriptionConfirmedData: fc.Arbitrary<types.SubscriptionConfirmedData> = fc.record({
  events: fc.uniqueArray(EventName, { minLength: 1, maxLength: 12, comparator: 'SameValueZero' }),
  subscriptions: fc.uniqueArray(EventName, { minLength: 1, maxLength: 12, comparator: 'SameValueZero' }),
});

const SubscriptionConfirmedEnvelope: fc.Arbitrary<types.SubscriptionConfirmedEnvelope> = fc.record({
  type: fc.constant('subscription.confirmed'),
  id: MessageId,
  timestamp: Timestamp,
  correlation_id: CorrelationId,
  data: SubscriptionConfirmedData,
});

const UnsubscriptionConfirmedData: fc.Arbitrary<types.UnsubscriptionConfirmedData> = fc.record({
  events: fc.uniqueArray(EventName, { minLength: 1, maxLength: 12, comparator: 'SameValueZero' }),
  subscriptions: fc.uniqueArray(EventName, { maxLength: 12, comparator: 'SameValueZero' }),
});

const UnsubscriptionConfirmedEnvelope: fc.Arbitrary<types.UnsubscriptionConfirmedEnvelope> = fc.record({
  type: fc.constant('unsubscription.confirmed'),
  id: MessageId,
  timestamp: Timestamp,
  correlation_id: CorrelationId,
  data: UnsubscriptionConfirmedData,
});

const RoomJoinedData: fc.Arbitrary<types.RoomJoinedData> = fc.record({
  room_id: RoomId,
  members: fc.array(RoomMember, { minLength: 1, maxLength: 1000 }),
  member_count: fc.integer({ min: 1, max: 9007199254740991 }),
  epoch: Epoch,
  last_seq: Seq,
});

const RoomJoinedEnvelope: fc.Arbitrary<types.RoomJoinedEnvelope> = fc.record({
  type: fc.constant('room.joined'),
  id: MessageId,
  timestamp: Timestamp,
  correlation_id: CorrelationId,
  data: RoomJoinedData,
});

const RoomLeftData: fc.Arbitrary<types.RoomLeftData> = fc.record({ room_id: RoomId });

const RoomLeftEnvelope: fc.Arbitrary<types.RoomLeftEnvelope> = fc.record({
  type: fc.constant('room.left'),
  id: MessageId,
  timestamp: Timestamp,
  correlation_id: CorrelationId,
  data: RoomLeftData,
});

const ChatSentData: fc.Arbitrary<types.ChatSentData> = fc.record({
  message_id: MessageId,
  room_id: RoomId,
  seq: Seq,
  timestamp: Timestamp,
});

const ChatSentEnvelope: fc.Arbitrary<types.ChatSentEnvelope> = fc.record({
  type: fc.constant('chat.sent'),
  id: MessageId,
  timestamp: Timestamp,
  correlation_id: CorrelationId,
  data: ChatSentData,
});

const ResumeCompletedData: fc.Arbitrary<types.ResumeCompletedData> = fc.record({
  replayed: fc.integer({ min: 0, max: 9007199254740991 }),
  complete: fc.boolean(),
  rooms: fc.uniqueArray(RoomPosition, { maxLength: 1000, selector: canonical }),
});

const ResumeCompletedEnvelope: fc.Arbitrary<types.ResumeCompletedEnvelope> = fc.record({
  type: fc.constant('resume.completed'),
  id: MessageId,
  timestamp: Timestamp,
  correlation_id: CorrelationId,
  data: ResumeCompletedData,
});

const ConnectionEstablishedData: fc.Arbitrary<types.ConnectionEstablishedData> = fc.record(
  {
    connection_id: ConnectionId,
    user_id: UserId,
    username: Username,
    server_time: Timestamp,
    protocol_version: joined(
      fc.string({ unit: chars('0123456789'), minLength: 1, maxLength: 10 }),
      fc.constant('.'),
      fc.string({ unit: chars('0123456789'), minLength: 1, maxLength: 10 }),
      fc.constant('.'),
      fc.string({ unit: chars('0123456789'), minLength: 1, maxLength: 10 }),
    ),
    features: fc.uniqueArray(Feature, { maxLength: 11, comparator: 'SameValueZero' }),
    heartbeat_interval_ms: fc.integer({ min: 1000, max: 3600000 }),
    limits: ConnectionLimits,
    token_expires_at: Timestamp,
  },
  {
    requiredKeys: [
      'connection_id',
      'user_id',
      'username',
      'server_time',
      'protocol_version',
      'features',
      'heartbeat_interval_ms',
      'limits',
    ],
  },
);

const ConnectionEstablishedEnvelope: fc.Arbitrary<types.ConnectionEstablishedEnvelope> = fc.record(
  {
    type: fc.constant('connection.established'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: ConnectionEstablishedData,
  },
  { requiredKeys: ['type', 'id', 'timestamp', 'data'] },
);

const ChatMessageData: fc.Arbitrary<types.ChatMessageData> = fc.record({
  id: MessageId,
  room_id: RoomId,
  user_id: UserId,
  username: Username,
  content: ChatContent,
  timestamp: Timestamp,
  epoch: Epoch,
  seq: Seq,
});

const ChatMessageEnvelope: fc.Arbitrary<types.ChatMessageEnvelope> = fc.record(
  {
    type: fc.constant('chat.message'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: ChatMessageData,
  },
  { requiredKeys: ['type', 'id', 'timestamp', 'data'] },
);

const RoomUpdateData: fc.Arbitrary<types.RoomUpdateData> = fc.record(
  {
    room_id: RoomId,
    event: RoomUpdateEvent,
    user_id: UserId,
    username: Username,
    timestamp: Timestamp,
    epoch: Epoch,
    seq: Seq,
    member_count: fc.integer({ min: 0, max: 9007199254740991 }),
  },
  { requiredKeys: ['room_id', 'event', 'user_id', 'timestamp', 'epoch', 'seq'] },
);

const RoomUpdateEnvelope: fc.Arbitrary<types.RoomUpdateEnvelope> = fc.record(
  {
    type: fc.constant('room.update'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: RoomUpdateData,
  },
  { requiredKeys: ['type', 'id', 'timestamp', 'data'] },
);

const PresenceStatusData: fc.Arbitrary<types.PresenceStatusData> = fc.record(
  { user_id: UserId, username: Username, status: PresenceStatus, last_seen: Timestamp },
  { requiredKeys: ['user_id', 'status', 'last_seen'] },
);

const PresenceStatusEnvelope: fc.Arbitrary<types.PresenceStatusEnvelope> = fc.record(
  {
    type: fc.constant('presence.status'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: PresenceStatusData,
  },
  { requiredKeys: ['type', 'id', 'timestamp', 'data'] },
);

const UserTypingData: fc.Arbitrary<types.UserTypingData> = fc.record({
  room_id: RoomId,
  user_id: UserId,
  username: Username,
  is_typing: fc.boolean(),
});

const UserTypingEnvelope: fc.Arbitrary<types.UserTypingEnvelope> = fc.record(
  {
    type: fc.constant('user.typing'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: UserTypingData,
  },
  { requiredKeys: ['type', 'id', 'timestamp', 'data'] },
);

const UploadProgressData: fc.Arbitrary<types.UploadProgressData> = fc.record(
  {
    upload_id: UploadId,
    progress: Percent,
    bytes_uploaded: ByteCount,
    total_bytes: ByteCount,
    timestamp: Timestamp,
  },
  { requiredKeys: ['upload_id', 'progress', 'bytes_uploaded', 'total_bytes'] },
);

const UploadProgressEnvelope: fc.Arbitrary<types.UploadProgressEnvelope> = fc.record(
  {
    type: fc.constant('upload.progress'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: UploadProgressData,
  },
  { requiredKeys: ['type', 'id', 'timestamp', 'data'] },
);

const UploadCompletedData: fc.Arbitrary<types.UploadCompletedData> = fc.record(
  { upload_id: UploadId, file_id: FileId, filename: FileName, size_bytes: ByteCount, content_type: MediaType },
  { requiredKeys: ['upload_id'] },
);

const UploadCompletedEnvelope: fc.Arbitrary<types.UploadCompletedEnvelope> = fc.record(
  {
    type: fc.constant('upload.completed'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: UploadCompletedData,
  },
  { requiredKeys: ['type', 'id', 'timestamp', 'data'] },
);

const UploadErrorData: fc.Arbitrary<types.UploadErrorData> = fc.record(
  {
    upload_id: UploadId,
    code: UploadErrorCode,
    message: fc.string({ unit: 'binary', minLength: 1, maxLength: 1000 }),
    retryable: fc.boolean(),
  },
  { requiredKeys: ['upload_id', 'code', 'message'] },
);

const UploadErrorEnvelope: fc.Arbitrary<types.UploadErrorEnvelope> = fc.record(
  {
    type: fc.constant('upload.error'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: UploadErrorData,
  },
  { requiredKeys: ['type', 'id', 'timestamp', 'data'] },
);

const UploadCancelledData: fc.Arbitrary<types.UploadCancelledData> = fc.record(
  {
    upload_id: UploadId,
    cancelled_by: UserId,
    reason: fc.string({ unit: 'binary', minLength: 1, maxLength: 500 }),
  },
  { requiredKeys: ['upload_id'] },
);

const UploadCancelledEnvelope: fc.Arbitrary<types.UploadCancelledEnvelope> = fc.record(
  {
    type: fc.constant('upload.cancelled'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: UploadCancelledData,
  },
  { requiredKeys: ['type', 'id', 'timestamp', 'data'] },
);

const ReviewCreatedData: fc.Arbitrary<types.ReviewCreatedData> = fc.record(
  {
    review_id: ReviewId,
    author_id: UserId,
    title: fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
    status: ReviewStatus,
    file_id: FileId,
    created_at: Timestamp,
  },
  { requiredKeys: ['review_id', 'author_id', 'created_at'] },
);

const ReviewCreatedEnvelope: fc.Arbitrary<types.ReviewCreatedEnvelope> = fc.record(
  {
    type: fc.constant('review.created'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: ReviewCreatedData,
  },
  { requiredKeys: ['type', 'id', 'timestamp', 'data'] },
);

const ReviewUpdatedData: fc.Arbitrary<types.ReviewUpdatedData> = fc.record(
  {
    review_id: ReviewId,
    changes: fc.uniqueArray(ReviewChange, { minLength: 1, maxLength: 50, selector: canonical }),
    updated_by: UserId,
    updated_at: Timestamp,
  },
  { requiredKeys: ['review_id', 'changes', 'updated_at'] },
);

const ReviewUpdatedEnvelope: fc.Arbitrary<types.ReviewUpdatedEnvelope> = fc.record(
  {
    type: fc.constant('review.updated'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: ReviewUpdatedData,
  },
  { requiredKeys: ['type', 'id', 'timestamp', 'data'] },
);

const ReviewDeletedData: fc.Arbitrary<types.ReviewDeletedData> = fc.record(
  { review_id: ReviewId, deleted_by: UserId, deleted_at: Timestamp },
  { requiredKeys: ['review_id', 'deleted_at'] },
);

const ReviewDeletedEnvelope: fc.Arbitrary<types.ReviewDeletedEnvelope> = fc.record(
  {
    type: fc.constant('review.deleted'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: ReviewDeletedData,
  },
  { requiredKeys: ['type', 'id', 'timestamp', 'data'] },
);

const SystemNotificationData: fc.Arbitrary<types.SystemNotificationData> = fc.record(
  {
    title: fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
    message: fc.string({ unit: 'binary', minLength: 1, maxLength: 2000 }),
    level: NotificationLevel,
  },
  { requiredKeys: ['message', 'level'] },
);

const SystemNotificationEnvelope: fc.Arbitrary<types.SystemNotificationEnvelope> = fc.record(
  {
    type: fc.constant('system.notification'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: SystemNotificationData,
  },
  { requiredKeys: ['type', 'id', 'timestamp', 'data'] },
);

const SystemMaintenanceData: fc.Arbitrary<types.SystemMaintenanceData> = fc.record(
  {
    message: fc.string({ unit: 'binary', minLength: 1, maxLength: 2000 }),
    starts_at: Timestamp,
    ends_at: Timestamp,
  },
  { requiredKeys: ['message', 'starts_at'] },
);

const SystemMaintenanceEnvelope: fc.Arbitrary<types.SystemMaintenanceEnvelope> = fc.record(
  {
    type: fc.constant('system.maintenance'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: SystemMaintenanceData,
  },
  { requiredKeys: ['type', 'id', 'timestamp', 'data'] },
);

const UserStatusChangedData: fc.Arbitrary<types.UserStatusChangedData> = fc.record(
  { user_id: UserId, status: PresenceStatus, previous_status: PresenceStatus, last_seen: Timestamp },
  { requiredKeys: ['user_id', 'status'] },
);

const UserStatusChangedEnvelope: fc.Arbitrary<types.UserStatusChangedEnvelope> = fc.record(
  {
    type: fc.constant('user.status_changed'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: UserStatusChangedData,
  },
  { requiredKeys: ['type', 'id', 'timestamp', 'data'] },
);

const FileProcessingData: fc.Arbitrary<types.FileProcessingData> = fc.record(
  {
    file_id: FileId,
    status: FileProcessingStatus,
    progress: Percent,
    message: fc.string({ unit: 'binary', minLength: 1, maxLength: 1000 }),
  },
  { requiredKeys: ['file_id', 'status'] },
);

const FileProcessingEnvelope: fc.Arbitrary<types.FileProcessingEnvelope> = fc.record(
  {
    type: fc.constant('file.processing'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: FileProcessingData,
  },
  { requiredKeys: ['type', 'id', 'timestamp', 'data'] },
);

const FileReadyData: fc.Arbitrary<types.FileReadyData> = fc.record(
  {
    file_id: FileId,
    upload_id: UploadId,
    filename: FileName,
    size_bytes: ByteCount,
    content_type: MediaType,
    url: fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((s) => s.length <= 2048),
  },
  { requiredKeys: ['file_id'] },
);

const FileReadyEnvelope: fc.Arbitrary<types.FileReadyEnvelope> = fc.record(
  {
    type: fc.constant('file.ready'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: FileReadyData,
  },
  { requiredKeys: ['type', 'id', 'timestamp', 'data'] },
);

const ErrorData: fc.Arbitrary<types.ErrorData> = fc.record(
  {
    code: ErrorCode,
    message: fc.string({ unit: 'binary', minLength: 1, maxLength: 1000 }),
    retry_after: fc.integer({ min: 0, max: 86400 }),
    correlation_id: CorrelationId,
    close_code: CloseCode,
    details: ErrorDetails,
  },
  { requiredKeys: ['code', 'message'] },
);

const ErrorEnvelope: fc.Arbitrary<types.ErrorEnvelope> = fc.record(
  {
    type: fc.constant('error'),
    id: MessageId,
    timestamp: Timestamp,
    correlation_id: CorrelationId,
    data: ErrorData,
  },
  { requiredKeys: ['type', 'id', 'timestamp', 'data'] },
);

const invalidMessageId: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid(
    'too-long',
    'maxLength',
    fc.string({
      unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
      minLength: 129,
      maxLength: 129,
    }),
  ),
  invalid(
    'pattern-mismatch',
    'pattern',
    withFirstChar(
      fc.string({
        unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
        minLength: 1,
        maxLength: 128,
      }),
      fc.constantFrom(' ', '\u00e9', '\u{1f600}'),
    ),
  ),
);

const invalidCorrelationId: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid(
    'too-long',
    'maxLength',
    fc.string({
      unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
      minLength: 129,
      maxLength: 129,
    }),
  ),
  invalid(
    'pattern-mismatch',
    'pattern',
    withFirstChar(
      fc.string({
        unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
        minLength: 1,
        maxLength: 128,
      }),
      fc.constantFrom(' ', '\u00e9', '\u{1f600}'),
    ),
  ),
);

const invalidTimestamp: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid('too-long', 'maxLength', dateTime(20, 20)),
  invalid('bad-format', 'format', badDateTime(dateTime(0, 19))),
);

const invalidUserId: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid(
    'too-long',
    'maxLength',
    fc.string({
      unit: chars('+-.0123456789:@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz|'),
      minLength: 256,
      maxLength: 256,
    }),
  ),
  invalid(
    'pattern-mismatch',
    'pattern',
    withFirstChar(
      fc.string({
        unit: chars('+-.0123456789:@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz|'),
        minLength: 1,
        maxLength: 255,
      }),
      fc.constantFrom(' ', '\u00e9', '\u{1f600}'),
    ),
  ),
);

const invalidUsername: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid('too-long', 'maxLength', fc.string({ unit: 'binary', minLength: 129, maxLength: 129 })),
  invalid('too-short', 'minLength', fc.constant('')),
);

const invalidRoomId: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid(
    'too-long',
    'maxLength',
    fc.string({
      unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
      minLength: 129,
      maxLength: 129,
    }),
  ),
  invalid(
    'pattern-mismatch',
    'pattern',
    withFirstChar(
      fc.string({
        unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
        minLength: 1,
        maxLength: 128,
      }),
      fc.constantFrom(' ', '\u00e9', '\u{1f600}'),
    ),
  ),
);

const invalidConnectionId: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid(
    'too-long',
    'maxLength',
    fc.string({
      unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
      minLength: 129,
      maxLength: 129,
    }),
  ),
  invalid(
    'pattern-mismatch',
    'pattern',
    withFirstChar(
      fc.string({
        unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
        minLength: 1,
        maxLength: 128,
      }),
      fc.constantFrom(' ', '\u00e9', '\u{1f600}'),
    ),
  ),
);

const invalidSeq: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['integer'], 0.5),
  invalid('above-maximum', 'maximum', fc.constant(9007199254740992)),
  invalid('below-minimum', 'minimum', fc.constant(-1)),
);

const invalidEpoch: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid(
    'too-long',
    'maxLength',
    fc.string({
      unit: chars('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
      minLength: 65,
      maxLength: 65,
    }),
  ),
  invalid(
    'pattern-mismatch',
    'pattern',
    withFirstChar(
      fc.string({
        unit: chars('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
        minLength: 1,
        maxLength: 64,
      }),
      fc.constantFrom(' ', '\u00e9', '\u{1f600}'),
    ),
  ),
);

const invalidJwtToken: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid(
    'too-long',
    'maxLength',
    joined(
      fc.string({
        unit: chars('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
        minLength: 8191,
        maxLength: 8191,
      }),
      fc.constant('..'),
    ),
  ),
  invalid(
    'pattern-mismatch',
    'pattern',
    withFirstChar(
      joined(
        fc.string({
          unit: chars('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
          minLength: 1,
          maxLength: 2731,
        }),
        fc.constant('.'),
        fc.string({
          unit: chars('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
          maxLength: 2730,
        }),
        fc.constant('.'),
        fc.string({
          unit: chars('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
          maxLength: 2729,
        }),
      ),
      fc.constantFrom(' ', '\u00e9', '\u{1f600}'),
    ),
  ),
);

const invalidPingId: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid(
    'too-long',
    'maxLength',
    fc.string({
      unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
      minLength: 129,
      maxLength: 129,
    }),
  ),
  invalid(
    'pattern-mismatch',
    'pattern',
    withFirstChar(
      fc.string({
        unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
        minLength: 1,
        maxLength: 128,
      }),
      fc.constantFrom(' ', '\u00e9', '\u{1f600}'),
    ),
  ),
);

const invalidUploadId: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid(
    'too-long',
    'maxLength',
    fc.string({
      unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
      minLength: 129,
      maxLength: 129,
    }),
  ),
  invalid(
    'pattern-mismatch',
    'pattern',
    withFirstChar(
      fc.string({
        unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
        minLength: 1,
        maxLength: 128,
      }),
      fc.constantFrom(' ', '\u00e9', '\u{1f600}'),
    ),
  ),
);

const invalidFileId: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid(
    'too-long',
    'maxLength',
    fc.string({
      unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
      minLength: 129,
      maxLength: 129,
    }),
  ),
  invalid(
    'pattern-mismatch',
    'pattern',
    withFirstChar(
      fc.string({
        unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
        minLength: 1,
        maxLength: 128,
      }),
      fc.constantFrom(' ', '\u00e9', '\u{1f600}'),
    ),
  ),
);

const invalidReviewId: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid(
    'too-long',
    'maxLength',
    fc.string({
      unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
      minLength: 129,
      maxLength: 129,
    }),
  ),
  invalid(
    'pattern-mismatch',
    'pattern',
    withFirstChar(
      fc.string({
        unit: chars('-.0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
        minLength: 1,
        maxLength: 128,
      }),
      fc.constantFrom(' ', '\u00e9', '\u{1f600}'),
    ),
  ),
);

const invalidByteCount: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['integer'], 0.5),
  invalid('above-maximum', 'maximum', fc.constant(9007199254740992)),
  invalid('below-minimum', 'minimum', fc.constant(-1)),
);

const invalidPercent: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['integer'], 0.5),
  invalid('above-maximum', 'maximum', fc.constant(101)),
  invalid('below-minimum', 'minimum', fc.constant(-1)),
);

const invalidChatContent: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid(
    'too-long',
    'maxLength',
    joined(
      fc.string({ unit: 'binary', minLength: 4000, maxLength: 4000 }),
      charExcept(
        '\t\n\u000b\u000c\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff',
        'x',
      ),
    ),
  ),
  invalid(
    'pattern-mismatch',
    'pattern',
    fc.string({
      unit: chars(
        '\t\n\u000b\u000c\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff',
      ),
      minLength: 1,
      maxLength: 4000,
    }),
  ),
);

const invalidFileName: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid(
    'too-long',
    'maxLength',
    fc.string({ unit: charExcept('/\\', 'x'), minLength: 256, maxLength: 256 }),
  ),
  invalid(
    'pattern-mismatch',
    'pattern',
    withFirstChar(
      fc.string({ unit: charExcept('/\\', 'x'), minLength: 1, maxLength: 255 }),
      fc.constantFrom('/'),
    ),
  ),
);

const invalidMediaType: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid(
    'too-long',
    'maxLength',
    joined(
      chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'),
      fc.string({
        unit: chars('!#$&+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_abcdefghijklmnopqrstuvwxyz'),
        minLength: 253,
        maxLength: 253,
      }),
      fc.constant('/'),
      chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'),
    ),
  ),
  invalid(
    'pattern-mismatch',
    'pattern',
    withFirstChar(
      joined(
        chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'),
        fc.string({
          unit: chars('!#$&+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_abcdefghijklmnopqrstuvwxyz'),
          maxLength: 126,
        }),
        fc.constant('/'),
        chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'),
        fc.string({
          unit: chars('!#$&+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_abcdefghijklmnopqrstuvwxyz'),
          maxLength: 126,
        }),
      ),
      fc.constantFrom(' ', '\u00e9', '\u{1f600}'),
    ),
  ),
);

const invalidEventName: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid('enum-violation', 'enum', fc.constantFrom('upload.progress_', 'upload.completed_', 'upload.error_')),
);

const invalidErrorCode: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid(
    'enum-violation',
    'enum',
    fc.constantFrom('INVALID_MESSAGE_', 'INVALID_MESSAGE_TYPE_', 'MESSAGE_TOO_LARGE_'),
  ),
);

const invalidCloseCode: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['integer'], 0.5),
  invalid('enum-violation', 'enum', fc.constantFrom(4010, 999)),
);

const invalidPresenceStatus: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid('enum-violation', 'enum', fc.constantFrom('online_', 'offline_', 'away_')),
);

const invalidNotificationLevel: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid('enum-violation', 'enum', fc.constantFrom('info_', 'warning_', 'error_')),
);

const invalidRoomUpdateEvent: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid('enum-violation', 'enum', fc.constantFrom('client_joined_', 'client_left_', 'updated_')),
);

const invalidFeature: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid('enum-violation', 'enum', fc.constantFrom('heartbeat_', 'subscriptions_', 'rate_limiting_')),
);

const invalidFileProcessingStatus: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid('enum-violation', 'enum', fc.constantFrom('queued_', 'processing_', 'failed_')),
);

const invalidUploadErrorCode: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid(
    'enum-violation',
    'enum',
    fc.constantFrom('FILE_TOO_LARGE_', 'UNSUPPORTED_TYPE_', 'QUOTA_EXCEEDED_'),
  ),
);

const invalidReviewStatus: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['string']),
  invalid('enum-violation', 'enum', fc.constantFrom('draft_', 'submitted_', 'in_review_')),
);

const invalidRoomMember: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(RoomMember, 'user_id', 'required'),
  withoutProperty(RoomMember, 'username', 'required'),
  withoutProperty(RoomMember, 'joined_at', 'required'),
  withExtraProperty(RoomMember, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(RoomMember, 'user_id', invalidUserId), weight: 3 },
  { arbitrary: inProperty(RoomMember, 'username', invalidUsername), weight: 3 },
  {
    arbitrary: inProperty(
      RoomMember,
      'connections',
      fc.oneof(
        wrongType(['integer'], 1.5),
        invalid('above-maximum', 'maximum', fc.constant(1001)),
        invalid('below-minimum', 'minimum', fc.constant(0)),
      ),
    ),
    weight: 3,
  },
  { arbitrary: inProperty(RoomMember, 'joined_at', invalidTimestamp), weight: 3 },
);

const invalidConnectionLimits: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ConnectionLimits, 'max_message_size', 'required'),
  withoutProperty(ConnectionLimits, 'message_rate_limit', 'required'),
  withoutProperty(ConnectionLimits, 'message_rate_window_ms', 'required'),
  withoutProperty(ConnectionLimits, 'max_connections_per_user', 'required'),
  withoutProperty(ConnectionLimits, 'max_rooms_per_connection', 'required'),
  withoutProperty(ConnectionLimits, 'max_content_length', 'required'),
  withoutProperty(ConnectionLimits, 'offline_queue_size', 'required'),
  withoutProperty(ConnectionLimits, 'idle_timeout_ms', 'required'),
  withExtraProperty(ConnectionLimits, ['extra', '__proto__', 'a/b~c']),
  {
    arbitrary: inProperty(
      ConnectionLimits,
      'max_message_size',
      fc.oneof(
        wrongType(['integer'], 1024.5),
        invalid('above-maximum', 'maximum', fc.constant(16777217)),
        invalid('below-minimum', 'minimum', fc.constant(1023)),
      ),
    ),
    weight: 3,
  },
  {
    arbitrary: inProperty(
      ConnectionLimits,
      'message_rate_limit',
      fc.oneof(
        wrongType(['integer'], 1.5),
        invalid('above-maximum', 'maximum', fc.constant(100001)),
        invalid('below-minimum', 'minimum', fc.constant(0)),
      ),
    ),
    weight: 3,
  },
  {
    arbitrary: inProperty(
      ConnectionLimits,
      'message_rate_window_ms',
      fc.oneof(
        wrongType(['integer'], 1000.5),
        invalid('above-maximum', 'maximum', fc.constant(3600001)),
        invalid('below-minimum', 'minimum', fc.constant(999)),
      ),
    ),
    weight: 3,
  },
  {
    arbitrary: inProperty(
      ConnectionLimits,
      'max_connections_per_user',
      fc.oneof(
        wrongType(['integer'], 1.5),
        invalid('above-maximum', 'maximum', fc.constant(1001)),
        invalid('below-minimum', 'minimum', fc.constant(0)),
      ),
    ),
    weight: 3,
  },
  {
    arbitrary: inProperty(
      ConnectionLimits,
      'max_rooms_per_connection',
      fc.oneof(
        wrongType(['integer'], 1.5),
        invalid('above-maximum', 'maximum', fc.constant(1001)),
        invalid('below-minimum', 'minimum', fc.constant(0)),
      ),
    ),
    weight: 3,
  },
  {
    arbitrary: inProperty(
      ConnectionLimits,
      'max_content_length',
      fc.oneof(
        wrongType(['integer'], 1.5),
        invalid('above-maximum', 'maximum', fc.constant(4001)),
        invalid('below-minimum', 'minimum', fc.constant(0)),
      ),
    ),
    weight: 3,
  },
  {
    arbitrary: inProperty(
      ConnectionLimits,
      'offline_queue_size',
      fc.oneof(
        wrongType(['integer'], 0.5),
        invalid('above-maximum', 'maximum', fc.constant(100001)),
        invalid('below-minimum', 'minimum', fc.constant(-1)),
      ),
    ),
    weight: 3,
  },
  {
    arbitrary: inProperty(
      ConnectionLimits,
      'idle_timeout_ms',
      fc.oneof(
        wrongType(['integer'], 1000.5),
        invalid('above-maximum', 'maximum', fc.constant(3600001)),
        invalid('below-minimum', 'minimum', fc.constant(999)),
      ),
    ),
    weight: 3,
  },
);

const invalidRoomSeq: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(RoomSeq, 'room_id', 'required'),
  withoutProperty(RoomSeq, 'seq', 'required'),
  withExtraProperty(RoomSeq, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(RoomSeq, 'room_id', invalidRoomId), weight: 3 },
  { arbitrary: inProperty(RoomSeq, 'epoch', invalidEpoch), weight: 3 },
  { arbitrary: inProperty(RoomSeq, 'seq', invalidSeq), weight: 3 },
);

const invalidRoomPosition: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(RoomPosition, 'room_id', 'required'),
  withoutProperty(RoomPosition, 'epoch', 'required'),
  withoutProperty(RoomPosition, 'seq', 'required'),
  withExtraProperty(RoomPosition, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(RoomPosition, 'room_id', invalidRoomId), weight: 3 },
  { arbitrary: inProperty(RoomPosition, 'epoch', invalidEpoch), weight: 3 },
  { arbitrary: inProperty(RoomPosition, 'seq', invalidSeq), weight: 3 },
);

const invalidErrorDetails: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withExtraProperty(ErrorDetails, ['extra', '__proto__', 'a/b~c']),
  {
    arbitrary: inProperty(
      ErrorDetails,
      'type',
      fc.oneof(
        wrongType(['string']),
        invalid('too-long', 'maxLength', fc.string({ unit: 'binary', minLength: 65, maxLength: 65 })),
        invalid('too-short', 'minLength', fc.constant('')),
      ),
    ),
    weight: 3,
  },
  inProperty(ErrorDetails, 'pointer', wrongType(['string'])),
  {
    arbitrary: inProperty(
      ErrorDetails,
      'keyword',
      fc.oneof(
        wrongType(['string']),
        invalid(
          'too-long',
          'maxLength',
          fc.string({
            unit: chars('$ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'),
            minLength: 65,
            maxLength: 65,
          }),
        ),
        invalid(
          'pattern-mismatch',
          'pattern',
          withFirstChar(
            fc.string({
              unit: chars('$ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'),
              minLength: 1,
              maxLength: 64,
            }),
            fc.constantFrom(' ', '\u00e9', '\u{1f600}'),
          ),
        ),
      ),
    ),
    weight: 3,
  },
  {
    arbitrary: inProperty(
      ErrorDetails,
      'limit',
      fc.oneof(
        wrongType(['integer'], 0.5),
        invalid('above-maximum', 'maximum', fc.constant(9007199254740992)),
        invalid('below-minimum', 'minimum', fc.constant(-1)),
      ),
    ),
    weight: 3,
  },
  { arbitrary: inProperty(ErrorDetails, 'room_id', invalidRoomId), weight: 3 },
  {
    arbitrary: inProperty(
      ErrorDetails,
      'event',
      fc.oneof(
        wrongType(['string']),
        invalid('too-long', 'maxLength', fc.string({ unit: 'binary', minLength: 65, maxLength: 65 })),
        invalid('too-short', 'minLength', fc.constant('')),
      ),
    ),
    weight: 3,
  },
  {
    arbitrary: inProperty(
      ErrorDetails,
      'events',
      fc.oneof(
        wrongType(['array']),
        invalid(
          'too-many-items',
          'maxItems',
          fc.array(fc.string({ unit: 'binary', maxLength: 64 }), { minLength: 65, maxLength: 65 }),
        ),
        invalid(
          'too-few-items',
          'minItems',
          fc.array(fc.string({ unit: 'binary', maxLength: 64 }), { maxLength: 0 }),
        ),
        {
          arbitrary: inItem(
            fc.array(fc.string({ unit: 'binary', maxLength: 64 }), { minLength: 1, maxLength: 64 }),
            fc.oneof(
              wrongType(['string']),
              invalid('too-long', 'maxLength', fc.string({ unit: 'binary', minLength: 65, maxLength: 65 })),
            ),
          ),
          weight: 2,
        },
      ),
    ),
    weight: 5,
  },
  { arbitrary: inProperty(ErrorDetails, 'upload_id', invalidUploadId), weight: 3 },
);

const invalidReviewChange: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ReviewChange, 'field', 'required'),
  withoutProperty(ReviewChange, 'value', 'required'),
  withExtraProperty(ReviewChange, ['extra', '__proto__', 'a/b~c']),
  {
    arbitrary: inProperty(
      ReviewChange,
      'field',
      fc.oneof(
        wrongType(['string']),
        invalid(
          'too-long',
          'maxLength',
          joined(
            chars('abcdefghijklmnopqrstuvwxyz'),
            fc.string({ unit: chars('0123456789_abcdefghijklmnopqrstuvwxyz'), minLength: 64, maxLength: 64 }),
          ),
        ),
        invalid(
          'pattern-mismatch',
          'pattern',
          withFirstChar(
            joined(
              chars('abcdefghijklmnopqrstuvwxyz'),
              fc.string({ unit: chars('0123456789_abcdefghijklmnopqrstuvwxyz'), maxLength: 63 }),
            ),
            fc.constantFrom(' ', '\u00e9', '\u{1f600}'),
          ),
        ),
      ),
    ),
    weight: 3,
  },
  {
    arbitrary: inProperty(
      ReviewChange,
      'value',
      fc.oneof(
        wrongType(['string']),
        invalid('too-long', 'maxLength', fc.string({ unit: 'binary', minLength: 4001, maxLength: 4001 })),
      ),
    ),
    weight: 2,
  },
);

const invalidWsConnectionQuery: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withExtraProperty(WsConnectionQuery, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(WsConnectionQuery, 'token', invalidJwtToken), weight: 3 },
);

const invalidWsConnectionHeaders: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withExtraProperty(WsConnectionHeaders, ['extra', '__proto__', 'a/b~c']),
  {
    arbitrary: inProperty(
      WsConnectionHeaders,
      'Authorization',
      fc.oneof(
        wrongType(['string']),
        invalid(
          'too-long',
          'maxLength',
          joined(
            fc.constant('Bearer '),
            fc.string({
              unit: chars('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
              minLength: 8191,
              maxLength: 8191,
            }),
            fc.constant('..'),
          ),
        ),
        invalid(
          'pattern-mismatch',
          'pattern',
          withFirstChar(
            joined(
              fc.constant('Bearer '),
              fc.string({
                unit: chars('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
                minLength: 1,
                maxLength: 2731,
              }),
              fc.constant('.'),
              fc.string({
                unit: chars('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
                maxLength: 2730,
              }),
              fc.constant('.'),
              fc.string({
                unit: chars('-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'),
                maxLength: 2729,
              }),
            ),
            fc.constantFrom(' ', '\u00e9', '\u{1f600}'),
          ),
        ),
      ),
    ),
    weight: 3,
  },
  {
    arbitrary: inProperty(
      WsConnectionHeaders,
      'Sec-WebSocket-Protocol',
      fc.oneof(
        wrongType(['string']),
        invalid('too-long', 'maxLength', fc.string({ unit: 'binary', minLength: 8401, maxLength: 8401 })),
      ),
    ),
    weight: 2,
  },
);

const invalidAuthData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(AuthData, 'token', 'required'),
  withExtraProperty(AuthData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(AuthData, 'token', invalidJwtToken), weight: 3 },
);

const invalidAuthEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(AuthEnvelope, 'type', 'required'),
  withoutProperty(AuthEnvelope, 'id', 'required'),
  withoutProperty(AuthEnvelope, 'data', 'required'),
  withExtraProperty(AuthEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(AuthEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(AuthEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(AuthEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(AuthEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(AuthEnvelope, 'data', invalidAuthData), weight: 6 },
);

const invalidAuthRefreshData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(AuthRefreshData, 'token', 'required'),
  withExtraProperty(AuthRefreshData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(AuthRefreshData, 'token', invalidJwtToken), weight: 3 },
);

const invalidAuthRefreshEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(AuthRefreshEnvelope, 'type', 'required'),
  withoutProperty(AuthRefreshEnvelope, 'id', 'required'),
  withoutProperty(AuthRefreshEnvelope, 'data', 'required'),
  withExtraProperty(AuthRefreshEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(AuthRefreshEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(AuthRefreshEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(AuthRefreshEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(AuthRefreshEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(AuthRefreshEnvelope, 'data', invalidAuthRefreshData), weight: 6 },
);

const invalidPingData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withExtraProperty(PingData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(PingData, 'pingId', invalidPingId), weight: 3 },
);

const invalidPingEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(PingEnvelope, 'type', 'required'),
  withoutProperty(PingEnvelope, 'id', 'required'),
  withoutProperty(PingEnvelope, 'data', 'required'),
  withExtraProperty(PingEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(PingEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(PingEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(PingEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(PingEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(PingEnvelope, 'data', invalidPingData), weight: 5 },
);

const invalidHeartbeatData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withExtraProperty(HeartbeatData, ['extra', '__proto__', 'a/b~c']),
);

const invalidHeartbeatEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(HeartbeatEnvelope, 'type', 'required'),
  withoutProperty(HeartbeatEnvelope, 'id', 'required'),
  withoutProperty(HeartbeatEnvelope, 'data', 'required'),
  withExtraProperty(HeartbeatEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(HeartbeatEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(HeartbeatEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(HeartbeatEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(HeartbeatEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(HeartbeatEnvelope, 'data', invalidHeartbeatData), weight: 2 },
);

const invalidSubscribeData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(SubscribeData, 'events', 'required'),
  withExtraProperty(SubscribeData, ['extra', '__proto__', 'a/b~c']),
  {
    arbitrary: inProperty(
      SubscribeData,
      'events',
      fc.oneof(
        wrongType(['array']),
        invalid(
          'too-few-items',
          'minItems',
          fc.uniqueArray(EventName, { maxLength: 0, comparator: 'SameValueZero' }),
        ),
        withDuplicateItem(
          fc.uniqueArray(EventName, { minLength: 1, maxLength: 11, comparator: 'SameValueZero' }),
        ),
        {
          arbitrary: inItem(
            fc.uniqueArray(EventName, { minLength: 1, maxLength: 12, comparator: 'SameValueZero' }),
            invalidEventName,
          ),
          weight: 2,
        },
      ),
    ),
    weight: 5,
  },
);

const invalidSubscribeEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(SubscribeEnvelope, 'type', 'required'),
  withoutProperty(SubscribeEnvelope, 'id', 'required'),
  withoutProperty(SubscribeEnvelope, 'data', 'required'),
  withExtraProperty(SubscribeEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(SubscribeEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(SubscribeEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(SubscribeEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(SubscribeEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(SubscribeEnvelope, 'data', invalidSubscribeData), weight: 8 },
);

const invalidUnsubscribeData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(UnsubscribeData, 'events', 'required'),
  withExtraProperty(UnsubscribeData, ['extra', '__proto__', 'a/b~c']),
  {
    arbitrary: inProperty(
      UnsubscribeData,
      'events',
      fc.oneof(
        wrongType(['array']),
        invalid(
          'too-few-items',
          'minItems',
          fc.uniqueArray(EventName, { maxLength: 0, comparator: 'SameValueZero' }),
        ),
        withDuplicateItem(
          fc.uniqueArray(EventName, { minLength: 1, maxLength: 11, comparator: 'SameValueZero' }),
        ),
        {
          arbitrary: inItem(
            fc.uniqueArray(EventName, { minLength: 1, maxLength: 12, comparator: 'SameValueZero' }),
            invalidEventName,
          ),
          weight: 2,
        },
      ),
    ),
    weight: 5,
  },
);

const invalidUnsubscribeEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(UnsubscribeEnvelope, 'type', 'required'),
  withoutProperty(UnsubscribeEnvelope, 'id', 'required'),
  withoutProperty(UnsubscribeEnvelope, 'data', 'required'),
  withExtraProperty(UnsubscribeEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(UnsubscribeEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(UnsubscribeEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(UnsubscribeEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(UnsubscribeEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(UnsubscribeEnvelope, 'data', invalidUnsubscribeData), weight: 8 },
);

const invalidRoomJoinData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(RoomJoinData, 'room_id', 'required'),
  withExtraProperty(RoomJoinData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(RoomJoinData, 'room_id', invalidRoomId), weight: 3 },
);

const invalidRoomJoinEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(RoomJoinEnvelope, 'type', 'required'),
  withoutProperty(RoomJoinEnvelope, 'id', 'required'),
  withoutProperty(RoomJoinEnvelope, 'data', 'required'),
  withExtraProperty(RoomJoinEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(RoomJoinEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(RoomJoinEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(RoomJoinEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(RoomJoinEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(RoomJoinEnvelope, 'data', invalidRoomJoinData), weight: 6 },
);

const invalidRoomLeaveData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(RoomLeaveData, 'room_id', 'required'),
  withExtraProperty(RoomLeaveData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(RoomLeaveData, 'room_id', invalidRoomId), weight: 3 },
);

const invalidRoomLeaveEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(RoomLeaveEnvelope, 'type', 'required'),
  withoutProperty(RoomLeaveEnvelope, 'id', 'required'),
  withoutProperty(RoomLeaveEnvelope, 'data', 'required'),
  withExtraProperty(RoomLeaveEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(RoomLeaveEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(RoomLeaveEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(RoomLeaveEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(RoomLeaveEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(RoomLeaveEnvelope, 'data', invalidRoomLeaveData), weight: 6 },
);

const invalidChatSendData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ChatSendData, 'room_id', 'required'),
  withoutProperty(ChatSendData, 'content', 'required'),
  withExtraProperty(ChatSendData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(ChatSendData, 'room_id', invalidRoomId), weight: 3 },
  { arbitrary: inProperty(ChatSendData, 'content', invalidChatContent), weight: 3 },
);

const invalidChatSendEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ChatSendEnvelope, 'type', 'required'),
  withoutProperty(ChatSendEnvelope, 'id', 'required'),
  withoutProperty(ChatSendEnvelope, 'data', 'required'),
  withExtraProperty(ChatSendEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(ChatSendEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(ChatSendEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(ChatSendEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(ChatSendEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(ChatSendEnvelope, 'data', invalidChatSendData), weight: 10 },
);

const invalidTypingData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(TypingData, 'room_id', 'required'),
  withoutProperty(TypingData, 'is_typing', 'required'),
  withExtraProperty(TypingData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(TypingData, 'room_id', invalidRoomId), weight: 3 },
  inProperty(TypingData, 'is_typing', wrongType(['boolean'])),
);

const invalidTypingEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(TypingEnvelope, 'type', 'required'),
  withoutProperty(TypingEnvelope, 'id', 'required'),
  withoutProperty(TypingEnvelope, 'data', 'required'),
  withExtraProperty(TypingEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(TypingEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(TypingEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(TypingEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(TypingEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(TypingEnvelope, 'data', invalidTypingData), weight: 8 },
);

const invalidUploadCancelData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(UploadCancelData, 'upload_id', 'required'),
  withExtraProperty(UploadCancelData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(UploadCancelData, 'upload_id', invalidUploadId), weight: 3 },
  {
    arbitrary: inProperty(
      UploadCancelData,
      'reason',
      fc.oneof(
        wrongType(['string']),
        invalid('too-long', 'maxLength', fc.string({ unit: 'binary', minLength: 501, maxLength: 501 })),
        invalid('too-short', 'minLength', fc.constant('')),
      ),
    ),
    weight: 3,
  },
);

const invalidUploadCancelEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(UploadCancelEnvelope, 'type', 'required'),
  withoutProperty(UploadCancelEnvelope, 'id', 'required'),
  withoutProperty(UploadCancelEnvelope, 'data', 'required'),
  withExtraProperty(UploadCancelEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(UploadCancelEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(UploadCancelEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(UploadCancelEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(UploadCancelEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(UploadCancelEnvelope, 'data', invalidUploadCancelData), weight: 9 },
);

const invalidAckData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(fc.record(ackDataProperties), 'room_id', 'dependencies'),
  withoutProperty(fc.record(ackDataProperties), 'seq', 'dependencies'),
  pickProperties(fc.record(ackDataProperties), []),
  withExtraProperty(fc.record(ackDataProperties), ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(fc.record(ackDataProperties), 'room_id', invalidRoomId), weight: 3 },
  { arbitrary: inProperty(fc.record(ackDataProperties), 'seq', invalidSeq), weight: 3 },
  {
    arbitrary: inProperty(
      fc.record(ackDataProperties),
      'ids',
      fc.oneof(
        wrongType(['array']),
        invalid(
          'too-many-items',
          'maxItems',
          fc.uniqueArray(MessageId, { minLength: 1001, maxLength: 1001, comparator: 'SameValueZero' }),
        ),
        invalid(
          'too-few-items',
          'minItems',
          fc.uniqueArray(MessageId, { maxLength: 0, comparator: 'SameValueZero' }),
        ),
        withDuplicateItem(
          fc.uniqueArray(MessageId, { minLength: 1, maxLength: 999, comparator: 'SameValueZero' }),
        ),
        {
          arbitrary: inItem(
            fc.uniqueArray(MessageId, { minLength: 1, maxLength: 1000, comparator: 'SameValueZero' }),
            invalidMessageId,
          ),
          weight: 3,
        },
      ),
    ),
    weight: 7,
  },
);

const invalidAckEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(AckEnvelope, 'type', 'required'),
  withoutProperty(AckEnvelope, 'id', 'required'),
  withoutProperty(AckEnvelope, 'data', 'required'),
  withExtraProperty(AckEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(AckEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(AckEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(AckEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(AckEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(AckEnvelope, 'data', invalidAckData), weight: 18 },
);

const invalidResumeData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ResumeData, 'last_seq', 'required'),
  withExtraProperty(ResumeData, ['extra', '__proto__', 'a/b~c']),
  {
    arbitrary: inProperty(
      ResumeData,
      'last_seq',
      fc.oneof(
        wrongType(['array']),
        invalid(
          'too-many-items',
          'maxItems',
          fc.uniqueArray(RoomSeq, { minLength: 1001, maxLength: 1001, selector: canonical }),
        ),
        withDuplicateItem(fc.uniqueArray(RoomSeq, { minLength: 1, maxLength: 999, selector: canonical })),
        {
          arbitrary: inItem(
            fc.uniqueArray(RoomSeq, { minLength: 1, maxLength: 1000, selector: canonical }),
            invalidRoomSeq,
          ),
          weight: 13,
        },
      ),
    ),
    weight: 16,
  },
  { arbitrary: inProperty(ResumeData, 'last_notification_id', invalidMessageId), weight: 3 },
);

const invalidResumeEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ResumeEnvelope, 'type', 'required'),
  withoutProperty(ResumeEnvelope, 'id', 'required'),
  withoutProperty(ResumeEnvelope, 'data', 'required'),
  withExtraProperty(ResumeEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(ResumeEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(ResumeEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(ResumeEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(ResumeEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(ResumeEnvelope, 'data', invalidResumeData), weight: 22 },
);

const invalidAuthRefreshedData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(AuthRefreshedData, 'expires_at', 'required'),
  withExtraProperty(AuthRefreshedData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(AuthRefreshedData, 'expires_at', invalidTimestamp), weight: 3 },
);

const invalidAuthRefreshedEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(AuthRefreshedEnvelope, 'type', 'required'),
  withoutProperty(AuthRefreshedEnvelope, 'id', 'required'),
  withoutProperty(AuthRefreshedEnvelope, 'timestamp', 'required'),
  withoutProperty(AuthRefreshedEnvelope, 'correlation_id', 'required'),
  withoutProperty(AuthRefreshedEnvelope, 'data', 'required'),
  withExtraProperty(AuthRefreshedEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(AuthRefreshedEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(AuthRefreshedEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(AuthRefreshedEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(AuthRefreshedEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(AuthRefreshedEnvelope, 'data', invalidAuthRefreshedData), weight: 6 },
);

const invalidPongData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(PongData, 'timestamp', 'required'),
  withExtraProperty(PongData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(PongData, 'pingId', invalidPingId), weight: 3 },
  { arbitrary: inProperty(PongData, 'timestamp', invalidTimestamp), weight: 3 },
);

const invalidPongEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(PongEnvelope, 'type', 'required'),
  withoutProperty(PongEnvelope, 'id', 'required'),
  withoutProperty(PongEnvelope, 'timestamp', 'required'),
  withoutProperty(PongEnvelope, 'correlation_id', 'required'),
  withoutProperty(PongEnvelope, 'data', 'required'),
  withExtraProperty(PongEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(PongEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(PongEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(PongEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(PongEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(PongEnvelope, 'data', invalidPongData), weight: 9 },
);

const invalidSubscriptionConfirmedData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(SubscriptionConfirmedData, 'events', 'required'),
  withoutProperty(SubscriptionConfirmedData, 'subscriptions', 'required'),
  withExtraProperty(SubscriptionConfirmedData, ['extra', '__proto__', 'a/b~c']),
  {
    arbitrary: inProperty(
      SubscriptionConfirmedData,
      'events',
      fc.oneof(
        wrongType(['array']),
        invalid(
          'too-few-items',
          'minItems',
          fc.uniqueArray(EventName, { maxLength: 0, comparator: 'SameValueZero' }),
        ),
        withDuplicateItem(
          fc.uniqueArray(EventName, { minLength: 1, maxLength: 11, comparator: 'SameValueZero' }),
        ),
        {
          arbitrary: inItem(
            fc.uniqueArray(EventName, { minLength: 1, maxLength: 12, comparator: 'SameValueZero' }),
            invalidEventName,
          ),
          weight: 2,
        },
      ),
    ),
    weight: 5,
  },
  {
    arbitrary: inProperty(
      SubscriptionConfirmedData,
      'subscriptions',
      fc.oneof(
        wrongType(['array']),
        invalid(
          'too-few-items',
          'minItems',
          fc.uniqueArray(EventName, { maxLength: 0, comparator: 'SameValueZero' }),
        ),
        withDuplicateItem(
          fc.uniqueArray(EventName, { minLength: 1, maxLength: 11, comparator: 'SameValueZero' }),
        ),
        {
          arbitrary: inItem(
            fc.uniqueArray(EventName, { minLength: 1, maxLength: 12, comparator: 'SameValueZero' }),
            invalidEventName,
          ),
          weight: 2,
        },
      ),
    ),
    weight: 5,
  },
);

const invalidSubscriptionConfirmedEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(SubscriptionConfirmedEnvelope, 'type', 'required'),
  withoutProperty(SubscriptionConfirmedEnvelope, 'id', 'required'),
  withoutProperty(SubscriptionConfirmedEnvelope, 'timestamp', 'required'),
  withoutProperty(SubscriptionConfirmedEnvelope, 'correlation_id', 'required'),
  withoutProperty(SubscriptionConfirmedEnvelope, 'data', 'required'),
  withExtraProperty(SubscriptionConfirmedEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(SubscriptionConfirmedEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(SubscriptionConfirmedEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(SubscriptionConfirmedEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(SubscriptionConfirmedEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  {
    arbitrary: inProperty(SubscriptionConfirmedEnvelope, 'data', invalidSubscriptionConfirmedData),
    weight: 14,
  },
);

const invalidUnsubscriptionConfirmedData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(UnsubscriptionConfirmedData, 'events', 'required'),
  withoutProperty(UnsubscriptionConfirmedData, 'subscriptions', 'required'),
  withExtraProperty(UnsubscriptionConfirmedData, ['extra', '__proto__', 'a/b~c']),
  {
    arbitrary: inProperty(
      UnsubscriptionConfirmedData,
      'events',
      fc.oneof(
        wrongType(['array']),
        invalid(
          'too-few-items',
          'minItems',
          fc.uniqueArray(EventName, { maxLength: 0, comparator: 'SameValueZero' }),
        ),
        withDuplicateItem(
          fc.uniqueArray(EventName, { minLength: 1, maxLength: 11, comparator: 'SameValueZero' }),
        ),
        {
          arbitrary: inItem(
            fc.uniqueArray(EventName, { minLength: 1, maxLength: 12, comparator: 'SameValueZero' }),
            invalidEventName,
          ),
          weight: 2,
        },
      ),
    ),
    weight: 5,
  },
  {
    arbitrary: inProperty(
      UnsubscriptionConfirmedData,
      'subscriptions',
      fc.oneof(
        wrongType(['array']),
        withDuplicateItem(
          fc.uniqueArray(EventName, { minLength: 1, maxLength: 11, comparator: 'SameValueZero' }),
        ),
        {
          arbitrary: inItem(
            fc.uniqueArray(EventName, { minLength: 1, maxLength: 12, comparator: 'SameValueZero' }),
            invalidEventName,
          ),
          weight: 2,
        },
      ),
    ),
    weight: 4,
  },
);

const invalidUnsubscriptionConfirmedEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(UnsubscriptionConfirmedEnvelope, 'type', 'required'),
  withoutProperty(UnsubscriptionConfirmedEnvelope, 'id', 'required'),
  withoutProperty(UnsubscriptionConfirmedEnvelope, 'timestamp', 'required'),
  withoutProperty(UnsubscriptionConfirmedEnvelope, 'correlation_id', 'required'),
  withoutProperty(UnsubscriptionConfirmedEnvelope, 'data', 'required'),
  withExtraProperty(UnsubscriptionConfirmedEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(UnsubscriptionConfirmedEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(UnsubscriptionConfirmedEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(UnsubscriptionConfirmedEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  {
    arbitrary: inProperty(UnsubscriptionConfirmedEnvelope, 'correlation_id', invalidCorrelationId),
    weight: 3,
  },
  {
    arbitrary: inProperty(UnsubscriptionConfirmedEnvelope, 'data', invalidUnsubscriptionConfirmedData),
    weight: 13,
  },
);

const invalidRoomJoinedData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(RoomJoinedData, 'room_id', 'required'),
  withoutProperty(RoomJoinedData, 'members', 'required'),
  withoutProperty(RoomJoinedData, 'member_count', 'required'),
  withoutProperty(RoomJoinedData, 'epoch', 'required'),
  withoutProperty(RoomJoinedData, 'last_seq', 'required'),
  withExtraProperty(RoomJoinedData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(RoomJoinedData, 'room_id', invalidRoomId), weight: 3 },
  {
    arbitrary: inProperty(
      RoomJoinedData,
      'members',
      fc.oneof(
        wrongType(['array']),
        invalid('too-many-items', 'maxItems', fc.array(RoomMember, { minLength: 1001, maxLength: 1001 })),
        invalid('too-few-items', 'minItems', fc.array(RoomMember, { maxLength: 0 })),
        {
          arbitrary: inItem(fc.array(RoomMember, { minLength: 1, maxLength: 1000 }), invalidRoomMember),
          weight: 17,
        },
      ),
    ),
    weight: 20,
  },
  {
    arbitrary: inProperty(
      RoomJoinedData,
      'member_count',
      fc.oneof(
        wrongType(['integer'], 1.5),
        invalid('above-maximum', 'maximum', fc.constant(9007199254740992)),
        invalid('below-minimum', 'minimum', fc.constant(0)),
      ),
    ),
    weight: 3,
  },
  { arbitrary: inProperty(RoomJoinedData, 'epoch', invalidEpoch), weight: 3 },
  { arbitrary: inProperty(RoomJoinedData, 'last_seq', invalidSeq), weight: 3 },
);

const invalidRoomJoinedEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(RoomJoinedEnvelope, 'type', 'required'),
  withoutProperty(RoomJoinedEnvelope, 'id', 'required'),
  withoutProperty(RoomJoinedEnvelope, 'timestamp', 'required'),
  withoutProperty(RoomJoinedEnvelope, 'correlation_id', 'required'),
  withoutProperty(RoomJoinedEnvelope, 'data', 'required'),
  withExtraProperty(RoomJoinedEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(RoomJoinedEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(RoomJoinedEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(RoomJoinedEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(RoomJoinedEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(RoomJoinedEnvelope, 'data', invalidRoomJoinedData), weight: 39 },
);

const invalidRoomLeftData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(RoomLeftData, 'room_id', 'required'),
  withExtraProperty(RoomLeftData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(RoomLeftData, 'room_id', invalidRoomId), weight: 3 },
);

const invalidRoomLeftEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(RoomLeftEnvelope, 'type', 'required'),
  withoutProperty(RoomLeftEnvelope, 'id', 'required'),
  withoutProperty(RoomLeftEnvelope, 'timestamp', 'required'),
  withoutProperty(RoomLeftEnvelope, 'correlation_id', 'required'),
  withoutProperty(RoomLeftEnvelope, 'data', 'required'),
  withExtraProperty(RoomLeftEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(RoomLeftEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(RoomLeftEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(RoomLeftEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(RoomLeftEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(RoomLeftEnvelope, 'data', invalidRoomLeftData), weight: 6 },
);

const invalidChatSentData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ChatSentData, 'message_id', 'required'),
  withoutProperty(ChatSentData, 'room_id', 'required'),
  withoutProperty(ChatSentData, 'seq', 'required'),
  withoutProperty(ChatSentData, 'timestamp', 'required'),
  withExtraProperty(ChatSentData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(ChatSentData, 'message_id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(ChatSentData, 'room_id', invalidRoomId), weight: 3 },
  { arbitrary: inProperty(ChatSentData, 'seq', invalidSeq), weight: 3 },
  { arbitrary: inProperty(ChatSentData, 'timestamp', invalidTimestamp), weight: 3 },
);

const invalidChatSentEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ChatSentEnvelope, 'type', 'required'),
  withoutProperty(ChatSentEnvelope, 'id', 'required'),
  withoutProperty(ChatSentEnvelope, 'timestamp', 'required'),
  withoutProperty(ChatSentEnvelope, 'correlation_id', 'required'),
  withoutProperty(ChatSentEnvelope, 'data', 'required'),
  withExtraProperty(ChatSentEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(ChatSentEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(ChatSentEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(ChatSentEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(ChatSentEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(ChatSentEnvelope, 'data', invalidChatSentData), weight: 18 },
);

const invalidResumeCompletedData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ResumeCompletedData, 'replayed', 'required'),
  withoutProperty(ResumeCompletedData, 'complete', 'required'),
  withoutProperty(ResumeCompletedData, 'rooms', 'required'),
  withExtraProperty(ResumeCompletedData, ['extra', '__proto__', 'a/b~c']),
  {
    arbitrary: inProperty(
      ResumeCompletedData,
      'replayed',
      fc.oneof(
        wrongType(['integer'], 0.5),
        invalid('above-maximum', 'maximum', fc.constant(9007199254740992)),
        invalid('below-minimum', 'minimum', fc.constant(-1)),
      ),
    ),
    weight: 3,
  },
  inProperty(ResumeCompletedData, 'complete', wrongType(['boolean'])),
  {
    arbitrary: inProperty(
      ResumeCompletedData,
      'rooms',
      fc.oneof(
        wrongType(['array']),
        invalid(
          'too-many-items',
          'maxItems',
          fc.uniqueArray(RoomPosition, { minLength: 1001, maxLength: 1001, selector: canonical }),
        ),
        withDuplicateItem(fc.uniqueArray(RoomPosition, { minLength: 1, maxLength: 999, selector: canonical })),
        {
          arbitrary: inItem(
            fc.uniqueArray(RoomPosition, { minLength: 1, maxLength: 1000, selector: canonical }),
            invalidRoomPosition,
          ),
          weight: 14,
        },
      ),
    ),
    weight: 17,
  },
);

const invalidResumeCompletedEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ResumeCompletedEnvelope, 'type', 'required'),
  withoutProperty(ResumeCompletedEnvelope, 'id', 'required'),
  withoutProperty(ResumeCompletedEnvelope, 'timestamp', 'required'),
  withoutProperty(ResumeCompletedEnvelope, 'correlation_id', 'required'),
  withoutProperty(ResumeCompletedEnvelope, 'data', 'required'),
  withExtraProperty(ResumeCompletedEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(ResumeCompletedEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(ResumeCompletedEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(ResumeCompletedEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(ResumeCompletedEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(ResumeCompletedEnvelope, 'data', invalidResumeCompletedData), weight: 26 },
);

const invalidConnectionEstablishedData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ConnectionEstablishedData, 'connection_id', 'required'),
  withoutProperty(ConnectionEstablishedData, 'user_id', 'required'),
  withoutProperty(ConnectionEstablishedData, 'username', 'required'),
  withoutProperty(ConnectionEstablishedData, 'server_time', 'required'),
  withoutProperty(ConnectionEstablishedData, 'protocol_version', 'required'),
  withoutProperty(ConnectionEstablishedData, 'features', 'required'),
  withoutProperty(ConnectionEstablishedData, 'heartbeat_interval_ms', 'required'),
  withoutProperty(ConnectionEstablishedData, 'limits', 'required'),
  withExtraProperty(ConnectionEstablishedData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(ConnectionEstablishedData, 'connection_id', invalidConnectionId), weight: 3 },
  { arbitrary: inProperty(ConnectionEstablishedData, 'user_id', invalidUserId), weight: 3 },
  { arbitrary: inProperty(ConnectionEstablishedData, 'username', invalidUsername), weight: 3 },
  { arbitrary: inProperty(ConnectionEstablishedData, 'server_time', invalidTimestamp), weight: 3 },
  {
    arbitrary: inProperty(
      ConnectionEstablishedData,
      'protocol_version',
      fc.oneof(
        wrongType(['string']),
        invalid(
          'too-long',
          'maxLength',
          joined(
            fc.string({ unit: chars('0123456789'), minLength: 29, maxLength: 29 }),
            fc.constant('.'),
            chars('0123456789'),
            fc.constant('.'),
            chars('0123456789'),
          ),
        ),
        invalid(
          'pattern-mismatch',
          'pattern',
          withFirstChar(
            joined(
              fc.string({ unit: chars('0123456789'), minLength: 1, maxLength: 10 }),
              fc.constant('.'),
              fc.string({ unit: chars('0123456789'), minLength: 1, maxLength: 10 }),
              fc.constant('.'),
              fc.string({ unit: chars('0123456789'), minLength: 1, maxLength: 10 }),
            ),
            fc.constantFrom(' ', '\u00e9', '\u{1f600}'),
          ),
        ),
      ),
    ),
    weight: 3,
  },
  {
    arbitrary: inProperty(
      ConnectionEstablishedData,
      'features',
      fc.oneof(
        wrongType(['array']),
        withDuplicateItem(
          fc.uniqueArray(Feature, { minLength: 1, maxLength: 11, comparator: 'SameValueZero' }),
        ),
        {
          arbitrary: inItem(
            fc.uniqueArray(Feature, { minLength: 1, maxLength: 11, comparator: 'SameValueZero' }),
            invalidFeature,
          ),
          weight: 2,
        },
      ),
    ),
    weight: 4,
  },
  {
    arbitrary: inProperty(
      ConnectionEstablishedData,
      'heartbeat_interval_ms',
      fc.oneof(
        wrongType(['integer'], 1000.5),
        invalid('above-maximum', 'maximum', fc.constant(3600001)),
        invalid('below-minimum', 'minimum', fc.constant(999)),
      ),
    ),
    weight: 3,
  },
  { arbitrary: inProperty(ConnectionEstablishedData, 'limits', invalidConnectionLimits), weight: 34 },
  { arbitrary: inProperty(ConnectionEstablishedData, 'token_expires_at', invalidTimestamp), weight: 3 },
);

const invalidConnectionEstablishedEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ConnectionEstablishedEnvelope, 'type', 'required'),
  withoutProperty(ConnectionEstablishedEnvelope, 'id', 'required'),
  withoutProperty(ConnectionEstablishedEnvelope, 'timestamp', 'required'),
  withoutProperty(ConnectionEstablishedEnvelope, 'data', 'required'),
  withExtraProperty(ConnectionEstablishedEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(ConnectionEstablishedEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(ConnectionEstablishedEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(ConnectionEstablishedEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(ConnectionEstablishedEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  {
    arbitrary: inProperty(ConnectionEstablishedEnvelope, 'data', invalidConnectionEstablishedData),
    weight: 69,
  },
);

const invalidChatMessageData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ChatMessageData, 'id', 'required'),
  withoutProperty(ChatMessageData, 'room_id', 'required'),
  withoutProperty(ChatMessageData, 'user_id', 'required'),
  withoutProperty(ChatMessageData, 'username', 'required'),
  withoutProperty(ChatMessageData, 'content', 'required'),
  withoutProperty(ChatMessageData, 'timestamp', 'required'),
  withoutProperty(ChatMessageData, 'epoch', 'required'),
  withoutProperty(ChatMessageData, 'seq', 'required'),
  withExtraProperty(ChatMessageData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(ChatMessageData, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(ChatMessageData, 'room_id', invalidRoomId), weight: 3 },
  { arbitrary: inProperty(ChatMessageData, 'user_id', invalidUserId), weight: 3 },
  { arbitrary: inProperty(ChatMessageData, 'username', invalidUsername), weight: 3 },
  { arbitrary: inProperty(ChatMessageData, 'content', invalidChatContent), weight: 3 },
  { arbitrary: inProperty(ChatMessageData, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(ChatMessageData, 'epoch', invalidEpoch), weight: 3 },
  { arbitrary: inProperty(ChatMessageData, 'seq', invalidSeq), weight: 3 },
);

const invalidChatMessageEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ChatMessageEnvelope, 'type', 'required'),
  withoutProperty(ChatMessageEnvelope, 'id', 'required'),
  withoutProperty(ChatMessageEnvelope, 'timestamp', 'required'),
  withoutProperty(ChatMessageEnvelope, 'data', 'required'),
  withExtraProperty(ChatMessageEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(ChatMessageEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(ChatMessageEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(ChatMessageEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(ChatMessageEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(ChatMessageEnvelope, 'data', invalidChatMessageData), weight: 34 },
);

const invalidRoomUpdateData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(RoomUpdateData, 'room_id', 'required'),
  withoutProperty(RoomUpdateData, 'event', 'required'),
  withoutProperty(RoomUpdateData, 'user_id', 'required'),
  withoutProperty(RoomUpdateData, 'timestamp', 'required'),
  withoutProperty(RoomUpdateData, 'epoch', 'required'),
  withoutProperty(RoomUpdateData, 'seq', 'required'),
  withExtraProperty(RoomUpdateData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(RoomUpdateData, 'room_id', invalidRoomId), weight: 3 },
  { arbitrary: inProperty(RoomUpdateData, 'event', invalidRoomUpdateEvent), weight: 2 },
  { arbitrary: inProperty(RoomUpdateData, 'user_id', invalidUserId), weight: 3 },
  { arbitrary: inProperty(RoomUpdateData, 'username', invalidUsername), weight: 3 },
  { arbitrary: inProperty(RoomUpdateData, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(RoomUpdateData, 'epoch', invalidEpoch), weight: 3 },
  { arbitrary: inProperty(RoomUpdateData, 'seq', invalidSeq), weight: 3 },
  {
    arbitrary: inProperty(
      RoomUpdateData,
      'member_count',
      fc.oneof(
        wrongType(['integer'], 0.5),
        invalid('above-maximum', 'maximum', fc.constant(9007199254740992)),
        invalid('below-minimum', 'minimum', fc.constant(-1)),
      ),
    ),
    weight: 3,
  },
);

const invalidRoomUpdateEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(RoomUpdateEnvelope, 'type', 'required'),
  withoutProperty(RoomUpdateEnvelope, 'id', 'required'),
  withoutProperty(RoomUpdateEnvelope, 'timestamp', 'required'),
  withoutProperty(RoomUpdateEnvelope, 'data', 'required'),
  withExtraProperty(RoomUpdateEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(RoomUpdateEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(RoomUpdateEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(RoomUpdateEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(RoomUpdateEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(RoomUpdateEnvelope, 'data', invalidRoomUpdateData), weight: 31 },
);

const invalidPresenceStatusData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(PresenceStatusData, 'user_id', 'required'),
  withoutProperty(PresenceStatusData, 'status', 'required'),
  withoutProperty(PresenceStatusData, 'last_seen', 'required'),
  withExtraProperty(PresenceStatusData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(PresenceStatusData, 'user_id', invalidUserId), weight: 3 },
  { arbitrary: inProperty(PresenceStatusData, 'username', invalidUsername), weight: 3 },
  { arbitrary: inProperty(PresenceStatusData, 'status', invalidPresenceStatus), weight: 2 },
  { arbitrary: inProperty(PresenceStatusData, 'last_seen', invalidTimestamp), weight: 3 },
);

const invalidPresenceStatusEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(PresenceStatusEnvelope, 'type', 'required'),
  withoutProperty(PresenceStatusEnvelope, 'id', 'required'),
  withoutProperty(PresenceStatusEnvelope, 'timestamp', 'required'),
  withoutProperty(PresenceStatusEnvelope, 'data', 'required'),
  withExtraProperty(PresenceStatusEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(PresenceStatusEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(PresenceStatusEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(PresenceStatusEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(PresenceStatusEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(PresenceStatusEnvelope, 'data', invalidPresenceStatusData), weight: 16 },
);

const invalidUserTypingData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(UserTypingData, 'room_id', 'required'),
  withoutProperty(UserTypingData, 'user_id', 'required'),
  withoutProperty(UserTypingData, 'username', 'required'),
  withoutProperty(UserTypingData, 'is_typing', 'required'),
  withExtraProperty(UserTypingData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(UserTypingData, 'room_id', invalidRoomId), weight: 3 },
  { arbitrary: inProperty(UserTypingData, 'user_id', invalidUserId), weight: 3 },
  { arbitrary: inProperty(UserTypingData, 'username', invalidUsername), weight: 3 },
  inProperty(UserTypingData, 'is_typing', wrongType(['boolean'])),
);

const invalidUserTypingEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(UserTypingEnvelope, 'type', 'required'),
  withoutProperty(UserTypingEnvelope, 'id', 'required'),
  withoutProperty(UserTypingEnvelope, 'timestamp', 'required'),
  withoutProperty(UserTypingEnvelope, 'data', 'required'),
  withExtraProperty(UserTypingEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(UserTypingEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(UserTypingEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(UserTypingEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(UserTypingEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(UserTypingEnvelope, 'data', invalidUserTypingData), weight: 16 },
);

const invalidUploadProgressData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(UploadProgressData, 'upload_id', 'required'),
  withoutProperty(UploadProgressData, 'progress', 'required'),
  withoutProperty(UploadProgressData, 'bytes_uploaded', 'required'),
  withoutProperty(UploadProgressData, 'total_bytes', 'required'),
  withExtraProperty(UploadProgressData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(UploadProgressData, 'upload_id', invalidUploadId), weight: 3 },
  { arbitrary: inProperty(UploadProgressData, 'progress', invalidPercent), weight: 3 },
  { arbitrary: inProperty(UploadProgressData, 'bytes_uploaded', invalidByteCount), weight: 3 },
  { arbitrary: inProperty(UploadProgressData, 'total_bytes', invalidByteCount), weight: 3 },
  { arbitrary: inProperty(UploadProgressData, 'timestamp', invalidTimestamp), weight: 3 },
);

const invalidUploadProgressEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(UploadProgressEnvelope, 'type', 'required'),
  withoutProperty(UploadProgressEnvelope, 'id', 'required'),
  withoutProperty(UploadProgressEnvelope, 'timestamp', 'required'),
  withoutProperty(UploadProgressEnvelope, 'data', 'required'),
  withExtraProperty(UploadProgressEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(UploadProgressEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(UploadProgressEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(UploadProgressEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(UploadProgressEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(UploadProgressEnvelope, 'data', invalidUploadProgressData), weight: 21 },
);

const invalidUploadCompletedData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(UploadCompletedData, 'upload_id', 'required'),
  withExtraProperty(UploadCompletedData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(UploadCompletedData, 'upload_id', invalidUploadId), weight: 3 },
  { arbitrary: inProperty(UploadCompletedData, 'file_id', invalidFileId), weight: 3 },
  { arbitrary: inProperty(UploadCompletedData, 'filename', invalidFileName), weight: 3 },
  { arbitrary: inProperty(UploadCompletedData, 'size_bytes', invalidByteCount), weight: 3 },
  { arbitrary: inProperty(UploadCompletedData, 'content_type', invalidMediaType), weight: 3 },
);

const invalidUploadCompletedEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(UploadCompletedEnvelope, 'type', 'required'),
  withoutProperty(UploadCompletedEnvelope, 'id', 'required'),
  withoutProperty(UploadCompletedEnvelope, 'timestamp', 'required'),
  withoutProperty(UploadCompletedEnvelope, 'data', 'required'),
  withExtraProperty(UploadCompletedEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(UploadCompletedEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(UploadCompletedEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(UploadCompletedEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(UploadCompletedEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(UploadCompletedEnvelope, 'data', invalidUploadCompletedData), weight: 18 },
);

const invalidUploadErrorData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(UploadErrorData, 'upload_id', 'required'),
  withoutProperty(UploadErrorData, 'code', 'required'),
  withoutProperty(UploadErrorData, 'message', 'required'),
  withExtraProperty(UploadErrorData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(UploadErrorData, 'upload_id', invalidUploadId), weight: 3 },
  { arbitrary: inProperty(UploadErrorData, 'code', invalidUploadErrorCode), weight: 2 },
  {
    arbitrary: inProperty(
      UploadErrorData,
      'message',
      fc.oneof(
        wrongType(['string']),
        invalid('too-long', 'maxLength', fc.string({ unit: 'binary', minLength: 1001, maxLength: 1001 })),
        invalid('too-short', 'minLength', fc.constant('')),
      ),
    ),
    weight: 3,
  },
  inProperty(UploadErrorData, 'retryable', wrongType(['boolean'])),
);

const invalidUploadErrorEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(UploadErrorEnvelope, 'type', 'required'),
  withoutProperty(UploadErrorEnvelope, 'id', 'required'),
  withoutProperty(UploadErrorEnvelope, 'timestamp', 'required'),
  withoutProperty(UploadErrorEnvelope, 'data', 'required'),
  withExtraProperty(UploadErrorEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(UploadErrorEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(UploadErrorEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(UploadErrorEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(UploadErrorEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(UploadErrorEnvelope, 'data', invalidUploadErrorData), weight: 14 },
);

const invalidUploadCancelledData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(UploadCancelledData, 'upload_id', 'required'),
  withExtraProperty(UploadCancelledData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(UploadCancelledData, 'upload_id', invalidUploadId), weight: 3 },
  { arbitrary: inProperty(UploadCancelledData, 'cancelled_by', invalidUserId), weight: 3 },
  {
    arbitrary: inProperty(
      UploadCancelledData,
      'reason',
      fc.oneof(
        wrongType(['string']),
        invalid('too-long', 'maxLength', fc.string({ unit: 'binary', minLength: 501, maxLength: 501 })),
        invalid('too-short', 'minLength', fc.constant('')),
      ),
    ),
    weight: 3,
  },
);

const invalidUploadCancelledEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(UploadCancelledEnvelope, 'type', 'required'),
  withoutProperty(UploadCancelledEnvelope, 'id', 'required'),
  withoutProperty(UploadCancelledEnvelope, 'timestamp', 'required'),
  withoutProperty(UploadCancelledEnvelope, 'data', 'required'),
  withExtraProperty(UploadCancelledEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(UploadCancelledEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(UploadCancelledEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(UploadCancelledEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(UploadCancelledEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(UploadCancelledEnvelope, 'data', invalidUploadCancelledData), weight: 12 },
);

const invalidReviewCreatedData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ReviewCreatedData, 'review_id', 'required'),
  withoutProperty(ReviewCreatedData, 'author_id', 'required'),
  withoutProperty(ReviewCreatedData, 'created_at', 'required'),
  withExtraProperty(ReviewCreatedData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(ReviewCreatedData, 'review_id', invalidReviewId), weight: 3 },
  { arbitrary: inProperty(ReviewCreatedData, 'author_id', invalidUserId), weight: 3 },
  {
    arbitrary: inProperty(
      ReviewCreatedData,
      'title',
      fc.oneof(
        wrongType(['string']),
        invalid('too-long', 'maxLength', fc.string({ unit: 'binary', minLength: 201, maxLength: 201 })),
        invalid('too-short', 'minLength', fc.constant('')),
      ),
    ),
    weight: 3,
  },
  { arbitrary: inProperty(ReviewCreatedData, 'status', invalidReviewStatus), weight: 2 },
  { arbitrary: inProperty(ReviewCreatedData, 'file_id', invalidFileId), weight: 3 },
  { arbitrary: inProperty(ReviewCreatedData, 'created_at', invalidTimestamp), weight: 3 },
);

const invalidReviewCreatedEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ReviewCreatedEnvelope, 'type', 'required'),
  withoutProperty(ReviewCreatedEnvelope, 'id', 'required'),
  withoutProperty(ReviewCreatedEnvelope, 'timestamp', 'required'),
  withoutProperty(ReviewCreatedEnvelope, 'data', 'required'),
  withExtraProperty(ReviewCreatedEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(ReviewCreatedEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(ReviewCreatedEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(ReviewCreatedEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(ReviewCreatedEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(ReviewCreatedEnvelope, 'data', invalidReviewCreatedData), weight: 22 },
);

const invalidReviewUpdatedData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ReviewUpdatedData, 'review_id', 'required'),
  withoutProperty(ReviewUpdatedData, 'changes', 'required'),
  withoutProperty(ReviewUpdatedData, 'updated_at', 'required'),
  withExtraProperty(ReviewUpdatedData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(ReviewUpdatedData, 'review_id', invalidReviewId), weight: 3 },
  {
    arbitrary: inProperty(
      ReviewUpdatedData,
      'changes',
      fc.oneof(
        wrongType(['array']),
        invalid(
          'too-many-items',
          'maxItems',
          fc.uniqueArray(ReviewChange, { minLength: 51, maxLength: 51, selector: canonical }),
        ),
        invalid(
          'too-few-items',
          'minItems',
          fc.uniqueArray(ReviewChange, { maxLength: 0, selector: canonical }),
        ),
        withDuplicateItem(fc.uniqueArray(ReviewChange, { minLength: 1, maxLength: 49, selector: canonical })),
        {
          arbitrary: inItem(
            fc.uniqueArray(ReviewChange, { minLength: 1, maxLength: 50, selector: canonical }),
            invalidReviewChange,
          ),
          weight: 9,
        },
      ),
    ),
    weight: 13,
  },
  { arbitrary: inProperty(ReviewUpdatedData, 'updated_by', invalidUserId), weight: 3 },
  { arbitrary: inProperty(ReviewUpdatedData, 'updated_at', invalidTimestamp), weight: 3 },
);

const invalidReviewUpdatedEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ReviewUpdatedEnvelope, 'type', 'required'),
  withoutProperty(ReviewUpdatedEnvelope, 'id', 'required'),
  withoutProperty(ReviewUpdatedEnvelope, 'timestamp', 'required'),
  withoutProperty(ReviewUpdatedEnvelope, 'data', 'required'),
  withExtraProperty(ReviewUpdatedEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(ReviewUpdatedEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(ReviewUpdatedEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(ReviewUpdatedEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(ReviewUpdatedEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(ReviewUpdatedEnvelope, 'data', invalidReviewUpdatedData), weight: 27 },
);

const invalidReviewDeletedData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ReviewDeletedData, 'review_id', 'required'),
  withoutProperty(ReviewDeletedData, 'deleted_at', 'required'),
  withExtraProperty(ReviewDeletedData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(ReviewDeletedData, 'review_id', invalidReviewId), weight: 3 },
  { arbitrary: inProperty(ReviewDeletedData, 'deleted_by', invalidUserId), weight: 3 },
  { arbitrary: inProperty(ReviewDeletedData, 'deleted_at', invalidTimestamp), weight: 3 },
);

const invalidReviewDeletedEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ReviewDeletedEnvelope, 'type', 'required'),
  withoutProperty(ReviewDeletedEnvelope, 'id', 'required'),
  withoutProperty(ReviewDeletedEnvelope, 'timestamp', 'required'),
  withoutProperty(ReviewDeletedEnvelope, 'data', 'required'),
  withExtraProperty(ReviewDeletedEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(ReviewDeletedEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(ReviewDeletedEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(ReviewDeletedEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(ReviewDeletedEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(ReviewDeletedEnvelope, 'data', invalidReviewDeletedData), weight: 13 },
);

const invalidSystemNotificationData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(SystemNotificationData, 'message', 'required'),
  withoutProperty(SystemNotificationData, 'level', 'required'),
  withExtraProperty(SystemNotificationData, ['extra', '__proto__', 'a/b~c']),
  {
    arbitrary: inProperty(
      SystemNotificationData,
      'title',
      fc.oneof(
        wrongType(['string']),
        invalid('too-long', 'maxLength', fc.string({ unit: 'binary', minLength: 201, maxLength: 201 })),
        invalid('too-short', 'minLength', fc.constant('')),
      ),
    ),
    weight: 3,
  },
  {
    arbitrary: inProperty(
      SystemNotificationData,
      'message',
      fc.oneof(
        wrongType(['string']),
        invalid('too-long', 'maxLength', fc.string({ unit: 'binary', minLength: 2001, maxLength: 2001 })),
        invalid('too-short', 'minLength', fc.constant('')),
      ),
    ),
    weight: 3,
  },
  { arbitrary: inProperty(SystemNotificationData, 'level', invalidNotificationLevel), weight: 2 },
);

const invalidSystemNotificationEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(SystemNotificationEnvelope, 'type', 'required'),
  withoutProperty(SystemNotificationEnvelope, 'id', 'required'),
  withoutProperty(SystemNotificationEnvelope, 'timestamp', 'required'),
  withoutProperty(SystemNotificationEnvelope, 'data', 'required'),
  withExtraProperty(SystemNotificationEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(SystemNotificationEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(SystemNotificationEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(SystemNotificationEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(SystemNotificationEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(SystemNotificationEnvelope, 'data', invalidSystemNotificationData), weight: 12 },
);

const invalidSystemMaintenanceData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(SystemMaintenanceData, 'message', 'required'),
  withoutProperty(SystemMaintenanceData, 'starts_at', 'required'),
  withExtraProperty(SystemMaintenanceData, ['extra', '__proto__', 'a/b~c']),
  {
    arbitrary: inProperty(
      SystemMaintenanceData,
      'message',
      fc.oneof(
        wrongType(['string']),
        invalid('too-long', 'maxLength', fc.string({ unit: 'binary', minLength: 2001, maxLength: 2001 })),
        invalid('too-short', 'minLength', fc.constant('')),
      ),
    ),
    weight: 3,
  },
  { arbitrary: inProperty(SystemMaintenanceData, 'starts_at', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(SystemMaintenanceData, 'ends_at', invalidTimestamp), weight: 3 },
);

const invalidSystemMaintenanceEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(SystemMaintenanceEnvelope, 'type', 'required'),
  withoutProperty(SystemMaintenanceEnvelope, 'id', 'required'),
  withoutProperty(SystemMaintenanceEnvelope, 'timestamp', 'required'),
  withoutProperty(SystemMaintenanceEnvelope, 'data', 'required'),
  withExtraProperty(SystemMaintenanceEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(SystemMaintenanceEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(SystemMaintenanceEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(SystemMaintenanceEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(SystemMaintenanceEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(SystemMaintenanceEnvelope, 'data', invalidSystemMaintenanceData), weight: 13 },
);

const invalidUserStatusChangedData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(UserStatusChangedData, 'user_id', 'required'),
  withoutProperty(UserStatusChangedData, 'status', 'required'),
  withExtraProperty(UserStatusChangedData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(UserStatusChangedData, 'user_id', invalidUserId), weight: 3 },
  { arbitrary: inProperty(UserStatusChangedData, 'status', invalidPresenceStatus), weight: 2 },
  { arbitrary: inProperty(UserStatusChangedData, 'previous_status', invalidPresenceStatus), weight: 2 },
  { arbitrary: inProperty(UserStatusChangedData, 'last_seen', invalidTimestamp), weight: 3 },
);

const invalidUserStatusChangedEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(UserStatusChangedEnvelope, 'type', 'required'),
  withoutProperty(UserStatusChangedEnvelope, 'id', 'required'),
  withoutProperty(UserStatusChangedEnvelope, 'timestamp', 'required'),
  withoutProperty(UserStatusChangedEnvelope, 'data', 'required'),
  withExtraProperty(UserStatusChangedEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(UserStatusChangedEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(UserStatusChangedEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(UserStatusChangedEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(UserStatusChangedEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(UserStatusChangedEnvelope, 'data', invalidUserStatusChangedData), weight: 14 },
);

const invalidFileProcessingData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(FileProcessingData, 'file_id', 'required'),
  withoutProperty(FileProcessingData, 'status', 'required'),
  withExtraProperty(FileProcessingData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(FileProcessingData, 'file_id', invalidFileId), weight: 3 },
  { arbitrary: inProperty(FileProcessingData, 'status', invalidFileProcessingStatus), weight: 2 },
  { arbitrary: inProperty(FileProcessingData, 'progress', invalidPercent), weight: 3 },
  {
    arbitrary: inProperty(
      FileProcessingData,
      'message',
      fc.oneof(
        wrongType(['string']),
        invalid('too-long', 'maxLength', fc.string({ unit: 'binary', minLength: 1001, maxLength: 1001 })),
        invalid('too-short', 'minLength', fc.constant('')),
      ),
    ),
    weight: 3,
  },
);

const invalidFileProcessingEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(FileProcessingEnvelope, 'type', 'required'),
  withoutProperty(FileProcessingEnvelope, 'id', 'required'),
  withoutProperty(FileProcessingEnvelope, 'timestamp', 'required'),
  withoutProperty(FileProcessingEnvelope, 'data', 'required'),
  withExtraProperty(FileProcessingEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(FileProcessingEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(FileProcessingEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(FileProcessingEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(FileProcessingEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(FileProcessingEnvelope, 'data', invalidFileProcessingData), weight: 15 },
);

const invalidFileReadyData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(FileReadyData, 'file_id', 'required'),
  withExtraProperty(FileReadyData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(FileReadyData, 'file_id', invalidFileId), weight: 3 },
  { arbitrary: inProperty(FileReadyData, 'upload_id', invalidUploadId), weight: 3 },
  { arbitrary: inProperty(FileReadyData, 'filename', invalidFileName), weight: 3 },
  { arbitrary: inProperty(FileReadyData, 'size_bytes', invalidByteCount), weight: 3 },
  { arbitrary: inProperty(FileReadyData, 'content_type', invalidMediaType), weight: 3 },
  {
    arbitrary: inProperty(
      FileReadyData,
      'url',
      fc.oneof(
        wrongType(['string']),
        invalid(
          'bad-format',
          'format',
          fc.string({ unit: chars('abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: 41 }),
        ),
      ),
    ),
    weight: 2,
  },
);

const invalidFileReadyEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(FileReadyEnvelope, 'type', 'required'),
  withoutProperty(FileReadyEnvelope, 'id', 'required'),
  withoutProperty(FileReadyEnvelope, 'timestamp', 'required'),
  withoutProperty(FileReadyEnvelope, 'data', 'required'),
  withExtraProperty(FileReadyEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(FileReadyEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(FileReadyEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(FileReadyEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(FileReadyEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(FileReadyEnvelope, 'data', invalidFileReadyData), weight: 20 },
);

const invalidErrorData: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ErrorData, 'code', 'required'),
  withoutProperty(ErrorData, 'message', 'required'),
  withExtraProperty(ErrorData, ['extra', '__proto__', 'a/b~c']),
  { arbitrary: inProperty(ErrorData, 'code', invalidErrorCode), weight: 2 },
  {
    arbitrary: inProperty(
      ErrorData,
      'message',
      fc.oneof(
        wrongType(['string']),
        invalid('too-long', 'maxLength', fc.string({ unit: 'binary', minLength: 1001, maxLength: 1001 })),
        invalid('too-short', 'minLength', fc.constant('')),
      ),
    ),
    weight: 3,
  },
  {
    arbitrary: inProperty(
      ErrorData,
      'retry_after',
      fc.oneof(
        wrongType(['integer'], 0.5),
        invalid('above-maximum', 'maximum', fc.constant(86401)),
        invalid('below-minimum', 'minimum', fc.constant(-1)),
      ),
    ),
    weight: 3,
  },
  { arbitrary: inProperty(ErrorData, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(ErrorData, 'close_code', invalidCloseCode), weight: 2 },
  { arbitrary: inProperty(ErrorData, 'details', invalidErrorDetails), weight: 26 },
);

const invalidErrorEnvelope: fc.Arbitrary<InvalidValue> = fc.oneof(
  wrongType(['object']),
  withoutProperty(ErrorEnvelope, 'type', 'required'),
  withoutProperty(ErrorEnvelope, 'id', 'required'),
  withoutProperty(ErrorEnvelope, 'timestamp', 'required'),
  withoutProperty(ErrorEnvelope, 'data', 'required'),
  withExtraProperty(ErrorEnvelope, ['extra', '__proto__', 'a/b~c']),
  inProperty(ErrorEnvelope, 'type', wrongType(['string'])),
  { arbitrary: inProperty(ErrorEnvelope, 'id', invalidMessageId), weight: 3 },
  { arbitrary: inProperty(ErrorEnvelope, 'timestamp', invalidTimestamp), weight: 3 },
  { arbitrary: inProperty(ErrorEnvelope, 'correlation_id', invalidCorrelationId), weight: 3 },
  { arbitrary: inProperty(ErrorEnvelope, 'data', invalidErrorData), weight: 43 },
);

/** An arbitrary of valid values for each schema of the spec, by type name. */
export interface SchemaArbitraries {
  readonly MessageId: fc.Arbitrary<types.MessageId>;
  readonly CorrelationId: fc.Arbitrary<types.CorrelationId>;
  readonly Timestamp: fc.Arbitrary<types.Timestamp>;
  readonly UserId: fc.Arbitrary<types.UserId>;
  readonly Username: fc.Arbitrary<types.Username>;
  readonly RoomId: fc.Arbitrary<types.RoomId>;
  readonly ConnectionId: fc.Arbitrary<types.ConnectionId>;
  readonly Seq: fc.Arbitrary<types.Seq>;
  readonly Epoch: fc.Arbitrary<types.Epoch>;
  readonly JwtToken: fc.Arbitrary<types.JwtToken>;
  readonly PingId: fc.Arbitrary<types.PingId>;
  readonly UploadId: fc.Arbitrary<types.UploadId>;
  readonly FileId: fc.Arbitrary<types.FileId>;
  readonly ReviewId: fc.Arbitrary<types.ReviewId>;
  readonly ByteCount: fc.Arbitrary<types.ByteCount>;
  readonly Percent: fc.Arbitrary<types.Percent>;
  readonly ChatContent: fc.Arbitrary<types.ChatContent>;
  readonly FileName: fc.Arbitrary<types.FileName>;
  readonly MediaType: fc.Arbitrary<types.MediaType>;
  readonly EventName: fc.Arbitrary<types.EventName>;
  readonly ErrorCode: fc.Arbitrary<types.ErrorCode>;
  readonly CloseCode: fc.Arbitrary<types.CloseCode>;
  readonly PresenceStatus: fc.Arbitrary<types.PresenceStatus>;
  readonly NotificationLevel: fc.Arbitrary<types.NotificationLevel>;
  readonly RoomUpdateEvent: fc.Arbitrary<types.RoomUpdateEvent>;
  readonly Feature: fc.Arbitrary<types.Feature>;
  readonly FileProcessingStatus: fc.Arbitrary<types.FileProcessingStatus>;
  readonly UploadErrorCode: fc.Arbitrary<types.UploadErrorCode>;
  readonly ReviewStatus: fc.Arbitrary<types.ReviewStatus>;
  readonly RoomMember: fc.Arbitrary<types.RoomMember>;
  readonly ConnectionLimits: fc.Arbitrary<types.ConnectionLimits>;
  readonly RoomSeq: fc.Arbitrary<types.RoomSeq>;
  readonly RoomPosition: fc.Arbitrary<types.RoomPosition>;
  readonly ErrorDetails: fc.Arbitrary<types.ErrorDetails>;
  readonly ReviewChange: fc.Arbitrary<types.ReviewChange>;
  readonly WsConnectionQuery: fc.Arbitrary<types.WsConnectionQuery>;
  readonly WsConnectionHeaders: fc.Arbitrary<types.WsConnectionHeaders>;
  readonly AuthEnvelope: fc.Arbitrary<types.AuthEnvelope>;
  readonly AuthData: fc.Arbitrary<types.AuthData>;
  readonly AuthRefreshEnvelope: fc.Arbitrary<types.AuthRefreshEnvelope>;
  readonly AuthRefreshData: fc.Arbitrary<types.AuthRefreshData>;
  readonly PingEnvelope: fc.Arbitrary<types.PingEnvelope>;
  readonly PingData: fc.Arbitrary<types.PingData>;
  readonly HeartbeatEnvelope: fc.Arbitrary<types.HeartbeatEnvelope>;
  readonly HeartbeatData: fc.Arbitrary<types.HeartbeatData>;
  readonly SubscribeEnvelope: fc.Arbitrary<types.SubscribeEnvelope>;
  readonly SubscribeData: fc.Arbitrary<types.SubscribeData>;
  readonly UnsubscribeEnvelope: fc.Arbitrary<types.UnsubscribeEnvelope>;
  readonly UnsubscribeData: fc.Arbitrary<types.UnsubscribeData>;
  readonly RoomJoinEnvelope: fc.Arbitrary<types.RoomJoinEnvelope>;
  readonly RoomJoinData: fc.Arbitrary<types.RoomJoinData>;
  readonly RoomLeaveEnvelope: fc.Arbitrary<types.RoomLeaveEnvelope>;
  readonly RoomLeaveData: fc.Arbitrary<types.RoomLeaveData>;
  readonly ChatSendEnvelope: fc.Arbitrary<types.ChatSendEnvelope>;
  readonly ChatSendData: fc.Arbitrary<types.ChatSendData>;
  readonly TypingEnvelope: fc.Arbitrary<types.TypingEnvelope>;
  readonly TypingData: fc.Arbitrary<types.TypingData>;
  readonly UploadCancelEnvelope: fc.Arbitrary<types.UploadCancelEnvelope>;
  readonly UploadCancelData: fc.Arbitrary<types.UploadCancelData>;
  readonly AckEnvelope: fc.Arbitrary<types.AckEnvelope>;
  readonly AckData: fc.Arbitrary<types.AckData>;
  readonly ResumeEnvelope: fc.Arbitrary<types.ResumeEnvelope>;
  readonly ResumeData: fc.Arbitrary<types.ResumeData>;
  readonly AuthRefreshedEnvelope: fc.Arbitrary<types.AuthRefreshedEnvelope>;
  readonly AuthRefreshedData: fc.Arbitrary<types.AuthRefreshedData>;
  readonly PongEnvelope: fc.Arbitrary<types.PongEnvelope>;
  readonly PongData: fc.Arbitrary<types.PongData>;
  readonly SubscriptionConfirmedEnvelope: fc.Arbitrary<types.SubscriptionConfirmedEnvelope>;
  readonly SubscriptionConfirmedData: fc.Arbitrary<types.SubscriptionConfirmedData>;
  readonly UnsubscriptionConfirmedEnvelope: fc.Arbitrary<types.UnsubscriptionConfirmedEnvelope>;
  readonly UnsubscriptionConfirmedData: fc.Arbitrary<types.UnsubscriptionConfirmedData>;
  readonly RoomJoinedEnvelope: fc.Arbitrary<types.RoomJoinedEnvelope>;
  readonly RoomJoinedData: fc.Arbitrary<types.RoomJoinedData>;
  readonly RoomLeftEnvelope: fc.Arbitrary<types.RoomLeftEnvelope>;
  readonly RoomLeftData: fc.Arbitrary<types.RoomLeftData>;
  readonly ChatSentEnvelope: fc.Arbitrary<types.ChatSentEnvelope>;
  readonly ChatSentData: fc.Arbitrary<types.ChatSentData>;
  readonly ResumeCompletedEnvelope: fc.Arbitrary<types.ResumeCompletedEnvelope>;
  readonly ResumeCompletedData: fc.Arbitrary<types.ResumeCompletedData>;
  readonly ConnectionEstablishedEnvelope: fc.Arbitrary<types.ConnectionEstablishedEnvelope>;
  readonly ConnectionEstablishedData: fc.Arbitrary<types.ConnectionEstablishedData>;
  readonly ChatMessageEnvelope: fc.Arbitrary<types.ChatMessageEnvelope>;
  readonly ChatMessageData: fc.Arbitrary<types.ChatMessageData>;
  readonly RoomUpdateEnvelope: fc.Arbitrary<types.RoomUpdateEnvelope>;
  readonly RoomUpdateData: fc.Arbitrary<types.RoomUpdateData>;
  readonly PresenceStatusEnvelope: fc.Arbitrary<types.PresenceStatusEnvelope>;
  readonly PresenceStatusData: fc.Arbitrary<types.PresenceStatusData>;
  readonly UserTypingEnvelope: fc.Arbitrary<types.UserTypingEnvelope>;
  readonly UserTypingData: fc.Arbitrary<types.UserTypingData>;
  readonly UploadProgressEnvelope: fc.Arbitrary<types.UploadProgressEnvelope>;
  readonly UploadProgressData: fc.Arbitrary<types.UploadProgressData>;
  readonly UploadCompletedEnvelope: fc.Arbitrary<types.UploadCompletedEnvelope>;
  readonly UploadCompletedData: fc.Arbitrary<types.UploadCompletedData>;
  readonly UploadErrorEnvelope: fc.Arbitrary<types.UploadErrorEnvelope>;
  readonly UploadErrorData: fc.Arbitrary<types.UploadErrorData>;
  readonly UploadCancelledEnvelope: fc.Arbitrary<types.UploadCancelledEnvelope>;
  readonly UploadCancelledData: fc.Arbitrary<types.UploadCancelledData>;
  readonly ReviewCreatedEnvelope: fc.Arbitrary<types.ReviewCreatedEnvelope>;
  readonly ReviewCreatedData: fc.Arbitrary<types.ReviewCreatedData>;
  readonly ReviewUpdatedEnvelope: fc.Arbitrary<types.ReviewUpdatedEnvelope>;
  readonly ReviewUpdatedData: fc.Arbitrary<types.ReviewUpdatedData>;
  readonly ReviewDeletedEnvelope: fc.Arbitrary<types.ReviewDeletedEnvelope>;
  readonly ReviewDeletedData: fc.Arbitrary<types.ReviewDeletedData>;
  readonly SystemNotificationEnvelope: fc.Arbitrary<types.SystemNotificationEnvelope>;
  readonly SystemNotificationData: fc.Arbitrary<types.SystemNotificationData>;
  readonly SystemMaintenanceEnvelope: fc.Arbitrary<types.SystemMaintenanceEnvelope>;
  readonly SystemMaintenanceData: fc.Arbitrary<types.SystemMaintenanceData>;
  readonly UserStatusChangedEnvelope: fc.Arbitrary<types.UserStatusChangedEnvelope>;
  readonly UserStatusChangedData: fc.Arbitrary<types.UserStatusChangedData>;
  readonly FileProcessingEnvelope: fc.Arbitrary<types.FileProcessingEnvelope>;
  readonly FileProcessingData: fc.Arbitrary<types.FileProcessingData>;
  readonly FileReadyEnvelope: fc.Arbitrary<types.FileReadyEnvelope>;
  readonly FileReadyData: fc.Arbitrary<types.FileReadyData>;
  readonly ErrorEnvelope: fc.Arbitrary<types.ErrorEnvelope>;
  readonly ErrorData: fc.Arbitrary<types.ErrorData>;
}

/** Valid values of every schema: shrinkable, and within every bound the validators check. */
export const arbitraries: SchemaArbitraries = {
  MessageId,
  CorrelationId,
  Timestamp,
  UserId,
  Username,
  RoomId,
  ConnectionId,
  Seq,
  Epoch,
  JwtToken,
  PingId,
  UploadId,
  FileId,
  ReviewId,
  ByteCount,
  Percent,
  ChatContent,
  FileName,
  MediaType,
  EventName,
  ErrorCode,
  CloseCode,
  PresenceStatus,
  NotificationLevel,
  RoomUpdateEvent,
  Feature,
  FileProcessingStatus,
  UploadErrorCode,
  ReviewStatus,
  RoomMember,
  ConnectionLimits,
  RoomSeq,
  RoomPosition,
  ErrorDetails,
  ReviewChange,
  WsConnectionQuery,
  WsConnectionHeaders,
  AuthEnvelope,
  AuthData,
  AuthRefreshEnvelope,
  AuthRefreshData,
  PingEnvelope,
  PingData,
  HeartbeatEnvelope,
  HeartbeatData,
  SubscribeEnvelope,
  SubscribeData,
  UnsubscribeEnvelope,
  UnsubscribeData,
  RoomJoinEnvelope,
  RoomJoinData,
  RoomLeaveEnvelope,
  RoomLeaveData,
  ChatSendEnvelope,
  ChatSendData,
  TypingEnvelope,
  TypingData,
  UploadCancelEnvelope,
  UploadCancelData,
  AckEnvelope,
  AckData,
  ResumeEnvelope,
  ResumeData,
  AuthRefreshedEnvelope,
  AuthRefreshedData,
  PongEnvelope,
  PongData,
  SubscriptionConfirmedEnvelope,
  SubscriptionConfirmedData,
  UnsubscriptionConfirmedEnvelope,
  UnsubscriptionConfirmedData,
  RoomJoinedEnvelope,
  RoomJoinedData,
  RoomLeftEnvelope,
  RoomLeftData,
  ChatSentEnvelope,
  ChatSentData,
  ResumeCompletedEnvelope,
  ResumeCompletedData,
  ConnectionEstablishedEnvelope,
  ConnectionEstablishedData,
  ChatMessageEnvelope,
  ChatMessageData,
  RoomUpdateEnvelope,
  RoomUpdateData,
  PresenceStatusEnvelope,
  PresenceStatusData,
  UserTypingEnvelope,
  UserTypingData,
  UploadProgressEnvelope,
  UploadProgressData,
  UploadCompletedEnvelope,
  UploadCompletedData,
  UploadErrorEnvelope,
  UploadErrorData,
  UploadCancelledEnvelope,
  UploadCancelledData,
  ReviewCreatedEnvelope,
  ReviewCreatedData,
  ReviewUpdatedEnvelope,
  ReviewUpdatedData,
  ReviewDeletedEnvelope,
  ReviewDeletedData,
  SystemNotificationEnvelope,
  SystemNotificationData,
  SystemMaintenanceEnvelope,
  SystemMaintenanceData,
  UserStatusChangedEnvelope,
  UserStatusChangedData,
  FileProcessingEnvelope,
  FileProcessingData,
  FileReadyEnvelope,
  FileReadyData,
  ErrorEnvelope,
  ErrorData,
};

/** An arbitrary of valid messages for each message `type`. */
export interface MessageArbitraries {
  readonly 'auth': fc.Arbitrary<types.AuthEnvelope>;
  readonly 'auth.refresh': fc.Arbitrary<types.AuthRefreshEnvelope>;
  readonly 'ping': fc.Arbitrary<types.PingEnvelope>;
  readonly 'heartbeat': fc.Arbitrary<types.HeartbeatEnvelope>;
  readonly 'subscribe': fc.Arbitrary<types.SubscribeEnvelope>;
  readonly 'unsubscribe': fc.Arbitrary<types.UnsubscribeEnvelope>;
  readonly 'room.join': fc.Arbitrary<types.RoomJoinEnvelope>;
  readonly 'room.leave': fc.Arbitrary<types.RoomLeaveEnvelope>;
  readonly 'chat.send': fc.Arbitrary<types.ChatSendEnvelope>;
  readonly 'typing': fc.Arbitrary<types.TypingEnvelope>;
  readonly 'upload.cancel': fc.Arbitrary<types.UploadCancelEnvelope>;
  readonly 'ack': fc.Arbitrary<types.AckEnvelope>;
  readonly 'resume': fc.Arbitrary<types.ResumeEnvelope>;
  readonly 'auth.refreshed': fc.Arbitrary<types.AuthRefreshedEnvelope>;
  readonly 'pong': fc.Arbitrary<types.PongEnvelope>;
  readonly 'subscription.confirmed': fc.Arbitrary<types.SubscriptionConfirmedEnvelope>;
  readonly 'unsubscription.confirmed': fc.Arbitrary<types.UnsubscriptionConfirmedEnvelope>;
  readonly 'room.joined': fc.Arbitrary<types.RoomJoinedEnvelope>;
  readonly 'room.left': fc.Arbitrary<types.RoomLeftEnvelope>;
  readonly 'chat.sent': fc.Arbitrary<types.ChatSentEnvelope>;
  readonly 'resume.completed': fc.Arbitrary<types.ResumeCompletedEnvelope>;
  readonly 'connection.established': fc.Arbitrary<types.ConnectionEstablishedEnvelope>;
  readonly 'chat.message': fc.Arbitrary<types.ChatMessageEnvelope>;
  readonly 'room.update': fc.Arbitrary<types.RoomUpdateEnvelope>;
  readonly 'presence.status': fc.Arbitrary<types.PresenceStatusEnvelope>;
  readonly 'user.typing': fc.Arbitrary<types.UserTypingEnvelope>;
  readonly 'upload.progress': fc.Arbitrary<types.UploadProgressEnvelope>;
  readonly 'upload.completed': fc.Arbitrary<types.UploadCompletedEnvelope>;
  readonly 'upload.error': fc.Arbitrary<types.UploadErrorEnvelope>;
  readonly 'upload.cancelled': fc.Arbitrary<types.UploadCancelledEnvelope>;
  readonly 'review.created': fc.Arbitrary<types.ReviewCreatedEnvelope>;
  readonly 'review.updated': fc.Arbitrary<types.ReviewUpdatedEnvelope>;
  readonly 'review.deleted': fc.Arbitrary<types.ReviewDeletedEnvelope>;
  readonly 'system.notification': fc.Arbitrary<types.SystemNotificationEnvelope>;
  readonly 'system.maintenance': fc.Arbitrary<types.SystemMaintenanceEnvelope>;
  readonly 'user.status_changed': fc.Arbitrary<types.UserStatusChangedEnvelope>;
  readonly 'file.processing': fc.Arbitrary<types.FileProcessingEnvelope>;
  readonly 'file.ready': fc.Arbitrary<types.FileReadyEnvelope>;
  readonly 'error': fc.Arbitrary<types.ErrorEnvelope>;
}

/** Valid messages by `type`: whole envelopes, as they travel on the wire. */
export const messageArbitraries: MessageArbitraries = {
  'auth': AuthEnvelope,
  'auth.refresh': AuthRefreshEnvelope,
  'ping': PingEnvelope,
  'heartbeat': HeartbeatEnvelope,
  'subscribe': SubscribeEnvelope,
  'unsubscribe': UnsubscribeEnvelope,
  'room.join': RoomJoinEnvelope,
  'room.leave': RoomLeaveEnvelope,
  'chat.send': ChatSendEnvelope,
  'typing': TypingEnvelope,
  'upload.cancel': UploadCancelEnvelope,
  'ack': AckEnvelope,
  'resume': ResumeEnvelope,
  'auth.refreshed': AuthRefreshedEnvelope,
  'pong': PongEnvelope,
  'subscription.confirmed': SubscriptionConfirmedEnvelope,
  'unsubscription.confirmed': UnsubscriptionConfirmedEnvelope,
  'room.joined': RoomJoinedEnvelope,
  'room.left': RoomLeftEnvelope,
  'chat.sent': ChatSentEnvelope,
  'resume.completed': ResumeCompletedEnvelope,
  'connection.established': ConnectionEstablishedEnvelope,
  'chat.message': ChatMessageEnvelope,
  'room.update': RoomUpdateEnvelope,
  'presence.status': PresenceStatusEnvelope,
  'user.typing': UserTypingEnvelope,
  'upload.progress': UploadProgressEnvelope,
  'upload.completed': UploadCompletedEnvelope,
  'upload.error': UploadErrorEnvelope,
  'upload.cancelled': UploadCancelledEnvelope,
  'review.created': ReviewCreatedEnvelope,
  'review.updated': ReviewUpdatedEnvelope,
  'review.deleted': ReviewDeletedEnvelope,
  'system.notification': SystemNotificationEnvelope,
  'system.maintenance': SystemMaintenanceEnvelope,
  'user.status_changed': UserStatusChangedEnvelope,
  'file.processing': FileProcessingEnvelope,
  'file.ready': FileReadyEnvelope,
  'error': ErrorEnvelope,
};

/** Any valid message a client sends. */
export const clientMessage: fc.Arbitrary<ClientMessage> = fc.oneof(
  AuthEnvelope,
  AuthRefreshEnvelope,
  PingEnvelope,
  HeartbeatEnvelope,
  SubscribeEnvelope,
  UnsubscribeEnvelope,
  RoomJoinEnvelope,
  RoomLeaveEnvelope,
  ChatSendEnvelope,
  TypingEnvelope,
  UploadCancelEnvelope,
  AckEnvelope,
  ResumeEnvelope,
);

/** Any valid message the server sends. */
export const serverMessage: fc.Arbitrary<ServerMessage> = fc.oneof(
  AuthRefreshedEnvelope,
  PongEnvelope,
  SubscriptionConfirmedEnvelope,
  UnsubscriptionConfirmedEnvelope,
  RoomJoinedEnvelope,
  RoomLeftEnvelope,
  ChatSentEnvelope,
  ResumeCompletedEnvelope,
  ConnectionEstablishedEnvelope,
  ChatMessageEnvelope,
  RoomUpdateEnvelope,
  PresenceStatusEnvelope,
  UserTypingEnvelope,
  UploadProgressEnvelope,
  UploadCompletedEnvelope,
  UploadErrorEnvelope,
  UploadCancelledEnvelope,
  ReviewCreatedEnvelope,
  ReviewUpdatedEnvelope,
  ReviewDeletedEnvelope,
  SystemNotificationEnvelope,
  SystemMaintenanceEnvelope,
  UserStatusChangedEnvelope,
  FileProcessingEnvelope,
  FileReadyEnvelope,
  ErrorEnvelope,
);

/** Invalid values for each schema that has any, by type name; pointers are relative to the value. */
export interface InvalidSchemaArbitraries {
  readonly MessageId: fc.Arbitrary<InvalidValue>;
  readonly CorrelationId: fc.Arbitrary<InvalidValue>;
  readonly Timestamp: fc.Arbitrary<InvalidValue>;
  readonly UserId: fc.Arbitrary<InvalidValue>;
  readonly Username: fc.Arbitrary<InvalidValue>;
  readonly RoomId: fc.Arbitrary<InvalidValue>;
  readonly ConnectionId: fc.Arbitrary<InvalidValue>;
  readonly Seq: fc.Arbitrary<InvalidValue>;
  readonly Epoch: fc.Arbitrary<InvalidValue>;
  readonly JwtToken: fc.Arbitrary<InvalidValue>;
  readonly PingId: fc.Arbitrary<InvalidValue>;
  readonly UploadId: fc.Arbitrary<InvalidValue>;
  readonly FileId: fc.Arbitrary<InvalidValue>;
  readonly ReviewId: fc.Arbitrary<InvalidValue>;
  readonly ByteCount: fc.Arbitrary<InvalidValue>;
  readonly Percent: fc.Arbitrary<InvalidValue>;
  readonly ChatContent: fc.Arbitrary<InvalidValue>;
  readonly FileName: fc.Arbitrary<InvalidValue>;
  readonly MediaType: fc.Arbitrary<InvalidValue>;
  readonly EventName: fc.Arbitrary<InvalidValue>;
  readonly ErrorCode: fc.Arbitrary<InvalidValue>;
  readonly CloseCode: fc.Arbitrary<InvalidValue>;
  readonly PresenceStatus: fc.Arbitrary<InvalidValue>;
  readonly NotificationLevel: fc.Arbitrary<InvalidValue>;
  readonly RoomUpdateEvent: fc.Arbitrary<InvalidValue>;
  readonly Feature: fc.Arbitrary<InvalidValue>;
  readonly FileProcessingStatus: fc.Arbitrary<InvalidValue>;
  readonly UploadErrorCode: fc.Arbitrary<InvalidValue>;
  readonly ReviewStatus: fc.Arbitrary<InvalidValue>;
  readonly RoomMember: fc.Arbitrary<InvalidValue>;
  readonly ConnectionLimits: fc.Arbitrary<InvalidValue>;
  readonly RoomSeq: fc.Arbitrary<InvalidValue>;
  readonly RoomPosition: fc.Arbitrary<InvalidValue>;
  readonly ErrorDetails: fc.Arbitrary<InvalidValue>;
  readonly ReviewChange: fc.Arbitrary<InvalidValue>;
  readonly WsConnectionQuery: fc.Arbitrary<InvalidValue>;
  readonly WsConnectionHeaders: fc.Arbitrary<InvalidValue>;
  readonly AuthEnvelope: fc.Arbitrary<InvalidValue>;
  readonly AuthData: fc.Arbitrary<InvalidValue>;
  readonly AuthRefreshEnvelope: fc.Arbitrary<InvalidValue>;
  readonly AuthRefreshData: fc.Arbitrary<InvalidValue>;
  readonly PingEnvelope: fc.Arbitrary<InvalidValue>;
  readonly PingData: fc.Arbitrary<InvalidValue>;
  readonly HeartbeatEnvelope: fc.Arbitrary<InvalidValue>;
  readonly HeartbeatData: fc.Arbitrary<InvalidValue>;
  readonly SubscribeEnvelope: fc.Arbitrary<InvalidValue>;
  readonly SubscribeData: fc.Arbitrary<InvalidValue>;
  readonly UnsubscribeEnvelope: fc.Arbitrary<InvalidValue>;
  readonly UnsubscribeData: fc.Arbitrary<InvalidValue>;
  readonly RoomJoinEnvelope: fc.Arbitrary<InvalidValue>;
  readonly RoomJoinData: fc.Arbitrary<InvalidValue>;
  readonly RoomLeaveEnvelope: fc.Arbitrary<InvalidValue>;
  readonly RoomLeaveData: fc.Arbitrary<InvalidValue>;
  readonly ChatSendEnvelope: fc.Arbitrary<InvalidValue>;
  readonly ChatSendData: fc.Arbitrary<InvalidValue>;
  readonly TypingEnvelope: fc.Arbitrary<InvalidValue>;
  readonly TypingData: fc.Arbitrary<InvalidValue>;
  readonly UploadCancelEnvelope: fc.Arbitrary<InvalidValue>;
  readonly UploadCancelData: fc.Arbitrary<InvalidValue>;
  readonly AckEnvelope: fc.Arbitrary<InvalidValue>;
  readonly AckData: fc.Arbitrary<InvalidValue>;
  readonly ResumeEnvelope: fc.Arbitrary<InvalidValue>;
  readonly ResumeData: fc.Arbitrary<InvalidValue>;
  readonly AuthRefreshedEnvelope: fc.Arbitrary<InvalidValue>;
  readonly AuthRefreshedData: fc.Arbitrary<InvalidValue>;
  readonly PongEnvelope: fc.Arbitrary<InvalidValue>;
  readonly PongData: fc.Arbitrary<InvalidValue>;
  readonly SubscriptionConfirmedEnvelope: fc.Arbitrary<InvalidValue>;
  readonly SubscriptionConfirmedData: fc.Arbitrary<InvalidValue>;
  readonly UnsubscriptionConfirmedEnvelope: fc.Arbitrary<InvalidValue>;
  readonly UnsubscriptionConfirmedData: fc.Arbitrary<InvalidValue>;
  readonly RoomJoinedEnvelope: fc.Arbitrary<InvalidValue>;
  readonly RoomJoinedData: fc.Arbitrary<InvalidValue>;
  readonly RoomLeftEnvelope: fc.Arbitrary<InvalidValue>;
  readonly RoomLeftData: fc.Arbitrary<InvalidValue>;
  readonly ChatSentEnvelope: fc.Arbitrary<InvalidValue>;
  readonly ChatSentData: fc.Arbitrary<InvalidValue>;
  readonly ResumeCompletedEnvelope: fc.Arbitrary<InvalidValue>;
  readonly ResumeCompletedData: fc.Arbitrary<InvalidValue>;
  readonly ConnectionEstablishedEnvelope: fc.Arbitrary<InvalidValue>;
  readonly ConnectionEstablishedData: fc.Arbitrary<InvalidValue>;
  readonly ChatMessageEnvelope: fc.Arbitrary<InvalidValue>;
  readonly ChatMessageData: fc.Arbitrary<InvalidValue>;
  readonly RoomUpdateEnvelope: fc.Arbitrary<InvalidValue>;
  readonly RoomUpdateData: fc.Arbitrary<InvalidValue>;
  readonly PresenceStatusEnvelope: fc.Arbitrary<InvalidValue>;
  readonly PresenceStatusData: fc.Arbitrary<InvalidValue>;
  readonly UserTypingEnvelope: fc.Arbitrary<InvalidValue>;
  readonly UserTypingData: fc.Arbitrary<InvalidValue>;
  readonly UploadProgressEnvelope: fc.Arbitrary<InvalidValue>;
  readonly UploadProgressData: fc.Arbitrary<InvalidValue>;
  readonly UploadCompletedEnvelope: fc.Arbitrary<InvalidValue>;
  readonly UploadCompletedData: fc.Arbitrary<InvalidValue>;
  readonly UploadErrorEnvelope: fc.Arbitrary<InvalidValue>;
  readonly UploadErrorData: fc.Arbitrary<InvalidValue>;
  readonly UploadCancelledEnvelope: fc.Arbitrary<InvalidValue>;
  readonly UploadCancelledData: fc.Arbitrary<InvalidValue>;
  readonly ReviewCreatedEnvelope: fc.Arbitrary<InvalidValue>;
  readonly ReviewCreatedData: fc.Arbitrary<InvalidValue>;
  readonly ReviewUpdatedEnvelope: fc.Arbitrary<InvalidValue>;
  readonly ReviewUpdatedData: fc.Arbitrary<InvalidValue>;
  readonly ReviewDeletedEnvelope: fc.Arbitrary<InvalidValue>;
  readonly ReviewDeletedData: fc.Arbitrary<InvalidValue>;
  readonly SystemNotificationEnvelope: fc.Arbitrary<InvalidValue>;
  readonly SystemNotificationData: fc.Arbitrary<InvalidValue>;
  readonly SystemMaintenanceEnvelope: fc.Arbitrary<InvalidValue>;
  readonly SystemMaintenanceData: fc.Arbitrary<InvalidValue>;
  readonly UserStatusChangedEnvelope: fc.Arbitrary<InvalidValue>;
  readonly UserStatusChangedData: fc.Arbitrary<InvalidValue>;
  readonly FileProcessingEnvelope: fc.Arbitrary<InvalidValue>;
  readonly FileProcessingData: fc.Arbitrary<InvalidValue>;
  readonly FileReadyEnvelope: fc.Arbitrary<InvalidValue>;
  readonly FileReadyData: fc.Arbitrary<InvalidValue>;
  readonly ErrorEnvelope: fc.Arbitrary<InvalidValue>;
  readonly ErrorData: fc.Arbitrary<InvalidValue>;
}

/** Invalid values of every schema, each one change away from a valid value. */
export const invalidArbitraries: InvalidSchemaArbitraries = {
  MessageId: invalidMessageId,
  CorrelationId: invalidCorrelationId,
  Timestamp: invalidTimestamp,
  UserId: invalidUserId,
  Username: invalidUsername,
  RoomId: invalidRoomId,
  ConnectionId: invalidConnectionId,
  Seq: invalidSeq,
  Epoch: invalidEpoch,
  JwtToken: invalidJwtToken,
  PingId: invalidPingId,
  UploadId: invalidUploadId,
  FileId: invalidFileId,
  ReviewId: invalidReviewId,
  ByteCount: invalidByteCount,
  Percent: invalidPercent,
  ChatContent: invalidChatContent,
  FileName: invalidFileName,
  MediaType: invalidMediaType,
  EventName: invalidEventName,
  ErrorCode: invalidErrorCode,
  CloseCode: invalidCloseCode,
  PresenceStatus: invalidPresenceStatus,
  NotificationLevel: invalidNotificationLevel,
  RoomUpdateEvent: invalidRoomUpdateEvent,
  Feature: invalidFeature,
  FileProcessingStatus: invalidFileProcessingStatus,
  UploadErrorCode: invalidUploadErrorCode,
  ReviewStatus: invalidReviewStatus,
  RoomMember: invalidRoomMember,
  ConnectionLimits: invalidConnectionLimits,
  RoomSeq: invalidRoomSeq,
  RoomPosition: invalidRoomPosition,
  ErrorDetails: invalidErrorDetails,
  ReviewChange: invalidReviewChange,
  WsConnectionQuery: invalidWsConnectionQuery,
  WsConnectionHeaders: invalidWsConnectionHeaders,
  AuthEnvelope: invalidAuthEnvelope,
  AuthData: invalidAuthData,
  AuthRefreshEnvelope: invalidAuthRefreshEnvelope,
  AuthRefreshData: invalidAuthRefreshData,
  PingEnvelope: invalidPingEnvelope,
  PingData: invalidPingData,
  HeartbeatEnvelope: invalidHeartbeatEnvelope,
  HeartbeatData: invalidHeartbeatData,
  SubscribeEnvelope: invalidSubscribeEnvelope,
  SubscribeData: invalidSubscribeData,
  UnsubscribeEnvelope: invalidUnsubscribeEnvelope,
  UnsubscribeData: invalidUnsubscribeData,
  RoomJoinEnvelope: invalidRoomJoinEnvelope,
  RoomJoinData: invalidRoomJoinData,
  RoomLeaveEnvelope: invalidRoomLeaveEnvelope,
  RoomLeaveData: invalidRoomLeaveData,
  ChatSendEnvelope: invalidChatSendEnvelope,
  ChatSendData: invalidChatSendData,
  TypingEnvelope: invalidTypingEnvelope,
  TypingData: invalidTypingData,
  UploadCancelEnvelope: invalidUploadCancelEnvelope,
  UploadCancelData: invalidUploadCancelData,
  AckEnvelope: invalidAckEnvelope,
  AckData: invalidAckData,
  ResumeEnvelope: invalidResumeEnvelope,
  ResumeData: invalidResumeData,
  AuthRefreshedEnvelope: invalidAuthRefreshedEnvelope,
  AuthRefreshedData: invalidAuthRefreshedData,
  PongEnvelope: invalidPongEnvelope,
  PongData: invalidPongData,
  SubscriptionConfirmedEnvelope: invalidSubscriptionConfirmedEnvelope,
  SubscriptionConfirmedData: invalidSubscriptionConfirmedData,
  UnsubscriptionConfirmedEnvelope: invalidUnsubscriptionConfirmedEnvelope,
  UnsubscriptionConfirmedData: invalidUnsubscriptionConfirmedData,
  RoomJoinedEnvelope: invalidRoomJoinedEnvelope,
  RoomJoinedData: invalidRoomJoinedData,
  RoomLeftEnvelope: invalidRoomLeftEnvelope,
  RoomLeftData: invalidRoomLeftData,
  ChatSentEnvelope: invalidChatSentEnvelope,
  ChatSentData: invalidChatSentData,
  ResumeCompletedEnvelope: invalidResumeCompletedEnvelope,
  ResumeCompletedData: invalidResumeCompletedData,
  ConnectionEstablishedEnvelope: invalidConnectionEstablishedEnvelope,
  ConnectionEstablishedData: invalidConnectionEstablishedData,
  ChatMessageEnvelope: invalidChatMessageEnvelope,
  ChatMessageData: invalidChatMessageData,
  RoomUpdateEnvelope: invalidRoomUpdateEnvelope,
  RoomUpdateData: invalidRoomUpdateData,
  PresenceStatusEnvelope: invalidPresenceStatusEnvelope,
  PresenceStatusData: invalidPresenceStatusData,
  UserTypingEnvelope: invalidUserTypingEnvelope,
  UserTypingData: invalidUserTypingData,
  UploadProgressEnvelope: invalidUploadProgressEnvelope,
  UploadProgressData: invalidUploadProgressData,
  UploadCompletedEnvelope: invalidUploadCompletedEnvelope,
  UploadCompletedData: invalidUploadCompletedData,
  UploadErrorEnvelope: invalidUploadErrorEnvelope,
  UploadErrorData: invalidUploadErrorData,
  UploadCancelledEnvelope: invalidUploadCancelledEnvelope,
  UploadCancelledData: invalidUploadCancelledData,
  ReviewCreatedEnvelope: invalidReviewCreatedEnvelope,
  ReviewCreatedData: invalidReviewCreatedData,
  ReviewUpdatedEnvelope: invalidReviewUpdatedEnvelope,
  ReviewUpdatedData: invalidReviewUpdatedData,
  ReviewDeletedEnvelope: invalidReviewDeletedEnvelope,
  ReviewDeletedData: invalidReviewDeletedData,
  SystemNotificationEnvelope: invalidSystemNotificationEnvelope,
  SystemNotificationData: invalidSystemNotificationData,
  SystemMaintenanceEnvelope: invalidSystemMaintenanceEnvelope,
  SystemMaintenanceData: invalidSystemMaintenanceData,
  UserStatusChangedEnvelope: invalidUserStatusChangedEnvelope,
  UserStatusChangedData: invalidUserStatusChangedData,
  FileProcessingEnvelope: invalidFileProcessingEnvelope,
  FileProcessingData: invalidFileProcessingData,
  FileReadyEnvelope: invalidFileReadyEnvelope,
  FileReadyData: invalidFileReadyData,
  ErrorEnvelope: invalidErrorEnvelope,
  ErrorData: invalidErrorData,
};

/** Invalid messages for each message `type`. */
export interface InvalidMessageArbitraries {
  readonly 'auth': fc.Arbitrary<InvalidValue>;
  readonly 'auth.refresh': fc.Arbitrary<InvalidValue>;
  readonly 'ping': fc.Arbitrary<InvalidValue>;
  readonly 'heartbeat': fc.Arbitrary<InvalidValue>;
  readonly 'subscribe': fc.Arbitrary<InvalidValue>;
  readonly 'unsubscribe': fc.Arbitrary<InvalidValue>;
  readonly 'room.join': fc.Arbitrary<InvalidValue>;
  readonly 'room.leave': fc.Arbitrary<InvalidValue>;
  readonly 'chat.send': fc.Arbitrary<InvalidValue>;
  readonly 'typing': fc.Arbitrary<InvalidValue>;
  readonly 'upload.cancel': fc.Arbitrary<InvalidValue>;
  readonly 'ack': fc.Arbitrary<InvalidValue>;
  readonly 'resume': fc.Arbitrary<InvalidValue>;
  readonly 'auth.refreshed': fc.Arbitrary<InvalidValue>;
  readonly 'pong': fc.Arbitrary<InvalidValue>;
  readonly 'subscription.confirmed': fc.Arbitrary<InvalidValue>;
  readonly 'unsubscription.confirmed': fc.Arbitrary<InvalidValue>;
  readonly 'room.joined': fc.Arbitrary<InvalidValue>;
  readonly 'room.left': fc.Arbitrary<InvalidValue>;
  readonly 'chat.sent': fc.Arbitrary<InvalidValue>;
  readonly 'resume.completed': fc.Arbitrary<InvalidValue>;
  readonly 'connection.established': fc.Arbitrary<InvalidValue>;
  readonly 'chat.message': fc.Arbitrary<InvalidValue>;
  readonly 'room.update': fc.Arbitrary<InvalidValue>;
  readonly 'presence.status': fc.Arbitrary<InvalidValue>;
  readonly 'user.typing': fc.Arbitrary<InvalidValue>;
  readonly 'upload.progress': fc.Arbitrary<InvalidValue>;
  readonly 'upload.completed': fc.Arbitrary<InvalidValue>;
  readonly 'upload.error': fc.Arbitrary<InvalidValue>;
  readonly 'upload.cancelled': fc.Arbitrary<InvalidValue>;
  readonly 'review.created': fc.Arbitrary<InvalidValue>;
  readonly 'review.updated': fc.Arbitrary<InvalidValue>;
  readonly 'review.deleted': fc.Arbitrary<InvalidValue>;
  readonly 'system.notification': fc.Arbitrary<InvalidValue>;
  readonly 'system.maintenance': fc.Arbitrary<InvalidValue>;
  readonly 'user.status_changed': fc.Arbitrary<InvalidValue>;
  readonly 'file.processing': fc.Arbitrary<InvalidValue>;
  readonly 'file.ready': fc.Arbitrary<InvalidValue>;
  readonly 'error': fc.Arbitrary<InvalidValue>;
}

/** Invalid messages by `type`, each rejected by the validators with `INVALID_MESSAGE`, its `keyword` and its `pointer`. The `type` keeps its value: another one routes the message elsewhere. */
export const invalidMessageArbitraries: InvalidMessageArbitraries = {
  'auth': invalidAuthEnvelope,
  'auth.refresh': invalidAuthRefreshEnvelope,
  'ping': invalidPingEnvelope,
  'heartbeat': invalidHeartbeatEnvelope,
  'subscribe': invalidSubscribeEnvelope,
  'unsubscribe': invalidUnsubscribeEnvelope,
  'room.join': invalidRoomJoinEnvelope,
  'room.leave': invalidRoomLeaveEnvelope,
  'chat.send': invalidChatSendEnvelope,
  'typing': invalidTypingEnvelope,
  'upload.cancel': invalidUploadCancelEnvelope,
  'ack': invalidAckEnvelope,
  'resume': invalidResumeEnvelope,
  'auth.refreshed': invalidAuthRefreshedEnvelope,
  'pong': invalidPongEnvelope,
  'subscription.confirmed': invalidSubscriptionConfirmedEnvelope,
  'unsubscription.confirmed': invalidUnsubscriptionConfirmedEnvelope,
  'room.joined': invalidRoomJoinedEnvelope,
  'room.left': invalidRoomLeftEnvelope,
  'chat.sent': invalidChatSentEnvelope,
  'resume.completed': invalidResumeCompletedEnvelope,
  'connection.established': invalidConnectionEstablishedEnvelope,
  'chat.message': invalidChatMessageEnvelope,
  'room.update': invalidRoomUpdateEnvelope,
  'presence.status': invalidPresenceStatusEnvelope,
  'user.typing': invalidUserTypingEnvelope,
  'upload.progress': invalidUploadProgressEnvelope,
  'upload.completed': invalidUploadCompletedEnvelope,
  'upload.error': invalidUploadErrorEnvelope,
  'upload.cancelled': invalidUploadCancelledEnvelope,
  'review.created': invalidReviewCreatedEnvelope,
  'review.updated': invalidReviewUpdatedEnvelope,
  'review.deleted': invalidReviewDeletedEnvelope,
  'system.notification': invalidSystemNotificationEnvelope,
  'system.maintenance': invalidSystemMaintenanceEnvelope,
  'user.status_changed': invalidUserStatusChangedEnvelope,
  'file.processing': invalidFileProcessingEnvelope,
  'file.ready': invalidFileReadyEnvelope,
  'error': invalidErrorEnvelope,
};

/** Any invalid message a client could send. */
export const invalidClientMessage: fc.Arbitrary<InvalidValue> = fc.oneof(
  invalidAuthEnvelope,
  invalidAuthRefreshEnvelope,
  invalidPingEnvelope,
  invalidHeartbeatEnvelope,
  invalidSubscribeEnvelope,
  invalidUnsubscribeEnvelope,
  invalidRoomJoinEnvelope,
  invalidRoomLeaveEnvelope,
  invalidChatSendEnvelope,
  invalidTypingEnvelope,
  invalidUploadCancelEnvelope,
  invalidAckEnvelope,
  invalidResumeEnvelope,
);

/** Any invalid message the server could send. */
export const invalidServerMessage: fc.Arbitrary<InvalidValue> = fc.oneof(
  invalidAuthRefreshedEnvelope,
  invalidPongEnvelope,
  invalidSubscriptionConfirmedEnvelope,
  invalidUnsubscriptionConfirmedEnvelope,
  invalidRoomJoinedEnvelope,
  invalidRoomLeftEnvelope,
  invalidChatSentEnvelope,
  invalidResumeCompletedEnvelope,
  invalidConnectionEstablishedEnvelope,
  invalidChatMessageEnvelope,
  invalidRoomUpdateEnvelope,
  invalidPresenceStatusEnvelope,
  invalidUserTypingEnvelope,
  invalidUploadProgressEnvelope,
  invalidUploadCompletedEnvelope,
  invalidUploadErrorEnvelope,
  invalidUploadCancelledEnvelope,
  invalidReviewCreatedEnvelope,
  invalidReviewUpdatedEnvelope,
  invalidReviewDeletedEnvelope,
  invalidSystemNotificationEnvelope,
  invalidSystemMaintenanceEnvelope,
  invalidUserStatusChangedEnvelope,
  invalidFileProcessingEnvelope,
  invalidFileReadyEnvelope,
  invalidErrorEnvelope,
);
