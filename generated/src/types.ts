// generated from asyncapi.yaml by @switchboard/codegen - do not edit

/**
 * The events a connection can subscribe to; each is also the `type` of the message that delivers it. A subscribe or unsubscribe naming anything else is rejected with `UNKNOWN_EVENT`.
 */
export type EventName = 'upload.progress' | 'upload.completed' | 'upload.error' | 'upload.cancelled' | 'review.created' | 'review.updated' | 'review.deleted' | 'system.notification' | 'system.maintenance' | 'user.status_changed' | 'file.processing' | 'file.ready';

/** Members of {@link EventName}, by name. */
export const EventName = {
  /** Progress of an upload (volatile). */
  UPLOAD_PROGRESS: 'upload.progress',
  /** An upload finished. */
  UPLOAD_COMPLETED: 'upload.completed',
  /** An upload failed. */
  UPLOAD_ERROR: 'upload.error',
  /** An upload was cancelled. */
  UPLOAD_CANCELLED: 'upload.cancelled',
  /** A review was created. */
  REVIEW_CREATED: 'review.created',
  /** A review changed. */
  REVIEW_UPDATED: 'review.updated',
  /** A review was deleted. */
  REVIEW_DELETED: 'review.deleted',
  /** An announcement to users. */
  SYSTEM_NOTIFICATION: 'system.notification',
  /** A maintenance window. */
  SYSTEM_MAINTENANCE: 'system.maintenance',
  /** A user's presence changed. */
  USER_STATUS_CHANGED: 'user.status_changed',
  /** A file's processing status changed. */
  FILE_PROCESSING: 'file.processing',
  /** A file finished processing. */
  FILE_READY: 'file.ready',
} as const;
/**
 * Machine-readable error codes carried by `error`.
 */
export type ErrorCode = 'INVALID_MESSAGE' | 'INVALID_MESSAGE_TYPE' | 'MESSAGE_TOO_LARGE' | 'RATE_LIMIT_EXCEEDED' | 'AUTH_FAILED' | 'TOKEN_EXPIRED' | 'FORBIDDEN' | 'NOT_IN_ROOM' | 'UNKNOWN_EVENT' | 'CONNECTION_LIMIT' | 'SERVER_AT_CAPACITY' | 'INTERNAL_ERROR' | 'CONNECTION_ERROR';

/** Members of {@link ErrorCode}, by name. */
export const ErrorCode = {
  /** The frame is not JSON or the message does not match its schema; details.pointer and details.keyword say where and why. */
  INVALID_MESSAGE: 'INVALID_MESSAGE',
  /** The envelope's type is not a client message type, or not allowed in the connection's state (for example a second auth). */
  INVALID_MESSAGE_TYPE: 'INVALID_MESSAGE_TYPE',
  /** The message is larger than max_message_size bytes (details.limit); it was not processed (frames beyond the hard cap close the connection with 1009 instead). */
  MESSAGE_TOO_LARGE: 'MESSAGE_TOO_LARGE',
  /** The user sent more than message_rate_limit messages in the window; the message was dropped, retry after retry_after seconds. With close_code 4008 the user is banned and retry_after is the time left on the ban. */
  RATE_LIMIT_EXCEEDED: 'RATE_LIMIT_EXCEEDED',
  /** The token is missing, malformed, badly signed, uses a refused algorithm, lacks sub, or names another user than the connection's. */
  AUTH_FAILED: 'AUTH_FAILED',
  /** The token's exp has passed; refresh it (auth.refresh) or reconnect with a new one. */
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  /** The authorization hook refused the room, the event or the upload, or a per-connection limit was reached (details.limit). */
  FORBIDDEN: 'FORBIDDEN',
  /** The message names a room the connection has not joined. */
  NOT_IN_ROOM: 'NOT_IN_ROOM',
  /** A subscribe or unsubscribe names an event that does not exist (details.event, details.pointer). */
  UNKNOWN_EVENT: 'UNKNOWN_EVENT',
  /** The user already has max_connections_per_user open connections; retry after retry_after seconds, or once one of them is closed. */
  CONNECTION_LIMIT: 'CONNECTION_LIMIT',
  /** The server has reached its total connection limit; retry after retry_after seconds, ideally on another instance. */
  SERVER_AT_CAPACITY: 'SERVER_AT_CAPACITY',
  /** An unexpected failure on the server; the request may or may not have taken effect. */
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  /** The connection is failing (send error, slow consumer, broker unavailable) and is about to be closed. */
  CONNECTION_ERROR: 'CONNECTION_ERROR',
} as const;
/**
 * Every WebSocket close code the server sends. 1000-1013 are RFC 6455 codes (1002 and 1007 come from the WebSocket layer itself, for frames that break RFC 6455); 4000-4999 are Switchboard's own. Clients reconnect with backoff after any code except 1008 and 4001 (only with a new token), 4005 (only once another connection is closed), 4008 (not before the ban ends) and 4009 (not automatically); a 1000 the client asked for ends the session.
 */
export type CloseCode = 1000 | 1001 | 1002 | 1007 | 1008 | 1009 | 1011 | 1013 | 4001 | 4002 | 4003 | 4004 | 4005 | 4008 | 4009;

/** Members of {@link CloseCode}, by name. */
export const CloseCode = {
  /** Normal closure, requested by either side. */
  NORMAL_CLOSURE: 1000,
  /** The server is shutting down or entering maintenance; reconnect with backoff (possibly to another instance). */
  GOING_AWAY: 1001,
  /** The client broke the WebSocket framing (reserved bits set, an unknown opcode, a fragmented or oversized control frame, an unmasked client frame); reconnect only after fixing the client. */
  PROTOCOL_ERROR: 1002,
  /** A text frame (or a close reason) was not valid UTF-8. */
  INVALID_PAYLOAD: 1007,
  /** Authentication failed (bad token in an auth message, a message before auth) or another policy violation. */
  POLICY_VIOLATION: 1008,
  /** A frame exceeded the transport's hard payload cap (by default 4 x max_message_size) and was not read. */
  MESSAGE_TOO_BIG: 1009,
  /** Unexpected server error. */
  INTERNAL_ERROR: 1011,
  /** The server is at capacity (MAX_TOTAL_CONNECTIONS); try again later. */
  TRY_AGAIN_LATER: 1013,
  /** The token expired and was not refreshed. */
  TOKEN_EXPIRED: 4001,
  /** No auth message arrived within the auth deadline on a connection opened without a token. */
  AUTH_TIMEOUT: 4002,
  /** The connection's send buffer stayed above its bound; the client reads too slowly. */
  SLOW_CONSUMER: 4003,
  /** Nothing was received for idle_timeout_ms (missed heartbeats). */
  IDLE_TIMEOUT: 4004,
  /** The user has too many open connections (max_connections_per_user). */
  CONNECTION_LIMIT: 4005,
  /** Repeated rate-limit violations; the user is banned for a while and reconnects are refused with HTTP 429. */
  RATE_LIMIT_BAN: 4008,
  /** The service closed the connection (session revoked, user signed out or disabled). */
  KICKED: 4009,
} as const;
/**
 * A user's presence.
 */
export type PresenceStatus = 'online' | 'offline' | 'away';

/** Members of {@link PresenceStatus}, by name. */
export const PresenceStatus = {
  /** At least one open connection and recently active. */
  ONLINE: 'online',
  /** No open connection (after a short grace period). */
  OFFLINE: 'offline',
  /** Connected but idle, as reported by the service. */
  AWAY: 'away',
} as const;
/**
 * How prominently a system notification should be shown.
 */
