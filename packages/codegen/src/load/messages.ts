/**
 * Messages and their payloads as the parser hands them over (AsyncAPI 3.x "Message Object",
 * "Multi Format Schema Object"): which objects are distinct messages and under which key, which
 * component schema a payload is, and what a payload without one is named.
 */
import type { MessageInterface, AsyncAPIDocumentInterface } from '@asyncapi/parser';
import type { SourceLocator, Diagnostic } from '../diagnostics.js';
import type { SpecPath } from '../model.js';
import { readsAsJsonSchema } from './formats.js';
import { isRecord } from './schemas.js';
import { pascalCase, typeName } from '../lib/names.js';

export interface FoundMessage {
  /** The model's key: the component key, else the key in its channel, qualified by the channel when taken. */
  readonly key: string;
  readonly message: MessageInterface;
  readonly path: SpecPath;
}

/**
 * Every distinct message object, by its JSON object: the parser gives one object per message,
 * however many channels and operations `$ref` it, while its `id()` and unique id are the key
 * under which it was met (two messages `posted` in two channels would be one).
 */
export function messageObjectsOf(doc: AsyncAPIDocumentInterface): Map<object, FoundMessage> {
  const found = new Map<object, FoundMessage>();
  const taken = new Set<string>();
  const add = (m: MessageInterface, key: string, path: SpecPath, channel: string | null): void => {
    if (found.has(m.json())) return;
    let unique = key;
    // Two different messages under one key (in two channels) would share every derived name.
    for (let n = 2; taken.has(unique); n++) unique = channel === null ? `${key}${n}` : n === 2 ? `${channel}.${key}` : `${channel}.${key}${n - 1}`;
    taken.add(unique);
    found.set(m.json(), { key: unique, message: m, path });
  };
  for (const m of doc.components().messages().all()) add(m, m.id(), ['components', 'messages', m.id()], null);
  for (const c of doc.channels().all()) {
    for (const m of c.messages().all()) add(m, m.id(), ['channels', c.id(), 'messages', m.id()], c.id());
  }
  // Messages only an operation names (the parser lists them too): by their own id.
  for (const m of doc.allMessages().all()) add(m, m.id(), ['components', 'messages', m.id()], null);
  return found;
}

/** `<Key>Payload`, or, when a schema's type already has that name, `<Key>MessagePayload` (then numbered). */
export function inlinePayloadName(key: string, schemaNames: ReadonlySet<string>, inlineNames: ReadonlyMap<string, string>): string {
  const typeNames = new Set([...schemaNames, ...inlineNames.keys()].map((n) => typeName(n)));
  const base = `${pascalCase(key)}Payload`;
  if (!typeNames.has(base)) return base;
  let name = `${pascalCase(key)}MessagePayload`;
  for (let n = 2; typeNames.has(name); n++) name = `${pascalCase(key)}MessagePayload${n}`;
  return name;
}

/**
 * The payload schema of a message as JSON. A Multi Format Schema Object (`{ schemaFormat, schema }`)
 * is unwrapped when its schema is JSON Schema (as written, or converted by a plugin); one in a
 * format no plugin converts is reported and read as a schema that allows anything.
 */
export function payloadOf(m: MessageInterface, locator: SourceLocator, diagnostics: Diagnostic[], at: SpecPath): Record<string, unknown> | undefined {
  const json = m.payload()?.json() as Record<string, unknown> | undefined;
  if (!isRecord(json) || typeof json['schemaFormat'] !== 'string' || !('schema' in json)) return json;
  const format = json['schemaFormat'];
  if (readsAsJsonSchema(format) && isRecord(json['schema'])) return json['schema'];
  diagnostics.push(locator.diagnostic('warning', 'schema-format',
    `payload schema format "${format}" is not converted to JSON Schema; the payload is typed \`unknown\``, [...at, 'payload', 'schemaFormat']));
  return {};
}

/** Component schemas by the canonical JSON of their dereferenced form, to recognise a copy. */
export function componentIndex(entries: readonly (readonly [string, unknown])[]): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const [name, json] of entries) {
    const key = canonical(json);
    if (key !== null && !index.has(key)) index.set(key, name);
  }
  return index;
}

/**
 * The component a payload is, by its parser id, or else by content: the parser copies a payload
 * when it applies message traits, and the copy loses the component's id.
 */
export function componentOf(payload: Record<string, unknown>, names: ReadonlyMap<string, string>, components: ReadonlyMap<string, string>): string | undefined {
  const id = payload['x-parser-schema-id'];
  if (typeof id === 'string' && names.has(id)) return names.get(id);
  const key = canonical(payload);
  return key === null ? undefined : components.get(key);
}

/** JSON text without parser annotations, keys sorted; `null` for a circular value. */
function canonical(value: unknown, seen: Set<object> = new Set()): string | null {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (seen.has(value)) return null;
  seen.add(value);
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (const v of value) {
      const c = canonical(v, seen);
      if (c === null) return null;
      parts.push(c);
    }
    seen.delete(value);
    return `[${parts.join(',')}]`;
  }
  for (const k of Object.keys(value).sort()) {
    if (k.startsWith('x-parser-')) continue;
    const c = canonical((value as Record<string, unknown>)[k], seen);
    if (c === null) return null;
    parts.push(`${JSON.stringify(k)}:${c}`);
  }
  seen.delete(value);
  return `{${parts.join(',')}}`;
}
