import { beforeAll, describe, expect, it } from 'vitest';
import { generateFiles, load, readmeEmitter, type GeneratedFile } from '../src/index.js';
import { anySpec, declaration, fixture, generateFixture, parse, specFile } from './helpers.js';

let files: readonly GeneratedFile[];
beforeAll(async () => {
  ({ files } = await generateFixture('chat.yaml'));
});

describe('emitters: the chat fixture', () => {
  it('writes these files, each headed do-not-edit', () => {
    expect(files.map((f) => f.path)).toEqual([
      'README.md', 'docs/reference.md',
      'schemas/index.json', 'schemas/notice.json', 'schemas/nudge.json', 'schemas/raw.json', 'schemas/said.json', 'schemas/say.json',
      'src/arbitraries.ts', 'src/index.ts', 'src/messages.ts', 'src/operations.ts', 'src/types.ts', 'src/validators.ts', 'src/validators/compiled.ts',
    ]);
    const header = (path: string) =>
      path.endsWith('.md') ? '<!-- generated from chat.yaml by @switchboard/codegen - do not edit -->'
        : path.endsWith('.json') ? '{'
          : '// generated from chat.yaml by @switchboard/codegen - do not edit';
    for (const f of files) expect([f.path, f.content.split('\n')[0]]).toEqual([f.path, header(f.path)]);
    for (const f of files.filter((x) => x.path.endsWith('.json'))) {
      expect([f.path, (JSON.parse(f.content) as { $comment?: string }).$comment]).toEqual([f.path, 'generated from chat.yaml by @switchboard/codegen - do not edit']);
    }
  });

  it.each(['README.md', 'src/arbitraries.ts', 'src/index.ts', 'src/messages.ts', 'src/operations.ts', 'src/types.ts', 'src/validators.ts', 'src/validators/compiled.ts'])(
    '%s matches its snapshot',
    async (path) => {
      const file = files.find((f) => f.path === path);
      await expect(file?.content).toMatchFileSnapshot(`__snapshots__/chat/${path.replace(/\//g, '__')}.snap`);
    },
  );
});

describe('types emitter: given a schema, want this declaration', () => {
  it.each([
    ['Level', `/**
 * How loud a notice is.
 */
export type Level = 'info' | 'warning' | 'error';

/** Members of {@link Level}, by name. */
export const Level = {
  /** Just so you know. */
  INFO: 'info',
  /** Something may go wrong. */
  WARNING: 'warning',
  /** Something went wrong. */
  ERROR: 'error',
} as const;`],
    ['Close', `export type Close = 1000 | 4001;

/** Members of {@link Close}, by name. */
export const Close = {
  NORMAL: 1000,
  TOKEN_EXPIRED: 4001,
} as const;`],
    ['Empty', `/**
 * No fields.
 */
export type Empty = Record<string, never>;`],
    ['SayData', `export interface SayData {
  room: string;
  /**
   * What is said.
   */
  text: string;
  tags?: string[];
}`],
    ['NudgePayload', `export interface NudgePayload {
  type: 'nudge';
  /**
   * No fields.
   */
  data: Empty;
}`],
  ])('%s', (name, want) => {
    expect(declaration(parse(files, 'src/types.ts'), name)).toBe(want);
  });
});