export type NotificationLevel = 'info' | 'warning' | 'error' | 'critical';

/** Members of {@link NotificationLevel}, by name. */
export const NotificationLevel = {
  /** For information; may be shown discreetly. */
  INFO: 'info',
  /** Something the user should notice. */
  WARNING: 'warning',
  /** Something failed for the user. */
  ERROR: 'error',
  /** Requires immediate attention; show prominently. */
  CRITICAL: 'critical',
} as const;
/**
 * What a `room.update` reports.
 */
export type RoomUpdateEvent = 'client_joined' | 'client_left' | 'updated';

/** Members of {@link RoomUpdateEvent}, by name. */
export const RoomUpdateEvent = {
  /** The user's first connection joined the room. */
  CLIENT_JOINED: 'client_joined',
  /** The user's last connection left the room or disconnected. */
  CLIENT_LEFT: 'client_left',
  /** The service changed the room's properties. */
  UPDATED: 'updated',
} as const;
/**
 * Capabilities a server announces in `connection.established`; a client must not rely on a feature that is not listed. Adding a value is a minor version change of the protocol.
 */
export type Feature = 'heartbeat' | 'subscriptions' | 'rate_limiting' | 'rooms' | 'presence' | 'typing' | 'acks' | 'resume' | 'offline_queue' | 'auth_refresh' | 'msgpack';

/** Members of {@link Feature}, by name. */
export const Feature = {
  /** Server heartbeats and ping/pong. */
  HEARTBEAT: 'heartbeat',
  /** Event subscriptions (subscribe/unsubscribe). */
  SUBSCRIPTIONS: 'subscriptions',
  /** Per-user rate limiting is enforced. */
  RATE_LIMITING: 'rate_limiting',
  /** Rooms (room.join/room.leave, chat). */
  ROOMS: 'rooms',
  /** Presence (presence.status, member lists). */
  PRESENCE: 'presence',
  /** Typing indicators. */
  TYPING: 'typing',
  /** Delivery acknowledgements (ack) release queued notifications. */
  ACKS: 'acks',
  /** Room history is kept and resume replays it. */
  RESUME: 'resume',
  /** Notifications for offline users are queued. */
  OFFLINE_QUEUE: 'offline_queue',
  /** Tokens can be refreshed on an open connection (auth.refresh). */
  AUTH_REFRESH: 'auth_refresh',
  /** The MessagePack codec can be negotiated (subprotocol switchboard.v1.msgpack). */
  MSGPACK: 'msgpack',
} as const;
/**
 * Processing state reported by `file.processing` (success is `file.ready`).
 */
export type FileProcessingStatus = 'queued' | 'processing' | 'failed';

/** Members of {@link FileProcessingStatus}, by name. */
export const FileProcessingStatus = {
  /** Waiting for a worker. */
  QUEUED: 'queued',
  /** Being processed; progress may be given. */
  PROCESSING: 'processing',
  /** Processing failed; message says why. */
  FAILED: 'failed',
} as const;
/**
 * Why an upload failed.
 */
export type UploadErrorCode = 'FILE_TOO_LARGE' | 'UNSUPPORTED_TYPE' | 'QUOTA_EXCEEDED' | 'VIRUS_DETECTED' | 'STORAGE_ERROR' | 'TIMEOUT' | 'UNKNOWN';

/** Members of {@link UploadErrorCode}, by name. */
export const UploadErrorCode = {
  /** The file is over the service's size limit. */
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  /** The file's type is not accepted. */
  UNSUPPORTED_TYPE: 'UNSUPPORTED_TYPE',
  /** The user's storage quota is exhausted. */
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  /** The file was rejected by the malware scanner. */
  VIRUS_DETECTED: 'VIRUS_DETECTED',
  /** The file could not be stored; usually transient. */
  STORAGE_ERROR: 'STORAGE_ERROR',
  /** The upload stalled for too long. */
  TIMEOUT: 'TIMEOUT',
  /** Any other failure. */
  UNKNOWN: 'UNKNOWN',
} as const;
/**
 * Lifecycle state of a review.
 */
export type ReviewStatus = 'draft' | 'submitted' | 'in_review' | 'approved' | 'rejected';

/** Members of {@link ReviewStatus}, by name. */
export const ReviewStatus = {
  /** Being written, visible to its author only. */
  DRAFT: 'draft',
  /** Submitted, waiting for a reviewer. */
  SUBMITTED: 'submitted',
  /** A reviewer is working on it. */
  IN_REVIEW: 'in_review',
  /** Accepted. */
  APPROVED: 'approved',
  /** Refused. */
  REJECTED: 'rejected',
} as const;

/**
 * One user present in a room (one entry per user, whatever their number of connections).
 */
export interface RoomMember {
  /**
   * A user's id: the `sub` claim of their token, never taken from a message. Also allows `@`, `|` and `+` so that e-mail addresses and identity-provider ids (`auth0|123`) are valid; a token whose `sub` does not match this pattern is refused (`AUTH_FAILED`).
   * @example u_42, auth0|5f7c8ec7c33c6c004bbafe82
   */
  user_id: string;
  /**
   * A user's display name: the `name` claim of their token (the user id when absent), never taken from a message. Free text, shown as is; clients must escape it.
   * @example Ada Lovelace
   */
  username: string;
  /**
   * Number of the user's connections in the room, when the server tracks it.
   */
  connections?: number;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  joined_at: string;
}

/**
 * The limits in force for this connection, announced in `connection.established` so that clients can stay within them. All are configurable on the server (environment variables or options); the schema bounds are the protocol's hard maxima.
 */
export interface ConnectionLimits {
  /**
   * Largest accepted message, in bytes of the encoded frame (default 65536).
   */
  max_message_size: number;
  /**
   * Messages a user may send per window, all connections together (default 100, MESSAGE_RATE_LIMIT).
   */
  message_rate_limit: number;
  /**
   * Length of the sliding rate-limit window in milliseconds (default 60000).
   */
  message_rate_window_ms: number;
  /**
   * Open connections allowed per user (default 5, MAX_CONNECTIONS_PER_USER).
   */
  max_connections_per_user: number;
  /**
   * Rooms one connection may be in at once (default 100).
   */
  max_rooms_per_connection: number;
  /**
   * Longest accepted chat content, in Unicode code points (default and maximum 4000). Longer `chat.send` content is answered with `INVALID_MESSAGE` at `/data/content`.
   */
  max_content_length: number;
  /**
   * Notifications kept per user while they are offline (default 1000; 0 when queuing is disabled). The oldest are dropped first.
   */
  offline_queue_size: number;
  /**
   * A connection from which nothing was received for this long is closed with 4004 (default 60000, twice the heartbeat interval).
   */
  idle_timeout_ms: number;
}

/**
 * A room and the last position in its sequence the client saw, with the epoch of that `seq` when the client knows it (a client that omits it is taken to be in the room's current epoch). Used as a list instead of a `{room_id: seq}` map: a map keyed by user input is a prototype-pollution risk and does not type well.
 */
