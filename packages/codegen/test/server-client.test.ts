/**
 * The server and client emitters: given small models, want these declarations; file snapshots
 * of src/server.ts and src/client.ts for asyncapi.yaml; the refusals (a message without a `type`
 * const, a payload that is no envelope, no ws/wss server) as warnings; and `tsc --noEmit --strict`
 * over the output, including a service whose `Handlers` lacks a method, which must not compile.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { SyntaxKind } from 'ts-morph';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateFiles, load, writeOutput, type GeneratedFile, type JsonSchema } from '../src/index.js';
import { methodName } from '../src/emit/server/protocol.js';
import { declaration, fixture, OUT, parse, TEST_DIR } from './helpers.js';
import { CLASH, MINI, PONG_DATA, ROOM_SEQ, emit, envelope, miniModel, type MessageSpec, type OperationSpec } from './server-client-support.js';

const run = promisify(execFile);
const ROOT = path.resolve(TEST_DIR, '../../..');
const DIR = path.join(OUT, 'server-client');
const SPEC = path.join(ROOT, 'asyncapi.yaml');

// ------------------------------------------------------------------------------------ given/want

describe('server emitter: given the mini model, want this declaration', () => {
  const { files } = emit(MINI);
  it.each([
    ['ServerTypes', `/** The server's side of the protocol, as the runtime's type parameter. */
export interface ServerTypes {
  /** Every message a client sends. */
  inbound: ClientMessage;
  /** Every message the server sends, by \`type\`: a mapped copy of \`ServerMessageMap\`, as the runtime's \`MessageMap\` has an index signature, which an interface does not satisfy. */
  outbound: { [K in keyof ServerMessageMap]: ServerMessageMap[K] };
  /** The event names a connection may subscribe to. */
  event: Topic;
  /** Server messages scoped to a room that take the room's next \`seq\`: sent by a \`send\` operation, not volatile, and their \`data\` requires \`room_id\` and \`seq\`. */
  sequenced: 'chat.posted';
}`],
    ['serverProtocol', `/**
 * What the runtime needs to know about the protocol at run time: the validator of inbound
 * messages, the types it answers itself (\`x-switchboard-owner: runtime\`) and those the handlers
 * answer, each request's replies, the volatile types (\`x-switchboard-delivery: volatile\`), the
 * event names, the sequenced types, and the text each announced limit bounds
 * (\`x-switchboard-limit\`).
 */
export const serverProtocol: ServerProtocol<ServerTypes> = {
  version: '2.1.0',
  validate: validateClientMessage,
  builtins: ['hello', 'subscribe'],
  services: ['chat.say', 'poke', 'vote', 'move.up', 'move.down'],
  replies: {
    'hello': ['welcome', 'error'],
    'subscribe': ['subscribed', 'error'],
    'chat.say': ['chat.said', 'error'],
    'vote': ['accepted', 'rejected', 'error'],
  },
  volatile: ['blip'],
  events: ['news', 'sport'],
  sequenced: ['chat.posted'],
  textLimits: {},
  outbound: ['welcome', 'subscribed', 'chat.said', 'accepted', 'rejected', 'error', 'chat.posted', 'blip'],
};`],
    ['Handlers', `/**
 * One method per \`receive\` operation the service owns (every one not marked \`x-switchboard-owner: runtime\`,
 * which the runtime answers itself). A method gets the validated message; it returns the reply's \`data\`
 * (or, for an operation with several replies, \`{ type, data }\`), or throws a \`ProtocolError\` to answer
 * with \`error\`. Every method is required, so adding an operation to the spec makes every service fail to
 * compile until it implements it.
 */
