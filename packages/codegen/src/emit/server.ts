/**
 * The server emitter (AsyncAPI 3.0.0 "Operation Object" with `action: receive`, "Operation Reply
 * Object", and the `x-switchboard-owner` / `x-switchboard-delivery` extensions): binds the spec to
 * the runtime's server core. Writes `src/server.ts`: the protocol's types as the runtime's type
 * parameter, its run-time description, a `Handlers` interface with one method per service-owned
 * operation (typed message in, typed reply data out), the dispatch that routes to them, and
 * `createServer`. Emits nothing, with a warning, when the runtime cannot carry the protocol
 * (see `deriveProtocol`).
 */
import { StructureKind, type MethodSignatureStructure, type OptionalKind, type SourceFile, type StatementStructures, type WriterFunction } from 'ts-morph';
import type { Diagnostic } from '../diagnostics.js';
import type { Model } from '../model.js';
import { array, object, printCode, quote, raw } from '../lib/code.js';
import { createProject, docText, literal, print } from '../lib/ts.js';
import type { EmitContext, EmitResult, Emitter } from './context.js';
import { TypeImports } from './server/imports.js';
import { dataType, deriveProtocol, envelopeType, type Operation, type Protocol } from './server/protocol.js';
import { operationsFile, wireFile } from './server/any-api.js';
import { anyServerFile } from './server/any-transport.js';
import { deriveWire } from './server/wire.js';

export const serverEmitter: Emitter = {
  name: 'server',
  emit(model: Model, ctx: EmitContext): EmitResult {
    const { protocol, diagnostics } = deriveProtocol(model);
    if (!protocol) return anyDocument(model, ctx, diagnostics);
    return { files: [{ path: 'src/server.ts', content: serverFile(protocol, ctx) }], diagnostics };
  },
};

/**
 * A document the envelope runtime cannot carry: `src/operations.ts` for any transport, and for a
 * WebSocket document `src/wire.ts` and `src/server.ts` on the runtime's channel server.
 */
function anyDocument(model: Model, ctx: EmitContext, refusals: readonly Diagnostic[]): EmitResult {
  if (model.operations.length === 0) return { files: [], diagnostics: refusals };
  const files = [{ path: 'src/operations.ts', content: operationsFile(deriveWire(model, 'any').wire, ctx) }];
  // How frames are recognised and correlated matters only where the runtime does it: its findings are the WebSocket derivation's.
  const { wire, diagnostics } = deriveWire(model, 'websocket');
  if (!wire.websocket || wire.endpoints.length === 0) return { files, diagnostics: refusals };
  files.push({ path: 'src/wire.ts', content: wireFile(wire, model, ctx) }, { path: 'src/server.ts', content: anyServerFile(wire, model, ctx) });
  return { files, diagnostics: [...refusals, ...diagnostics] };
}

/** Names src/server.ts declares or imports from elsewhere; a spec type of the same name is aliased. */
const SERVER_NAMES = [
  'createRuntimeServer', 'RuntimeHandlerContext', 'Reply', 'ServerOptions', 'ServerProtocol', 'SwitchboardServer',
  'ClientMessage', 'ServerMessageMap', 'validateClientMessage',
  'ServerTypes', 'serverProtocol', 'HandlerContext', 'Handlers', 'dispatch', 'createServer',
];

function serverFile(protocol: Protocol, ctx: EmitContext): string {
  const types = new TypeImports(SERVER_NAMES);
  const service = protocol.operations.filter((op) => op.owner === 'service');
  const handlers = service.map((op) => handlerSignature(op, protocol, types.use));
  const eventType = protocol.events.typeImport !== null ? types.use(protocol.events.typeImport) : protocol.events.type;

  const file = createProject().createSourceFile('server.ts');
  addServerImports(file, types);
  // One insertion for all declarations: ts-morph re-parses the file on every add.
  const statements: (StatementStructures | WriterFunction)[] = [
    serverTypes(protocol, eventType),
    serverDescription(protocol),
    ...handlerDeclarations(service, protocol, handlers),
    createServerFunction(service, ctx),
  ];
  file.addStatements(statements.flatMap((st) => [blankLine, st]));
  return print(file, ctx.source);
}

/** The runtime's imports, the messages', the spec types' the file uses, and the validator's. */
function addServerImports(file: SourceFile, types: TypeImports): void {
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: '@switchboard/runtime', namedImports: ['ServerProtocol'] });
  file.addImportDeclaration({
    moduleSpecifier: '@switchboard/runtime/server',
    namedImports: [
      { name: 'createServer', alias: 'createRuntimeServer' },
      { name: 'HandlerContext', alias: 'RuntimeHandlerContext', isTypeOnly: true },
      { name: 'Reply', isTypeOnly: true },
      { name: 'ServerOptions', isTypeOnly: true },
      { name: 'SwitchboardServer', isTypeOnly: true },
    ],
  });
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: './messages.js', namedImports: ['ClientMessage', 'ServerMessageMap'] });
  const specifiers = types.specifiers();
  if (specifiers.length > 0) file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: './types.js', namedImports: specifiers });
  file.addImportDeclaration({ moduleSpecifier: './validators.js', namedImports: ['validateClientMessage'] });

}

