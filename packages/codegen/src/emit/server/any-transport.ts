/**
 * The WebSocket half for a document that is not our envelope (AsyncAPI 3.0.0 "Server Object"
 * with protocol ws/wss, "Operation Object"): `src/server.ts`, a `Handlers` interface with one
 * method per `receive` operation (typed message and channel parameters in, typed reply out) and
 * `createServer` on the runtime's channel server; and `src/client.ts`, `connect(channel, params,
 * options)` to a typed socket of the runtime's channel client.
 */
import { StructureKind, type CodeBlockWriter, type WriterFunction } from 'ts-morph';
import type { Model } from '../../model.js';
import { typeName } from '../../lib/names.js';
import { createProject, docText, literal, print, propertyName } from '../../lib/ts.js';
import type { EmitContext } from '../context.js';
import { oneLine, operationsOf, payloadUnion, replyType } from './any-api.js';
import { TypeImports } from './imports.js';
import type { Wire } from './wire.js';

const SERVER_NAMES = [
  'createChannelServer', 'ChannelServer', 'ChannelServerOptions', 'ReceiveContext', 'WireApi', 'wireProtocol', 'Handlers', 'createServer', 'DEFAULT_BASE_PATH',
];

function handlersInterface(wire: Wire, use: (name: string) => string): WriterFunction {
  return (writer) => {
    writer.blankLine().writeLine('/**');
    writer.writeLine(' * One method per `receive` operation: the validated message and the channel\'s parameters');
    writer.writeLine(' * (`context.params`) in, the reply out (the runtime sets its correlation id). Every method is');
    writer.writeLine(' * required, so a new operation in the spec is a compile error until it is implemented. A handler');
    writer.writeLine(' * that throws costs only its own connection (closed with 1011, or answered through `onReject`).');
    writer.writeLine(' */');
    writer.write('export interface Handlers').block(() => {
      for (const op of operationsOf(wire, 'receive')) {
        const doc = docText(op.model.summary ?? op.model.description, `Operation \`${op.model.key}\` on \`${op.endpoint}\`.`);
        if (doc) writer.writeLine(`/** ${oneLine(doc)} */`);
        const reply = replyType(op, use);
        const key = propertyName(op.model.key);
        writer.writeLine(`${key}(message: ${payloadUnion(op.messages, use, 'never')}, context: ReceiveContext<WireApi, ${literal(op.model.key)}>): ${reply} | Promise<${reply}>;`);
      }
    });
  };
}

/** `src/server.ts`. */
export function anyServerFile(wire: Wire, model: Model, ctx: EmitContext): string {
  const types = new TypeImports(SERVER_NAMES);
  // Writers run when the file is printed; the imports must be known before.
  for (const op of operationsOf(wire, 'receive')) for (const m of [...op.messages, ...(op.reply ?? [])]) types.use(typeName(m.payloadSchema));
  const handlers = handlersInterface(wire, types.use);
  const file = createProject().createSourceFile('server.ts');
  file.addImportDeclaration({
    moduleSpecifier: '@switchboard/runtime/channels',
    namedImports: [{ name: 'createChannelServer' }, ...['ChannelServer', 'ChannelServerOptions', 'ReceiveContext'].map((name) => ({ name, isTypeOnly: true }))],
  });
  const specifiers = types.specifiers();
  if (specifiers.length > 0) file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: './types.js', namedImports: specifiers });
  file.addImportDeclaration({ moduleSpecifier: './wire.js', namedImports: ['wireProtocol', { name: 'WireApi', isTypeOnly: true }] });
  file.addStatements([
    (w) => w.blankLineIfLastNot(),
    (w) => w.writeLine(`/** The path channel addresses are under: the first ws/wss server's \`pathname\`. */`)
      .writeLine(`export const DEFAULT_BASE_PATH = ${literal(wire.basePath)};`),
    handlers,
    (w) => w.blankLine(),
    {
      kind: StructureKind.Function,
      name: 'createServer',
      isExported: true,
      docs: [{
        description: `Creates the server of ${model.info.title} ${model.info.version}: \`ws\` in noServer mode, routing each upgrade by\n` +
          'channel address and each frame by message to your handlers. Without `onReject`, a frame it cannot take\n' +
          'closes its connection: 1007 for an invalid payload, 1003 for one that is no message of the channel.\n' +
          'A `send` operation with a reply is a request: `server.request(operation, connection, message)` resolves with\n' +
          'the client\'s validated reply.',
        tags: [{ tagName: 'example', text: serverExample(wire, ctx) }],
      }],
      parameters: [{ name: 'handlers', type: 'Handlers' }, { name: 'options', type: 'ChannelServerOptions<WireApi>', initializer: '{}' }],
      returnType: 'ChannelServer<WireApi>',
      statements: 'return createChannelServer<WireApi>(wireProtocol, handlers, { basePath: DEFAULT_BASE_PATH, ...options });',
    },
  ]);
  return print(file, ctx.source);
}