export interface Handlers {
  /**
   * Does say.
   *
   * Operation \`say\`; replies with \`chat.said\`; throw a \`ProtocolError\` to answer with \`error\`.
   */
  say(message: SayEnvelope, context: HandlerContext): SaidData | Promise<SaidData>;
  /**
   * Does poke.
   *
   * Operation \`poke\`; no reply.
   */
  poke(message: PokeEnvelope, context: HandlerContext): void | Promise<void>;
  /**
   * Does vote.
   *
   * Operation \`vote\`; replies with \`accepted\` or \`rejected\`; throw a \`ProtocolError\` to answer with \`error\`.
   */
  vote(message: VoteEnvelope, context: HandlerContext): { type: 'accepted'; data: AcceptedData } | { type: 'rejected'; data: RejectedData } | Promise<{ type: 'accepted'; data: AcceptedData } | { type: 'rejected'; data: RejectedData }>;
  /**
   * Does move.
   *
   * Operation \`move\`; no reply.
   */
  move(message: MoveUpEnvelope | MoveDownEnvelope, context: HandlerContext): void | Promise<void>;
}`],
    ['dispatch', `/**
 * Routes a validated service message to its handler and wraps what it returns as the reply. The runtime
 * calls it for every inbound type that is not a built-in; it throws a \`TypeError\` for a built-in. A handler
 * that returns its data directly gets its reply without a promise in between.
 */
export function dispatch(handlers: Handlers, message: ClientMessage, context: HandlerContext): Reply<ServerTypes> | undefined | Promise<Reply<ServerTypes> | undefined> {
  switch (message.type) {
    case 'chat.say': {
      const data = handlers.say(message, context);
      return data instanceof Promise ? data.then((value) => ({ type: 'chat.said', data: value })) : { type: 'chat.said', data };
    }
    case 'poke': {
      const done = handlers.poke(message, context);
      return done instanceof Promise ? done.then(() => undefined) : undefined;
    }
    case 'vote': return handlers.vote(message, context);
    case 'move.up':
    case 'move.down': {
      const done = handlers.move(message, context);
      return done instanceof Promise ? done.then(() => undefined) : undefined;
    }
    default: throw new TypeError(\`"\${message.type}" is answered by the runtime, not by a service handler\`);
  }
}`],
  ])('%s', (name, want) => {
    expect(declaration(parse(files, 'src/server.ts'), name)).toBe(want);
  });
});

describe('client emitter: given the mini model, want this declaration', () => {
  const { files } = emit(MINI);
  it.each([
    ['clientProtocol', `/**
 * What the runtime's client core needs to know about the protocol at run time: the validator of
 * server messages, each request's replies, and the volatile types it never queues while disconnected.
 */
export const clientProtocol: ClientProtocol<ServerMessage> = {
  version: '2.1.0',
  validate: validateServerMessage,
  replies: {
    'hello': ['welcome', 'error'],
    'subscribe': ['subscribed', 'error'],
    'chat.say': ['chat.said', 'error'],
    'vote': ['accepted', 'rejected', 'error'],
  },
  volatile: ['poke'],
};`],
  ])('%s', (name, want) => {
    expect(declaration(parse(files, 'src/client.ts'), name)).toBe(want);
  });

  it.each([
    ['hello', `/**
   * Does hello.
   *
   * Operation \`hello\`; resolves with the \`welcome\` reply; an \`error\` reply rejects it.
   */
  hello(data: HelloData, options?: RequestOptions): Promise<WelcomeEnvelope> {
    return this.core.request<WelcomeEnvelope>('hello', data, options);
  }`],
    ['say', `/**
   * Does say.
   *
   * Operation \`say\`; resolves with the \`chat.said\` reply; an \`error\` reply rejects it.
   */
  say(data: SayData, options?: RequestOptions): Promise<SaidEnvelope> {
    return this.core.request<SaidEnvelope>('chat.say', data, options);
  }`],
    ['poke', `/**
   * Does poke.
   *
   * Operation \`poke\`; no reply: returns the sent message's id. Volatile: never queued while disconnected.
   */
  poke(data: PokeData): string {
    return this.core.send('poke', data);
  }`],
    ['vote', `/**
   * Does vote.
   *
   * Operation \`vote\`; resolves with the \`accepted\` or \`rejected\` reply; an \`error\` reply rejects it.
   */
  vote(data: VoteData, options?: RequestOptions): Promise<AcceptedEnvelope | RejectedEnvelope> {
    return this.core.request<AcceptedEnvelope | RejectedEnvelope>('vote', data, options);
  }`],
    ['move', `/**
   * Does move.
   *
   * Operation \`move\`; no reply: returns the sent message's id.
   */
  move<K extends 'move.up' | 'move.down'>(type: K, data: ClientMessageMap[K]['data']): string {
    return this.core.send(type, data);
  }`],
  ])('Client.%s', (name, want) => {
    const method = parse(files, 'src/client.ts').getClassOrThrow('Client').getMethodOrThrow(name);
    expect(method.getText(true)).toBe(want);
  });
});


