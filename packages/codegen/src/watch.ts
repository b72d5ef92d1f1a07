/**
 * `switchboard watch`: generate, then regenerate whenever the spec or a file it `$ref`s changes.
 * The process stays warm, so later runs skip module loading and compiling. Writes only files whose content changed; an invalid spec leaves the output as it was
 * and reports why.
 */
import { watch as watchDirectory, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { SpecError, type Diagnostic } from './diagnostics.js';
import { readPackageName, writeOutput, type Staleness } from './generate.js';
import { runPipeline } from './pipeline.js';

export type WatchEvent =
  | { readonly kind: 'generated'; readonly ms: number; readonly written: Staleness; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'failed'; readonly ms: number; readonly diagnostics: readonly Diagnostic[] };

export interface WatchOptions {
  readonly spec: string;
  readonly out: string;
  /** Called after every run, the first included. */
  readonly onRun: (event: WatchEvent) => void;
  /** Stops watching when aborted; `watch` resolves once the run in progress has finished. */
  readonly signal: AbortSignal;
  /**
   * Quiet time after the last change before regenerating: editors write a file in several steps.
   * @default 50
   */
  readonly debounceMs?: number;
  /** The side the document describes; see LoadOptions.role. @default decided from the document */
  readonly role?: 'client' | 'server';
}

/** Runs after the first one that warm V8 up (see the README's performance section). */
const WARM_UP_RUNS = 2;

function packageName(name: string | null): { packageName?: string } {
  return name ? { packageName: name } : {};
}

function roleOption(options: WatchOptions): { role?: 'client' | 'server' } {
  return options.role ? { role: options.role } : {};
}

/** Runs never overlap: a change during a run queues exactly one more run. */
export async function watch(options: WatchOptions): Promise<void> {
  const watchers = new Map<string, FSWatcher>();
  const files = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let first = true;

  const runOnce = async (): Promise<void> => {
    const started = performance.now();
    let event: WatchEvent;
    try {
      const { result, loadDiagnostics } = await runPipeline(options.spec, { ...packageName(await readPackageName(options.out)), ...roleOption(options) });
      const diagnostics = [...loadDiagnostics, ...result.diagnostics];
      event = diagnostics.some((d) => d.severity === 'error')
        ? { kind: 'failed', ms: performance.now() - started, diagnostics }
        : { kind: 'generated', ms: 0, written: await writeOutput(options.out, result.files), diagnostics };
      if (event.kind === 'generated') event = { ...event, ms: performance.now() - started };
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      event = { kind: 'failed', ms: performance.now() - started, diagnostics: error.diagnostics };
    }
    await follow(); // the set of $ref'd files may have changed
    options.onRun(event);
    if (first && event.kind === 'generated') {
      first = false;
      // Unseen runs while the user is still reading the first result: V8 needs a couple of runs
      // before the parser's and the emitters' code is optimised. Edits made meanwhile queue
      // behind them like behind any run.
      for (let warm = 0; warm < WARM_UP_RUNS && !again && !options.signal.aborted; warm++) {
        try {
          // Every emitter really runs: reused results would leave its code cold.
          await runPipeline(options.spec, { ...packageName(await readPackageName(options.out)), ...roleOption(options), reuse: false });
        } catch (error) {
          // The spec was edited into an invalid state meanwhile: that edit queued a run of its
          // own, which reports the findings.
          if (!(error instanceof SpecError)) throw error;
        }
      }
    }
  };

  const trigger = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = runOnce().finally(() => {
      running = null;
      if (again && !options.signal.aborted) {
        again = false;
        trigger();
      }
    });
  };

  // Directories are watched, not files: editors often save by writing a new file and renaming
  // it over the old one, which ends a watch on the file itself. Only the directories of the spec
  // and of the files it reaches, not recursively (a spec may sit at the root of a repository).
  const follow = async (): Promise<void> => {
    const wanted = await referencedFiles(path.resolve(options.spec));
    files.clear();
    for (const f of wanted) files.add(f);
    const dirs = new Set([...wanted].map((f) => path.dirname(f)));
    for (const [dir, w] of watchers) {
      if (!dirs.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      watchers.set(dir, watchDirectory(dir, (_event, name) => {
        if (name === null || !files.has(path.join(dir, name))) return;
        clearTimeout(timer);
        timer = setTimeout(trigger, options.debounceMs ?? 50);
      }));
    }
  };

  await follow();
  trigger();
  await new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    else options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  clearTimeout(timer);
  for (const w of watchers.values()) w.close();
  while (running) await running;
}

/**
 * The spec and every file it reaches through relative `$ref`s (`./schemas.yaml#/Money`). A file
 * that is missing or not valid YAML yet is still in the set: fixing it must trigger a run (which
 * then reports whatever is wrong).
 */
export async function referencedFiles(spec: string): Promise<Set<string>> {
  const seen = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    let doc: unknown;
    try {
      doc = parse(await readFile(file, 'utf8'));
    } catch (error) {
      if (error instanceof YAMLParseError || (error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const refs: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node !== null && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string' && !value.startsWith('#') && !/^[a-z]+:\/\//i.test(value)) {
            refs.push(value.split('#')[0] ?? '');
          } else walk(value);
        }
      }
    };
    walk(doc);
    for (const ref of refs) if (ref !== '') await visit(path.resolve(path.dirname(file), ref));
  };
  await visit(spec);
  return seen;
}
