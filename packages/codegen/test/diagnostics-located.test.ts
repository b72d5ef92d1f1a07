/**
 * Every finding of ours, rule by rule, carries the file, line and column of what it is about,
 * never 0:0: each rule is raised by a document (a fixture, a corpus document or a small spec
 * written here) and its findings are checked against that document's text. The rules are read
 * from the sources, so a new rule without a case here fails the last test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline, SpecError, type Diagnostic } from '../src/index.js';
import { TEST_DIR, fixture, specFile } from './helpers.js';

const SRC = path.join(TEST_DIR, '../src');
const corpus = (doc: string): string => path.join(TEST_DIR, 'corpus', doc);

/** A document of one channel whose messages are given as YAML (indented under their key). */
function spec(messages: Record<string, string>): string {
  const keys = Object.keys(messages);
  const indent = (text: string, by: string): string => text.split('\n').map((l) => by + l).join('\n');
  return [
    'asyncapi: 3.0.0',
    'info:',
    '  title: Findings',
    '  version: 1.0.0',
    'channels:',
    '  ws:',
    '    address: /ws',
    '    messages:',
    ...keys.map((k) => `      ${k}:\n        $ref: '#/components/messages/${k}'`),
    'operations:',
    '  receive:',
    '    action: receive',
    '    channel:',
    "      $ref: '#/channels/ws'",
    '    messages:',
    ...keys.map((k) => `      - $ref: '#/channels/ws/messages/${k}'`),
    'components:',
    '  messages:',
    ...keys.map((k) => `    ${k}:\n${indent(messages[k] ?? '', '      ')}`),
    '  schemas:',
    '    Placeholder:',
    '      type: string',
    '',
  ].join('\n');
}

/** A WebSocket document the wire derivation warns about: a header correlation id, a channel without an address, two payloads one value can match. */
const WIRE_FINDINGS = `asyncapi: 3.0.0
info: { title: Wire findings, version: 1.0.0 }
servers:
  main: { host: example.test, protocol: ws }
channels:
  rpc:
    address: /rpc
    messages:
      call:
        correlationId: { location: '$message.header#/requestId' }
        headers: { type: object, properties: { requestId: { type: string } } }
        payload: { type: object, properties: { n: { type: integer } } }
      other:
        payload: { type: object }
  anywhere:
    address: null
    messages:
      note:
        payload: { type: string }
operations:
  call:
    action: receive
    channel: { $ref: '#/channels/rpc' }
    messages: [{ $ref: '#/channels/rpc/messages/call' }, { $ref: '#/channels/rpc/messages/other' }]
  note:
    action: send
    channel: { $ref: '#/channels/anywhere' }
    messages: [{ $ref: '#/channels/anywhere/messages/note' }]
`;

/** Where each rule is raised: a document path, or the text of a small spec. */
const CASES: Record<string, { readonly file: string } | { readonly text: string }> = {
  'unsupported-arbitrary': { text: spec({ a: "payload:\n  type: object\n  properties:\n    code:\n      type: string\n      pattern: '^(a|b)$'" }) },
  'example-mismatch': { file: fixture('open-world.yaml') },
  'unknown-format': { file: fixture('open-world.yaml') },
  'not-an-envelope': { file: fixture('arbitraries-keywords.yaml') },
  'message-without-type-const': { file: fixture('chat.yaml') },
  'unroutable-message': { file: fixture('chat.yaml') },
  'non-websocket-server': { file: fixture('kafka.yaml') },
  'one-way-protocol': { file: corpus('asyncapi-codegen/issue-135.yaml') },
  'duplicate-message-type': { file: corpus('spec/slack-rtm-asyncapi.yaml') },
  'message-not-in-operation': { file: corpus('spec/slack-rtm-asyncapi.yaml') },
  'unknown-keyword': { text: spec({ a: 'payload:\n  type: object\n  properties:\n    n:\n      type: string\n      frobnicate: true' }) },
  'schema-format': { text: spec({ a: "payload:\n  schemaFormat: application/xml\n  schema: '<a/>'" }) },
  'message-without-payload': { text: spec({ a: 'summary: nothing' }) },
  'docs-schema-file-clash': { text: spec({ Ping: 'payload:\n  type: string', ping: 'payload:\n  type: integer' }) },
  'validator-compile': { text: spec({ a: 'payload:\n  type: object\n  then:\n    required: [x]' }) },
  'docs-definition-clash': {
    text: spec({ a: "payload:\n  type: object\n  definitions:\n    Placeholder:\n      type: integer\n  properties:\n    p:\n      $ref: '#/components/schemas/Placeholder'" }),
  },
  'header-correlation': { text: WIRE_FINDINGS },
  'channel-without-address': { text: WIRE_FINDINGS },
  'ambiguous-messages': { text: WIRE_FINDINGS },
  'document-role': { file: corpus('spec/social-media/frontend/asyncapi.yaml') },
  'invalid-role': { text: 'asyncapi: 3.0.0\ninfo:\n  title: Role\n  version: 1.0.0\n  x-switchboard-role: peer\n' },
  'limit-extension': { text: spec({ a: "payload:\n  type: object\n  properties:\n    count:\n      type: integer\n      x-switchboard-limit: max_content_length" }) },
  'circular-inline-schema': { text: spec({ a: "payload:\n  type: object\n  properties:\n    child:\n      $ref: '#/components/messages/a/payload'" }) },
};