describe('deriving the protocol: given a model, want these types and lists', () => {
  it('is deterministic: two runs give the same bytes', () => {
    expect(emit(MINI)).toEqual(emit(MINI));
  });

  /** A client request `ask` answered by `answer`, plus the messages and operations given. */
  const twoWay = (messages: readonly MessageSpec[], operations: readonly OperationSpec[], schemas: Record<string, JsonSchema> = {}) => miniModel({
    schemas,
    messages: [{ key: 'ask' }, { key: 'answer' }, ...messages],
    operations: [{ key: 'ask', messages: ['ask'], reply: ['answer'] }, ...operations],
  });
  const subscribe = (items: JsonSchema): MessageSpec => ({
    key: 'subscribe',
    data: { type: 'object', additionalProperties: false, required: ['events'], properties: { events: { type: 'array', items } } },
  });
  const subscribeOp: OperationSpec = { key: 'subscribe', owner: 'runtime', messages: ['subscribe'] };
  const tick = (data: JsonSchema, volatile = false): MessageSpec => ({ key: 'tick', data, volatile });

  it.each([
    ['events: a $ref to an enum names its type', twoWay([subscribe({ $ref: '#/components/schemas/Topic' })], [subscribeOp], { Topic: { type: 'string', enum: ['news', 'sport'] } }),
      { event: 'Topic', events: "events: ['news', 'sport']", sequenced: 'never', sequencedList: 'sequenced: []' }],
    ['events: an inline enum is a union of its values', twoWay([subscribe({ type: 'string', enum: ['a', 'b'] })], [subscribeOp]),
      { event: "'a' | 'b'", events: "events: ['a', 'b']", sequenced: 'never', sequencedList: 'sequenced: []' }],
    ['events: items without an enum name none', twoWay([subscribe({ type: 'string' })], [subscribeOp]),
      { event: 'never', events: 'events: []', sequenced: 'never', sequencedList: 'sequenced: []' }],
    ['events: no subscribe message, none', twoWay([], []),
      { event: 'never', events: 'events: []', sequenced: 'never', sequencedList: 'sequenced: []' }],
    ['sequenced: a send whose data requires room_id and seq', twoWay([tick(ROOM_SEQ)], [{ key: 'sendTick', action: 'send', messages: ['tick'] }]),
      { event: 'never', events: 'events: []', sequenced: "'tick'", sequencedList: "sequenced: ['tick']" }],
    ['sequenced: not when data requires room_id only', twoWay([tick({ ...ROOM_SEQ, required: ['room_id'] })], [{ key: 'sendTick', action: 'send', messages: ['tick'] }]),
      { event: 'never', events: 'events: []', sequenced: 'never', sequencedList: 'sequenced: []' }],
    ['sequenced: not a volatile send', twoWay([tick(ROOM_SEQ, true)], [{ key: 'sendTick', action: 'send', messages: ['tick'] }]),
      { event: 'never', events: 'events: []', sequenced: 'never', sequencedList: 'sequenced: []' }],
    ['sequenced: not a reply, which reports the seq of what it answers', twoWay([{ key: 'poll' }, tick(ROOM_SEQ)], [{ key: 'poll', messages: ['poll'], reply: ['tick'] }]),
      { event: 'never', events: 'events: []', sequenced: 'never', sequencedList: 'sequenced: []' }],
  ])('%s', (_name, model, want) => {
    const file = parse(emit(model).files, 'src/server.ts');
    const types = file.getInterfaceOrThrow('ServerTypes');
    const description = file.getVariableDeclarationOrThrow('serverProtocol').getInitializerIfKindOrThrow(SyntaxKind.ObjectLiteralExpression);
    expect({
      event: types.getPropertyOrThrow('event').getTypeNodeOrThrow().getText(),
      events: description.getPropertyOrThrow('events').getText(),
      sequenced: types.getPropertyOrThrow('sequenced').getTypeNodeOrThrow().getText(),
      sequencedList: description.getPropertyOrThrow('sequenced').getText(),
    }).toEqual(want);
  });

  it.each([
    [['chatSend'], ['chatSend']],
    [['room.join', 'upload-cancel'], ['roomJoin', 'uploadCancel']],
    [['delete', 'class'], ['delete_', 'class_']],
    [['close', 'connect', 'on', 'core', 'state', 'constructor'], ['close_', 'connect_', 'on_', 'core_', 'state_', 'constructor_']],
    [['chatSend', 'chat-send', 'chat.send'], ['chatSend', 'chatSend2', 'chatSend3']],
    [['', '42'], ['operation', '_42']],
  ])('operation keys %j are methods %j', (keys, want) => {
    const taken = new Set<string>();
    expect(keys.map((k) => methodName(k, taken))).toEqual(want);
  });

  it('imports a spec type that takes a name the file uses under an alias', () => {
    const { files } = emit(CLASH);
    expect(parse(files, 'src/server.ts').getImportDeclarationOrThrow('./types.js').getText()).toBe(
      "import type { AskEnvelope, Reply as ReplyType } from './types.js';",
    );
    expect(parse(files, 'src/client.ts').getImportDeclarationOrThrow('./types.js').getText()).toBe(
      "import type { AnswerEnvelope, Client as ClientType } from './types.js';",
    );
    expect(declaration(parse(files, 'src/server.ts'), 'Handlers').split('\n').at(-2)).toBe(
      '  ask(message: AskEnvelope, context: HandlerContext): ReplyType | Promise<ReplyType>;',
    );
  });
});