/** `ServerTypes`: the protocol's types as the runtime's type parameter. */
function serverTypes(protocol: Protocol, eventType: string): StatementStructures {
  return {
    kind: StructureKind.Interface,
    name: 'ServerTypes',
    isExported: true,
    docs: ['The server\'s side of the protocol, as the runtime\'s type parameter.'],
    properties: [
      { name: 'inbound', type: 'ClientMessage', docs: ['Every message a client sends.'] },
      {
        name: 'outbound',
        type: '{ [K in keyof ServerMessageMap]: ServerMessageMap[K] }',
        docs: ['Every message the server sends, by `type`: a mapped copy of `ServerMessageMap`, as the runtime\'s `MessageMap` has an index signature, which an interface does not satisfy.'],
      },
      { name: 'event', type: eventType, docs: ['The event names a connection may subscribe to.'] },
      {
        name: 'sequenced',
        type: union(protocol.sequenced),
        docs: ['Server messages scoped to a room that take the room\'s next `seq`: sent by a `send` operation, not volatile, and their `data` requires `room_id` and `seq`.'],
      },
    ],
  };
}

/** `serverProtocol`: the run-time description. */
function serverDescription(protocol: Protocol): WriterFunction {
  const description = object([
    ['version', raw(quote(protocol.version))],
    ['validate', raw('validateClientMessage')],
    ['builtins', strings(protocol.builtins)],
    ['services', strings(protocol.services)],
    ['replies', object(protocol.replies.map(([request, answers]) => [quote(request), strings(answers)]))],
    ['volatile', strings(protocol.serverVolatile)],
    ['events', strings(protocol.events.values)],
    ['sequenced', strings(protocol.sequenced)],
    ['textLimits', object(protocol.textLimits.map(([type, limits]) => [quote(type), object(limits.map(([name, limit]) => [quote(name), raw(quote(limit))]))]))],
    ['outbound', strings(protocol.server.map((m) => m.type))],
  ]);
  const head = 'export const serverProtocol: ServerProtocol<ServerTypes> = ';
  return (writer) => {
    writer.blankLineIfLastNot().writeLine('/**');
    writer.writeLine(' * What the runtime needs to know about the protocol at run time: the validator of inbound');
    writer.writeLine(' * messages, the types it answers itself (`x-switchboard-owner: runtime`) and those the handlers');
    writer.writeLine(' * answer, each request\'s replies, the volatile types (`x-switchboard-delivery: volatile`), the');
    writer.writeLine(' * event names, the sequenced types, and the text each announced limit bounds');
    writer.writeLine(' * (`x-switchboard-limit`).');
    writer.writeLine(' */');
    writer.write(`${head}${printCode(description, 0, 110, head.length)};`).newLine();
  };
}

/** `HandlerContext`, `Handlers` and `dispatch`. */
function handlerDeclarations(service: readonly Operation[], protocol: Protocol, handlers: OptionalKind<MethodSignatureStructure>[]): StatementStructures[] {
  return [
    {
      kind: StructureKind.TypeAlias,
      name: 'HandlerContext',
      isExported: true,
      docs: ['What a handler gets besides the message: the connection, its user, and typed senders to any target.'],
      type: 'RuntimeHandlerContext<ServerTypes>',
    },
    {
      kind: StructureKind.Interface,
      name: 'Handlers',
      isExported: true,
      docs: [
        'One method per `receive` operation the service owns (every one not marked `x-switchboard-owner: runtime`,\n' +
          'which the runtime answers itself). A method gets the validated message; it returns the reply\'s `data`\n' +
          '(or, for an operation with several replies, `{ type, data }`), or throws a `ProtocolError` to answer\n' +
          'with `error`. Every method is required, so adding an operation to the spec makes every service fail to\n' +
          'compile until it implements it.',
      ],
      methods: handlers,
    },
    {
      kind: StructureKind.Function,
      name: 'dispatch',
      isExported: true,
      docs: [
        'Routes a validated service message to its handler and wraps what it returns as the reply. The runtime\n' +
          'calls it for every inbound type that is not a built-in; it throws a `TypeError` for a built-in. A handler\n' +
          'that returns its data directly gets its reply without a promise in between.',
      ],
      parameters: [
        { name: 'handlers', type: 'Handlers' },
        { name: 'message', type: 'ClientMessage' },
        { name: 'context', type: 'HandlerContext' },
      ],
      returnType: 'Reply<ServerTypes> | undefined | Promise<Reply<ServerTypes> | undefined>',
      statements: dispatchBody(service, protocol),
    },
  ];
}

