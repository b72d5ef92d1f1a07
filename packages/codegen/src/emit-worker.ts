/**
 * A worker thread that runs some of the emitters. It starts loading their dependencies
 * (modelina, ts-morph, ajv: about two seconds of module loading) as soon as it is spawned, while
 * the main thread parses the spec; the model arrives as plain JSON by `postMessage`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Model } from './model.js';
import type { GenerateResult } from './generate.js';

export interface WorkerRequest {
  readonly model: Model;
  readonly specFile: string;
}

export type WorkerReply =
  | { readonly ok: true; readonly result: GenerateResult }
  | { readonly ok: false; readonly message: string; readonly stack: string | undefined };

const port = parentPort;
if (!port) throw new Error('emit-worker must run in a worker thread');
const names = (workerData as { emitters: readonly string[] }).emitters;
const ready = Promise.all([import('./emitters.js'), import('./generate.js')]);

port.once('message', (request: WorkerRequest) => {
  ready
    .then(async ([{ emittersByName }, { generateFiles }]) => {
      const result = await generateFiles(request.model, request.specFile, { emitters: emittersByName(names) });
      port.postMessage({ ok: true, result } satisfies WorkerReply);
    })
    .catch((error: unknown) => {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ ok: false, message: e.message, stack: e.stack } satisfies WorkerReply);
    });
});