/**
 * Rules no document raises: guards against what the code around them rules out. Their findings
 * are made by the same functions as the others' (`emitterWarning`, `SourceLocator.diagnostic`).
 */
const GUARDS: Record<string, string> = {
  'unsupported-keyword': 'ajv code needing a run-time module @switchboard/runtime/validation lacks: every module ajv 8.20 requires is provided',
  'payload-name-clash': 'inlinePayloadName never returns a name already taken',
  'unknown-type': 'no known document: the corpus, the fixtures and the specs above raise none (modelina says `any` only where type-expression.ts gives the stated type, or the schema says nothing)',
};

async function findings(source: { readonly file: string } | { readonly text: string }, rule: string): Promise<Diagnostic[]> {
  const file = 'file' in source ? source.file : await specFile(`located-${rule}.yaml`, source.text);
  const all = await runPipeline(file, { reuse: false }).then(
    (run) => [...run.loadDiagnostics, ...run.result.diagnostics],
    (error: unknown) => {
      if (error instanceof SpecError) return [...error.diagnostics];
      throw error;
    },
  );
  return all.filter((d) => d.rule === `switchboard/${rule}`);
}

/** `ok` when the finding's line and column point at a key of its path (or a list item), else why not. */
function located(d: Diagnostic): string {
  if (d.line <= 0 || d.column <= 0) return `${d.file}:${d.line}:${d.column} ${d.message}`;
  const at = (readFileSync(path.resolve(d.file), 'utf8').split('\n')[d.line - 1] ?? '').slice(d.column - 1);
  const keys = d.path.filter((p): p is string => typeof p === 'string');
  if (at.startsWith('-') || keys.some((k) => at.startsWith(k) || at.startsWith(`'${k}'`) || at.startsWith(`"${k}"`))) return 'ok';
  return `${d.file}:${d.line}:${d.column}: "${at.trim()}" names no key of ${keys.join('.')}`;
}

describe('findings carry a real file:line:column', () => {
  it.each(Object.entries(CASES))('%s', async (rule, source) => {
    const found = await findings(source, rule);
    expect(found.length, rule).toBeGreaterThan(0);
    expect(found.map(located)).toEqual(found.map(() => 'ok'));
  }, 120_000);

  it('every rule in the sources has a case above, or is a guard no document reaches', () => {
    const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
    const text = sources(SRC).map((f) => readFileSync(f, 'utf8')).join('\n');
    const patterns = [
      /['`]switchboard\/([a-z]+(?:-[a-z]+)+)['`]/g,
      /\.diagnostic\('(?:error|warning|info)', '([a-z-]+)'/g,
      /emitterWarning\(model, '([a-z-]+)'/g,
      /\bwarn\('([a-z-]+)'/g,
      /\brule: '([a-z]+(?:-[a-z]+)+)'/g,
    ];
    const rules = new Set(patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[1] ?? '')));
    expect([...rules].sort()).toEqual([...Object.keys(CASES), ...Object.keys(GUARDS)].sort());
  });
});