export interface RoomSeq {
  /**
   * A room's id, chosen by the application (rooms are created on first join). `:` is allowed for namespacing, for example `project:apollo`.
   * @example general, project:apollo
   */
  room_id: string;
  /**
   * Names one run of a room's sequence. A room's `seq` only grows within an epoch; the server starts a new epoch (and `seq` starts at 1 again) whenever it lost the room's history, for example after a restart with the in-memory broker or when its broker lost its data. Opaque: compare for equality only.
   * @example 1f3a9c4e7b2d
   */
  epoch?: string;
  /**
   * Position of a message in its room's sequence. The first message of a room has seq 1; 0 means "nothing yet" (an empty room, or a client that has seen nothing). Increases by exactly 1 per sequenced message (`chat.message`, `room.update`) within the room's `epoch`, so a gap tells the client it missed something. Bounded by the largest integer JavaScript represents exactly.
   * @example 42
   */
  seq: number;
}

/**
 * A room's current epoch and the last `seq` handed out in it.
 */
export interface RoomPosition {
  /**
   * A room's id, chosen by the application (rooms are created on first join). `:` is allowed for namespacing, for example `project:apollo`.
   * @example general, project:apollo
   */
  room_id: string;
  /**
   * Names one run of a room's sequence. A room's `seq` only grows within an epoch; the server starts a new epoch (and `seq` starts at 1 again) whenever it lost the room's history, for example after a restart with the in-memory broker or when its broker lost its data. Opaque: compare for equality only.
   * @example 1f3a9c4e7b2d
   */
  epoch: string;
  /**
   * Position of a message in its room's sequence. The first message of a room has seq 1; 0 means "nothing yet" (an empty room, or a client that has seen nothing). Increases by exactly 1 per sequenced message (`chat.message`, `room.update`) within the room's `epoch`, so a gap tells the client it missed something. Bounded by the largest integer JavaScript represents exactly.
   * @example 42
   */
  seq: number;
}

/**
 * Structured context of an error; every field is optional and only the relevant ones are set. Never contains free-form data or the rejected input itself.
 */
export interface ErrorDetails {
  /**
   * The `type` of the rejected message, as received (truncated to 64 characters); absent when the frame was not a JSON object.
   */
  type?: string;
  /**
   * JSON pointer (RFC 6901) into the rejected message, to the value that failed, for example `/data/content` or `/data/events/1`. The empty string points at the whole message.
   */
  pointer?: string;
  /**
   * The JSON Schema keyword that failed (`required`, `maxLength`, `enum`, `pattern`...).
   */
  keyword?: string;
  /**
   * The limit that was exceeded or not met (bytes for MESSAGE_TOO_LARGE, messages per window for RATE_LIMIT_EXCEEDED, length or count for schema failures, rooms for FORBIDDEN).
   */
  limit?: number;
  /**
   * A room's id, chosen by the application (rooms are created on first join). `:` is allowed for namespacing, for example `project:apollo`.
   * @example general, project:apollo
   */
  room_id?: string;
  /**
   * The event name that was unknown or refused (as received, truncated to 64 characters).
   */
  event?: string;
  /**
   * With `UNKNOWN_EVENT`: every name of the request that is not an `EventName`, in request order (each as received, truncated to 64 characters). `event` and `pointer` name the first of them.
   */
  events?: string[];
  /**
   * Id of an upload, given by the service that handles uploads.
   * @example upload_456
   */
  upload_id?: string;
}

/**
 * One changed field of a review and its new value as text: strings as they are, numbers and booleans in their JSON text form (`4`, `true`), a cleared field as the empty string.
 */
export interface ReviewChange {
  /**
   * Name of the changed field (snake_case).
   */
  field: string;
  /**
   * New value of the field as text.
   */
  value: string;
}

/**
 * Query parameters of the upgrade request.
 */
export interface WsConnectionQuery {
  /**
   * A JWT in compact serialization (three base64url parts). Verified with HS256 by default, or RS256/ES256/JWKS when configured; `sub` is the user id, `name` the display name, `exp` the expiry. Never logged.
   */
  token?: string;
}

/**
 * The upgrade request headers Switchboard reads. Documentation of these two headers only: the standard handshake headers (`Host`, `Upgrade`, `Sec-WebSocket-Key`, `Origin`...) are not listed, so this schema is not meant to validate a whole header set.
 */
export interface WsConnectionHeaders {
  /**
   * `Bearer <jwt>`.
   */
  Authorization?: string;
  /**
   * Offered subprotocols, comma-separated: `switchboard.v1` (JSON, default), `switchboard.v1.msgpack` (MessagePack), and `bearer.<jwt>` to carry the token from a browser.
   */
  'Sec-WebSocket-Protocol'?: string;
}

/**
 * Envelope of `auth`, sent by the client. `timestamp` is optional (the server records the time of receipt); `correlation_id` is accepted and ignored.
 */
export interface AuthEnvelope {
  /**
   * Message type; always `auth`.
   */
  type: 'auth';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp?: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `auth`.
   */
  data: AuthData;
}

/**
 * Body of `auth`.
 */
export interface AuthData {
  /**
   * A JWT in compact serialization (three base64url parts). Verified with HS256 by default, or RS256/ES256/JWKS when configured; `sub` is the user id, `name` the display name, `exp` the expiry. Never logged.
   */
  token: string;
}

/**
 * Envelope of `auth.refresh`, sent by the client. `timestamp` is optional (the server records the time of receipt); `correlation_id` is accepted and ignored.
 */
export interface AuthRefreshEnvelope {
  /**
   * Message type; always `auth.refresh`.
   */
  type: 'auth.refresh';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp?: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `auth.refresh`.
   */
  data: AuthRefreshData;
}

/**
 * Body of `auth.refresh`.
 */
export interface AuthRefreshData {
  /**
   * A JWT in compact serialization (three base64url parts). Verified with HS256 by default, or RS256/ES256/JWKS when configured; `sub` is the user id, `name` the display name, `exp` the expiry. Never logged.
   */
  token: string;
}

/**
 * Envelope of `ping`, sent by the client. `timestamp` is optional (the server records the time of receipt); `correlation_id` is accepted and ignored.
 */
export interface PingEnvelope {
  /**
   * Message type; always `ping`.
   */
  type: 'ping';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp?: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `ping`. May be empty.
   */
  data: PingData;
}

/**
 * Body of `ping`. May be empty.
 */
export interface PingData {
  /**
   * Opaque value of a `ping` echoed by its `pong`. Named `pingId`, in camelCase unlike every other field, because existing clients send it under that name.
   * @example 1736332230000
   */
  pingId?: string;
}

/**
 * Envelope of `heartbeat`, sent by the client. `timestamp` is optional (the server records the time of receipt); `correlation_id` is accepted and ignored.
 */
export interface HeartbeatEnvelope {
  /**
   * Message type; always `heartbeat`.
   */
  type: 'heartbeat';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp?: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `heartbeat`. Always empty.
   */
  data: HeartbeatData;
}

/**
 * Body of `heartbeat`. Always empty.
 */
export type HeartbeatData = Record<string, never>;

/**
 * Envelope of `subscribe`, sent by the client. `timestamp` is optional (the server records the time of receipt); `correlation_id` is accepted and ignored.
 */
export interface SubscribeEnvelope {
  /**
   * Message type; always `subscribe`.
   */
  type: 'subscribe';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp?: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `subscribe`. Items are checked against `EventName`: the server answers a name outside it with `UNKNOWN_EVENT` (not `INVALID_MESSAGE`), `details.pointer` at the item.
   */
  data: SubscribeData;
}

/**
 * Body of `subscribe`. Items are checked against `EventName`: the server answers a name outside it with `UNKNOWN_EVENT` (not `INVALID_MESSAGE`), `details.pointer` at the item.
 */
