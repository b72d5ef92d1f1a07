/**
 * The messages emitter (AsyncAPI 3.0.0 "Operation Object", "Operation Reply Object"): the
 * discriminated unions of everything a client sends (`ClientMessage`, operations with
 * `action: receive`) and everything the server sends (`ServerMessage`: `action: send` and
 * replies), their maps by `type`, the request -> reply map, and the same lists as values.
 * Writes `src/messages.ts`.
 */
import { VariableDeclarationKind, type SourceFile } from 'ts-morph';
import type { MessageModel, Model } from '../model.js';
import { typeName } from '../lib/names.js';
import { constObject, createProject, docText, literal, print } from '../lib/ts.js';
import type { EmitContext, EmitResult, Emitter } from './context.js';

export const messagesEmitter: Emitter = {
  name: 'messages',
  emit(model: Model, ctx: EmitContext): EmitResult {
    const routed = model.messages.filter((m): m is MessageModel & { type: string } => m.type !== null);
    const client = routed.filter((m) => m.directions.fromClient);
    const server = routed.filter((m) => m.directions.fromServer);
    const byKey = new Map(routed.map((m) => [m.key, m]));
    const replies = replyMap(model, byKey);

    const project = createProject();
    const file = project.createSourceFile('messages.ts');
    const used = [...new Set([...client, ...server].map((m) => typeName(m.payloadSchema)))].sort();
    if (used.length > 0) {
      file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: './types.js', namedImports: used });
    }

    addSide(file, 'Client', client, 'Every message a client sends to the server (the spec\'s `receive` operations).');
    addSide(file, 'Server', server, 'Every message the server sends to a client (the spec\'s `send` operations and replies).');

    file.addInterface({
      name: 'ReplyMap',
      isExported: true,
      docs: ['For each client request that has a reply, the messages that may answer it (matched by `correlation_id`).'],
      properties: [...replies].map(([request, answers]) => ({
        name: literal(request),
        type: answers.map((m) => typeName(m.payloadSchema)).join(' | '),
      })),
    });
    file.addTypeAlias({
      name: 'RequestType',
      isExported: true,
      docs: ['The `type` of a client message that gets a reply.'],
      type: 'keyof ReplyMap',
    });
    file.addStatements(constObject(
      'REPLY_TYPES',
      'For each {@link RequestType}, the `type`s that may answer it.',
      [...replies].map(([request, answers]) => ({ key: literal(request), value: `[${answers.map((m) => literal(m.type)).join(', ')}]` })),
      ` as const satisfies { readonly [K in RequestType]: readonly ReplyMap[K]['type'][] }`,
    ));
    return { files: [{ path: 'src/messages.ts', content: print(file, ctx.source) }], diagnostics: [] };
  },
};

/** `<Name>Message`, its map by `type`, the `type` union and the list of types as a value. */
function addSide(file: SourceFile, name: 'Client' | 'Server', list: readonly Routed[], what: string): void {
  file.addTypeAlias({
    name: `${name}Message`,
    isExported: true,
    docs: [what],
    type: list.length > 0 ? list.map((m) => typeName(m.payloadSchema)).join(' | ') : 'never',
  });
  file.addInterface({
    name: `${name}MessageMap`,
    isExported: true,
    docs: [`Each {@link ${name}Message} by its \`type\`.`],
    properties: list.map((m) => ({
      name: literal(m.type),
      type: typeName(m.payloadSchema),
      docs: docList(docText(m.summary ?? m.title)),
    })),
  });
  file.addTypeAlias({
    name: `${name}MessageType`,
    isExported: true,
    docs: [`The \`type\` of a {@link ${name}Message}.`],
    type: `keyof ${name}MessageMap`,
  });
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [`Every {@link ${name}MessageType}, in spec order.`],
    declarations: [{
      name: `${name.toUpperCase()}_MESSAGE_TYPES`,
      initializer: `[${list.map((m) => literal(m.type)).join(', ')}] as const satisfies readonly ${name}MessageType[]`,
    }],
  });
}

function docList(doc: string | undefined): string[] {
  return doc ? [doc] : [];
}

type Routed = MessageModel & { type: string };

function replyMap(model: Model, byKey: ReadonlyMap<string, Routed>): Map<string, Routed[]> {
  const out = new Map<string, Routed[]>();
  for (const op of model.operations) {
    if (op.action !== 'receive' || !op.reply) continue;
    const answers = op.reply.map((k) => byKey.get(k)).filter((m): m is Routed => m !== undefined);
    if (answers.length === 0) continue;
    for (const key of op.messages) {
      const request = byKey.get(key);
      if (!request) continue;
      const list = out.get(request.type) ?? [];
      for (const a of answers) if (!list.includes(a)) list.push(a);
      out.set(request.type, list);
    }
  }
  return out;
}
