/** The package entry point of the generated output: re-exports every module. Writes `src/index.ts`. */
import { createProject, print } from '../lib/ts.js';
import type { EmitContext, EmitResult, Emitter } from './context.js';
import type { Model } from '../model.js';

export const indexEmitter: Emitter = {
  name: 'index',
  emit(_model: Model, ctx: EmitContext): EmitResult {
    const file = createProject().createSourceFile('index.ts');
    for (const m of ['./types.js', './messages.js', './validators.js']) {
      file.addExportDeclaration({ moduleSpecifier: m });
    }
    return { files: [{ path: 'src/index.ts', content: print(file, ctx.source) }], diagnostics: [] };
  },
};