export interface SubscribeData {
  /**
   * Events to add to the connection's subscriptions (duplicates are refused).
   */
  events: EventName[];
}

/**
 * Envelope of `unsubscribe`, sent by the client. `timestamp` is optional (the server records the time of receipt); `correlation_id` is accepted and ignored.
 */
export interface UnsubscribeEnvelope {
  /**
   * Message type; always `unsubscribe`.
   */
  type: 'unsubscribe';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp?: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `unsubscribe`. Unknown names are answered with `UNKNOWN_EVENT`.
   */
  data: UnsubscribeData;
}

/**
 * Body of `unsubscribe`. Unknown names are answered with `UNKNOWN_EVENT`.
 */
export interface UnsubscribeData {
  /**
   * Events to remove from the connection's subscriptions.
   */
  events: EventName[];
}

/**
 * Envelope of `room.join`, sent by the client. `timestamp` is optional (the server records the time of receipt); `correlation_id` is accepted and ignored.
 */
export interface RoomJoinEnvelope {
  /**
   * Message type; always `room.join`.
   */
  type: 'room.join';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp?: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `room.join`.
   */
  data: RoomJoinData;
}

/**
 * Body of `room.join`.
 */
export interface RoomJoinData {
  /**
   * A room's id, chosen by the application (rooms are created on first join). `:` is allowed for namespacing, for example `project:apollo`.
   * @example general, project:apollo
   */
  room_id: string;
}

/**
 * Envelope of `room.leave`, sent by the client. `timestamp` is optional (the server records the time of receipt); `correlation_id` is accepted and ignored.
 */
export interface RoomLeaveEnvelope {
  /**
   * Message type; always `room.leave`.
   */
  type: 'room.leave';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp?: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `room.leave`.
   */
  data: RoomLeaveData;
}

/**
 * Body of `room.leave`.
 */
export interface RoomLeaveData {
  /**
   * A room's id, chosen by the application (rooms are created on first join). `:` is allowed for namespacing, for example `project:apollo`.
   * @example general, project:apollo
   */
  room_id: string;
}

/**
 * Envelope of `chat.send`, sent by the client. `timestamp` is optional (the server records the time of receipt); `correlation_id` is accepted and ignored.
 */
export interface ChatSendEnvelope {
  /**
   * Message type; always `chat.send`.
   */
  type: 'chat.send';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp?: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `chat.send`. There is no author field: the author is the authenticated user.
   */
  data: ChatSendData;
}

/**
 * Body of `chat.send`. There is no author field: the author is the authenticated user.
 */
export interface ChatSendData {
  /**
   * A room's id, chosen by the application (rooms are created on first join). `:` is allowed for namespacing, for example `project:apollo`.
   * @example general, project:apollo
   */
  room_id: string;
  /**
   * Text of a chat message: 1 to 4000 characters (Unicode code points; the server's `max_content_length` may be lower), at least one of them not whitespace. Plain text; clients must escape it when rendering.
   * @example Hello, world!
   */
  content: string;
}

/**
 * Envelope of `typing`, sent by the client. `timestamp` is optional (the server records the time of receipt); `correlation_id` is accepted and ignored.
 */
export interface TypingEnvelope {
  /**
   * Message type; always `typing`.
   */
  type: 'typing';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp?: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `typing`.
   */
  data: TypingData;
}

/**
 * Body of `typing`.
 */
export interface TypingData {
  /**
   * A room's id, chosen by the application (rooms are created on first join). `:` is allowed for namespacing, for example `project:apollo`.
   * @example general, project:apollo
   */
  room_id: string;
  /**
   * True while the user types, false when they stop.
   */
  is_typing: boolean;
}

/**
 * Envelope of `upload.cancel`, sent by the client. `timestamp` is optional (the server records the time of receipt); `correlation_id` is accepted and ignored.
 */
export interface UploadCancelEnvelope {
  /**
   * Message type; always `upload.cancel`.
   */
  type: 'upload.cancel';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp?: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `upload.cancel`.
   */
  data: UploadCancelData;
}

/**
 * Body of `upload.cancel`.
 */
export interface UploadCancelData {
  /**
   * Id of an upload, given by the service that handles uploads.
   * @example upload_456
   */
  upload_id: string;
  /**
   * Why the user cancelled, passed on in `upload.cancelled`.
   */
  reason?: string;
}

/**
 * Envelope of `ack`, sent by the client. `timestamp` is optional (the server records the time of receipt); `correlation_id` is accepted and ignored.
 */
export interface AckEnvelope {
  /**
   * Message type; always `ack`.
   */
  type: 'ack';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp?: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `ack`: at least one field; `room_id` and `seq` go together (each requires the other). `seq` is cumulative within the room; `ids` are envelope ids of user notifications.
   */
  data: AckData;
}

/**
 * Body of `ack`: at least one field; `room_id` and `seq` go together (each requires the other). `seq` is cumulative within the room; `ids` are envelope ids of user notifications.
 */
export interface AckData {
  /**
   * A room's id, chosen by the application (rooms are created on first join). `:` is allowed for namespacing, for example `project:apollo`.
   * @example general, project:apollo
   */
  room_id?: string;
  /**
   * Position of a message in its room's sequence. The first message of a room has seq 1; 0 means "nothing yet" (an empty room, or a client that has seen nothing). Increases by exactly 1 per sequenced message (`chat.message`, `room.update`) within the room's `epoch`, so a gap tells the client it missed something. Bounded by the largest integer JavaScript represents exactly.
   * @example 42
   */
  seq?: number;
  /**
   * Envelope ids of the notifications received.
   */
  ids?: string[];
}

/**
 * Envelope of `resume`, sent by the client. `timestamp` is optional (the server records the time of receipt); `correlation_id` is accepted and ignored.
 */
export interface ResumeEnvelope {
  /**
   * Message type; always `resume`.
   */
  type: 'resume';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp?: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `resume`. `last_seq` has one entry per room to resume (the last `seq` the client processed, 0 if none, and its epoch); it is a list of `RoomSeq` rather than a `{room_id: seq}` map (no keys from user input). A room listed twice is answered with `INVALID_MESSAGE`.
   */
  data: ResumeData;
}

/**
 * Body of `resume`. `last_seq` has one entry per room to resume (the last `seq` the client processed, 0 if none, and its epoch); it is a list of `RoomSeq` rather than a `{room_id: seq}` map (no keys from user input). A room listed twice is answered with `INVALID_MESSAGE`.
 */
export interface ResumeData {
  /**
   * Last seq seen per room; empty to resume notifications only.
   */
  last_seq: RoomSeq[];
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  last_notification_id?: string;
}

/**
 * Envelope of `auth.refreshed`, sent by the server as the reply to `auth.refresh`; `correlation_id` is the request's `id`.
 */
export interface AuthRefreshedEnvelope {
  /**
   * Message type; always `auth.refreshed`.
   */
  type: 'auth.refreshed';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id: string;
  /**
   * Body of `auth.refreshed`.
   */
  data: AuthRefreshedData;
}

/**
 * Body of `auth.refreshed`.
 */
export interface AuthRefreshedData {
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  expires_at: string;
}

/**
 * Envelope of `pong`, sent by the server as the reply to `ping` or `heartbeat`; `correlation_id` is the request's `id`.
 */
