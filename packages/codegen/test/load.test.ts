import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { load, SpecError, type Model } from '../src/index.js';
import { fixture, miniSpec, specFile } from './helpers.js';

describe('load: the chat fixture becomes a plain model', () => {
  let model: Model;
  beforeAll(async () => {
    ({ model } = await load(fixture('chat.yaml')));
  });

  it.each([
    // key, type, fromClient, fromServer, payloadSchema
    ['say', 'say', true, false, 'SayEnvelope'],
    ['said', 'said', false, true, 'SaidEnvelope'],
    ['nudge', 'nudge', true, false, 'NudgePayload'],
    ['notice', 'notice', false, true, 'NoticeEnvelope'],
    ['raw', null, false, true, 'Raw'],
  ] as const)('message %s: type %j, fromClient %j, fromServer %j, payload %s', (key, type, fromClient, fromServer, payloadSchema) => {
    const m = model.messages.find((x) => x.key === key);
    expect(m).toBeDefined();
    expect({ type: m?.type, directions: m?.directions, payloadSchema: m?.payloadSchema }).toEqual({
      type,
      directions: { fromClient, fromServer },
      payloadSchema,
    });
  });

  it('keeps $refs to component schemas instead of inlining them', () => {
    const say = model.schemas.find((s) => s.name === 'SayEnvelope');
    expect(say?.schema['properties']).toEqual({
      type: { type: 'string', const: 'say' },
      id: { $ref: '#/components/schemas/Id' },
      data: { $ref: '#/components/schemas/SayData' },
    });
  });

  it('names an inline payload after its message and drops parser annotations', () => {
    const nudge = model.schemas.find((s) => s.name === 'NudgePayload');
    expect(nudge?.component).toBe(false);
    expect(JSON.stringify(nudge?.schema)).not.toContain('x-parser');
    expect(nudge?.schema['properties']).toEqual({
      type: { type: 'string', const: 'nudge' },
      data: { $ref: '#/components/schemas/Empty' },
    });
  });

  it('records replies and actions of operations', () => {
    expect(model.operations.map((o) => [o.key, o.action, o.messages, o.reply])).toEqual([
      ['say', 'receive', ['say'], ['said', 'notice']],
      ['nudge', 'receive', ['nudge'], null],
      ['sendNotice', 'send', ['notice', 'raw'], null],
    ]);
  });

  it('keeps examples and x- extensions', () => {
    const say = model.messages.find((m) => m.key === 'say');
    expect(say?.examples).toEqual([
      { name: 'hello', summary: 'Says hello.', payload: { type: 'say', id: 'm1', data: { room: 'lobby', text: 'hello' } } },
    ]);
    expect(say?.extensions).toEqual({ 'x-switchboard-delivery': 'at-least-once' });
  });

  it('names the security schemes a server accepts, even when they are $refs', async () => {
    const { model: real } = await load(path.resolve(fixture('chat.yaml'), '../../../../../asyncapi.yaml'));
    expect(real.servers.map((s) => [s.key, s.security])).toEqual([
      ['development', ['tokenQuery', 'bearer', 'subprotocol']],
      ['production', ['tokenQuery', 'bearer', 'subprotocol']],
    ]);
  });

  it('keeps enum extensions on schemas', () => {
    const close = model.schemas.find((s) => s.name === 'Close');
    expect(close?.schema).toEqual({ type: 'integer', enum: [1000, 4001], 'x-enum-varnames': ['NORMAL', 'TOKEN_EXPIRED'] });
  });
});

/** Line and column (1-based) of the last marker, searched in order after the previous ones. */
function position(text: string, markers: readonly string[]): { line: number; column: number } {
  const lines = text.split('\n');
  let line = 0;
  let column = 0;
  for (const marker of markers) {
    while (line < lines.length && !(lines[line] ?? '').includes(marker)) line++;
    column = (lines[line] ?? '').indexOf(marker) + 1;
    if (marker !== markers[markers.length - 1]) line++;
  }
  return { line: line + 1, column };
}

function at(d: { line: number; column: number }): { line: number; column: number } {
  return { line: d.line, column: d.column };
}

const SAY_SCHEMA = `
SayEnvelope:
  type: object
  additionalProperties: false
  required: [type]
  properties:
    type: { type: string, const: say }`;