describe('refusals: given a protocol the envelope runtime cannot carry and no ws/wss server, want only operations.ts and a warning that says why', () => {
  const base = { messages: [{ key: 'ask' }, { key: 'answer' }], operations: [{ key: 'ask', messages: ['ask'], reply: ['answer'] }] };
  const NOT = 'so src/server.ts and src/client.ts are not generated';
  const NEUTRAL = 'src/operations.ts types a handler map for any transport';
  it.each([
    ['a message without a `type` const', miniModel({ ...base, messages: [...base.messages, { key: 'raw', type: null }], operations: [...base.operations, { key: 'sendRaw', action: 'send', messages: ['raw'] }] }),
      [['warning switchboard/unroutable-message', `server and client emitters route every message by its \`type\` const, and \`raw\` has none, ${NOT}`]]],
    ['two of them', miniModel({ ...base, messages: [{ key: 'ask', type: null }, { key: 'answer', type: null }] }),
      // No message routed by type: a document not written for this runtime, so a note.
      [['info switchboard/unroutable-message', `server and client emitters route every message by its \`type\` const, and \`ask\` and \`answer\` have none, ${NOT}`]]],
    ['a payload without `id` or with an optional `data`', miniModel({ ...base, messages: [{ key: 'ask', envelope: envelope('ask', 'AskData', ['type', 'data']) }, { key: 'answer', envelope: envelope('answer', 'AnswerData', ['type', 'id']) }] }),
      [['warning switchboard/not-an-envelope', `the runtime carries only envelopes with a required \`type\` const, \`id\` string and \`data\` object; \`ask\` lacks \`id\` (string); \`answer\` lacks \`data\` (object); ${NOT}`]]],
    ['only servers that are not ws/wss', miniModel({ ...base, servers: [['broker', 'kafka'], ['api', 'https']] }),
      [['warning switchboard/non-websocket-server', `server and client emitters skip servers that are not ws/wss: broker (kafka), api (https); no ws/wss server is left, ${NOT}; ${NEUTRAL}`]]],
    ['only servers that are not ws/wss, and no `type` const: the transport is reason enough', miniModel({ ...base, servers: [['broker', 'kafka']], messages: [{ key: 'ask', type: null }, { key: 'answer' }] }),
      [['warning switchboard/non-websocket-server', `server and client emitters skip servers that are not ws/wss: broker (kafka); no ws/wss server is left, ${NOT}; ${NEUTRAL}`]]],
    ['no message from the server', miniModel({ messages: [{ key: 'ask' }], operations: [{ key: 'ask', messages: ['ask'] }] }),
      [['warning switchboard/one-way-protocol', `server and client emitters need messages in both directions, and no message is sent by the server (\`send\` or a reply); ${NOT}`]]],
    ['no message from a client', miniModel({ messages: [{ key: 'tell' }], operations: [{ key: 'tell', action: 'send', messages: ['tell'] }] }),
      [['warning switchboard/one-way-protocol', `server and client emitters need messages in both directions, and no message is sent by a client (\`receive\`); ${NOT}`]]],
  ])('%s', (_name, model, want) => {
    const { files, warnings } = emit(model);
    expect({ files: files.map((f) => f.path), warnings }).toEqual({ files: ['src/operations.ts'], warnings: want });
  });

  it.each([
    ['no servers at all', miniModel(base), []],
    ['a wss server', miniModel({ ...base, servers: [['main', 'wss']] }), []],
    ['a ws server beside others, which are named', miniModel({ ...base, servers: [['local', 'ws'], ['bus', 'mqtt']] }),
      // A WebSocket document is served either way: the skipped server is a note.
      [['info switchboard/non-websocket-server', 'server and client emitters skip servers that are not ws/wss: bus (mqtt)']]],
  ])('generates both files for %s', (_name, model, want) => {
    const { files, warnings } = emit(model);
    expect({ files: files.map((f) => f.path), warnings }).toEqual({ files: ['src/server.ts', 'src/client.ts'], warnings: want });
  });

  it('messages in no operation do not matter', () => {
    const model = miniModel({ ...base, messages: [...base.messages, { key: 'stray', type: null }] });
    expect(emit(model).files.map((f) => f.path)).toEqual(['src/server.ts', 'src/client.ts']);
  });
});

