/**
 * `docs/reference.md` (AsyncAPI 3.0.0 "AsyncAPI Object"): the title, version and description
 * ("Info Object"), then how to connect and authenticate, the envelope, the messages by direction,
 * the error and close codes, and the shared schemas. Each part comes from its own module; this
 * one orders them and writes the contents.
 */
import type { MessageModel } from '../../model.js';
import { block, heading, link, list, text } from '../../lib/markdown.js';
import { SECTIONS, type Catalog, type SectionId } from './catalog.js';
import { channelsSection, securitySection, serversSection } from './connection.js';
import { envelopeSection } from './envelope.js';
import type { FieldContext } from './fields.js';
import { messageSection, messageToc } from './message-section.js';
import { codesSection, promotedSchemas, schemaSection } from './schema-section.js';

export function markdownHeader(source: string): string {
  return `<!-- generated from ${source} by @switchboard/codegen - do not edit -->`;
}

export function referenceMarkdown(cat: Catalog, source: string): string {
  const { model } = cat;
  const fields: FieldContext = { schemas: cat.schemas, inlined: cat.inlined, schemaAnchors: cat.anchors.schema };
  const anchor = (id: SectionId): string => cat.anchors.section.get(id) ?? id;
  const client = model.messages.filter((m) => m.directions.fromClient);
  const server = model.messages.filter((m) => m.directions.fromServer);
  const unused = model.messages.filter((m) => !m.directions.fromClient && !m.directions.fromServer);
  // A message that goes both ways is written once, with the client's messages.
  const serverOnly = server.filter((m) => !m.directions.fromClient);
  const promoted = promotedSchemas(cat);
  const promotedNames = new Set([...promoted.values()].map((s) => s.name));
  const schemas = model.schemas.filter((s) => cat.anchors.schema.has(s.name) && !promotedNames.has(s.name));

  const bodies = new Map<SectionId, string>();
  if (model.info.description) bodies.set('overview', block(model.info.description, 2));
  if (model.servers.length > 0) bodies.set('servers', serversSection(cat, anchor('security')));
  if (model.channels.length > 0) bodies.set('channels', channelsSection(cat));
  if (model.securitySchemes.length > 0) bodies.set('security', securitySection(cat));
  const envelope = envelopeSection(cat, fields, anchor('messages'));
  if (envelope !== null) bodies.set('message-envelope', envelope);
  if (model.messages.length > 0) {
    const groups: [string, readonly MessageModel[]][] = [
      ['Client -> server', client], ['Server -> client', server], ['Used by no operation', unused],
    ];
    bodies.set('messages', groups
      .filter(([, list]) => list.length > 0)
      .map(([label, list]) => `**${label}** (${list.length})\n\n${messageToc(list, cat)}`)
      .join('\n\n'));
  }
  const group = (list: readonly MessageModel[]) => list.map((m) => messageSection(m, cat, fields)).join('\n\n');
  if (client.length > 0) bodies.set('client-to-server', group(client));
  if (serverOnly.length > 0) bodies.set('server-to-client', group(serverOnly));
  if (unused.length > 0) bodies.set('other-messages', group(unused));
  if (schemas.length > 0) bodies.set('schemas', schemas.map((s) => schemaSection(s, cat, fields)).join('\n\n'));

  const present = SECTIONS.filter((s) => bodies.has(s.id) || promoted.has(s.id));
  const parts = [
    markdownHeader(source),
    `# ${text(model.info.title)}`,
    `Version ${text(model.info.version)} (AsyncAPI ${text(model.asyncapi)}). Generated from the spec: the JSON Schema ` +
      'of every message is in [`../schemas/`](../schemas/index.json).',
    heading(2, 'Contents'),
    list(present.map((s) => link(s.title, anchor(s.id)))),
  ];
  for (const s of present) {
    const codes = promoted.get(s.id);
    if (codes) parts.push(codesSection(s.id, s.title, codes, cat, fields));
    else parts.push(heading(2, s.title, [anchor(s.id)]), bodies.get(s.id) ?? '');
  }
  return `${parts.join('\n\n')}\n`;
}