export interface PongEnvelope {
  /**
   * Message type; always `pong`.
   */
  type: 'pong';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id: string;
  /**
   * Body of `pong`. `pingId` is the ping's, absent when the ping had none (and for `heartbeat`); `timestamp` is the server time when the ping was handled.
   */
  data: PongData;
}

/**
 * Body of `pong`. `pingId` is the ping's, absent when the ping had none (and for `heartbeat`); `timestamp` is the server time when the ping was handled.
 */
export interface PongData {
  /**
   * Opaque value of a `ping` echoed by its `pong`. Named `pingId`, in camelCase unlike every other field, because existing clients send it under that name.
   * @example 1736332230000
   */
  pingId?: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
}

/**
 * Envelope of `subscription.confirmed`, sent by the server as the reply to `subscribe`; `correlation_id` is the request's `id`.
 */
export interface SubscriptionConfirmedEnvelope {
  /**
   * Message type; always `subscription.confirmed`.
   */
  type: 'subscription.confirmed';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id: string;
  /**
   * Body of `subscription.confirmed`.
   */
  data: SubscriptionConfirmedData;
}

/**
 * Body of `subscription.confirmed`.
 */
export interface SubscriptionConfirmedData {
  /**
   * The events named in the request.
   */
  events: EventName[];
  /**
   * Every event the connection is now subscribed to, sorted.
   */
  subscriptions: EventName[];
}

/**
 * Envelope of `unsubscription.confirmed`, sent by the server as the reply to `unsubscribe`; `correlation_id` is the request's `id`.
 */
export interface UnsubscriptionConfirmedEnvelope {
  /**
   * Message type; always `unsubscription.confirmed`.
   */
  type: 'unsubscription.confirmed';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id: string;
  /**
   * Body of `unsubscription.confirmed`.
   */
  data: UnsubscriptionConfirmedData;
}

/**
 * Body of `unsubscription.confirmed`.
 */
export interface UnsubscriptionConfirmedData {
  /**
   * The events named in the request.
   */
  events: EventName[];
  /**
   * Every event the connection is still subscribed to, sorted (possibly none).
   */
  subscriptions: EventName[];
}

/**
 * Envelope of `room.joined`, sent by the server as the reply to `room.join`; `correlation_id` is the request's `id`.
 */
export interface RoomJoinedEnvelope {
  /**
   * Message type; always `room.joined`.
   */
  type: 'room.joined';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id: string;
  /**
   * Body of `room.joined`.
   */
  data: RoomJoinedData;
}

/**
 * Body of `room.joined`.
 */
export interface RoomJoinedData {
  /**
   * A room's id, chosen by the application (rooms are created on first join). `:` is allowed for namespacing, for example `project:apollo`.
   * @example general, project:apollo
   */
  room_id: string;
  /**
   * Users in the room, the joining user included, one entry per user; at most 1000 (the earliest joined first) when the room is larger.
   */
  members: RoomMember[];
  /**
   * Number of distinct users in the room, which may exceed the length of `members`.
   */
  member_count: number;
  /**
   * Names one run of a room's sequence. A room's `seq` only grows within an epoch; the server starts a new epoch (and `seq` starts at 1 again) whenever it lost the room's history, for example after a restart with the in-memory broker or when its broker lost its data. Opaque: compare for equality only.
   * @example 1f3a9c4e7b2d
   */
  epoch: string;
  /**
   * Position of a message in its room's sequence. The first message of a room has seq 1; 0 means "nothing yet" (an empty room, or a client that has seen nothing). Increases by exactly 1 per sequenced message (`chat.message`, `room.update`) within the room's `epoch`, so a gap tells the client it missed something. Bounded by the largest integer JavaScript represents exactly.
   * @example 42
   */
  last_seq: number;
}

/**
 * Envelope of `room.left`, sent by the server as the reply to `room.leave`; `correlation_id` is the request's `id`.
 */
export interface RoomLeftEnvelope {
  /**
   * Message type; always `room.left`.
   */
  type: 'room.left';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id: string;
  /**
   * Body of `room.left`.
   */
  data: RoomLeftData;
}

/**
 * Body of `room.left`.
 */
export interface RoomLeftData {
  /**
   * A room's id, chosen by the application (rooms are created on first join). `:` is allowed for namespacing, for example `project:apollo`.
   * @example general, project:apollo
   */
  room_id: string;
}

/**
 * Envelope of `chat.sent`, sent by the server as the reply to `chat.send`; `correlation_id` is the request's `id`.
 */
export interface ChatSentEnvelope {
  /**
   * Message type; always `chat.sent`.
   */
  type: 'chat.sent';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id: string;
  /**
   * Body of `chat.sent`.
   */
  data: ChatSentData;
}

/**
 * Body of `chat.sent`.
 */
export interface ChatSentData {
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  message_id: string;
  /**
   * A room's id, chosen by the application (rooms are created on first join). `:` is allowed for namespacing, for example `project:apollo`.
   * @example general, project:apollo
   */
  room_id: string;
  /**
   * Position of a message in its room's sequence. The first message of a room has seq 1; 0 means "nothing yet" (an empty room, or a client that has seen nothing). Increases by exactly 1 per sequenced message (`chat.message`, `room.update`) within the room's `epoch`, so a gap tells the client it missed something. Bounded by the largest integer JavaScript represents exactly.
   * @example 42
   */
  seq: number;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
}

/**
 * Envelope of `resume.completed`, sent by the server as the reply to `resume`; `correlation_id` is the request's `id`.
 */
export interface ResumeCompletedEnvelope {
  /**
   * Message type; always `resume.completed`.
   */
  type: 'resume.completed';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id: string;
  /**
   * Body of `resume.completed`.
   */
  data: ResumeCompletedData;
}

/**
 * Body of `resume.completed`.
 */
export interface ResumeCompletedData {
  /**
   * Number of messages replayed before this reply (room messages and notifications).
   */
  replayed: number;
  /**
   * False when something the client should have had is gone: messages no longer in a room's history, a room epoch other than the one the client named, or notifications the offline queue dropped since the last `resume`. The client should reload the affected state.
   */
  complete: boolean;
  /**
   * Each room re-joined by the resume, with its current epoch and seq.
   */
  rooms: RoomPosition[];
}

/**
 * Envelope of `connection.established`, sent by the server; `correlation_id` is set when it answers an `auth` message.
 */
export interface ConnectionEstablishedEnvelope {
  /**
   * Message type; always `connection.established`.
   */
  type: 'connection.established';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `connection.established`.
   */
  data: ConnectionEstablishedData;
}

/**
 * Body of `connection.established`.
 */
export interface ConnectionEstablishedData {
  /**
   * Id the server gives to a connection (unique across instances), for logs and support.
   * @example conn_8f14e45f
   */
  connection_id: string;
  /**
   * A user's id: the `sub` claim of their token, never taken from a message. Also allows `@`, `|` and `+` so that e-mail addresses and identity-provider ids (`auth0|123`) are valid; a token whose `sub` does not match this pattern is refused (`AUTH_FAILED`).
   * @example u_42, auth0|5f7c8ec7c33c6c004bbafe82
   */
  user_id: string;
  /**
   * A user's display name: the `name` claim of their token (the user id when absent), never taken from a message. Free text, shown as is; clients must escape it.
   * @example Ada Lovelace
   */
  username: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  server_time: string;
  /**
   * Version of this protocol (the document's `info.version`) the server speaks.
   */
  protocol_version: string;
  /**
   * Features the server offers on this connection.
   */
  features: Feature[];
  /**
   * Interval of the server's WebSocket pings, in milliseconds (default 30000); clients that send application pings should use the same interval.
   */
  heartbeat_interval_ms: number;
  /**
   * The limits in force for this connection, announced in `connection.established` so that clients can stay within them. All are configurable on the server (environment variables or options); the schema bounds are the protocol's hard maxima.
   */
  limits: ConnectionLimits;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  token_expires_at?: string;
}

