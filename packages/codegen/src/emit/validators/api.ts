/**
 * `src/validators.ts`, the typed API over ajv's module: one `validate<Message>` per message
 * (AsyncAPI 3.0.0 "Message Object", its payload) and, per direction, a dispatch on the `type`
 * const. What every document's API shares (the result and error types, the run and routing
 * functions) is imported from `@switchboard/runtime/validation`, not printed here.
 */
import { StructureKind, type FunctionDeclarationStructure, type SourceFile } from 'ts-morph';
import type { MessageModel } from '../../model.js';
import { pascalCase, typeName } from '../../lib/names.js';
import { createProject, literal, print } from '../../lib/ts.js';
import type { EmitContext } from '../context.js';
import { compiledName } from './compile.js';
import { RUNTIME_VALIDATION } from './module.js';

/** `src/validators.ts`: one typed function per message and a `type` dispatch per direction. */
export function typedApi(messages: readonly MessageModel[], ctx: EmitContext): string {
  const project = createProject();
  const file = project.createSourceFile('validators.ts');
  const routed = messages.filter((m) => m.type !== null);
  const directions = [
    ['Client', routed.filter((m) => m.directions.fromClient)],
    ['Server', routed.filter((m) => m.directions.fromServer)],
  ] as const;
  const dispatched = directions.filter(([, list]) => list.length > 0);
  addImports(file, messages, dispatched.map(([name]) => `${name}Message`));
  // One insertion for all functions: ts-morph re-parses the file on every add.
  const functions = messages.map(messageFunction);
  for (const [name, list] of dispatched) functions.push(dispatchFunction(name, list));
  file.addStatements([(writer) => writer.blankLineIfLastNot(), ...functions]);
  return print(file, ctx.source);
}

function addImports(file: SourceFile, messages: readonly MessageModel[], unions: readonly string[]): void {
  const payloadTypes = [...new Set(messages.map((m) => typeName(m.payloadSchema)))].sort();
  if (payloadTypes.length > 0) file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: './types.js', namedImports: payloadTypes });
  if (unions.length > 0) file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: './messages.js', namedImports: [...unions] });
  const routing = unions.length > 0 ? ['messageTypeOf', 'unroutable'] : [];
  file.addImportDeclaration({
    moduleSpecifier: RUNTIME_VALIDATION,
    namedImports: [...routing, ...(messages.length > 0 ? ['validateWith'] : []), { name: 'ValidationResult', isTypeOnly: true }],
  });
  file.addImportDeclaration({ moduleSpecifier: './validators/compiled.js', namespaceImport: 'compiled' });
  file.addExportDeclaration({ isTypeOnly: true, moduleSpecifier: RUNTIME_VALIDATION, namedExports: ['ValidationError', 'ValidationResult'] });
}

function messageFunction(m: MessageModel): FunctionDeclarationStructure {
  const t = typeName(m.payloadSchema);
  const what = m.type !== null ? `${/^[aeiou]/i.test(m.type) ? 'an' : 'a'} \`${m.type}\` message` : `the payload of message \`${m.key}\``;
  return {
    kind: StructureKind.Function,
    name: `validate${pascalCase(m.key)}`,
    isExported: true,
    docs: [`Validates ${what} against {@link ${t}}.`],
    parameters: [{ name: 'input', type: 'unknown' }],
    returnType: `ValidationResult<${t}>`,
    statements: `return validateWith<${t}>(compiled.${compiledName(m)}, input);`,
  };
}

/** `validateClientMessage` / `validateServerMessage`: a `switch` on `type` to the message's validator. */
function dispatchFunction(name: 'Client' | 'Server', list: readonly MessageModel[]): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name: `validate${name}Message`,
    isExported: true,
    docs: [
      `Validates anything parsed from the wire as a {@link ${name}Message}: routes on \`type\`, then checks the whole message against its schema.`,
    ],
    parameters: [{ name: 'input', type: 'unknown' }],
    returnType: `ValidationResult<${name}Message>`,
    statements: (writer) => {
      writer.writeLine('const type = messageTypeOf(input);');
      writer.write('switch (type)').block(() => {
        for (const m of list) {
          writer.writeLine(`case ${literal(m.type ?? '')}: return validate${pascalCase(m.key)}(input);`);
        }
        writer.writeLine('default: return unroutable(input, type);');
      });
    },
  };
}
