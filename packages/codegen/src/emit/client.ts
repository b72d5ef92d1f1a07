/**
 * The client emitter (AsyncAPI 3.0.0 "Operation Object" with `action: receive`, seen from the
 * client that sends it, "Operation Reply Object", and `x-switchboard-delivery`): a typed client
 * over the runtime's client core. Writes `src/client.ts`: the protocol's run-time description for
 * the client side, and a `Client` class with one method per `receive` operation (a request that
 * resolves with its reply, or a send that returns the message id) and a typed `on(type, handler)`
 * for every server message. Emits nothing when the runtime cannot carry the protocol; the server
 * emitter, which reads the same derivation, reports why.
 */
import {
  StructureKind,
  type ClassDeclarationStructure, type MethodDeclarationStructure, type OptionalKind, type StatementStructures, type WriterFunction,
} from 'ts-morph';
import type { JsonValue, Model } from '../model.js';
import { array, json, object, printCode, quote, raw } from '../lib/code.js';
import { isRecord } from '../load/schemas.js';
import { createProject, docText, literal, print } from '../lib/ts.js';
import type { EmitContext, EmitResult, Emitter } from './context.js';
import { TypeImports } from './server/imports.js';
import { anyClientFile } from './server/any-transport.js';
import { deriveWire } from './server/wire.js';
import { WEBSOCKET_PROTOCOLS, dataType, deriveProtocol, envelopeType, type Operation, type Protocol, type Routed } from './server/protocol.js';

export const clientEmitter: Emitter = {
  name: 'client',
  emit(model: Model, ctx: EmitContext): EmitResult {
    // The server emitter reports why a protocol is refused; one warning per spec, not one per emitter.
    const { protocol } = deriveProtocol(model);
    if (!protocol) {
      // A WebSocket document the envelope runtime cannot carry gets a client on the channel runtime.
      const { wire } = deriveWire(model, 'websocket');
      const files = wire.websocket && wire.endpoints.length > 0 && model.operations.length > 0 ? [{ path: 'src/client.ts', content: anyClientFile(wire, model, ctx) }] : [];
      return { files, diagnostics: [] };
    }
    return { files: [{ path: 'src/client.ts', content: clientFile(protocol, model, ctx) }], diagnostics: [] };
  },
};

/** Names src/client.ts declares or imports from elsewhere; a spec type of the same name is aliased. */
const CLIENT_NAMES = [
  'ClientCore', 'ClientOptions', 'ClientProtocol', 'ClientState', 'RequestOptions', 'Unsubscribe',
  'ClientMessageMap', 'ServerMessage', 'validateServerMessage', 'clientProtocol', 'Client',
];

function clientFile(protocol: Protocol, model: Model, ctx: EmitContext): string {
  const types = new TypeImports(CLIENT_NAMES);
  const methods = protocol.operations.map((op) => operationMethod(op, protocol, types.use));
  const several = protocol.operations.some((op) => op.messages.length > 1);

  const file = createProject().createSourceFile('client.ts');
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: '@switchboard/runtime', namedImports: ['ClientProtocol'] });
  file.addImportDeclaration({
    moduleSpecifier: '@switchboard/runtime/client',
    namedImports: [
      { name: 'ClientCore' },
      ...['ClientOptions', 'ClientState', 'RequestOptions', 'Unsubscribe'].map((name) => ({ name, isTypeOnly: true })),
    ],
  });
  file.addImportDeclaration({
    isTypeOnly: true,
    moduleSpecifier: './messages.js',
    namedImports: several ? ['ClientMessageMap', 'ServerMessage'] : ['ServerMessage'],
  });
  const specifiers = types.specifiers();
  if (specifiers.length > 0) file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: './types.js', namedImports: specifiers });
  file.addImportDeclaration({ moduleSpecifier: './validators.js', namedImports: ['validateServerMessage'] });

  const description = object([
    ['version', raw(quote(protocol.version))],
    ['validate', raw('validateServerMessage')],
    ['replies', object(protocol.replies.map(([request, answers]) => [quote(request), array(answers.map((a) => raw(quote(a))))]))],
    ['volatile', array(protocol.clientVolatile.map((t) => raw(quote(t))))],
  ]);
  const head = 'export const clientProtocol: ClientProtocol<ServerMessage> = ';
  const statements: (StatementStructures | WriterFunction)[] = [
    (writer) => {
      writer.writeLine('/**');
      writer.writeLine(' * What the runtime\'s client core needs to know about the protocol at run time: the validator of');
      writer.writeLine(' * server messages, each request\'s replies, and the volatile types it never queues while disconnected.');
      writer.writeLine(' */');
      writer.write(`${head}${printCode(description, 0, 110, head.length)};`).newLine();
    },
    clientClass(protocol, model, ctx, methods),
  ];
  file.addStatements(statements.flatMap((st) => [blankLine, st]));
  return print(file, ctx.source);
}

