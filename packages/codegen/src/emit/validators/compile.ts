/**
 * ajv's standalone module for a model's messages (one export per message, messages sharing a
 * payload sharing its function), with the fallback that costs a schema ajv refuses only the
 * messages using it, and the check of every message example against its payload schema.
 */
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import type { Ajv } from 'ajv';
import type { Diagnostic } from '../../diagnostics.js';
import type { MessageModel, Model } from '../../model.js';
import { camelCase, safeIdentifier } from '../../lib/names.js';
import type { EmitContext } from '../context.js';
import { ajvFor, definitionRef, emitterWarning } from './ajv.js';
import { reshapeModule } from './module.js';

// A CommonJS module whose `module.exports` carries the function as `default` too.
const standaloneCode = standaloneCodeModule.default;

/** The exported name of a message's compiled validator inside `compiled.ts`. */
export function compiledName(m: MessageModel): string {
  return safeIdentifier(camelCase(m.key));
}

/**
 * ajv's module with one export per message. Messages that share a payload schema share its
 * function: ajv would print one copy per export name, under the same function name.
 */
function standaloneOf(ajv: Ajv, messages: readonly MessageModel[]): string {
  const refs: Record<string, string> = {};
  const first = new Map<string, string>();
  const aliases: string[] = [];
  for (const m of messages) {
    const shared = first.get(m.payloadSchema);
    if (shared === undefined) {
      first.set(m.payloadSchema, compiledName(m));
      refs[compiledName(m)] = definitionRef(m.payloadSchema);
    } else {
      aliases.push(`export const ${compiledName(m)} = ${shared};`);
    }
  }
  const code = standaloneCode(ajv, refs);
  return aliases.length === 0 ? code : `${code}\n${aliases.join('\n')}\n`;
}

/**
 * The messages whose payload ajv compiles, found on a scratch instance (compiling there first
 * would renumber the functions of the real module); each one refused is reported at its payload.
 */
function compilable(model: Model): { messages: MessageModel[]; refused: Diagnostic[] } {
  const ajv = ajvFor(model, [], false);
  const refused: Diagnostic[] = [];
  const messages = model.messages.filter((m) => {
    try {
      ajv.getSchema(definitionRef(m.payloadSchema));
      return true;
    } catch (error) {
      refused.push({
        severity: 'error',
        rule: 'switchboard/validator-compile',
        message: `ajv cannot compile the payload of message "${m.key}": ${(error as Error).message}; it has no validator`,
        file: model.source,
        line: 0,
        column: 0,
        path: [...m.path, 'payload'],
      });
      return false;
    }
  });
  return { messages, refused };
}

/** ajv's standalone module for the messages it compiles, and those messages. */
export function compileStandalone(model: Model, ctx: EmitContext, diagnostics: Diagnostic[]): { content: string; messages: MessageModel[] } {
  try {
    const ajv = ajvFor(model, diagnostics);
    const code = standaloneOf(ajv, model.messages);
    checkExamples(ajv, model, model.messages, diagnostics);
    return { content: reshapeModule(code, model, ctx, diagnostics), messages: [...model.messages] };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    // One schema ajv refuses costs only the messages that use it.
    const { messages, refused } = compilable(model);
    diagnostics.push(...refused);
    const ajv = ajvFor(model, [], false);
    const code = standaloneOf(ajv, messages);
    checkExamples(ajv, model, messages, diagnostics);
    return { content: reshapeModule(code, model, ctx, diagnostics), messages };
  }
}

/**
 * Every example of a message against its payload schema (AsyncAPI 3.x does not require the
 * parser to check them): one that breaks its own schema is reported with the JSON pointer and
 * the keyword that fail, and generation goes on. Runs after the module is printed, so the
 * functions compiled here do not renumber it.
 */
function checkExamples(ajv: Ajv, model: Model, messages: readonly MessageModel[], diagnostics: Diagnostic[]): void {
  for (const m of messages) {
    const validate = m.examples.length > 0 ? ajv.getSchema(definitionRef(m.payloadSchema)) : undefined;
    m.examples.forEach((example, i) => {
      if (!validate || validate(example.payload)) return;
      const error = validate.errors?.[0];
      const pointer = error?.instancePath || '/';
      diagnostics.push(emitterWarning(model, 'example-mismatch',
        `example ${example.name === null ? i : JSON.stringify(example.name)} of message "${m.key}" breaks its payload schema at ${pointer}: ${error?.message ?? 'invalid'} (${error?.keyword ?? 'schema'})`,
        [...m.path, 'examples', i, 'payload']));
    });
  }
}