/**
 * Envelope of `chat.message`, sent by the server unsolicited (no `correlation_id`).
 */
export interface ChatMessageEnvelope {
  /**
   * Message type; always `chat.message`.
   */
  type: 'chat.message';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `chat.message`.
   */
  data: ChatMessageData;
}

/**
 * Body of `chat.message`.
 */
export interface ChatMessageData {
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * A room's id, chosen by the application (rooms are created on first join). `:` is allowed for namespacing, for example `project:apollo`.
   * @example general, project:apollo
   */
  room_id: string;
  /**
   * A user's id: the `sub` claim of their token, never taken from a message. Also allows `@`, `|` and `+` so that e-mail addresses and identity-provider ids (`auth0|123`) are valid; a token whose `sub` does not match this pattern is refused (`AUTH_FAILED`).
   * @example u_42, auth0|5f7c8ec7c33c6c004bbafe82
   */
  user_id: string;
  /**
   * A user's display name: the `name` claim of their token (the user id when absent), never taken from a message. Free text, shown as is; clients must escape it.
   * @example Ada Lovelace
   */
  username: string;
  /**
   * Text of a chat message: 1 to 4000 characters (Unicode code points; the server's `max_content_length` may be lower), at least one of them not whitespace. Plain text; clients must escape it when rendering.
   * @example Hello, world!
   */
  content: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * Names one run of a room's sequence. A room's `seq` only grows within an epoch; the server starts a new epoch (and `seq` starts at 1 again) whenever it lost the room's history, for example after a restart with the in-memory broker or when its broker lost its data. Opaque: compare for equality only.
   * @example 1f3a9c4e7b2d
   */
  epoch: string;
  /**
   * Position of a message in its room's sequence. The first message of a room has seq 1; 0 means "nothing yet" (an empty room, or a client that has seen nothing). Increases by exactly 1 per sequenced message (`chat.message`, `room.update`) within the room's `epoch`, so a gap tells the client it missed something. Bounded by the largest integer JavaScript represents exactly.
   * @example 42
   */
  seq: number;
}

/**
 * Envelope of `room.update`, sent by the server unsolicited (no `correlation_id`).
 */
export interface RoomUpdateEnvelope {
  /**
   * Message type; always `room.update`.
   */
  type: 'room.update';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `room.update`.
   */
  data: RoomUpdateData;
}

/**
 * Body of `room.update`.
 */
export interface RoomUpdateData {
  /**
   * A room's id, chosen by the application (rooms are created on first join). `:` is allowed for namespacing, for example `project:apollo`.
   * @example general, project:apollo
   */
  room_id: string;
  /**
   * What a `room.update` reports.
   */
  event: RoomUpdateEvent;
  /**
   * A user's id: the `sub` claim of their token, never taken from a message. Also allows `@`, `|` and `+` so that e-mail addresses and identity-provider ids (`auth0|123`) are valid; a token whose `sub` does not match this pattern is refused (`AUTH_FAILED`).
   * @example u_42, auth0|5f7c8ec7c33c6c004bbafe82
   */
  user_id: string;
  /**
   * A user's display name: the `name` claim of their token (the user id when absent), never taken from a message. Free text, shown as is; clients must escape it.
   * @example Ada Lovelace
   */
  username?: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * Names one run of a room's sequence. A room's `seq` only grows within an epoch; the server starts a new epoch (and `seq` starts at 1 again) whenever it lost the room's history, for example after a restart with the in-memory broker or when its broker lost its data. Opaque: compare for equality only.
   * @example 1f3a9c4e7b2d
   */
  epoch: string;
  /**
   * Position of a message in its room's sequence. The first message of a room has seq 1; 0 means "nothing yet" (an empty room, or a client that has seen nothing). Increases by exactly 1 per sequenced message (`chat.message`, `room.update`) within the room's `epoch`, so a gap tells the client it missed something. Bounded by the largest integer JavaScript represents exactly.
   * @example 42
   */
  seq: number;
  /**
   * Number of distinct users in the room after the change.
   */
  member_count?: number;
}

/**
 * Envelope of `presence.status`, sent by the server unsolicited (no `correlation_id`).
 */
export interface PresenceStatusEnvelope {
  /**
   * Message type; always `presence.status`.
   */
  type: 'presence.status';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `presence.status`.
   */
  data: PresenceStatusData;
}

/**
 * Body of `presence.status`.
 */
export interface PresenceStatusData {
  /**
   * A user's id: the `sub` claim of their token, never taken from a message. Also allows `@`, `|` and `+` so that e-mail addresses and identity-provider ids (`auth0|123`) are valid; a token whose `sub` does not match this pattern is refused (`AUTH_FAILED`).
   * @example u_42, auth0|5f7c8ec7c33c6c004bbafe82
   */
  user_id: string;
  /**
   * A user's display name: the `name` claim of their token (the user id when absent), never taken from a message. Free text, shown as is; clients must escape it.
   * @example Ada Lovelace
   */
  username?: string;
  /**
   * A user's presence.
   */
  status: PresenceStatus;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  last_seen: string;
}

/**
 * Envelope of `user.typing`, sent by the server unsolicited (no `correlation_id`).
 */
export interface UserTypingEnvelope {
  /**
   * Message type; always `user.typing`.
   */
  type: 'user.typing';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `user.typing`.
   */
  data: UserTypingData;
}

/**
 * Body of `user.typing`.
 */
export interface UserTypingData {
  /**
   * A room's id, chosen by the application (rooms are created on first join). `:` is allowed for namespacing, for example `project:apollo`.
   * @example general, project:apollo
   */
  room_id: string;
  /**
   * A user's id: the `sub` claim of their token, never taken from a message. Also allows `@`, `|` and `+` so that e-mail addresses and identity-provider ids (`auth0|123`) are valid; a token whose `sub` does not match this pattern is refused (`AUTH_FAILED`).
   * @example u_42, auth0|5f7c8ec7c33c6c004bbafe82
   */
  user_id: string;
  /**
   * A user's display name: the `name` claim of their token (the user id when absent), never taken from a message. Free text, shown as is; clients must escape it.
   * @example Ada Lovelace
   */
  username: string;
  /**
   * True while the user types, false when they stopped.
   */
  is_typing: boolean;
}

/**
 * Envelope of `upload.progress`, sent by the server unsolicited (no `correlation_id`).
 */
export interface UploadProgressEnvelope {
  /**
   * Message type; always `upload.progress`.
   */
  type: 'upload.progress';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `upload.progress`. `bytes_uploaded` never exceeds `total_bytes` (not expressible in the schema; the service guarantees it).
   */
  data: UploadProgressData;
}

/**
 * Body of `upload.progress`. `bytes_uploaded` never exceeds `total_bytes` (not expressible in the schema; the service guarantees it).
 */
export interface UploadProgressData {
  /**
   * Id of an upload, given by the service that handles uploads.
   * @example upload_456
   */
  upload_id: string;
  /**
   * A whole percentage, 0 to 100.
   * @example 45
   */
  progress: number;
  /**
   * A size in bytes.
   * @example 10000000
   */
  bytes_uploaded: number;
  /**
   * A size in bytes.
   * @example 10000000
   */
  total_bytes: number;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp?: string;
}

