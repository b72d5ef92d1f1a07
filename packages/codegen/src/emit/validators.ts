/**
 * The validators emitter (AsyncAPI 3.0.0 "Schema Object", a superset of JSON Schema draft 07):
 * every message payload compiled by ajv into standalone code at generate time, so nothing
 * compiles a schema at run time, plus a typed wrapper per message and a dispatch on `type`
 * that returns a typed error with a JSON pointer. Writes `src/validators/compiled.ts` (ajv's
 * code, made an ES module with no CommonJS `require`) and `src/validators.ts` (the typed API);
 * both import what they share with every other document from `@switchboard/runtime/validation`.
 * The parts live in `validators/`: the ajv instance, compiling, the module's reshaping, the API.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Model } from '../model.js';
import type { EmitContext, EmitResult, Emitter } from './context.js';
import { typedApi } from './validators/api.js';
import { compileStandalone } from './validators/compile.js';

export const validatorsEmitter: Emitter = {
  name: 'validators',
  inputs: ['source', 'schemas', 'messages'],
  emit(model: Model, ctx: EmitContext): EmitResult {
    const diagnostics: Diagnostic[] = [];
    const compiled = compileStandalone(model, ctx, diagnostics);
    return {
      files: [
        { path: 'src/validators/compiled.ts', content: compiled.content },
        { path: 'src/validators.ts', content: typedApi(compiled.messages, ctx) },
      ],
      diagnostics,
    };
  },
};