describe('the fixtures corpus: other protocols still get types, validators, arbitraries and docs', () => {
  it.each([
    ['kafka.yaml', [['info switchboard/non-websocket-server', 'server and client emitters skip servers that are not ws/wss: broker (kafka); no ws/wss server is left, so src/server.ts and src/client.ts are not generated; src/operations.ts types a handler map for any transport']]],
    ['mqtt.yaml', [['info switchboard/non-websocket-server', 'server and client emitters skip servers that are not ws/wss: mosquitto (mqtt); no ws/wss server is left, so src/server.ts and src/client.ts are not generated; src/operations.ts types a handler map for any transport']]],
    ['http-streaming.yaml', [['warning switchboard/non-websocket-server', 'server and client emitters skip servers that are not ws/wss: api (https); no ws/wss server is left, so src/server.ts and src/client.ts are not generated; src/operations.ts types a handler map for any transport']]],
  ])('%s', async (spec, want) => {
    const { model } = await load(fixture(spec));
    const { files, diagnostics } = await generateFiles(model, fixture(spec));
    expect(diagnostics.filter((d) => d.rule.startsWith('switchboard/') && d.rule !== 'switchboard/message-without-type-const').map((d) => [`${d.severity} ${d.rule}`, d.message])).toEqual(want);
    expect(files.map((f) => f.path).filter((p) => p.startsWith('src/'))).toEqual([
      'src/arbitraries.ts', 'src/index.ts', 'src/messages.ts', 'src/operations.ts', 'src/types.ts', 'src/validators.ts', 'src/validators/compiled.ts',
    ]);
    expect(files.map((f) => f.path)).toContain('docs/reference.md');
  });
});

// ------------------------------------------------------------------------ asyncapi.yaml, and tsc

let spec: readonly GeneratedFile[];
let specWarnings: readonly string[];
beforeAll(async () => {
  const { model } = await load(SPEC);
  const result = await generateFiles(model, SPEC, { packageName: '@switchboard/protocol' });
  spec = result.files;
  specWarnings = result.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.rule} ${d.message}`);
}, 60_000);

describe('asyncapi.yaml', () => {
  it.each(['src/server.ts', 'src/client.ts'])('%s matches its snapshot', async (file) => {
    await expect(spec.find((f) => f.path === file)?.content).toMatchFileSnapshot(`__snapshots__/asyncapi/${file.replace(/\//g, '__')}.snap`);
  });

  it('raises no warning', () => {
    expect(specWarnings).toEqual([]);
  });

  it('keeps server and client out of the main entry point, so a browser bundle never loads the server', () => {
    expect(spec.find((f) => f.path === 'src/index.ts')?.content.split('\n').filter((l) => l.startsWith('export'))).toEqual([
      "export * from './types.js';", "export * from './messages.js';", "export * from './validators.js';",
    ]);
  });

  it('lists both entry points in the README', () => {
    const rows = (spec.find((f) => f.path === 'README.md')?.content ?? '').split('\n').filter((l) => /^\| `@switchboard\/protocol\/(server|client)`/.test(l));
    expect(rows.map((r) => r.split(' | ')[0])).toEqual(['| `@switchboard/protocol/server`', '| `@switchboard/protocol/client`']);
  });
});

