/**
 * The intermediate model: one plain, JSON-serialisable description of an AsyncAPI document.
 * `load` builds it from the parser's document; every emitter reads it and nothing else, so the
 * parser's quirks stay in `load/`.
 */

/** A JSON Schema as it appears in the spec, with `$ref`s kept as `#/components/schemas/<Name>`. */
export type JsonSchema = { readonly [key: string]: JsonValue };

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** Where a thing sits in the source document, for diagnostics. */
export type SpecPath = readonly (string | number)[];

/** A component schema (`components.schemas.<name>`) or a named inline payload. */
export interface SchemaModel {
  /** The component key, e.g. `ChatSendEnvelope`; for an inline payload, a name derived from its message. */
  readonly name: string;
  readonly schema: JsonSchema;
  /** `true` for a schema the spec declares under `components.schemas`. */
  readonly component: boolean;
  readonly path: SpecPath;
}

export interface ExampleModel {
  readonly name: string | null;
  readonly summary: string | null;
  readonly payload: JsonValue;
}

/** Who sends a message, from the server's side (see `Model.role`). */
export interface MessageDirections {
  /** Received by the server: a client -> server message (an operation whose `action` is `receive`). */
  readonly fromClient: boolean;
  /** Sent by the server: a server -> client message (an operation whose `action` is `send`, or a reply). */
  readonly fromServer: boolean;
}

export interface MessageModel {
  /** The message's key in `components.messages` (or in its channel), e.g. `chatSend`. */
  readonly key: string;
  /** The message's `name`, or its key when it has none. */
  readonly name: string;
  /**
   * The wire discriminator: the `const` of the payload's `type` property, e.g. `chat.send`.
   * `null` when the payload has none; such a message cannot be routed by `type`.
   */
  readonly type: string | null;
  readonly title: string | null;
  readonly summary: string | null;
  readonly description: string | null;
  /** The payload schema: `{ $ref }` to a component, or an inline schema. */
  readonly payload: JsonSchema;
  /** Name of the schema (in `Model.schemas`) that describes the payload. */
  readonly payloadSchema: string;
  readonly examples: readonly ExampleModel[];
  /** The runtime expression of `correlationId.location`, e.g. `$message.payload#/id`. */
  readonly correlationId: string | null;
  readonly directions: MessageDirections;
  /** `x-*` extensions of the message object, e.g. `x-switchboard-delivery`. */
  readonly extensions: Readonly<Record<string, JsonValue>>;
  readonly path: SpecPath;
}

export interface OperationModel {
  readonly key: string;
  /**
   * What the server does with the operation's messages: `receive` for those a client sends it,
   * `send` for those it sends. The document's own `action` when it describes the server; the
   * other one when it describes a client (see `Model.role`).
   */
  readonly action: 'send' | 'receive';
  /** The `action` as the document writes it, from the point of view of the application it describes. */
  readonly declaredAction: 'send' | 'receive';
  /** Channel key. */
  readonly channel: string;
  /** Message keys. */
  readonly messages: readonly string[];
  /** Message keys of the reply, or `null` when the operation has no reply. */
  readonly reply: readonly string[] | null;
  readonly summary: string | null;
  readonly description: string | null;
  readonly extensions: Readonly<Record<string, JsonValue>>;
  readonly path: SpecPath;
}

export interface ChannelModel {
  readonly key: string;
  readonly address: string | null;
  readonly description: string | null;
  /** Message keys available on the channel. */
  readonly messages: readonly string[];
  readonly parameters: readonly ParameterModel[];
  /** Keys of the servers the channel is available on (every server when it names none). */
  readonly servers: readonly string[];
  readonly path: SpecPath;
}

/** AsyncAPI 3.0.0 "Parameter Object": a parameter of a channel's address. */
export interface ParameterModel {
  readonly name: string;
  /** The values the parameter may take (`enum`), or `null` for any string. */
  readonly enum: readonly string[] | null;
  readonly description: string | null;
}

export interface ServerModel {
  readonly key: string;
  readonly host: string;
  readonly protocol: string;
  readonly pathname: string | null;
  readonly description: string | null;
  readonly security: readonly string[];
}

export interface SecuritySchemeModel {
  readonly key: string;
  readonly type: string;
  readonly description: string | null;
  /** For `httpApiKey`: where the key travels and under which name. */
  readonly in: string | null;
  readonly name: string | null;
  readonly scheme: string | null;
  readonly bearerFormat: string | null;
}

/**
 * Which side of the conversation the document describes. AsyncAPI 3 writes each operation's
 * `action` from the point of view of the application the document describes: a document of a
 * client (a frontend, an SDK) says `send` for what the server receives.
 */
export interface RoleModel {
  readonly side: 'server' | 'client';
  /** Why that side was assumed, in words, e.g. `its title, "Website WebSocket Client", names a client`. */
  readonly reason: string;
  /** How it was decided: an option of the generator, the document's `x-switchboard-role`, its title, or the default. */
  readonly source: 'option' | 'extension' | 'title' | 'default';
  /** Where in the document the decision comes from (`[]` for the option and the default). */
  readonly path: SpecPath;
}

export interface Model {
  /** The spec file the model was loaded from, relative to the working directory. */
  readonly source: string;
  readonly asyncapi: string;
  readonly info: {
    readonly title: string;
    readonly version: string;
    readonly description: string | null;
  };
  /** The side the document describes; every operation's `action` is the server's. */
  readonly role: RoleModel;
  readonly servers: readonly ServerModel[];
  readonly channels: readonly ChannelModel[];
  /** In document order: component schemas first, then named inline payloads. */
  readonly schemas: readonly SchemaModel[];
  readonly messages: readonly MessageModel[];
  readonly operations: readonly OperationModel[];
  readonly securitySchemes: readonly SecuritySchemeModel[];
}
