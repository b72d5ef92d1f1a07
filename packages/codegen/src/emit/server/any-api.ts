/**
 * The transport-neutral half for a document that is not our envelope (AsyncAPI 3.0.0 "Channel
 * Object", "Operation Object", "Operation Reply Object"). Writes `src/operations.ts`: the `Api`
 * type (per endpoint its parameters and the messages each side sends, per operation its message
 * and reply), an `OperationHandlers` map with one method per `receive` operation, and `dispatch`
 * by operation, for any transport; and, for a WebSocket document, `src/wire.ts`: the
 * `WireProtocol` the runtime's channel server and client read.
 */
import type { WriterFunction } from 'ts-morph';
import type { MessageModel, Model } from '../../model.js';
import { array, json, object, printCode, propertyKey, quote, raw, type Code } from '../../lib/code.js';
import { pascalCase, typeName } from '../../lib/names.js';
import { createProject, docText, literal, print, propertyName } from '../../lib/ts.js';
import type { EmitContext } from '../context.js';
import { TypeImports } from './imports.js';
import type { EndpointModel, Wire, WireDirectionModel, WireOperationModel } from './wire.js';

const OPERATIONS_NAMES = ['Api', 'OperationHandlers', 'Received', 'Reply', 'dispatch'];

/** `A | B`, or `fallback` for none. */
export function payloadUnion(messages: readonly MessageModel[], use: (name: string) => string, fallback: string): string {
  const names = [...new Set(messages.map((m) => use(typeName(m.payloadSchema))))];
  return names.length === 0 ? fallback : names.join(' | ');
}

/** The reply type of an operation: the union of its reply payloads, or `void`. */
export function replyType(op: WireOperationModel, use: (name: string) => string): string {
  return op.reply === null || op.reply.length === 0 ? 'void' : payloadUnion(op.reply, use, 'void');
}

function block(writer: Parameters<WriterFunction>[0], head: string, entries: readonly [string, WriterFunction][], end: string): void {
  if (entries.length === 0) {
    writer.writeLine(`${head}{}${end}`);
    return;
  }
  writer.write(`${head}{`).newLine();
  writer.indent(() => {
    for (const [key, body] of entries) {
      writer.write(`${key}: `);
      body(writer);
    }
  });
  writer.writeLine(`}${end}`);
}

/** Writes `text` where the writer is, then ends the line. */
function line(text: string): WriterFunction {
  return (writer) => {
    writer.write(text).newLine();
  };
}

function paramsType(e: EndpointModel): string {
  if (e.parameters.length === 0) return 'Record<string, never>';
  return `{ ${e.parameters.map((p) => `${propertyName(p.name)}: ${p.enum && p.enum.length > 0 ? p.enum.map(literal).join(' | ') : 'string'}`).join('; ')} }`;
}

function messagesType(d: WireDirectionModel, use: (name: string) => string): string {
  if (d.messages.length === 0) return '{}';
  return `{ ${d.messages.map((w) => `${propertyName(w.message.key)}: ${use(typeName(w.message.payloadSchema))}`).join('; ')} }`;
}

/** `export type <name> = { channels; receive; send }`, with `what` saying which channels it has. */
function apiType(wire: Wire, use: (name: string) => string, name: string, what: string): WriterFunction {
  return (writer) => {
    writer.blankLineIfLastNot().writeLine('/**');
    writer.writeLine(` * ${what} as types.`);
    writer.writeLine(' * Per endpoint (channels that share an address) its parameters and the messages each side sends,');
    writer.writeLine(' * by message key; per operation its endpoint, message and reply (`void` for none). `receive`');
    writer.writeLine(' * operations are the ones a client starts; a `send` operation with a reply is a request the');
    writer.writeLine(' * server makes of a client, which the client answers.');
    writer.writeLine(' */');
    block(writer, `export type ${name} = `, [
      ['channels', (w) => block(w, '', wire.endpoints.map((e) => [propertyName(e.key), (w2) => block(w2, '', [
        ['params', line(`${paramsType(e)};`)],
        ['fromClient', line(`${messagesType(e.fromClient, use)};`)],
        ['fromServer', line(`${messagesType(e.fromServer, use)};`)],
      ], ';')]), ';')],
      ['receive', (w) => block(w, '', operationsOf(wire, 'receive').map((op) => [propertyName(op.model.key), line(
        `{ channel: ${literal(op.endpoint)}; message: ${payloadUnion(op.messages, use, 'never')}; reply: ${replyType(op, use)} };`)]), ';')],
      ['send', (w) => block(w, '', operationsOf(wire, 'send').map((op) => [propertyName(op.model.key), line(
        `{ channel: ${literal(op.endpoint)}; message: ${payloadUnion(op.messages, use, 'never')}; reply: ${replyType(op, use)} };`)]), ';')],
    ], ';');
  };
}

export function operationsOf(wire: Wire, action: 'send' | 'receive'): WireOperationModel[] {
  return wire.operations.filter((op) => op.model.action === action);
}