const blankLine: WriterFunction = (writer) => {
  writer.blankLineIfLastNot();
};

function clientClass(
  protocol: Protocol,
  model: Model,
  ctx: EmitContext,
  methods: readonly OptionalKind<MethodDeclarationStructure>[],
): ClassDeclarationStructure {
  return {
    kind: StructureKind.Class,
    name: 'Client',
    isExported: true,
    docs: [{
      description: `A typed client of ${model.info.title} ${model.info.version}: one method per operation a client starts,\n` +
        'typed by the spec, and `on(type, handler)` for every message the server sends. Connection state,\n' +
        'reconnects, resume and the offline send queue are the runtime\'s (`core`).',
      tags: [{ tagName: 'example', text: example(protocol, model, ctx) }],
    }],
    properties: [{
      name: 'core',
      isReadonly: true,
      type: 'ClientCore<ServerMessage>',
      docs: ['The runtime client underneath: state machine, reconnects, queues.'],
    }],
    ctors: [{
      parameters: [{ name: 'options', type: 'ClientOptions' }],
      statements: 'this.core = new ClientCore(clientProtocol, options);',
    }],
    getAccessors: [{
      name: 'state',
      returnType: 'ClientState',
      docs: ['The connection\'s state.'],
      statements: 'return this.core.state;',
    }],
    methods: [
      ...CONNECTION_METHODS,
      ...methods,
      ON_METHOD,
    ],
  };
}

/** `connect` and `close`: the same in every generated client. */
const CONNECTION_METHODS: readonly OptionalKind<MethodDeclarationStructure>[] = [
  {
    name: 'connect',
    returnType: 'Promise<void>',
    docs: ['Opens the connection.'],
    statements: 'return this.core.connect();',
  },
  {
    name: 'close',
    returnType: 'Promise<void>',
    docs: ['Closes the connection for good: no reconnect follows.'],
    parameters: [
      { name: 'code', type: 'number', hasQuestionToken: true },
      { name: 'reason', type: 'string', hasQuestionToken: true },
    ],
    statements: 'return this.core.close(code, reason);',
  },
];

/** `on(type, handler)`, typed by the server messages. */
const ON_METHOD: OptionalKind<MethodDeclarationStructure> = {
  name: 'on',
  docs: ['Calls `handler` with every message of `type` the server sends, validated; returns the function that stops it.'],
  typeParameters: [{ name: 'K', constraint: 'ServerMessage[\'type\']' }],
  parameters: [
    { name: 'type', type: 'K' },
    { name: 'handler', type: '(message: Extract<ServerMessage, { type: K }>) => void' },
  ],
  returnType: 'Unsubscribe',
  statements: 'return this.core.on(type, handler);',
};

/**
 * A request (the operation has replies besides `error`) resolves with the reply envelope; a send
 * returns the id of the message sent. An operation with several messages takes the message's
 * `type` first, so that every operation is one method named after it.
 */
