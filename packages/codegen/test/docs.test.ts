/**
 * The docs emitter: fields and relations in words (given/want), the chat fixture's reference.md
 * and bundled schemas as file snapshots, and the real spec checked as a reader would: every
 * message and example is there, every internal link lands on a heading, every bundled schema
 * compiles and accepts its message's examples, and the output is the same bytes every run.
 */
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { load, type GeneratedFile, type JsonSchema, type JsonValue, type Model, type SchemaModel } from '../src/index.js';
import { docsEmitter } from '../src/emit/docs.js';
import { buildCatalog, slug } from '../src/emit/docs/catalog.js';
import { fieldRowMarkdown, fieldRows, firstSentence, type FieldContext } from '../src/emit/docs/fields.js';
import { answersLine, correlationText, repliesLine } from '../src/emit/docs/message-section.js';
import { credentialsText } from '../src/emit/docs/connection.js';
import { block, code, githubSlug, inline, table, text } from '../src/lib/markdown.js';
import { TEST_DIR, fixture } from './helpers.js';

const addFormats = addFormatsModule.default;
const REAL_SPEC = path.resolve(TEST_DIR, '../../../asyncapi.yaml');
const HEADER_MD = (source: string) => `<!-- generated from ${source} by @switchboard/codegen - do not edit -->`;

const loaded = new Map<string, Promise<Model>>();

/** Each spec is parsed once for the whole file (the parser is the slow part); `fresh` parses it again. */
function loadModel(spec: string, fresh = false): Promise<Model> {
  if (fresh) return load(spec).then((r) => r.model);
  let model = loaded.get(spec);
  if (!model) loaded.set(spec, (model = load(spec).then((r) => r.model)));
  return model;
}

async function emitDocs(spec: string, fresh = false): Promise<{ model: Model; files: readonly GeneratedFile[] }> {
  const model = await loadModel(spec, fresh);
  const { files, diagnostics } = await docsEmitter.emit(model, { source: path.basename(spec), packageName: './generated' });
  expect(diagnostics).toEqual([]);
  return { model, files };
}

function content(files: readonly GeneratedFile[], p: string): string {
  const f = files.find((x) => x.path === p);
  if (!f) throw new Error(`no file ${p}`);
  return f.content;
}

// ---------------------------------------------------------------------------------- given/want

const schema = (name: string, s: JsonSchema): [string, SchemaModel] => [name, { name, schema: s, component: true, path: [] }];
const FIELDS: FieldContext = {
  schemas: new Map([
    schema('RoomId', { type: 'string', description: 'A room id. Chosen by the app.', minLength: 1, maxLength: 128, pattern: '^[a-z:]+$' }),
    schema('EventName', { type: 'string', description: 'An event. More words.', enum: ['a.b', 'c'] }),
    schema('RoomMember', { type: 'object', description: 'A member.', properties: { user_id: { type: 'string' } } }),
    schema('Body', { type: 'object', additionalProperties: false, required: ['n'], properties: { n: { type: 'integer', minimum: 1 } } }),
  ]),
  inlined: new Set(['Body']),
  schemaAnchors: new Map([['RoomId', 'schema-roomid'], ['EventName', 'schema-eventname'], ['RoomMember', 'schema-roommember']]),
};

function rowsOf(name: string, s: JsonValue, required: boolean): string[] {
  const parent = { type: 'object', required: required ? [name] : [], properties: { [name]: s } };
  return fieldRows(parent, FIELDS, 'data').map(fieldRowMarkdown);
}