/**
 * Envelope of `upload.completed`, sent by the server unsolicited (no `correlation_id`).
 */
export interface UploadCompletedEnvelope {
  /**
   * Message type; always `upload.completed`.
   */
  type: 'upload.completed';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `upload.completed`.
   */
  data: UploadCompletedData;
}

/**
 * Body of `upload.completed`.
 */
export interface UploadCompletedData {
  /**
   * Id of an upload, given by the service that handles uploads.
   * @example upload_456
   */
  upload_id: string;
  /**
   * Id of a stored file, given by the service.
   * @example file_789
   */
  file_id?: string;
  /**
   * Original name of a file, without any directory part. Display only.
   * @example thesis-draft.pdf
   */
  filename?: string;
  /**
   * A size in bytes.
   * @example 10000000
   */
  size_bytes?: number;
  /**
   * A media (MIME) type without parameters.
   * @example application/pdf
   */
  content_type?: string;
}

/**
 * Envelope of `upload.error`, sent by the server unsolicited (no `correlation_id`).
 */
export interface UploadErrorEnvelope {
  /**
   * Message type; always `upload.error`.
   */
  type: 'upload.error';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `upload.error`.
   */
  data: UploadErrorData;
}

/**
 * Body of `upload.error`.
 */
export interface UploadErrorData {
  /**
   * Id of an upload, given by the service that handles uploads.
   * @example upload_456
   */
  upload_id: string;
  /**
   * Why an upload failed.
   */
  code: UploadErrorCode;
  /**
   * Explanation safe to show to the user.
   */
  message: string;
  /**
   * Whether uploading the same file again may succeed (absent when unknown).
   */
  retryable?: boolean;
}

/**
 * Envelope of `upload.cancelled`, sent by the server; `correlation_id` is set on the copy that answers an `upload.cancel` request.
 */
export interface UploadCancelledEnvelope {
  /**
   * Message type; always `upload.cancelled`.
   */
  type: 'upload.cancelled';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `upload.cancelled`.
   */
  data: UploadCancelledData;
}

/**
 * Body of `upload.cancelled`.
 */
export interface UploadCancelledData {
  /**
   * Id of an upload, given by the service that handles uploads.
   * @example upload_456
   */
  upload_id: string;
  /**
   * A user's id: the `sub` claim of their token, never taken from a message. Also allows `@`, `|` and `+` so that e-mail addresses and identity-provider ids (`auth0|123`) are valid; a token whose `sub` does not match this pattern is refused (`AUTH_FAILED`).
   * @example u_42, auth0|5f7c8ec7c33c6c004bbafe82
   */
  cancelled_by?: string;
  /**
   * Why the upload was cancelled, when known.
   */
  reason?: string;
}

/**
 * Envelope of `review.created`, sent by the server unsolicited (no `correlation_id`).
 */
export interface ReviewCreatedEnvelope {
  /**
   * Message type; always `review.created`.
   */
  type: 'review.created';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `review.created`.
   */
  data: ReviewCreatedData;
}

/**
 * Body of `review.created`.
 */
export interface ReviewCreatedData {
  /**
   * Id of a review, given by the service.
   * @example review_789
   */
  review_id: string;
  /**
   * A user's id: the `sub` claim of their token, never taken from a message. Also allows `@`, `|` and `+` so that e-mail addresses and identity-provider ids (`auth0|123`) are valid; a token whose `sub` does not match this pattern is refused (`AUTH_FAILED`).
   * @example u_42, auth0|5f7c8ec7c33c6c004bbafe82
   */
  author_id: string;
  /**
   * Title of the review.
   */
  title?: string;
  /**
   * Lifecycle state of a review.
   */
  status?: ReviewStatus;
  /**
   * Id of a stored file, given by the service.
   * @example file_789
   */
  file_id?: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  created_at: string;
}

/**
 * Envelope of `review.updated`, sent by the server unsolicited (no `correlation_id`).
 */
export interface ReviewUpdatedEnvelope {
  /**
   * Message type; always `review.updated`.
   */
  type: 'review.updated';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `review.updated`.
   */
  data: ReviewUpdatedData;
}

/**
 * Body of `review.updated`.
 */
export interface ReviewUpdatedData {
  /**
   * Id of a review, given by the service.
   * @example review_789
   */
  review_id: string;
  /**
   * The changed fields, each at most once (a list of `{field, value}` instead of a free-form object, see `review.updated`).
   */
  changes: ReviewChange[];
  /**
   * A user's id: the `sub` claim of their token, never taken from a message. Also allows `@`, `|` and `+` so that e-mail addresses and identity-provider ids (`auth0|123`) are valid; a token whose `sub` does not match this pattern is refused (`AUTH_FAILED`).
   * @example u_42, auth0|5f7c8ec7c33c6c004bbafe82
   */
  updated_by?: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  updated_at: string;
}

/**
 * Envelope of `review.deleted`, sent by the server unsolicited (no `correlation_id`).
 */
export interface ReviewDeletedEnvelope {
  /**
   * Message type; always `review.deleted`.
   */
  type: 'review.deleted';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `review.deleted`.
   */
  data: ReviewDeletedData;
}

/**
 * Body of `review.deleted`.
 */
export interface ReviewDeletedData {
  /**
   * Id of a review, given by the service.
   * @example review_789
   */
  review_id: string;
  /**
   * A user's id: the `sub` claim of their token, never taken from a message. Also allows `@`, `|` and `+` so that e-mail addresses and identity-provider ids (`auth0|123`) are valid; a token whose `sub` does not match this pattern is refused (`AUTH_FAILED`).
   * @example u_42, auth0|5f7c8ec7c33c6c004bbafe82
   */
  deleted_by?: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  deleted_at: string;
}

/**
 * Envelope of `system.notification`, sent by the server unsolicited (no `correlation_id`).
 */
export interface SystemNotificationEnvelope {
  /**
   * Message type; always `system.notification`.
   */
  type: 'system.notification';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `system.notification`.
   */
  data: SystemNotificationData;
}

/**
 * Body of `system.notification`.
 */
export interface SystemNotificationData {
  /**
   * Short title, when the client shows one.
   */
  title?: string;
  /**
   * The announcement, plain text.
   */
  message: string;
  /**
   * How prominently a system notification should be shown.
   */
  level: NotificationLevel;
}

/**
 * Envelope of `system.maintenance`, sent by the server unsolicited (no `correlation_id`).
 */
export interface SystemMaintenanceEnvelope {
  /**
   * Message type; always `system.maintenance`.
   */
  type: 'system.maintenance';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `system.maintenance`.
   */
  data: SystemMaintenanceData;
}

/**
 * Body of `system.maintenance`.
 */
export interface SystemMaintenanceData {
  /**
   * What the maintenance is about, plain text.
   */
  message: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  starts_at: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  ends_at?: string;
}

/**
 * Envelope of `user.status_changed`, sent by the server unsolicited (no `correlation_id`).
 */
export interface UserStatusChangedEnvelope {
  /**
   * Message type; always `user.status_changed`.
   */
  type: 'user.status_changed';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `user.status_changed`.
   */
  data: UserStatusChangedData;
}

/**
 * Body of `user.status_changed`.
 */
