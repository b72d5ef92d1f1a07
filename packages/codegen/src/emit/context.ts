import type { Diagnostic } from '../diagnostics.js';
import type { Model } from '../model.js';

/** One file an emitter produces, with a path relative to the output directory. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

export interface EmitContext {
  /** The spec's file name (no directories), for headers: output must not depend on the machine. */
  readonly source: string;
  /**
   * The name the generated package is imported by, for examples in its README.
   * @default the name in the output directory's package.json, else `'./generated'`
   */
  readonly packageName: string;
}

export interface EmitResult {
  readonly files: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/** An emitter is a pure function of the model: same model, same files, byte for byte. */
export interface Emitter {
  readonly name: string;
  /**
   * The parts of the model the emitter reads, when it reads only some. It then gets a model with
   * only those parts (reading any other throws, so the list cannot go stale), and its result is
   * reused while those parts and the context are unchanged: in `watch`, a save that does not
   * touch them costs nothing for this emitter.
   */
  readonly inputs?: readonly (keyof Model)[];
  emit(model: Model, ctx: EmitContext): Promise<EmitResult> | EmitResult;
}