describe('fields table: given a field, want this row (constraints in words)', () => {
  it.each<[string, string, JsonValue, boolean, string[]]>([
    ['string bounds and pattern', 'content', { type: 'string', minLength: 1, maxLength: 4000, pattern: '\\S', description: 'Text.' }, true,
      ['| `data.content` | string | yes | 1..4000 chars, pattern `\\S` | Text. |']],
    ['integer range', 'progress', { type: 'integer', minimum: 0, maximum: 100 }, false,
      ['| `data.progress` | integer | no | 0..100 |  |']],
    ['array of an enum, bounded and unique', 'events', { type: 'array', maxItems: 12, uniqueItems: true, items: { $ref: '#/components/schemas/EventName' } }, true,
      ['| `data.events` | array of string ([EventName](#schema-eventname)) | yes | max 12 items, unique |  |']],
    ['format', 'at', { type: 'string', format: 'date-time' }, false,
      ['| `data.at` | string | no | format date-time |  |']],
    ['inline enum', 'level', { type: 'string', enum: ['info', 'warning'] }, true,
      ['| `data.level` | string | yes | one of `"info"`, `"warning"` |  |']],
    ['$ref to a value schema: its constraints, its first sentence', 'room_id', { $ref: '#/components/schemas/RoomId' }, true,
      ['| `data.room_id` | string ([RoomId](#schema-roomid)) | yes | 1..128 chars, pattern `^[a-z:]+$` | A room id. |']],
    ['$ref to an enum schema', 'event', { $ref: '#/components/schemas/EventName' }, false,
      ['| `data.event` | string ([EventName](#schema-eventname)) | no | one of `"a.b"`, `"c"` | An event. |']],
    ['$ref to an object with a section: a link, nothing else', 'member', { $ref: '#/components/schemas/RoomMember' }, true,
      ['| `data.member` | [RoomMember](#schema-roommember) | yes |  | A member. |']],
    ['$ref to an inlined body: expanded in place', 'body', { $ref: '#/components/schemas/Body' }, true,
      ['| `data.body` | object | yes | no additional properties |  |', '| `data.body.n` | integer | yes | min 1 |  |']],
    ['a pipe in a pattern is escaped for the table', 'user', { type: 'string', pattern: '^[a-z|]+$' }, true,
      ['| `data.user` | string | yes | pattern `^[a-z\\|]+$` |  |']],
    ['const', 'type', { type: 'string', const: 'chat.send' }, true,
      ['| `data.type` | string | yes | always `"chat.send"` |  |']],
    ['exclusive bound', 'radius', { type: 'number', exclusiveMinimum: 0 }, true,
      ['| `data.radius` | number | yes | more than 0 |  |']],
    ['nullable type, default', 'nick', { type: ['string', 'null'], maxLength: 3, default: 'abc' }, false,
      ['| `data.nick` | string or null | no | max 3 chars, default `"abc"` |  |']],
    ['item constraints of inline items', 'tags', { type: 'array', minItems: 1, maxItems: 1, items: { type: 'string', maxLength: 3 } }, false,
      ['| `data.tags` | array of string | no | 1 item, each max 3 chars |  |']],
    ['array of inline objects: rows for the items', 'members', { type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 2 } } } }, true,
      ['| `data.members` | array of object | yes |  |  |', '| `data.members[].id` | string | yes | at least 2 chars |  |']],
    ['a key that is not an identifier', 'a.b', { type: 'boolean' }, false,
      ['| `data["a.b"]` | boolean | no |  |  |']],
    ['description: lines joined, `<` escaped outside code', 'auth', { type: 'string', description: 'A `Bearer <jwt>` header,\nor a <jwt> | alone.' }, false,
      ['| `data.auth` | string | no |  | A `Bearer <jwt>` header, or a &lt;jwt> \\| alone. |']],
  ])('%s', (_title, name, s, required, want) => {
    expect(rowsOf(name, s, required)).toEqual(want);
  });
});

