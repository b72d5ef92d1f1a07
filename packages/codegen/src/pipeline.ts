/**
 * The whole `generate` pipeline: parse the spec into the model, run the emitters, and give
 * emitter findings (which know a spec path, not a line) their file:line:column.
 *
 * Everything runs in one thread. Loading the emitters' dependencies in a worker while the main
 * thread parses was tried: on this 2-core shared machine it was no faster (5.7-7.2 s against
 * 5.4-6.6 s in one thread) and used more CPU, so the simpler form stays.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load, type LoadOptions } from './load/index.js';
import type { ResolveMap } from './load/resolver.js';
import { SourceLocator, type Diagnostic } from './diagnostics.js';
import type { Model } from './model.js';
import type { Emitter } from './emit/context.js';
import { generateFiles, type EmitterTiming, type GenerateResult } from './generate.js';

export interface PipelineResult {
  readonly model: Model;
  readonly result: GenerateResult;
  /** Parser and model diagnostics, before the emitters' own (which are in `result`). */
  readonly loadDiagnostics: readonly Diagnostic[];
  readonly loadMs: number;
}

export interface PipelineOptions {
  /** How the generated package is imported, for its README. */
  readonly packageName?: string;
  /** The emitters to run; default: all. */
  readonly emitters?: readonly Emitter[];
  /** Called when the spec is parsed, with the model and the time it took. */
  readonly onLoad?: (model: Model, ms: number) => void;
  readonly onEmitter?: (timing: EmitterTiming) => void;
  /** See RunOptions.reuse. @default true */
  readonly reuse?: boolean;
  /** Local copies of remote `$ref` targets; see LoadOptions.resolve. */
  readonly resolve?: ResolveMap;
  /** The side the document describes; see LoadOptions.role. */
  readonly role?: LoadOptions['role'];
}

export async function runPipeline(specFile: string, options: PipelineOptions = {}): Promise<PipelineResult> {
  const started = performance.now();
  const { model, diagnostics } = await load(specFile, {
    ...(options.resolve ? { resolve: options.resolve } : {}),
    ...(options.role ? { role: options.role } : {}),
  });
  const loadMs = performance.now() - started;
  options.onLoad?.(model, loadMs);
  const result = await generateFiles(model, specFile, {
    ...(options.emitters ? { emitters: options.emitters } : {}),
    ...(options.packageName ? { packageName: options.packageName } : {}),
    ...(options.onEmitter ? { onEmitter: options.onEmitter } : {}),
    ...(options.reuse === undefined ? {} : { reuse: options.reuse }),
  });
  return { model, result: await locateAll(result, specFile), loadDiagnostics: diagnostics, loadMs };
}

/** Emitters know where in the spec a finding is (its path), not the line: fill that in from the source. */
async function locateAll(result: GenerateResult, specFile: string): Promise<GenerateResult> {
  if (!result.diagnostics.some((d) => d.line === 0 && d.path.length > 0)) return result;
  const locator = new SourceLocator(path.relative(process.cwd(), specFile) || specFile, await readFile(specFile, 'utf8'));
  const diagnostics = result.diagnostics.map((d) => (d.line === 0 && d.path.length > 0 ? { ...d, file: locator.file, ...locator.locate(d.path) } : d));
  return { ...result, diagnostics };
}