/** `OperationHandlers<Context>`, `Received` and `dispatch`, for any transport. */
function handlerMap(wire: Wire, use: (name: string) => string): WriterFunction {
  const ops = operationsOf(wire, 'receive');
  return (writer) => {
    writer.blankLine().writeLine('/** One method per `receive` operation: its message in, its reply (or `void`) out. `Context` is what your transport passes along. */');
    writer.write('export interface OperationHandlers<Context>').block(() => {
      for (const op of ops) {
        const doc = docText(op.model.summary ?? op.model.description, `Operation \`${op.model.key}\` on \`${op.endpoint}\`.`);
        if (doc) writer.writeLine(`/** ${oneLine(doc)} */`);
        const reply = replyType(op, use);
        writer.writeLine(`${propertyName(op.model.key)}(message: ${payloadUnion(op.messages, use, 'never')}, context: Context): ${reply} | Promise<${reply}>;`);
      }
    });
    writer.blankLine().writeLine('/** A received message with the operation it belongs to, as a transport hands it to {@link dispatch}. */');
    const received = ops.map((op) => `{ readonly operation: ${literal(op.model.key)}; readonly message: ${payloadUnion(op.messages, use, 'never')} }`);
    writer.writeLine(`export type Received = ${received.length > 0 ? received.join('\n  | ') : 'never'};`);
    if (ops.length === 0) return;
    writer.blankLine().writeLine('/** Calls the handler of the received message\'s operation and returns its reply. */');
    const returns = 'ReturnType<OperationHandlers<Context>[Received[\'operation\']]>';
    writer.write(`export function dispatch<Context>(handlers: OperationHandlers<Context>, received: Received, context: Context): ${returns}`).block(() => {
      writer.write('switch (received.operation)').block(() => {
        for (const op of ops) writer.writeLine(`case ${literal(op.model.key)}: return handlers${memberAccess(op.model.key)}(received.message, context);`);
      });
    });
  };
}

/** A doc comment's text on one line: paragraphs joined with a space. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function memberAccess(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${literal(key)}]`;
}

/** Records every payload type the Api type names: writers run when the file is printed, and imports must be known before. */
function useTypes(wire: Wire, use: (name: string) => string): void {
  for (const e of wire.endpoints) for (const w of [...e.fromClient.messages, ...e.fromServer.messages]) use(typeName(w.message.payloadSchema));
  for (const op of wire.operations) for (const m of [...op.messages, ...(op.reply ?? [])]) use(typeName(m.payloadSchema));
}

/** `src/operations.ts`. */
export function operationsFile(wire: Wire, ctx: EmitContext): string {
  const types = new TypeImports(OPERATIONS_NAMES);
  useTypes(wire, types.use);
  const api = apiType(wire, types.use, 'Api', 'The document\'s operations, on every channel,');
  const handlers = handlerMap(wire, types.use);
  const file = createProject().createSourceFile('operations.ts');
  const specifiers = types.specifiers();
  if (specifiers.length > 0) file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: './types.js', namedImports: specifiers });
  file.addStatements([(w) => w.blankLineIfLastNot(), api, handlers]);
  return print(file, ctx.source);
}

function directionCode(d: WireDirectionModel): Code {
  return object([
    ['discriminator', d.discriminator === null ? raw('null') : raw(quote(d.discriminator))],
    ['messages', array(d.messages.map((w) => object([
      ['name', raw(quote(w.message.key))],
      ...(w.value !== undefined ? [['discriminator', json(w.value)] as const] : []),
      ['validate', raw(`validate${pascalCase(w.message.key)}`)],
      ['correlation', w.correlation === null ? raw('null') : array(w.correlation.map((s) => raw(quote(s))))],
    ])))],
  ]);
}

/** `src/wire.ts`: the run-time description. */
export function wireFile(wire: Wire, model: Model, ctx: EmitContext): string {
  const validators = new Set<string>();
  for (const e of wire.endpoints) for (const w of [...e.fromClient.messages, ...e.fromServer.messages]) validators.add(`validate${pascalCase(w.message.key)}`);
  const description = object([
    ['title', raw(quote(model.info.title))],
    ['version', raw(quote(model.info.version))],
    ['channels', array(wire.endpoints.map((e) => object([
      ['key', raw(quote(e.key))],
      ['address', raw(quote(e.address))],
      ['parameters', object(e.parameters.map((p) => [propertyKey(p.name), p.enum ? array(p.enum.map((v) => raw(quote(v)))) : raw('null')]))],
      ['fromClient', directionCode(e.fromClient)],
      ['fromServer', directionCode(e.fromServer)],
    ])))],
    ['operations', array(wire.operations.map((op) => object([
      ['key', raw(quote(op.model.key))],
      ['action', raw(quote(op.model.action))],
      ['channel', raw(quote(op.endpoint))],
      ['messages', array(op.messages.map((m) => raw(quote(m.key))))],
      ['reply', op.reply === null ? raw('null') : array(op.reply.map((m) => raw(quote(m.key))))],
    ])))],
  ]);
  const types = new TypeImports(['WireProtocol', 'WireApi', 'wireProtocol', ...validators]);
  useTypes(wire, types.use);
  const file = createProject().createSourceFile('wire.ts');
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: '@switchboard/runtime/channels', namedImports: ['WireProtocol'] });
  const specifiers = types.specifiers();
  if (specifiers.length > 0) file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: './types.js', namedImports: specifiers });
  if (validators.size > 0) file.addImportDeclaration({ moduleSpecifier: './validators.js', namedImports: [...validators].sort() });
  const head = 'export const wireProtocol: WireProtocol = ';
  file.addStatements([apiType(wire, types.use, 'WireApi', 'The operations on the channels a ws/wss server serves,'), (writer) => {
    writer.blankLine().writeLine('/**');
    writer.writeLine(' * What the runtime\'s channel server and client read: each endpoint\'s address and parameters, how a');
    writer.writeLine(' * frame is recognised among the messages each side sends there, where each message carries its');
    writer.writeLine(' * correlation id, and the operations with their replies.');
    writer.writeLine(' */');
    writer.write(`${head}${printCode(description, 0, 110, head.length)};`).newLine();
  }]);
  return print(file, ctx.source);
}