describe('load: diagnostics name the file, line, column and rule', () => {
  it.each([
    {
      name: 'a message without a type const, in a document that routes none by type',
      spec: miniSpec({
        channelMessages: `raw:\n  $ref: '#/components/messages/raw'`,
        operations: `sendRaw:\n  action: send\n  channel:\n    $ref: '#/channels/ws'\n  messages:\n    - $ref: '#/channels/ws/messages/raw'`,
        messages: `raw:\n  payload:\n    $ref: '#/components/schemas/Raw'`,
        schemas: `Raw:\n  type: object\n  properties:\n    body: { type: string }`,
      }),
      want: { severity: 'info', rule: 'switchboard/message-without-type-const', at: ['components:', 'raw:', 'payload:'] },
    },
    {
      name: 'a message without a type const beside one with',
      spec: miniSpec({
        channelMessages: `raw:\n  $ref: '#/components/messages/raw'\nsay:\n  $ref: '#/components/messages/say'`,
        operations: `sendRaw:\n  action: send\n  channel:\n    $ref: '#/channels/ws'\n  messages:\n    - $ref: '#/channels/ws/messages/raw'\nsay:\n  action: receive\n  channel:\n    $ref: '#/channels/ws'\n  messages:\n    - $ref: '#/channels/ws/messages/say'`,
        messages: `raw:\n  payload:\n    $ref: '#/components/schemas/Raw'\nsay:\n  payload:\n    $ref: '#/components/schemas/SayEnvelope'`,
        schemas: `Raw:\n  type: object\n  properties:\n    body: { type: string }\n${SAY_SCHEMA}`,
      }),
      want: { severity: 'warning', rule: 'switchboard/message-without-type-const', at: ['components:', 'raw:', 'payload:'] },
    },
    {
      name: 'a message no operation uses',
      spec: miniSpec({
        channelMessages: `say:\n  $ref: '#/components/messages/say'\nlost:\n  $ref: '#/components/messages/lost'`,
        operations: `say:\n  action: receive\n  channel:\n    $ref: '#/channels/ws'\n  messages:\n    - $ref: '#/channels/ws/messages/say'`,
        messages: `say:\n  payload:\n    $ref: '#/components/schemas/SayEnvelope'\nlost:\n  payload:\n    $ref: '#/components/schemas/SayEnvelope'`,
        schemas: SAY_SCHEMA,
      }),
      want: { severity: 'warning', rule: 'switchboard/message-not-in-operation', at: ['components:', 'messages:', 'lost:'] },
    },
  ])('$name', async ({ name, spec, want }) => {
    const file = await specFile(`${name.replace(/\W+/g, '-')}.yaml`, spec);
    const { diagnostics } = await load(file);
    const found = diagnostics.find((d) => d.rule === want.rule);
    expect(found && { severity: found.severity, rule: found.rule, ...at(found) }).toEqual({
      severity: want.severity, rule: want.rule, ...position(spec, want.at),
    });
    expect(found?.file).toBe(path.relative(process.cwd(), file));
  });

  it('two messages with the same type in one direction: a warning at the second, which leaves the unions', async () => {
    const spec = miniSpec({
      channelMessages: `say:\n  $ref: '#/components/messages/say'\nshout:\n  $ref: '#/components/messages/shout'`,
      operations: `say:\n  action: receive\n  channel:\n    $ref: '#/channels/ws'\n  messages:\n    - $ref: '#/channels/ws/messages/say'\n    - $ref: '#/channels/ws/messages/shout'`,
      messages: `say:\n  payload:\n    $ref: '#/components/schemas/SayEnvelope'\nshout:\n  payload:\n    $ref: '#/components/schemas/SayEnvelope'`,
      schemas: SAY_SCHEMA,
    });
    const file = await specFile('two-messages-one-type.yaml', spec);
    const { model, diagnostics } = await load(file);
    const found = diagnostics.find((d) => d.rule === 'switchboard/duplicate-message-type');
    expect(found && { severity: found.severity, ...at(found) }).toEqual({ severity: 'warning', ...position(spec, ['components:', 'messages:', 'shout:']) });
    expect(model.messages.map((m) => [m.key, m.type])).toEqual([['say', 'say'], ['shout', null]]);
  });

  it.each([
    {
      name: 'an operation that points at a message the channel lacks',
      spec: miniSpec({
        channelMessages: `say:\n  $ref: '#/components/messages/say'`,
        operations: `say:\n  action: receive\n  channel:\n    $ref: '#/channels/ws'\n  messages:\n    - $ref: '#/channels/ws/messages/nope'`,
        messages: `say:\n  payload:\n    $ref: '#/components/schemas/SayEnvelope'`,
        schemas: SAY_SCHEMA,
      }),
      want: { rule: 'invalid-ref', at: ['operations:', `'#/channels/ws/messages/nope'`] },
    },
  ])('$name is an error that stops the load', async ({ name, spec, want }) => {
    const file = await specFile(`${name.replace(/\W+/g, '-')}.yaml`, spec);
    const error = await load(file).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    const found = (error as SpecError).diagnostics.find((d) => d.severity === 'error' && d.rule === want.rule);
    expect(found && { rule: found.rule, ...at(found) }).toEqual({ rule: want.rule, ...position(spec, want.at) });
  });

  // The meta-schema validator is compiled once per process (load/parser.ts): a valid load before
  // and after must not hide what is wrong with the document in between.
  it('reports a meta-schema violation after earlier loads, and stops reporting it once fixed', async () => {
    const valid = miniSpec({
      channelMessages: `say:\n  $ref: '#/components/messages/say'`,
      operations: `say:\n  action: receive\n  channel:\n    $ref: '#/channels/ws'\n  messages:\n    - $ref: '#/channels/ws/messages/say'`,
      messages: `say:\n  payload:\n    $ref: '#/components/schemas/SayEnvelope'`,
      schemas: SAY_SCHEMA,
    });
    const broken = valid.replace(/^info:\n  title: .*\n/m, 'info:\n');
    expect(broken).not.toBe(valid);
    const good = await specFile('meta-good.yaml', valid);
    const bad = await specFile('meta-bad.yaml', broken);
    await load(good);
    const error = await load(bad).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    const found = (error as SpecError).diagnostics.find((d) => d.rule === 'asyncapi-document-resolved');
    expect(found?.message).toBe('"info" property must have required property "title"');
    await expect(load(good)).resolves.toBeDefined();
  });

  it('a file that is not AsyncAPI at all is an error, not a crash', async () => {
    const file = await specFile('not-asyncapi.yaml', 'hello: world\n');
    const error = await load(file).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toMatch(/^\d+ errors? in the spec:\n/);
  });
});
