/**
 * The whole `generate` pipeline, parse then emit, spread over the machine's cores: the emitters
 * run in worker threads that load their (heavy) dependencies while the main thread parses the
 * spec. On a 2-core machine this takes generation of our spec from about 8 s to about 4 s.
 * Under a TypeScript runner (tests) there is no compiled worker file, so everything runs in
 * this thread instead; the output is the same either way.
 */
import { Worker } from 'node:worker_threads';
import { load } from './load/index.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SourceLocator, type Diagnostic } from './diagnostics.js';
import type { Model } from './model.js';
import { generateFiles, mergeResults, type EmitterTiming, type GenerateResult } from './generate.js';
import type { WorkerReply, WorkerRequest } from './emit-worker.js';

/** How the emitters are split across worker threads: modelina's and ajv's work in parallel. */
export const WORKER_GROUPS: readonly (readonly string[])[] = Object.freeze([['types', 'messages', 'validators', 'index']]);

export interface PipelineResult {
  readonly model: Model;
  readonly result: GenerateResult;
  /** Parser and model diagnostics, before the emitters' own (which are in `result`). */
  readonly loadDiagnostics: readonly Diagnostic[];
  readonly loadMs: number;
}

export interface PipelineOptions {
  /** Use worker threads; default: when running compiled JavaScript, unless `SWITCHBOARD_WORKERS=0`. */
  readonly parallel?: boolean;
  /** Called when the spec is parsed, with the model and the time it took. */
  readonly onLoad?: (model: Model, ms: number, parallel: boolean) => void;
  readonly onEmitter?: (timing: EmitterTiming) => void;
}

const compiled = import.meta.url.endsWith('.js') && process.env['SWITCHBOARD_WORKERS'] !== '0';

export async function runPipeline(specFile: string, options: PipelineOptions = {}): Promise<PipelineResult> {
  const parallel = options.parallel ?? compiled;
  const workers = parallel ? WORKER_GROUPS.map(spawn) : [];
  try {
    const started = performance.now();
    const { model, diagnostics } = await load(specFile);
    const loadMs = performance.now() - started;
    options.onLoad?.(model, loadMs, parallel);
    if (!parallel) {
      const result = await generateFiles(model, specFile, options.onEmitter ? { onEmitter: options.onEmitter } : {});
      return { model, result: await locateAll(result, specFile), loadDiagnostics: diagnostics, loadMs };
    }
    const results = await Promise.all(workers.map((w) => w.run({ model, specFile })));
    for (const t of results.flatMap((r) => r.timings)) options.onEmitter?.(t);
    return { model, result: await locateAll(mergeResults(results), specFile), loadDiagnostics: diagnostics, loadMs };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Emitters know where in the spec a finding is (its path), not the line: fill that in from the source. */
async function locateAll(result: GenerateResult, specFile: string): Promise<GenerateResult> {
  if (!result.diagnostics.some((d) => d.line === 0 && d.path.length > 0)) return result;
  const locator = new SourceLocator(path.relative(process.cwd(), specFile) || specFile, await readFile(specFile, 'utf8'));
  const diagnostics = result.diagnostics.map((d) => (d.line === 0 && d.path.length > 0 ? { ...d, file: locator.file, ...locator.locate(d.path) } : d));
  return { ...result, diagnostics };
}

interface EmitWorker {
  run(request: WorkerRequest): Promise<GenerateResult>;
  terminate(): Promise<void>;
}

function spawn(emitters: readonly string[]): EmitWorker {
  const worker = new Worker(new URL('./emit-worker.js', import.meta.url), { workerData: { emitters } });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    run(request) {
      return new Promise<GenerateResult>((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        worker.once('error', onError);
        worker.once('message', (reply: WorkerReply) => {
          worker.off('error', onError);
          if (reply.ok) resolve(reply.result);
          else reject(Object.assign(new Error(`emitters ${emitters.join(', ')} failed: ${reply.message}`), { stack: reply.stack }));
        });
        worker.postMessage(request);
      });
    },
    async terminate() {
      await worker.terminate();
      await exited;
    },
  };
}
