/**
 * What the docs derive from the model before writing anything: which messages answer which
 * (AsyncAPI 3.0.0 "Operation Reply Object"), which operations use a message ("Operation
 * Object"), which schemas get a section of their own ("Components Object" `schemas`), where each
 * schema is used, and one anchor per section, message, schema and security scheme.
 */
import type { JsonSchema, JsonValue, MessageModel, Model, OperationModel, SchemaModel } from '../../model.js';
import { isRecord, refName } from '../../load/schemas.js';
import { closureOf, mapSchema } from '../../lib/json-schema.js';
import { githubSlug, headings } from '../../lib/markdown.js';

/** The top-level sections of reference.md, in order, with their fixed anchors and headings. */
export const SECTIONS = [
  { id: 'overview', title: 'Overview' },
  { id: 'servers', title: 'Servers' },
  { id: 'channels', title: 'Channels' },
  { id: 'security', title: 'Security' },
  { id: 'message-envelope', title: 'Message envelope' },
  { id: 'messages', title: 'Messages' },
  { id: 'client-to-server', title: 'Client -> server messages' },
  { id: 'server-to-client', title: 'Server -> client messages' },
  { id: 'other-messages', title: 'Messages no operation uses' },
  { id: 'error-codes', title: 'Error codes' },
  { id: 'close-codes', title: 'Close codes' },
  { id: 'schemas', title: 'Schemas' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

/** The enum schemas that get a top-level section of their own when the spec has them. */
export const ERROR_CODE_SCHEMA = 'ErrorCode';
export const CLOSE_CODE_SCHEMA = 'CloseCode';

export interface Catalog {
  readonly model: Model;
  readonly schemas: ReadonlyMap<string, SchemaModel>;
  readonly messages: ReadonlyMap<string, MessageModel>;
  /**
   * Schemas shown inside a message's fields table rather than in a section of their own: the
   * payloads (envelopes) and the object schemas only one payload property uses (their `data`).
   */
  readonly inlined: ReadonlySet<string>;
  /** For each request message key, the messages that may answer it, in spec order. */
  readonly replies: ReadonlyMap<string, readonly MessageModel[]>;
  /** For each reply message key, the requests it answers, in spec order. */
  readonly answers: ReadonlyMap<string, readonly MessageModel[]>;
  /** For each message key, the operations that list it in `messages`. */
  readonly operations: ReadonlyMap<string, readonly OperationModel[]>;
  /** For each schema, the messages whose payload needs it. */
  readonly usedBy: ReadonlyMap<string, readonly MessageModel[]>;
  readonly anchors: {
    /** Each section's anchor: its fixed id, unless a heading in the spec's own Markdown already has it. */
    readonly section: ReadonlyMap<SectionId, string>;
    readonly message: ReadonlyMap<string, string>;
    readonly schema: ReadonlyMap<string, string>;
    readonly security: ReadonlyMap<string, string>;
  };
}

/** Lower-case letters and digits, anything else as one `-`: `chat.send` -> `chat-send`, `RoomMember` -> `roommember`. */
export function slug(input: string): string {
  return input.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

/**
 * Hands out unique anchors. The slugs a renderer derives from headings inside the spec's own
 * Markdown are reserved first, so an explicit anchor never names two places.
 */
export class AnchorRegistry {
  readonly #taken = new Set<string>();

  reserve(id: string): void {
    this.#taken.add(id);
  }

  /** `preferred`, or `preferred-2`, `-3`... when it is taken. */
  claim(preferred: string): string {
    let id = preferred;
    for (let n = 2; this.#taken.has(id); n++) id = `${preferred}-${n}`;
    this.#taken.add(id);
    return id;
  }
}

export function buildCatalog(model: Model): Catalog {
  const schemas = new Map(model.schemas.map((s) => [s.name, s]));
  const messages = new Map(model.messages.map((m) => [m.key, m]));

  const replies = new Map<string, MessageModel[]>();
  const answers = new Map<string, MessageModel[]>();
  const operations = new Map<string, OperationModel[]>();
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key) ?? [];
    if (!list.includes(value)) list.push(value);
    map.set(key, list);
  };
  for (const op of model.operations) {
    for (const key of op.messages) add(operations, key, op);
    for (const requestKey of op.reply === null ? [] : op.messages) {
      const request = messages.get(requestKey);
      for (const replyKey of op.reply ?? []) {
        const reply = messages.get(replyKey);
        if (!request || !reply) continue;
        add(replies, requestKey, reply);
        add(answers, replyKey, request);
      }
    }
  }
  const inSpecOrder = (map: Map<string, MessageModel[]>) => {
    const order = model.messages;
    for (const [k, list] of map) map.set(k, order.filter((m) => list.includes(m)));
  };
  inSpecOrder(replies);
  inSpecOrder(answers);

  const usedBy = new Map<string, MessageModel[]>();
  for (const m of model.messages) {
    for (const name of closureOf(m.payload, schemas)) add(usedBy, name, m);
  }

  const inlined = inlinedSchemas(model, schemas);

  const registry = new AnchorRegistry();
  for (const id of reservedSlugs(model)) registry.reserve(id);
  const section = new Map(SECTIONS.map((s) => [s.id, registry.claim(s.id)] as const));
  const message = new Map<string, string>();
  for (const m of model.messages) message.set(m.key, registry.claim(`message-${slug(m.type ?? m.key)}`));
  const schema = new Map<string, string>();
  for (const s of model.schemas) if (!inlined.has(s.name)) schema.set(s.name, registry.claim(`schema-${slug(s.name)}`));
  const security = new Map(model.securitySchemes.map((s) => [s.key, registry.claim(`security-${slug(s.key)}`)]));

  return { model, schemas, messages, inlined, replies, answers, operations, usedBy, anchors: { section, message, schema, security } };
}

/** An object schema: `type: object` or `properties`. */
export function isObjectSchema(schema: JsonSchema | null | undefined): boolean {
  return !!schema && (schema['type'] === 'object' || isRecord(schema['properties']));
}

/**
 * The payload schemas, and each object schema that exactly one `$ref` in the whole spec uses,
 * from a property of a payload: the body a message owns (`ChatSendData` under `data`).
 */
function inlinedSchemas(model: Model, schemas: ReadonlyMap<string, SchemaModel>): Set<string> {
  const payloads = new Set(model.messages.map((m) => m.payloadSchema));
  const uses = new Map<string, number>();
  for (const s of model.schemas) {
    mapSchema(s.schema, (node) => {
      const name = refName(node);
      if (name !== null) uses.set(name, (uses.get(name) ?? 0) + 1);
      return node;
    });
  }
  const out = new Set(payloads);
  for (const name of payloads) {
    const props = schemas.get(name)?.schema['properties'];
    if (!isRecord(props)) continue;
    for (const sub of Object.values(props)) {
      const ref = isRecord(sub) ? refName(sub as JsonSchema) : null;
      if (ref === null || payloads.has(ref) || uses.get(ref) !== 1) continue;
      if (isObjectSchema(schemas.get(ref)?.schema)) out.add(ref);
    }
  }
  return out;
}

/** The slugs GitHub gives the headings inside the spec's descriptions (repeats get `-1`, `-2`...). */
function reservedSlugs(model: Model): string[] {
  const texts: (string | null)[] = [
    model.info.description,
    ...model.servers.map((s) => s.description),
    ...model.channels.map((c) => c.description),
    ...model.securitySchemes.map((s) => s.description),
    ...model.messages.map((m) => m.description),
    ...model.operations.map((o) => o.description),
    ...model.schemas.map((s) => descriptionOf(s.schema)),
  ];
  const counts = new Map<string, number>();
  const out: string[] = [];
  for (const t of texts) {
    for (const h of t === null ? [] : headings(t)) {
      const base = githubSlug(h.text);
      const n = counts.get(base) ?? 0;
      counts.set(base, n + 1);
      out.push(n === 0 ? base : `${base}-${n}`);
    }
  }
  return out;
}

export function descriptionOf(schema: JsonValue | undefined): string | null {
  const d = isRecord(schema) ? schema['description'] : undefined;
  return typeof d === 'string' ? d : null;
}