function operationMethod(op: Operation, protocol: Protocol, use: (name: string) => string): OptionalKind<MethodDeclarationStructure> {
  const several = op.messages.length > 1;
  const [first] = op.messages;
  const typeArg = several ? 'type' : literal(first?.type ?? '');
  const parameters = several
    ? [{ name: 'type', type: 'K' }, { name: 'data', type: 'ClientMessageMap[K][\'data\']' }]
    : [{ name: 'data', type: first ? dataType(first, protocol.schemas, use) : 'never' }];
  const typeParameters = several ? [{ name: 'K', constraint: op.messages.map((m) => literal(m.type)).join(' | ') }] : [];
  const volatile = op.messages.some((m) => protocol.clientVolatile.includes(m.type)) ? ' Volatile: never queued while disconnected.' : '';
  const summary = op.model.summary ?? op.model.description;
  if (op.answers.length === 0) {
    return {
      name: op.method,
      docs: [docText(summary, `Operation \`${op.model.key}\`; no reply: returns the sent message's id.${volatile}`) ?? ''],
      typeParameters,
      parameters,
      returnType: 'string',
      statements: `return this.core.send(${typeArg}, data);`,
    };
  }
  const reply = op.answers.map((m) => envelopeType(m, use)).join(' | ');
  const rejects = op.replies.length > op.answers.length ? '; an `error` reply rejects it' : '';
  return {
    name: op.method,
    docs: [docText(summary,
      `Operation \`${op.model.key}\`; resolves with the ${op.answers.map((m) => `\`${m.type}\``).join(' or ')} reply${rejects}.${volatile}`) ?? ''],
    typeParameters,
    parameters: [...parameters, { name: 'options', type: 'RequestOptions', hasQuestionToken: true }],
    returnType: `Promise<${reply}>`,
    statements: `return this.core.request<${reply}>(${typeArg}, data, options);`,
  };
}

/** A usage example written from the spec: a request with its message's example data, and an `on`. */
function example(protocol: Protocol, model: Model, ctx: EmitContext): string {
  const withData = (op: Operation) => (op.messages.length === 1 && op.messages[0] ? exampleData(op.messages[0]) : null);
  const requests = protocol.operations.filter((op) => op.answers.length > 0 && withData(op) !== null);
  const request = requests.find((op) => op.owner === 'service') ?? requests[0];
  const replies = new Set(protocol.operations.flatMap((op) => op.replies.map((m) => m.type)));
  const event = protocol.sequenced[0] ?? protocol.server.find((m) => !replies.has(m.type))?.type ?? protocol.server[0]?.type;
  const lines = ['', '```ts', `import { Client } from '${ctx.packageName}/client';`, '', `const client = new Client({ url: ${exampleUrl(model) ?? 'url'}, token: getToken });`, 'await client.connect();'];
  if (request) lines.push(`const reply = await client.${request.method}(${withData(request) ?? ''});`);
  if (event !== undefined) lines.push(`const stop = client.on(${literal(event)}, (message) => console.log(message.data));`);
  lines.push('```');
  return lines.join('\n');
}

/**
 * The URL of the first ws/wss server without variables, joined with its channel's address
 * (AsyncAPI 3.0.0 "Server Object" `host` and `pathname`, "Channel Object" `address`), as a
 * literal; `null` when there is none.
 */
function exampleUrl(model: Model): string | null {
  const server = model.servers.find((s) => WEBSOCKET_PROTOCOLS.includes(s.protocol) && !s.host.includes('{'));
  if (!server) return null;
  const channel = model.channels.find((c) => c.address?.startsWith('/') && !c.address.includes('{'));
  const path = `${(server.pathname ?? '').replace(/\/$/, '')}${channel?.address ?? ''}`;
  return literal(`${server.protocol}://${server.host}${path}`);
}

/** The `data` of the message's first example, as a one-line literal, or `null`. */
function exampleData(m: Routed): string | null {
  const payload: JsonValue | undefined = m.examples[0]?.payload;
  if (!isRecord(payload) || !('data' in payload)) return null;
  return printCode(json((payload as Record<string, JsonValue>)['data'] ?? null), 0, Infinity);
}
