/**
 * One section per message (AsyncAPI 3.0.0 "Message Object"): its wire `type`, direction,
 * delivery (`x-switchboard-delivery`), the operations that use it ("Operation Object", with
 * `x-switchboard-owner`), the replies that answer it or the requests it answers ("Operation Reply
 * Object"), where its correlation id is ("Correlation ID Object"), its fields ("Schema Object")
 * and its examples ("Message Example Object").
 */
import type { MessageModel, OperationModel } from '../../model.js';
import { block, code, fence, heading, inline, link, list, text } from '../../lib/markdown.js';
import type { Catalog } from './catalog.js';
import { constraintsText, fieldRows, fieldsTable, typeText, type FieldContext } from './fields.js';
import { schemaPath } from './bundle.js';

/** `x-switchboard-delivery` when a message has none. */
export const DEFAULT_DELIVERY = 'at-least-once';

/** A message as it is named on the wire: its `type`, or its key when it has none. */
export function messageLabel(m: MessageModel): string {
  return code(m.type ?? m.key);
}

export function messageLink(m: MessageModel, cat: Catalog): string {
  return link(messageLabel(m), cat.anchors.message.get(m.key) ?? '');
}

export function directionText(m: MessageModel): string {
  const { fromClient, fromServer } = m.directions;
  if (fromClient && fromServer) return 'client -> server and server -> client';
  if (fromClient) return 'client -> server';
  if (fromServer) return 'server -> client';
  return 'none (no operation sends or receives it)';
}

/**
 * The `Replies` line of a request: the messages that may answer it, or `none` for a client
 * message that gets no reply. `null` when there is nothing to say (an unsolicited server message).
 */
export function repliesLine(m: MessageModel, cat: Catalog): string | null {
  const replies = cat.replies.get(m.key) ?? [];
  if (replies.length === 0 && !m.directions.fromClient) return null;
  return `- **Replies:** ${replies.length === 0 ? 'none' : replies.map((r) => messageLink(r, cat)).join(', ')}`;
}

/** The `Answers` line of a reply: the requests it answers; `null` when it answers none. */
export function answersLine(m: MessageModel, cat: Catalog): string | null {
  const requests = cat.answers.get(m.key) ?? [];
  return requests.length === 0 ? null : `- **Answers:** ${requests.map((r) => messageLink(r, cat)).join(', ')}`;
}

/**
 * Where the correlation id is, in words: `$message.payload#/correlation_id` is the payload's
 * `correlation_id` (AsyncAPI runtime expression, JSON pointer after `#`).
 */
export function correlationText(location: string): string {
  const match = /^\$message\.(payload|header)#(.*)$/.exec(location);
  if (!match) return code(location);
  const pointer = match[2] ?? '';
  const where = match[1] === 'header' ? 'headers' : 'payload';
  if (pointer === '' || pointer === '/') return `the whole ${where} (${code(location)})`;
  const path = pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
  return `${code(path)} in the ${where} (${code(location)})`;
}

/** A label before a description: on the same line when the description is one paragraph. */
function labelled(label: string, description: string): string {
  return /\n\s*\n/.test(description.trim()) ? `${label}\n\n${block(description, 3)}` : `${label} ${inline(description)}`;
}

function operationItem(op: OperationModel): string {
  const owner = op.extensions['x-switchboard-owner'];
  // The document's own word, and, for a client's document, what the server does with it.
  const action = op.declaredAction === op.action ? op.action : `${op.declaredAction} by the client, so the server ${op.action}s it`;
  const how = [action, ...(typeof owner === 'string' ? [`owner ${code(owner)}`] : [])].join(', ');
  return `${code(op.key)} (${how})${op.summary ? `: ${text(op.summary)}` : ''}`;
}

export function messageSection(m: MessageModel, cat: Catalog, fields: FieldContext): string {
  const parts: string[] = [heading(3, messageLabel(m), [cat.anchors.message.get(m.key) ?? ''])];
  const lead = [m.title ? `**${text(m.title)}**` : null, m.summary ? text(m.summary) : null].filter((p) => p !== null);
  if (lead.length > 0) parts.push(lead.join(': '));
  if (m.description) parts.push(block(m.description, 3));

  const delivery = m.extensions['x-switchboard-delivery'];
  const ops = cat.operations.get(m.key) ?? [];
  const facts = [
    `- **Type:** ${m.type === null ? 'none: the payload has no `type` constant, so this message cannot be routed by type' : code(m.type)}`,
    `- **Direction:** ${directionText(m)}`,
    `- **Delivery:** ${typeof delivery === 'string' ? text(delivery) : DEFAULT_DELIVERY}`,
  ];
  if (ops.length === 1) facts.push(`- **Operation:** ${operationItem(ops[0] as OperationModel)}`);
  else if (ops.length > 1) facts.push(`- **Operations:**\n${ops.map((op) => `  - ${operationItem(op)}`).join('\n')}`);
  for (const line of [repliesLine(m, cat), answersLine(m, cat)]) if (line !== null) facts.push(line);
  if (m.correlationId) facts.push(`- **Correlation id:** ${correlationText(m.correlationId)}`);
  facts.push(`- **JSON Schema:** [${code(schemaPath(m))}](../${schemaPath(m)})`);
  parts.push(facts.join('\n'));
  for (const op of ops) if (op.description) parts.push(labelled(`**${code(op.key)}:**`, op.description));

  parts.push(heading(4, 'Fields'));
  const rows = fieldRows(m.payload, fields);
  if (rows.length > 0) parts.push(fieldsTable(rows));
  else {
    const c = constraintsText(m.payload, fields);
    parts.push(`The payload is ${typeText(m.payload, fields)}${c === '' ? '' : ` (${c})`}.`);
  }

  if (m.examples.length > 0) {
    parts.push(heading(4, 'Examples'));
    m.examples.forEach((e, i) => {
      const name = `**${e.name ? text(e.name) : `Example ${i + 1}`}**`;
      parts.push(e.summary ? `${name}: ${text(e.summary)}` : name);
      parts.push(fence('json', JSON.stringify(e.payload, null, 2)));
    });
  }
  return parts.join('\n\n');
}

/** The table-of-contents entry of a message: its link and summary (or title). */
export function messageTocItem(m: MessageModel, cat: Catalog): string {
  const about = m.summary ?? m.title;
  return `${messageLink(m, cat)}${about ? `: ${text(about)}` : ''}`;
}

export function messageToc(messages: readonly MessageModel[], cat: Catalog): string {
  return list(messages.map((m) => messageTocItem(m, cat)));
}