describe('markdown helpers: given text, want Markdown', () => {
  it.each([
    ['code: plain', code('a.b'), '`a.b`'],
    ['code: backticks inside get a longer fence', code('a`b'), '``a`b``'],
    ['code: a leading backtick is padded', code('`x'), '`` `x ``'],
    ['code: empty', code(''), '`""`'],
    ['text: emphasis, links and HTML escaped', text('a_b *c* [d] <e> & `f`'), 'a\\_b \\*c\\* \\[d\\] &lt;e\\> &amp; \\`f\\`'],
    ['inline: one line, autolinks kept', inline('see <https://x.test>\n and <b>'), 'see <https://x.test> and &lt;b>'],
    ['block: headings nested under the parent, code fences untouched',
      block('Intro <x>.\n\n## Part\n\n```\n## not a heading <y>\n```\n\n### Sub', 2),
      'Intro &lt;x>.\n\n### Part\n\n```\n## not a heading <y>\n```\n\n#### Sub'],
    ['block: a code span wrapped over two lines stays code', block('a `b\n<c>` d', 2), 'a `b\n<c>` d'],
    ['table: pipes escaped, lines joined', table(['a', 'b'], [['x|y', 'one\ntwo']]), '| a | b |\n|---|---|\n| x\\|y | one two |'],
    ['github slug', githubSlug('Limits (defaults, all configurable)'), 'limits-defaults-all-configurable'],
    ['anchor slug', slug('user.status_changed'), 'user-status-changed'],
    ['first sentence, not inside code or brackets', firstSentence('A `v. X` (e.g. Y). Then more.'), 'A `v. X` (e.g. Y).'],
    ['correlation id in the payload', correlationText('$message.payload#/correlation_id'), '`correlation_id` in the payload (`$message.payload#/correlation_id`)'],
    ['correlation id in a header', correlationText('$message.header#/x~1id'), '`x/id` in the headers (`$message.header#/x~1id`)'],
    ['bearer credentials', credentialsText({ key: 'b', type: 'http', description: null, in: null, name: null, scheme: 'bearer', bearerFormat: 'JWT' }),
      'header `Authorization: Bearer <token>`, token format JWT'],
    ['api key in the query', credentialsText({ key: 't', type: 'httpApiKey', description: null, in: 'query', name: 'token', scheme: null, bearerFormat: null }),
      'query parameter `token`'],
  ])('%s', (_title, got, want) => {
    expect(got).toBe(want);
  });
});

describe('requests and replies: given a message, want its Replies/Answers line', () => {
  let chat: ReturnType<typeof buildCatalog>;
  let real: ReturnType<typeof buildCatalog>;
  beforeAll(async () => {
    chat = buildCatalog(await loadModel(fixture('chat.yaml')));
    real = buildCatalog(await loadModel(REAL_SPEC));
  });
  const lines = (cat: ReturnType<typeof buildCatalog>, key: string) => {
    const m = cat.messages.get(key);
    if (!m) throw new Error(`no message ${key}`);
    return [repliesLine(m, cat), answersLine(m, cat)];
  };

  it.each<[string, string, (string | null)[]]>([
    ['chat', 'say', ['- **Replies:** [`said`](#message-said), [`notice`](#message-notice)', null]],
    ['chat', 'nudge', ['- **Replies:** none', null]],
    ['chat', 'said', [null, '- **Answers:** [`say`](#message-say)']],
    ['chat', 'notice', [null, '- **Answers:** [`say`](#message-say)']],
    ['chat', 'raw', [null, null]],
    ['real', 'chatSend', ['- **Replies:** [`chat.sent`](#message-chat-sent), [`error`](#message-error)', null]],
    ['real', 'typing', ['- **Replies:** none', null]],
    ['real', 'chatSent', [null, '- **Answers:** [`chat.send`](#message-chat-send)']],
    ['real', 'pong', [null, '- **Answers:** [`ping`](#message-ping), [`heartbeat`](#message-heartbeat)']],
    ['real', 'error', [null, '- **Answers:** ' + [
      ['auth', 'auth'], ['auth.refresh', 'auth-refresh'], ['ping', 'ping'], ['heartbeat', 'heartbeat'],
      ['subscribe', 'subscribe'], ['unsubscribe', 'unsubscribe'], ['room.join', 'room-join'], ['room.leave', 'room-leave'],
      ['chat.send', 'chat-send'], ['upload.cancel', 'upload-cancel'], ['resume', 'resume'],
    ].map(([t, a]) => `[\`${t}\`](#message-${a})`).join(', ')]],
    ['real', 'chatMessage', [null, null]],
  ])('%s %s', (spec, key, want) => {
    expect(lines(spec === 'chat' ? chat : real, key)).toEqual(want);
  });
});