function serverExample(wire: Wire, ctx: EmitContext): string {
  const lines = ['', '```ts', 'import { createServer as createHttpServer } from \'node:http\';', `import { createServer } from '${ctx.packageName}/server';`, '', 'const server = createServer({'];
  for (const op of operationsOf(wire, 'receive')) {
    lines.push(`  async ${propertyName(op.model.key)}(message, context) {`, op.reply === null ? '    // no reply' : '    return { ... }; // the reply', '  },');
  }
  lines.push('});', 'server.attach(createHttpServer().listen(8000));', '```');
  return lines.join('\n');
}

/** `src/client.ts`. */
export function anyClientFile(wire: Wire, model: Model, ctx: EmitContext): string {
  const file = createProject().createSourceFile('client.ts');
  file.addImportDeclaration({
    moduleSpecifier: '@switchboard/runtime/channels',
    namedImports: [{ name: 'connectChannel' }, ...['ChannelClientOptions', 'ChannelSocket'].map((name) => ({ name, isTypeOnly: true }))],
  });
  file.addImportDeclaration({ moduleSpecifier: './wire.js', namedImports: ['wireProtocol', { name: 'WireApi', isTypeOnly: true }] });
  const [first] = wire.endpoints;
  const example = first === undefined ? '' : [
    '',
    '```ts',
    `import { connect } from '${ctx.packageName}/client';`,
    '',
    `const socket = await connect(${literal(first.key)}, { ${first.parameters.map((p) => `${propertyName(p.name)}: ${literal(p.enum?.[0] ?? '...')}`).join(', ')} }${wire.url === null ? ', { url: \'wss://example.com\' }' : ''});`,
    '```',
  ].join('\n');
  const url = wire.url;
  file.addStatements([
    (w) => w.blankLineIfLastNot(),
    (w) => w.writeLine('/** The endpoints a client connects to: channels by key (channels that share an address share the first one\'s). */')
      .writeLine('export type Channel = keyof WireApi[\'channels\'] & string;'),
    ...(url === null ? [] : [(w: CodeBlockWriter) => w.blankLine()
      .writeLine('/** The first ws/wss server of the document, where `connect` goes unless `options.url` says otherwise. */')
      .writeLine(`export const DEFAULT_URL = ${literal(url)};`)]),
    (w) => w.blankLine(),
    {
      kind: StructureKind.Function,
      name: 'connect',
      isExported: true,
      docs: [{
        description: `Connects to a channel of ${model.info.title} ${model.info.version}, its address filled with \`params\`: a socket with\n` +
          'typed `send` and `request` per operation a client starts there, `answer(operation, handler)` per request the server\n' +
          'makes there (a `send` operation with a reply), and `on(message, handler)` per message the server sends.',
        tags: example === '' ? [] : [{ tagName: 'example', text: example }],
      }],
      typeParameters: [{ name: 'C', constraint: 'Channel' }],
      parameters: [
        { name: 'channel', type: 'C' },
        { name: 'params', type: 'WireApi[\'channels\'][C][\'params\']' },
        url === null
          ? { name: 'options', type: 'ChannelClientOptions' }
          : { name: 'options', type: 'Partial<ChannelClientOptions>', initializer: '{}' },
      ],
      returnType: 'Promise<ChannelSocket<WireApi, C>>',
      statements: url === null
        ? 'return connectChannel<WireApi, C>(wireProtocol, channel, params, options);'
        : 'return connectChannel<WireApi, C>(wireProtocol, channel, params, { ...options, url: options.url ?? DEFAULT_URL });',
    },
  ]);
  return print(file, ctx.source);
}