describe('messages emitter: unions, maps and replies', () => {
  it.each([
    ['ClientMessage', `/** Every message a client sends to the server (the spec's \`receive\` operations). */
export type ClientMessage = SayEnvelope | NudgePayload;`],
    ['ServerMessageMap', `/** Each {@link ServerMessage} by its \`type\`. */
export interface ServerMessageMap {
  /** The server accepted what was said. */
  'said': SaidEnvelope;
  /** Something the server wants a client to know. */
  'notice': NoticeEnvelope;
}`],
    ['CLIENT_MESSAGE_TYPES', `/** Every {@link ClientMessageType}, in spec order. */
export const CLIENT_MESSAGE_TYPES = ['say', 'nudge'] as const satisfies readonly ClientMessageType[];`],
    ['ReplyMap', `/** For each client request that has a reply, the messages that may answer it (matched by \`correlation_id\`). */
export interface ReplyMap {
  'say': SaidEnvelope | NoticeEnvelope;
}`],
    ['REPLY_TYPES', `/** For each {@link RequestType}, the \`type\`s that may answer it. */
export const REPLY_TYPES = {
  'say': ['said', 'notice'],
} as const satisfies { readonly [K in RequestType]: readonly ReplyMap[K]['type'][] };`],
  ])('%s', (name, want) => {
    expect(declaration(parse(files, 'src/messages.ts'), name)).toBe(want);
  });

  it('leaves a message without a type const out of the unions', () => {
    expect(declaration(parse(files, 'src/messages.ts'), 'ServerMessage')).toBe(
      `/** Every message the server sends to a client (the spec's \`send\` operations and replies). */
export type ServerMessage = SaidEnvelope | NoticeEnvelope;`,
    );
  });
});

describe('validators emitter', () => {
  it('dispatches on type with one case per message of the direction', () => {
    expect(declaration(parse(files, 'src/validators.ts'), 'validateClientMessage')).toBe(
      `/** Validates anything parsed from the wire as a {@link ClientMessage}: routes on \`type\`, then checks the whole message against its schema. */
export function validateClientMessage(input: unknown): ValidationResult<ClientMessage> {
  const type = messageTypeOf(input);
  switch (type) {
    case 'say': return validateSay(input);
    case 'nudge': return validateNudge(input);
    default: return unroutable(input, type);
  }
}`,
    );
  });

  it('compiles ajv at generate time: the module has no require and no run-time compile', () => {
    const compiled = files.find((f) => f.path === 'src/validators/compiled.ts')?.content ?? '';
    expect(compiled).not.toMatch(/\brequire\(/);
    expect(compiled).not.toMatch(/from 'ajv'|new Ajv/);
    expect(compiled).toMatch(/^export const say: CompiledValidator = validate\d+;$/m);
  });
});

describe('readme emitter', () => {
  it.each([
    ['the title', '# Chat fixture 1.0.0: the generated package'],
    ['the import of the package, by its name', "import { validateClientMessage, type ClientMessage } from './generated';"],
    ['the first client message in the example', "    case 'say': // message is SayEnvelope here"],
    ['a row of the messages table', '| `said` | server -> client | `SaidEnvelope` | `validateSaid` |'],
  ])('has %s', (_what, line) => {
    const readme = files.find((f) => f.path === 'README.md')?.content ?? '';
    expect(readme.split('\n')).toContain(line);
  });

  it('imports the package by the name given', async () => {
    const { model } = await load(fixture('chat.yaml'));
    const { files: named } = await generateFiles(model, fixture('chat.yaml'), { emitters: [readmeEmitter], packageName: '@acme/chat' });
    expect(named[0]?.content.split('\n')).toContain("import { validateClientMessage, type ClientMessage } from '@acme/chat';");
  });
});

describe('diagnostics from emitters', () => {
  it('a property whose schema says nothing is `unknown`, with a validator and an arbitrary, and no error', async () => {
    const file = await specFile('any.yaml', anySpec());
    const { model } = await load(file);
    const { files, diagnostics } = await generateFiles(model, file);
    const about = new Set(['switchboard/unknown-type', 'switchboard/unsupported-arbitrary', 'switchboard/validator-compile']);
    expect(diagnostics.filter((d) => d.severity === 'error' || about.has(d.rule))).toEqual([]);
    const types = files.find((f) => f.path === 'src/types.ts')?.content ?? '';
    expect(types).toContain('  blob?: unknown;');
    expect(types.split('\n').slice(1).join('\n')).not.toMatch(/\bany\b/); // the header names any.yaml
    expect(files.find((f) => f.path === 'src/arbitraries.ts')?.content).toContain('blob: fc.jsonValue()');
  });

  it('is deterministic: two runs give the same bytes', async () => {
    const again = await generateFixture('chat.yaml');
    expect(again.files).toEqual(files);
  });
});
