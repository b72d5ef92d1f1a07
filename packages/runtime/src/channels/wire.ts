/**
 * The protocol seam: what generated code tells the runtime about one AsyncAPI document, so that
 * one server and one client core serve any WebSocket API. The document's channels (an address
 * template with parameters), the messages each side may send on each channel and how a frame is
 * recognised as one of them (a discriminator property their payloads share, or validators tried
 * in a fixed order), where a message carries its correlation id, and its operations (which
 * messages a `receive` operation takes and which reply it sends). The runtime reads only this;
 * it never imports generated code.
 */
import type { Validator } from '../protocol.js';

/** A JSON scalar, as a discriminator's value may be. */
export type Scalar = string | number | boolean | null;

/** One message as it travels on one channel in one direction. */
export interface WireMessage {
  /** The message's key in the document (`components.messages.<key>` or its channel's key). */
  readonly name: string;
  /** The value of the direction's discriminator in this message's payload; `undefined` without one. */
  readonly discriminator?: Scalar;
  /** The generated validator of its payload. */
  readonly validate: Validator<unknown>;
  /**
   * Where the payload carries the correlation id (`correlationId.location` `$message.payload#/a/b`
   * as `['a', 'b']`); `null` when it has none, or it is in a header, which a WebSocket frame has not.
   */
  readonly correlation: readonly string[] | null;
}

/** The messages of one direction of a channel and how a frame is told apart among them. */
export interface WireDirection {
  /**
   * The payload property whose value names the message (a `const` or one-value `enum` in every
   * payload, or the schema's `discriminator`); `null` to try each message's validator in order.
   */
  readonly discriminator: string | null;
  /** In the order a frame is tried against them when there is no discriminator. */
  readonly messages: readonly WireMessage[];
}

/** AsyncAPI "Channel Object": an address template and its parameters. */
export interface WireChannel {
  readonly key: string;
  /** The address, `/rooms/{roomId}`; relative to the server's path (see the server's `basePath`). */
  readonly address: string;
  /** The parameters, with their allowed values when the document lists them (`enum`), else `null`. */
  readonly parameters: Readonly<Record<string, readonly string[] | null>>;
  /** What a client sends (the server's `receive` operations and the replies of its `send` ones). */
  readonly fromClient: WireDirection;
  /** What the server sends. */
  readonly fromServer: WireDirection;
}

/** AsyncAPI "Operation Object", from the server's side of the document. */
export interface WireOperation {
  readonly key: string;
  readonly action: 'send' | 'receive';
  readonly channel: string;
  /** Message names the operation carries. */
  readonly messages: readonly string[];
  /** Message names of its reply, on the same channel; `null` when it has none. */
  readonly reply: readonly string[] | null;
}

/** How frames become values and back; JSON text unless the document's content type says otherwise. */
export interface FrameCodec {
  /** Throws on a frame that is not a value (the server closes with 1007). */
  decode(text: string): unknown;
  encode(value: unknown): string;
}

/** Everything the runtime knows of a document. */
export interface WireProtocol {
  readonly title: string;
  readonly version: string;
  readonly channels: readonly WireChannel[];
  readonly operations: readonly WireOperation[];
  /** @default JSON */
  readonly codec?: FrameCodec;
}

/** The default codec: a frame is one JSON text. */
export const JSON_CODEC: FrameCodec = Object.freeze({
  decode: (text: string): unknown => JSON.parse(text),
  encode: (value: unknown): string => JSON.stringify(value),
});

/** A channel's parameters after matching its address: name -> decoded value. */
export type ChannelParams = Readonly<Record<string, string>>;

/**
 * The compile-time view generated code gives the runtime: per channel its parameters and the
 * messages each side sends, and per operation (either action) its channel, message and reply
 * (`void` for none).
 * Generated code declares it as a type alias (an interface would not meet the index signatures).
 */
export type ApiTypes = {
  readonly channels: {
    readonly [channel: string]: {
      readonly params: ChannelParams;
      /** Payload types by message name. */
      readonly fromClient: { readonly [message: string]: unknown };
      readonly fromServer: { readonly [message: string]: unknown };
    };
  };
  /** Operations the server receives (a client sends). */
  readonly receive: { readonly [operation: string]: { readonly channel: string; readonly message: unknown; readonly reply: unknown } };
  /** Operations the server sends; one with a reply is a request the server makes of a client. */
  readonly send: { readonly [operation: string]: { readonly channel: string; readonly message: unknown; readonly reply: unknown } };
};

/** The parameters of the channel of operation `K`. */
export type ParamsOf<A extends ApiTypes, C extends string> = A['channels'][C]['params'];
