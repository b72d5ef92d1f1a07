/**
 * The message envelope, derived from the spec (AsyncAPI 3.0.0 "Message Object" `payload`): the
 * top-level properties every routable message's payload has, with what they share (type,
 * constraints, description) and where they differ (a `type` constant per message, a `data`
 * schema per message, required in one direction only).
 */
import type { JsonSchema, JsonValue, MessageModel } from '../../model.js';
import { isRecord, refName } from '../../load/schemas.js';
import { resolve } from '../../lib/json-schema.js';
import { code, link, table } from '../../lib/markdown.js';
import { FIELD_HEADER, constraintsText, descriptionText, typeText, type FieldContext } from './fields.js';
import type { Catalog } from './catalog.js';

interface Payload {
  readonly message: MessageModel;
  readonly properties: Readonly<Record<string, JsonValue>>;
  readonly required: readonly JsonValue[];
  readonly closed: boolean;
}

function payloadsOf(cat: Catalog): Payload[] {
  const out: Payload[] = [];
  for (const message of cat.model.messages) {
    if (message.type === null) continue;
    const root = resolve(message.payload, cat.schemas);
    const props = root?.['properties'];
    if (!root || !isRecord(props)) continue;
    out.push({
      message,
      properties: props as JsonSchema,
      required: Array.isArray(root['required']) ? root['required'] : [],
      closed: root['additionalProperties'] === false,
    });
  }
  return out;
}

/** One value when all agree, else what `differ` says. */
function agreed(values: readonly string[], differ: () => string): string {
  return values.every((v) => v === values[0]) ? (values[0] ?? '') : differ();
}

/** `yes`, `no`, or per direction: `server -> client: yes; client -> server: no`; else `in N of M messages`. */
export function requiredText(flags: readonly { message: MessageModel; required: boolean }[]): string {
  if (flags.every((f) => f.required)) return 'yes';
  if (flags.every((f) => !f.required)) return 'no';
  const side = (dir: 'fromClient' | 'fromServer') => {
    const own = flags.filter((f) => f.message.directions[dir]);
    return own.every((f) => f.required) ? 'yes' : own.every((f) => !f.required) ? 'no' : null;
  };
  const client = side('fromClient');
  const server = side('fromServer');
  if (client !== null && server !== null) return `client -> server: ${client}; server -> client: ${server}`;
  return `in ${flags.filter((f) => f.required).length} of ${flags.length} messages`;
}

export function envelopeSection(cat: Catalog, fields: FieldContext, messagesAnchor: string): string | null {
  const payloads = payloadsOf(cat);
  const first = payloads[0];
  if (!first) return null;
  const common = Object.keys(first.properties).filter((name) => payloads.every((p) => name in p.properties));
  if (common.length === 0) return null;

  const rows = common.map((name) => {
    const subs = payloads.map((p) => p.properties[name] ?? {});
    const resolved = subs.map((s) => resolve(s, cat.schemas));
    const allConst = resolved.every((r) => r !== null && 'const' in r);
    const refs = subs.map((s) => (isRecord(s) ? refName(s as JsonSchema) : null));
    const perMessage = refs.every((r) => r !== null) && new Set(refs).size > 1;
    const texts = subs.map((s) => typeText(s, fields));
    const type = texts.every((t) => t === texts[0])
      ? `${texts[0] ?? 'any'}${perMessage ? ', per message' : ''}`
      : `${agreed(resolved.map((r) => (r ? typeText(r, fields) : 'any')), () => 'varies')}, per message`;
    const constraints = allConst
      ? agreed(subs.map((s) => constraintsText(s, fields)), () => `one constant per message, see ${link('Messages', messagesAnchor)}`)
      : agreed(subs.map((s) => constraintsText(s, fields)), () => 'per message');
    const description = agreed(subs.map((s) => descriptionText(s, fields)), () => 'Differs per message: see each message.');
    const required = requiredText(payloads.map((p) => ({ message: p.message, required: p.required.includes(name) })));
    return [code(name), type, required, constraints, description];
  });

  const parts = [
    payloads.length === cat.model.messages.length
      ? `The top-level properties all ${payloads.length} messages have:`
      : `The top-level properties the ${payloads.length} messages with a ${code('type')} constant have in common:`,
    table(FIELD_HEADER, rows),
  ];
  const others = [...new Set(payloads.flatMap((p) => Object.keys(p.properties)))].filter((n) => !common.includes(n));
  if (others.length > 0) {
    parts.push(`Other top-level properties, in some messages only: ${others.map((n) => {
      const count = payloads.filter((p) => n in p.properties).length;
      return `${code(n)} (${count} of ${payloads.length})`;
    }).join(', ')}.`);
  }
  if (common.includes('type')) {
    parts.push(`Messages are told apart by ${code('type')}: each message's is a constant, listed under ${link('Messages', messagesAnchor)}.`);
  }
  if (payloads.every((p) => p.closed)) {
    parts.push('Every message is a closed object (`additionalProperties: false`): a top-level property not listed for it is not allowed.');
  }
  return parts.join('\n\n');
}
