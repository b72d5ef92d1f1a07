/**
 * What the runtime knows of a protocol: the envelope's shape, and the description generated code
 * hands it. The runtime never imports generated code; generated code imports these types and
 * binds its messages to them, so a spec that drifts from what the runtime can carry fails to
 * compile instead of failing on the wire.
 */
import type { BuiltinMessageType, BuiltinMessages, BuiltinRequestType, BuiltinRequests } from './builtin-messages.js';
import type { ValidationError, ValidationResult } from './validation.js';

/** The envelope every message travels in (asyncapi.yaml, "Envelope"). */
export interface Envelope {
  readonly type: string;
  readonly id: string;
  readonly timestamp?: string;
  readonly correlation_id?: string;
  readonly data: object;
}

/** Messages by their `type`, e.g. the generated `ServerMessageMap`. */
export type MessageMap = { readonly [type: string]: Envelope };

/** The `data` of the message `K` in the map `M`. */
export type DataOf<M extends MessageMap, K extends keyof M> = M[K]['data'];

/** Why a message was rejected: the generated validators' error, defined beside them. */
export type ValidationIssue = ValidationError;

/** The outcome of a generated validator. */
export type Validation<T> = ValidationResult<T>;

/** A generated dispatch validator, e.g. `validateClientMessage`. */
export type Validator<T> = (input: unknown) => Validation<T>;

/**
 * The compile-time view of a protocol, from one side. Generated code declares one per side, e.g.
 * `interface ServerTypes { inbound: ClientMessage; outbound: ServerMessageMap; ... }`.
 */
export interface ProtocolTypes {
  /** Every message this side receives (a union of envelopes). */
  readonly inbound: Envelope;
  /** Every message this side sends, by `type`. */
  readonly outbound: MessageMap;
  /** The names a connection may subscribe to (`subscribe.data.events`). */
  readonly event: string;
  /** Outbound `type`s scoped to a room that take the room's next `seq` (the runtime sets it). */
  readonly sequenced: string;
}

/**
 * The run-time description of a protocol that the server core needs, generated from the spec.
 * Every list is of wire `type`s.
 */
export interface ServerProtocol<P extends ProtocolTypes> {
  /** `info.version` of the spec, announced in `connection.established`. */
  readonly version: string;
  /** Validates a parsed inbound frame, routing on `type` (the generated `validateClientMessage`). */
  readonly validate: Validator<P['inbound']>;
  /** Inbound types the runtime answers itself (`x-switchboard-owner: runtime`). */
  readonly builtins: readonly string[];
  /** Inbound types the service's handlers answer (the generated `dispatch` routes each to one). */
  readonly services: readonly string[];
  /** For each inbound type with a reply, the outbound types that answer it. */
  readonly replies: Readonly<Record<string, readonly string[]>>;
  /** Outbound types that may be dropped under backpressure and are never queued or replayed. */
  readonly volatile: readonly string[];
  /** Event names a connection may subscribe to. */
  readonly events: readonly P['event'][];
  /** Outbound room-scoped types that carry the room's `seq`. */
  readonly sequenced: readonly P['sequenced'][];
  /** Every outbound type; the runtime only sends built-in messages the spec declares. */
  readonly outbound: readonly string[];
  /**
   * By inbound type, its `data` properties whose text length an announced limit bounds, and the
   * limit's name in `connection.established.data.limits` (`x-switchboard-limit`).
   */
  readonly textLimits: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** The run-time description of a protocol that the client core needs, generated from the spec. */
export interface ClientProtocol<Inbound extends Envelope> {
  readonly version: string;
  /** Validates a parsed frame from the server (the generated `validateServerMessage`). */
  readonly validate: Validator<Inbound>;
  /** For each request type, the types that may answer it (an `error` with its id always may). */
  readonly replies: Readonly<Record<string, readonly string[]>>;
  /** Outbound types never queued while disconnected. */
  readonly volatile: readonly string[];
}

/** The `data` of the inbound message of type `K`. */
type InboundData<P extends ProtocolTypes, K extends string> = Extract<P['inbound'], { readonly type: K }>['data'];

type RequestsOf<P extends ProtocolTypes> = BuiltinRequestType & P['inbound']['type'];
type MessagesOf<P extends ProtocolTypes> = BuiltinMessageType & keyof P['outbound'];

/**
 * The built-in messages of a protocol that do not fit the runtime (`never` when all do): a
 * request the spec declares that lacks a field a built-in reads, or a message whose spec type
 * does not accept what the runtime writes into it. Only types the spec declares are checked.
 */
export type BuiltinMismatches<P extends ProtocolTypes> =
  | { [K in RequestsOf<P>]: InboundData<P, K> extends BuiltinRequests<P['event']>[K] ? never : K }[RequestsOf<P>]
  | { [K in MessagesOf<P>]: BuiltinMessages<P['event']>[K] extends DataOf<P['outbound'], K> ? never : K }[MessagesOf<P>];

/**
 * A protocol the server core accepts: one whose built-in messages fit (`BuiltinMismatches`).
 * When some do not, the protocol lacks a property that names them, so the generated call to
 * `createServer` fails to compile with the names in the error.
 */
export type CheckedServerProtocol<P extends ProtocolTypes> = ServerProtocol<P> &
  ([BuiltinMismatches<P>] extends [never] ? unknown : { readonly 'built-in messages that do not match the runtime': BuiltinMismatches<P> });
