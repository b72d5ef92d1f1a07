/**
 * Runs the emitters over a loaded model and writes or checks the output directory. The output
 * is deterministic: the same spec gives the same bytes on every run and machine.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Diagnostic } from './diagnostics.js';
import type { Model } from './model.js';
import type { EmitContext, EmitResult, Emitter, GeneratedFile } from './emit/context.js';

/** Directories of the output that belong wholly to the generator: a file there that it did not emit is stale. */
export const MANAGED_DIRECTORIES: readonly string[] = Object.freeze(['src', 'docs', 'schemas']);

export interface EmitterTiming {
  readonly emitter: string;
  readonly files: number;
  readonly ms: number;
}

export interface GenerateResult {
  readonly files: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: readonly EmitterTiming[];
}

export interface RunOptions {
  /** The emitters to run; default: all of them, in order. */
  readonly emitters?: readonly Emitter[];
  /** How the generated package is imported, for its README; see EmitContext. */
  readonly packageName?: string;
  /** Called after each emitter, e.g. to print a progress line. */
  readonly onEmitter?: (timing: EmitterTiming) => void;
  /**
   * Reuse an emitter's last result while its declared inputs are unchanged.
   * @default true
   */
  readonly reuse?: boolean;
}

/** Runs the emitters over the model in this thread. Files are sorted by path. */
export async function generateFiles(model: Model, specFile: string, options: RunOptions = {}): Promise<GenerateResult> {
  const ctx = { source: path.basename(specFile), packageName: options.packageName ?? './generated' };
  const files: GeneratedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const timings: EmitterTiming[] = [];
  const emitters = options.emitters ?? (await import('./emitters.js')).DEFAULT_EMITTERS;
  for (const emitter of emitters) {
    const start = performance.now();
    const result = await runEmitter(emitter, model, ctx, options.reuse ?? true);
    const timing = { emitter: emitter.name, files: result.files.length, ms: performance.now() - start };
    timings.push(timing);
    options.onEmitter?.(timing);
    files.push(...result.files);
    diagnostics.push(...result.diagnostics);
  }
  return mergeResults([{ files, diagnostics, timings }]);
}

/** The last result of each emitter that declares its inputs, with the key it was made for. */
const lastResults = new Map<Emitter, { readonly key: string; readonly result: EmitResult }>();

/** Runs one emitter; one that declares its inputs sees only those, and is not rerun when they are unchanged. */
async function runEmitter(emitter: Emitter, model: Model, ctx: EmitContext, reuse: boolean): Promise<EmitResult> {
  if (!emitter.inputs) return emitter.emit(model, ctx);
  const inputs: Partial<Record<keyof Model, unknown>> = {};
  for (const key of emitter.inputs) inputs[key] = model[key];
  const key = JSON.stringify([inputs, ctx]);
  const last = lastResults.get(emitter);
  if (reuse && last?.key === key) return last.result;
  const declared = new Set<string | symbol>(emitter.inputs);
  const restricted = new Proxy(inputs, {
    get(target, property, receiver) {
      if (typeof property === 'string' && !declared.has(property)) {
        throw new Error(`the ${emitter.name} emitter read model.${property}, which it does not list in its inputs`);
      }
      return Reflect.get(target, property, receiver);
    },
  }) as Model;
  const result = await emitter.emit(restricted, ctx);
  lastResults.set(emitter, { key, result });
  return result;
}

/** Joins the results of several emitter runs: files sorted by path, each path written once. */
export function mergeResults(results: readonly GenerateResult[]): GenerateResult {
  const files = results.flatMap((r) => r.files);
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`two emitters wrote ${f.path}`);
    seen.add(f.path);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics: results.flatMap((r) => r.diagnostics), timings: results.flatMap((r) => r.timings) };
}

export interface Staleness {
  /** Files whose content differs from what the spec produces. */
  readonly changed: readonly string[];
  /** Files the spec produces that are not on disk. */
  readonly missing: readonly string[];
  /** Files in a managed directory that the spec does not produce. */
  readonly extra: readonly string[];
}

export function isStale(s: Staleness): boolean {
  return s.changed.length + s.missing.length + s.extra.length > 0;
}

/**
 * Compares the output directory with what the spec produces, without writing anything. `managed`
 * are the directories whose every file must be produced (default: all of MANAGED_DIRECTORIES).
 */
export async function compareOutput(
  outDir: string,
  files: readonly GeneratedFile[],
  managed: readonly string[] = MANAGED_DIRECTORIES,
): Promise<Staleness> {
  const changed: string[] = [];
  const missing: string[] = [];
  for (const f of files) {
    const current = await readFile(path.join(outDir, f.path), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (current === null) missing.push(f.path);
    else if (current !== f.content) changed.push(f.path);
  }
  const expected = new Set(files.map((f) => f.path));
  const extra = (await listManaged(outDir, managed)).filter((p) => !expected.has(p));
  return { changed, missing, extra };
}

/** Writes the files that differ and deletes stale ones in the managed directories. Returns what changed. */
export async function writeOutput(
  outDir: string,
  files: readonly GeneratedFile[],
  managed: readonly string[] = MANAGED_DIRECTORIES,
): Promise<Staleness> {
  const staleness = await compareOutput(outDir, files, managed);
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const p of [...staleness.changed, ...staleness.missing]) {
    const f = byPath.get(p);
    if (!f) continue;
    await mkdir(path.dirname(path.join(outDir, p)), { recursive: true });
    await writeFile(path.join(outDir, p), f.content);
  }
  for (const p of staleness.extra) await rm(path.join(outDir, p));
  return staleness;
}

async function listManaged(outDir: string, managed: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const dir of managed) {
    const entries = await readdir(path.join(outDir, dir), { recursive: true, withFileTypes: true }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      },
    );
    for (const e of entries) {
      if (e.isFile()) out.push(path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    }
  }
  return out.sort();
}

/** The `name` in the output directory's package.json, which the generated README's examples import. */
export async function readPackageName(outDir: string): Promise<string | null> {
  try {
    const pkg: unknown = JSON.parse(await readFile(path.join(outDir, 'package.json'), 'utf8'));
    return typeof pkg === 'object' && pkg !== null && typeof (pkg as { name?: unknown }).name === 'string' ? (pkg as { name: string }).name : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