// ---------------------------------------------------------------------------------- whole files

/** Anchors that sit right before a heading, and every internal link target. */
function anchorsAndLinks(md: string): { anchors: string[]; links: string[]; headingSlugs: Map<string, number> } {
  const lines = md.split('\n');
  const anchors: string[] = [];
  const headingSlugs = new Map<string, number>();
  let fenced = false;
  lines.forEach((line, i) => {
    if (/^ {0,3}(`{3,}|~{3,})/.test(line)) fenced = !fenced;
    if (fenced) return;
    const ids = /^(?:<a id="[^"]+"><\/a>)+$/.test(line) ? [...line.matchAll(/<a id="([^"]+)">/g)].map((m) => m[1] ?? '') : [];
    if (ids.length > 0 && /^#{1,6} /.test(lines[i + 1] ?? '')) anchors.push(...ids);
    const h = /^#{1,6} (.*)$/.exec(line);
    if (h) headingSlugs.set(githubSlug(h[1] ?? ''), i);
  });
  const prose = md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');
  const links = [...prose.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] ?? '');
  return { anchors, links, headingSlugs };
}

/** Every `$ref` string in a JSON value. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refs(v)));
  }
  return [];
}

function keysDeep(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysDeep);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...keysDeep(v)]);
  return [];
}

describe('docs emitter: the chat fixture', () => {
  let files: readonly GeneratedFile[];
  beforeAll(async () => {
    ({ files } = await emitDocs(fixture('chat.yaml')));
  });

  it('writes reference.md, one schema per message and the index, each headed do-not-edit', () => {
    expect(files.map((f) => f.path)).toEqual([
      'docs/reference.md', 'schemas/index.json', 'schemas/notice.json', 'schemas/nudge.json', 'schemas/raw.json',
      'schemas/said.json', 'schemas/say.json',
    ]);
    expect(content(files, 'docs/reference.md').split('\n')[0]).toBe(HEADER_MD('chat.yaml'));
    for (const f of files.filter((x) => x.path.endsWith('.json'))) {
      expect(Object.entries(JSON.parse(f.content) as object)[0]).toEqual(['$comment', 'generated from chat.yaml by @switchboard/codegen - do not edit']);
      expect(f.content.endsWith('}\n')).toBe(true);
    }
  });

  it.each(['docs/reference.md', 'schemas/index.json', 'schemas/notice.json', 'schemas/nudge.json', 'schemas/raw.json', 'schemas/said.json', 'schemas/say.json'])(
    '%s matches its snapshot',
    async (p) => {
      await expect(content(files, p)).toMatchFileSnapshot(`__snapshots__/chat/${p.replace(/\//g, '__')}.snap`);
    },
  );
});

/** The checks every spec's docs must pass; the real spec and the fixtures corpus run them. */
function checkDocs(spec: string, options: { examples: boolean }): void {
  let model: Model;
  let files: readonly GeneratedFile[];
  let md: string;
  beforeAll(async () => {
    ({ model, files } = await emitDocs(spec));
    md = content(files, 'docs/reference.md');
  });

  it('every internal link lands on an anchored heading; anchors are unique and clash with no other heading', () => {
    const { anchors, links, headingSlugs } = anchorsAndLinks(md);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !anchors.includes(l))).toEqual([]);
    expect(anchors.filter((a, i) => anchors.indexOf(a) !== i)).toEqual([]);
    const lines = md.split('\n');
    const clashes = anchors.filter((a) => {
      const at = headingSlugs.get(a);
      return at !== undefined && !(lines[at - 1] ?? '').includes(`<a id="${a}">`);
    });
    expect(clashes).toEqual([]);
  });

  it('every message has a section with its type, direction and examples', () => {
    const cat = buildCatalog(model);
    for (const m of model.messages) {
      const anchor = cat.anchors.message.get(m.key) ?? '';
      const start = md.indexOf(`<a id="${anchor}"></a>\n### \`${m.type ?? m.key}\`\n`);
      expect(start, m.key).toBeGreaterThan(0);
      const rest = md.slice(start + 1);
      const end = rest.search(/\n<a id="message-|\n<a id="[^"]+"><\/a>\n## /);
      const section = end === -1 ? rest : rest.slice(0, end);
      expect(section).toContain('- **Direction:** ');
      for (const e of m.examples) {
        expect(section).toContain(`\`\`\`json\n${JSON.stringify(e.payload, null, 2)}\n\`\`\``);
        if (e.name) expect(section).toContain(`**${text(e.name)}**`);
      }
    }
  });

  it('every bundled schema is self-contained, compiles, and judges its examples', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const index = JSON.parse(content(files, 'schemas/index.json')) as { messages: { type: string | null; key: string; direction: string; schema: string }[] };
    expect(index.messages.map((e) => e.key)).toEqual(model.messages.map((m) => m.key));
    for (const m of model.messages) {
      const entry = index.messages.find((e) => e.key === m.key);
      expect(entry).toEqual({ type: m.type, key: m.key, direction: expect.any(String) as string, schema: `./${m.key}.json` });
      const bundled = JSON.parse(content(files, `schemas/${m.key}.json`)) as Record<string, unknown>;
      expect(Object.keys(bundled).slice(0, 3)).toEqual(['$comment', '$schema', '$id']);
      expect(bundled['$schema']).toBe('http://json-schema.org/draft-07/schema#');
      const definitions = Object.keys((bundled['definitions'] ?? {}) as object);
      for (const ref of refs(bundled)) {
        expect(ref, m.key).toMatch(/^#\/definitions\//);
        expect(definitions, `${m.key} ${ref}`).toContain(ref.slice('#/definitions/'.length));
      }
      expect(keysDeep(bundled).filter((k) => k === 'discriminator' || k === 'externalDocs')).toEqual([]);
      const validate = ajv.compile(bundled);
      if (!options.examples) continue;
      for (const e of m.examples) {
        expect(validate(e.payload), `${m.key} ${e.name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        if (bundled['additionalProperties'] === false && e.payload && typeof e.payload === 'object' && !Array.isArray(e.payload)) {
          expect(validate({ ...e.payload, __unexpected__: true }), `${m.key} ${e.name} with an extra property`).toBe(false);
        }
      }
    }
  });

  it('is deterministic: two runs, each from its own parse, give the same bytes', async () => {
    const again = await emitDocs(spec, true);
    expect(again.files).toEqual(files);
  });
}

describe('docs emitter: the real spec', () => {
  checkDocs(REAL_SPEC, { examples: true });

  let model: Model;
  let files: readonly GeneratedFile[];
  let md: string;
  beforeAll(async () => {
    ({ model, files } = await emitDocs(REAL_SPEC));
    md = content(files, 'docs/reference.md');
  });

  it('writes 39 message schemas and lists them by direction', () => {
    expect(model.messages).toHaveLength(39);
    expect(files.filter((f) => /^schemas\/(?!index)/.test(f.path))).toHaveLength(39);
    expect(md).toContain('**Client -> server** (13)');
    expect(md).toContain('**Server -> client** (26)');
  });

  it('has these top-level sections, in this order', () => {
    expect(md.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## Contents', '## Overview', '## Servers', '## Channels', '## Security', '## Message envelope', '## Messages',
      '## Client -> server messages', '## Server -> client messages', '## Error codes', '## Close codes', '## Schemas',
    ]);
  });

  it('documents every error code and close code, with names from x-enum-varnames', () => {
    const enumOf = (name: string) => (model.schemas.find((s) => s.name === name)?.schema['enum'] ?? []) as JsonValue[];
    const section = (id: string) => {
      const start = md.indexOf(`<a id="${id}">`);
      return md.slice(start, md.indexOf('\n## ', md.indexOf('\n## ', start) + 1));
    };
    for (const c of enumOf('ErrorCode')) expect(section('error-codes')).toContain(`\n| \`${String(c)}\` | `);
    expect(section('close-codes')).toContain('| `4001` | `TOKEN_EXPIRED` | The token expired and was not refreshed. |');
    expect(enumOf('CloseCode').every((c) => section('close-codes').includes(`\n| \`${String(c)}\` | `))).toBe(true);
  });

  it('says how to connect and authenticate', () => {
    expect(md).toContain('| `development` | `localhost:8000` | `ws` |  | ');
    expect(md).toContain('- [tokenQuery](#security-tokenquery): query parameter `token`');
    expect(md).toContain('- [bearer](#security-bearer): header `Authorization: Bearer <token>`, token format JWT');
    expect(md).toContain('- [subprotocol](#security-subprotocol): header `Sec-WebSocket-Protocol`');
  });

  it('derives the envelope from the payloads', () => {
    expect(md).toContain('| `timestamp` | string ([Timestamp](#schema-timestamp)) | client -> server: no; server -> client: yes | 20..40 chars, format date-time | ');
    expect(md).toContain('| `data` | object, per message | yes | per message | Differs per message: see each message. |');
  });

  it('gives an inlined body its whole description and its dependencies', () => {
    expect(md).toContain('| `data` | object | yes | at least 1 property, no additional properties, `room_id` requires `seq`, `seq` requires `room_id` | ' +
      'Body of `ack`: at least one field; `room_id` and `seq` go together (each requires the other). `seq` is cumulative within the room; `ids` are envelope ids of user notifications. |');
  });

  it('gives each volatile message its delivery and each client message its owner', () => {
    const section = (anchor: string) => md.slice(md.indexOf(`<a id="${anchor}">`), md.indexOf('#### Fields', md.indexOf(`<a id="${anchor}">`)));
    expect(section('message-typing')).toContain('- **Delivery:** volatile\n');
    expect(section('message-chat-send')).toContain('- **Delivery:** at-least-once\n');
    expect(section('message-chat-send')).toContain('- **Operation:** `chatSend` (receive, owner `service`): Post a chat message to a room the connection has joined.\n');
  });

  it('keeps x- extensions in the bundled schemas', () => {
    const error = JSON.parse(content(files, 'schemas/error.json')) as { definitions: Record<string, Record<string, unknown>> };
    expect(error.definitions['CloseCode']?.['x-enum-varnames']).toContain('TOKEN_EXPIRED');
    expect(Object.keys(error.definitions)).toEqual(['MessageId', 'CorrelationId', 'Timestamp', 'RoomId', 'UploadId', 'ErrorCode', 'CloseCode', 'ErrorDetails', 'ErrorData']);
  });
});

describe.each([
  'unions.yaml', 'channels-params.yaml', 'multi-file/asyncapi.yaml', 'reserved-names.yaml', 'kafka.yaml', 'mqtt.yaml', 'http-streaming.yaml',
])('docs emitter: fixture %s', (name) => {
  checkDocs(fixture(name), { examples: true });
});

describe('docs emitter: AsyncAPI-only keywords', () => {
  it('drops discriminator from the bundled schema and names it in the schema section', async () => {
    const { files } = await emitDocs(fixture('unions.yaml'));
    const draw = JSON.parse(content(files, 'schemas/draw.json')) as { definitions: Record<string, Record<string, unknown>> };
    expect(draw.definitions['Shape']).toEqual({ oneOf: [{ $ref: '#/definitions/Circle' }, { $ref: '#/definitions/Square' }] });
    expect(content(files, 'docs/reference.md')).toContain('- **Discriminator:** `kind`\n');
  });
});