/** Uses the generated server and client for asyncapi.yaml as a service and an app would: must compile. */
const USAGE = `import { createServer, dispatch, type Handlers } from './src/server.js';
import { Client } from './src/client.js';
import type { RoomJoinedEnvelope } from './src/types.js';

export const handlers: Handlers = {
  async chatSend(message, context) {
    const timestamp = new Date().toISOString();
    const { room_id, content } = message.data;
    // chat.message is sequenced: the runtime assigns its seq, so it is given without one.
    const delivery = await context.send.toRoom(room_id).emit('chat.message', {
      id: message.id, room_id, user_id: context.user.id, username: context.user.name, content, timestamp,
    });
    return { message_id: message.id, room_id, seq: delivery.seq ?? 0, timestamp };
  },
  typing() {},
  uploadCancel(message) {
    return { upload_id: message.data.upload_id };
  },
};

export const server = createServer(handlers, { auth: { secret: 'a secret of at least 32 bytes, for HS256' } });
export const route = dispatch;

export async function use(client: Client): Promise<string> {
  const joined: RoomJoinedEnvelope = await client.roomJoin({ room_id: 'general' });
  // @ts-expect-error room.join has no content
  void client.roomJoin({ room_id: 'general', content: 'hi' });
  const id: string = client.typing({ room_id: 'general', is_typing: true });
  const stop = client.on('chat.message', (message) => {
    const text: string = message.data.content;
    void text;
  });
  stop();
  return joined.data.room_id + id;
}
`;

/** A service that has not implemented every operation of the spec: must not compile. */
const MISSING = `import type { Handlers } from './src/server.js';

export const handlers: Handlers = {
  chatSend: (message) => ({ message_id: message.id, room_id: message.data.room_id, seq: 1, timestamp: '' }),
  typing: () => undefined,
};
`;

describe('tsc --noEmit --strict over the output', () => {
  it('compiles asyncapi.yaml\'s, the small models\' and a service using them; a Handlers without uploadCancel is TS2741', async () => {
    await rm(DIR, { recursive: true, force: true });
    await mkdir(DIR, { recursive: true });
    await writeFile(path.join(DIR, 'package.json'), '{"type":"module","private":true}\n');
    await writeOutput(path.join(DIR, 'asyncapi'), spec);
    await writeFile(path.join(DIR, 'asyncapi/usage.ts'), USAGE);
    await writeFile(path.join(DIR, 'asyncapi/missing.ts'), MISSING);
    // Every kind of operation; names that clash (and no built-ins); only built-ins (an empty `Handlers`).
    const builtinsOnly = miniModel({ messages: [{ key: 'ping' }, { key: 'pong', data: PONG_DATA }], operations: [{ key: 'ping', owner: 'runtime', messages: ['ping'], reply: ['pong'] }] });
    for (const [name, model] of [['mini', MINI], ['clash', CLASH], ['builtins-only', builtinsOnly]] as const) {
      const { files, diagnostics } = await generateFiles(model, `${name}.yaml`);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      await writeOutput(path.join(DIR, name), files);
    }
    // The runtime is read from its source (the `@switchboard/source` condition of the base config), so no build is needed.
    await writeFile(path.join(DIR, 'tsconfig.json'), JSON.stringify({
      extends: path.join(ROOT, 'tsconfig.base.json'),
      compilerOptions: { noEmit: true, strict: true, lib: ['ES2023', 'DOM'] },
      include: ['*/src/**/*.ts', '*/*.ts'],
    }));
    const out = await run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: DIR }).then(
      (x) => x.stdout,
      (e: { stdout: string }) => e.stdout,
    );
    // Errors inside the runtime's own source (while it is being written) are its tests' business.
    const errors = out.split(/\n(?=\S)/).map((e) => e.trimEnd()).filter((e) => e !== '' && !e.startsWith('..'));
    expect(errors).toEqual([
      "asyncapi/missing.ts(3,14): error TS2741: Property 'uploadCancel' is missing in type '{ chatSend: (message: ChatSendEnvelope) => { message_id: string; room_id: string; seq: number; timestamp: string; }; typing: () => undefined; }' but required in type 'Handlers'.",
    ]);
  }, 120_000);
});