/** `createServer`, with a usage example written from the spec. */
function createServerFunction(service: readonly Operation[], ctx: EmitContext): StatementStructures {
  return {
    kind: StructureKind.Function,
    name: 'createServer',
    isExported: true,
    docs: [{
      description: 'Creates the server: the runtime\'s core bound to this protocol and your handlers. `options`\n' +
        'are the runtime\'s (authentication, limits, broker, logger).',
      tags: [{ tagName: 'example', text: example(service, ctx) }],
    }],
    parameters: [
      { name: 'handlers', type: 'Handlers' },
      { name: 'options', type: 'ServerOptions' },
    ],
    returnType: 'SwitchboardServer<ServerTypes>',
    statements: 'return createRuntimeServer(serverProtocol, (message, context) => dispatch(handlers, message, context), options);',
  };
}

const blankLine: WriterFunction = (writer) => {
  writer.blankLineIfLastNot();
};

function handlerSignature(op: Operation, protocol: Protocol, use: (name: string) => string): OptionalKind<MethodSignatureStructure> {
  const message = op.messages.map((m) => envelopeType(m, use)).join(' | ') || 'never';
  const result = handlerResult(op, protocol, use);
  const replies = op.answers.length === 0 ? 'no reply'
    : `replies with ${op.answers.map((m) => `\`${m.type}\``).join(' or ')}`;
  const throws = op.replies.length > op.answers.length ? '; throw a `ProtocolError` to answer with `error`' : '';
  return {
    name: op.method,
    docs: [docText(op.model.summary ?? op.model.description, `Operation \`${op.model.key}\`; ${replies}${throws}.`) ?? ''],
    parameters: [{ name: 'message', type: message }, { name: 'context', type: 'HandlerContext' }],
    returnType: `${result} | Promise<${result}>`,
  };
}

/** `void`; the one answer's data type; or, for several, a union of `{ type; data }`. */
function handlerResult(op: Operation, protocol: Protocol, use: (name: string) => string): string {
  const [only] = op.answers;
  if (only === undefined) return 'void';
  if (op.answers.length === 1) return dataType(only, protocol.schemas, use);
  return op.answers.map((m) => `{ type: ${literal(m.type)}; data: ${dataType(m, protocol.schemas, use)} }`).join(' | ');
}

function dispatchBody(service: readonly Operation[], protocol: Protocol): WriterFunction {
  return (writer) => {
    const routed = new Set(protocol.builtins);
    writer.write('switch (message.type)').block(() => {
      for (const op of service) {
        const types = op.messages.map((m) => m.type).filter((t) => !routed.has(t));
        types.forEach((t) => routed.add(t));
        if (types.length === 0) continue;
        types.slice(0, -1).forEach((t) => writer.writeLine(`case ${literal(t)}:`));
        writer.write(`case ${literal(types[types.length - 1] ?? '')}: `);
        const call = `handlers.${op.method}(message, context)`;
        const [only] = op.answers;
        if (only === undefined) {
          writer.write('{').indent(() => {
            writer.writeLine(`const done = ${call};`);
            writer.writeLine('return done instanceof Promise ? done.then(() => undefined) : undefined;');
          }).write('}');
        } else if (op.answers.length === 1) {
          const type = literal(only.type);
          writer.write('{').indent(() => {
            writer.writeLine(`const data = ${call};`);
            writer.writeLine(`return data instanceof Promise ? data.then((value) => ({ type: ${type}, data: value })) : { type: ${type}, data };`);
          }).write('}');
        } else {
          writer.write(`return ${call};`);
        }
        writer.newLine();
      }
      // With no built-ins every type has a case and `message` is `never` here.
      const type = protocol.builtins.length > 0 ? 'message.type' : '(message as ClientMessage).type';
      writer.writeLine(`default: throw new TypeError(\`"\${${type}}" is answered by the runtime, not by a service handler\`);`);
    });
  };
}

function example(service: readonly Operation[], ctx: EmitContext): string {
  const lines = [
    '',
    '```ts',
    'import { createServer as createHttpServer } from \'node:http\';',
    `import { createServer } from '${ctx.packageName}/server';`,
    '',
    service.length === 0 ? 'const server = createServer({}, { auth: { secret: jwtSecret } });' : 'const server = createServer({',
  ];
  for (const op of service) {
    const [only] = op.answers;
    lines.push(`  async ${op.method}(message, context) {`);
    if (only === undefined) lines.push('    // no reply: send to others with context.send');
    else if (op.answers.length === 1) lines.push(`    return { ... }; // the data of the \`${only.type}\` reply`);
    else lines.push(`    return { type: ${literal(only.type)}, data: { ... } };`);
    lines.push('  },');
  }
  if (service.length > 0) lines.push('}, { auth: { secret: jwtSecret } });');
  lines.push('server.attach(createHttpServer().listen(8000));', '```');
  return lines.join('\n');
}

function strings(values: readonly string[]) {
  return array(values.map((v) => raw(quote(v))));
}

function union(values: readonly string[]): string {
  return values.length === 0 ? 'never' : values.map(literal).join(' | ');
}