export interface UserStatusChangedData {
  /**
   * A user's id: the `sub` claim of their token, never taken from a message. Also allows `@`, `|` and `+` so that e-mail addresses and identity-provider ids (`auth0|123`) are valid; a token whose `sub` does not match this pattern is refused (`AUTH_FAILED`).
   * @example u_42, auth0|5f7c8ec7c33c6c004bbafe82
   */
  user_id: string;
  /**
   * A user's presence.
   */
  status: PresenceStatus;
  /**
   * A user's presence.
   */
  previous_status?: PresenceStatus;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  last_seen?: string;
}

/**
 * Envelope of `file.processing`, sent by the server unsolicited (no `correlation_id`).
 */
export interface FileProcessingEnvelope {
  /**
   * Message type; always `file.processing`.
   */
  type: 'file.processing';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `file.processing`.
   */
  data: FileProcessingData;
}

/**
 * Body of `file.processing`.
 */
export interface FileProcessingData {
  /**
   * Id of a stored file, given by the service.
   * @example file_789
   */
  file_id: string;
  /**
   * Processing state reported by `file.processing` (success is `file.ready`).
   */
  status: FileProcessingStatus;
  /**
   * A whole percentage, 0 to 100.
   * @example 45
   */
  progress?: number;
  /**
   * Why processing failed (with `failed`), safe to show to the user.
   */
  message?: string;
}

/**
 * Envelope of `file.ready`, sent by the server unsolicited (no `correlation_id`).
 */
export interface FileReadyEnvelope {
  /**
   * Message type; always `file.ready`.
   */
  type: 'file.ready';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `file.ready`.
   */
  data: FileReadyData;
}

/**
 * Body of `file.ready`.
 */
export interface FileReadyData {
  /**
   * Id of a stored file, given by the service.
   * @example file_789
   */
  file_id: string;
  /**
   * Id of an upload, given by the service that handles uploads.
   * @example upload_456
   */
  upload_id?: string;
  /**
   * Original name of a file, without any directory part. Display only.
   * @example thesis-draft.pdf
   */
  filename?: string;
  /**
   * A size in bytes.
   * @example 10000000
   */
  size_bytes?: number;
  /**
   * A media (MIME) type without parameters.
   * @example application/pdf
   */
  content_type?: string;
  /**
   * Where the processed file can be fetched (may require authentication).
   */
  url?: string;
}

/**
 * Envelope of `error`, sent by the server; `correlation_id` is set when the error answers a request.
 */
export interface ErrorEnvelope {
  /**
   * Message type; always `error`.
   */
  type: 'error';
  /**
   * Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it.
   * @example c_7d2f9a41, 0f8fad5b-d9cb-469f-a165-70867728950e
   */
  id: string;
  /**
   * An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`.
   * @example 2025-01-08T10:30:00Z
   */
  timestamp: string;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Body of `error`.
   */
  data: ErrorData;
}

/**
 * Body of `error`.
 */
export interface ErrorData {
  /**
   * Machine-readable error codes carried by `error`.
   */
  code: ErrorCode;
  /**
   * Human-readable explanation in English, for logs and developers; not localized.
   */
  message: string;
  /**
   * Seconds to wait before retrying, always present with the limit errors where waiting helps. RATE_LIMIT_EXCEEDED: until the sliding window lets a message through again, or with close_code 4008 the time left on the ban. CONNECTION_LIMIT and SERVER_AT_CAPACITY: the server cannot know when a connection will close, so this is idle_timeout_ms in seconds, the longest a connection that went away without closing keeps its slot (one may close sooner). The same values are sent in the `Retry-After` header when the refusal is an HTTP 429 or 503 at the upgrade; a refusal because too many sockets wait for their `auth` message carries the auth deadline in seconds.
   */
  retry_after?: number;
  /**
   * On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages.
   * @example c_7d2f9a41
   */
  correlation_id?: string;
  /**
   * Every WebSocket close code the server sends. 1000-1013 are RFC 6455 codes (1002 and 1007 come from the WebSocket layer itself, for frames that break RFC 6455); 4000-4999 are Switchboard's own. Clients reconnect with backoff after any code except 1008 and 4001 (only with a new token), 4005 (only once another connection is closed), 4008 (not before the ban ends) and 4009 (not automatically); a 1000 the client asked for ends the session.
   */
  close_code?: CloseCode;
  /**
   * Structured context of an error; every field is optional and only the relevant ones are set. Never contains free-form data or the rejected input itself.
   */
  details?: ErrorDetails;
}

/** Identifier of a message: the envelope `id` (unique per sender; the client makes its own, for example a UUID or a counter with a prefix) and the id of a stored chat message. Receivers deduplicate on it. */
export type MessageId = string;

/** On a server message, the envelope `id` of the client request it answers. Required on replies, optional on `error` and on messages that are sometimes replies (`connection.established`, `upload.cancelled`); ignored by the server on client messages. */
export type CorrelationId = string;

/** An RFC 3339 / ISO-8601 date-time with a time zone (the server always writes UTC with `Z`, millisecond precision), for example `2025-01-08T10:30:00.123Z`. */
export type Timestamp = string;

/** A user's id: the `sub` claim of their token, never taken from a message. Also allows `@`, `|` and `+` so that e-mail addresses and identity-provider ids (`auth0|123`) are valid; a token whose `sub` does not match this pattern is refused (`AUTH_FAILED`). */
export type UserId = string;

/** A user's display name: the `name` claim of their token (the user id when absent), never taken from a message. Free text, shown as is; clients must escape it. */
export type Username = string;

/** A room's id, chosen by the application (rooms are created on first join). `:` is allowed for namespacing, for example `project:apollo`. */
export type RoomId = string;

/** Id the server gives to a connection (unique across instances), for logs and support. */
export type ConnectionId = string;

/** Position of a message in its room's sequence. The first message of a room has seq 1; 0 means "nothing yet" (an empty room, or a client that has seen nothing). Increases by exactly 1 per sequenced message (`chat.message`, `room.update`) within the room's `epoch`, so a gap tells the client it missed something. Bounded by the largest integer JavaScript represents exactly. */
export type Seq = number;

/** Names one run of a room's sequence. A room's `seq` only grows within an epoch; the server starts a new epoch (and `seq` starts at 1 again) whenever it lost the room's history, for example after a restart with the in-memory broker or when its broker lost its data. Opaque: compare for equality only. */
export type Epoch = string;

/** A JWT in compact serialization (three base64url parts). Verified with HS256 by default, or RS256/ES256/JWKS when configured; `sub` is the user id, `name` the display name, `exp` the expiry. Never logged. */
export type JwtToken = string;

/** Opaque value of a `ping` echoed by its `pong`. Named `pingId`, in camelCase unlike every other field, because existing clients send it under that name. */
export type PingId = string;

/** Id of an upload, given by the service that handles uploads. */
export type UploadId = string;

/** Id of a stored file, given by the service. */
export type FileId = string;

/** Id of a review, given by the service. */
export type ReviewId = string;

/** A size in bytes. */
export type ByteCount = number;

/** A whole percentage, 0 to 100. */
export type Percent = number;

/** Text of a chat message: 1 to 4000 characters (Unicode code points; the server's `max_content_length` may be lower), at least one of them not whitespace. Plain text; clients must escape it when rendering. */
export type ChatContent = string;

/** Original name of a file, without any directory part. Display only. */
export type FileName = string;

/** A media (MIME) type without parameters. */
export type MediaType = string;
