export { load, type LoadResult } from './load/index.js';
export type * from './model.js';
export { formatDiagnostic, SpecError, SourceLocator, type Diagnostic, type Severity } from './diagnostics.js';
export { DEFAULT_EMITTERS, emittersByName } from './emitters.js';
export { runPipeline, type PipelineOptions, type PipelineResult } from './pipeline.js';
export {
  MANAGED_DIRECTORIES, compareOutput, generateFiles, isStale, mergeResults, writeOutput,
  type EmitterTiming, type GenerateResult, type RunOptions, type Staleness,
} from './generate.js';
export type { EmitContext, EmitResult, Emitter, GeneratedFile } from './emit/context.js';
export { typesEmitter } from './emit/types.js';
export { messagesEmitter } from './emit/messages.js';
export { validatorsEmitter } from './emit/validators.js';
export { arbitrariesEmitter } from './emit/arbitraries.js';
export { indexEmitter } from './emit/index-file.js';
export { docsEmitter } from './emit/docs.js';
export { readmeEmitter } from './emit/readme.js';
export { main, runWatch, DEFAULT_CLI_OPTIONS, EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CommandOptions, type Io } from './cli.js';
export { watch, referencedFiles, type WatchEvent, type WatchOptions } from './watch.js';
export { camelCase, constantCase, pascalCase, safeIdentifier, typeName } from './lib/names.js';
