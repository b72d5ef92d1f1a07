/**
 * The `switchboard` command line: `generate` and `check`. Exit codes: 0 ok, 1 the spec is
 * invalid or the output is stale, 2 usage error.
 */
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { performance } from 'node:perf_hooks';
import { formatDiagnostic, SpecError, type Diagnostic } from './diagnostics.js';
import { MANAGED_DIRECTORIES, compareOutput, isStale, readPackageName, writeOutput, type EmitterTiming } from './generate.js';
import type { Emitter } from './emit/context.js';
import { runPipeline } from './pipeline.js';
import { watch } from './watch.js';
import type { Model } from './model.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Defaults of the options every command takes. */
export const DEFAULT_CLI_OPTIONS = Object.freeze({ spec: 'asyncapi.yaml', out: 'generated' });

export interface Io {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

const COMMON_OPTIONS = {
  spec: { type: 'string', default: DEFAULT_CLI_OPTIONS.spec },
  out: { type: 'string', default: DEFAULT_CLI_OPTIONS.out },
  quiet: { type: 'boolean', short: 'q', default: false },
  verbose: { type: 'boolean', short: 'v', default: false },
  strict: { type: 'boolean', default: false },
  resolve: { type: 'string', multiple: true, default: [] },
  role: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

const COMMON_HELP = `Options:
  --spec FILE    the AsyncAPI 3.0.0 document (default: ${DEFAULT_CLI_OPTIONS.spec})
  --out DIR      the output directory (default: ${DEFAULT_CLI_OPTIONS.out})
  -q, --quiet    print only errors
  -v, --verbose  also print the parser's informational diagnostics
  --strict       treat warnings as errors (exit 1 on any)
  --resolve URL=PATH  read remote $refs under URL (a prefix ending in /, or a whole URL) from
                 PATH (a directory, or a file) instead of the network; repeatable
  --role client|server  the side the document describes (its actions are that side's), over
                 its x-switchboard-role and its title (default: decided from the document)
  -h, --help     show this help`;

const USAGE: Readonly<Record<string, string>> = {
  main: `Usage: switchboard <command> [options]

Commands:
  generate   write the generated package from the spec
  check      exit 1, naming the stale files, when the output differs from what the spec produces
  watch      generate, then regenerate on every save of the spec (or a file it $refs)
  docs       write only the reference (docs/reference.md) and the JSON Schemas (schemas/)

Run 'switchboard <command> --help' for a command's options.`,
  generate: `Usage: switchboard generate [--spec FILE] [--out DIR] [--quiet] [--verbose] [--strict] [--resolve URL=PATH] [--role client|server]

Reads the AsyncAPI document, runs every emitter and writes the files that changed.
Files in the output's src/ that the spec no longer produces are deleted.

${COMMON_HELP}`,
  docs: `Usage: switchboard docs [--spec FILE] [--out DIR] [--quiet] [--verbose] [--strict] [--resolve URL=PATH] [--role client|server]

Writes only the Markdown reference, docs/reference.md, and a self-contained JSON Schema per
message, schemas/<message>.json with schemas/index.json. (generate writes them too.)

${COMMON_HELP}`,
  watch: `Usage: switchboard watch [--spec FILE] [--out DIR] [--quiet] [--verbose] [--role client|server]

Generates, then watches the spec and the files it $refs and regenerates on every change,
writing only the files whose content changed. An invalid spec leaves the output as it was.
Stops on Ctrl-C (SIGINT) or SIGTERM.

${COMMON_HELP}`,
  check: `Usage: switchboard check [--spec FILE] [--out DIR] [--quiet] [--verbose] [--strict] [--resolve URL=PATH] [--role client|server]

Generates in memory and compares with the output directory; writes nothing.
Exits 1 and names each stale, missing or extra file when they differ, or when the spec is invalid.

${COMMON_HELP}`,
};

/** Runs the CLI and returns the exit code; never calls `process.exit`, so it is testable in-process. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.err : io.out)(USAGE['main'] ?? '');
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command !== 'generate' && command !== 'check' && command !== 'watch' && command !== 'docs') {
    io.err(`switchboard: unknown command '${command}'\n\n${USAGE['main']}`);
    return EXIT_USAGE;
  }
  let values: { spec: string; out: string; quiet: boolean; verbose: boolean; help: boolean; strict: boolean; resolve: string[]; role?: string };
  let opts: CommandOptions;
  try {
    ({ values } = parseArgs({ args: [...rest], options: COMMON_OPTIONS, allowPositionals: false, strict: true }));
    resolveMap(values.resolve);
    const { role, ...others } = values;
    opts = { ...others, ...(role === undefined ? {} : { role: roleOption(role) }) };
  } catch (error) {
    io.err(`switchboard ${command}: ${(error as Error).message}\n\n${USAGE[command]}`);
    return EXIT_USAGE;
  }
  if (values.help) {
    io.out(USAGE[command] ?? '');
    return EXIT_OK;
  }
  if (command === 'watch') return runWatch(opts, io);
  if (command === 'docs') return runGenerate(opts, io, 'docs');
  return command === 'generate' ? runGenerate(opts, io) : runCheck(opts, io);
}

/** Runs until SIGINT/SIGTERM (or `signal`, for tests). */
export async function runWatch(opts: CommandOptions, io: Io, signal?: AbortSignal): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  signal?.addEventListener('abort', onSignal, { once: true });
  let runs = 0;
  try {
    await watch({
      spec: opts.spec,
      out: opts.out,
      ...(opts.role ? { role: opts.role } : {}),
      signal: stop.signal,
      onRun: (event) => {
        runs++;
        report(event.diagnostics, opts, io);
        if (event.kind === 'failed') {
          io.err(`switchboard watch: the spec is invalid; ${opts.out}/ left as it was (${event.ms.toFixed(0)} ms)`);
        } else if (!opts.quiet) {
          const written = event.written.changed.length + event.written.missing.length;
          io.err(`switchboard watch: ${runs === 1 ? 'generated' : 'regenerated'} in ${event.ms.toFixed(0)} ms, ${written} written, ${event.written.extra.length} deleted; watching ${opts.spec}`);
        }
      },
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return EXIT_OK;
}

export interface CommandOptions {
  spec: string;
  out: string;
  quiet: boolean;
  verbose: boolean;
  /** Warnings count as errors. @default false */
  strict?: boolean;
  /** `URL=PATH` pairs: local copies of remote `$ref` targets. @default [] */
  resolve?: readonly string[];
  /** The side the document describes. @default decided from the document (LoadOptions.role) */
  role?: 'client' | 'server';
}

/** `--role`'s value. @throws {RangeError} for anything but `client` or `server`. */
export function roleOption(value: string): 'client' | 'server' {
  if (value === 'client' || value === 'server') return value;
  throw new RangeError(`--role expects client or server, got "${value}"`);
}

/** `--resolve URL=PATH` pairs as a map. @throws {RangeError} for a pair without `=`. */
export function resolveMap(pairs: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new RangeError(`--resolve expects URL=PATH, got "${pair}"`);
    map[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return map;
}

/** Under `--strict` every warning is an error; otherwise the findings as they are. */
function severities(diagnostics: readonly Diagnostic[], opts: CommandOptions): readonly Diagnostic[] {
  return opts.strict ? diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d)) : diagnostics;
}

async function prepare(opts: CommandOptions, io: Io, verb: string, emitters?: readonly Emitter[]) {
  const started = performance.now();
  const progress = (t: EmitterTiming) => {
    if (!opts.quiet) io.err(`switchboard ${verb}: ${t.emitter.padEnd(12)} ${String(t.files).padStart(2)} file${t.files === 1 ? ' ' : 's'} ${t.ms.toFixed(0).padStart(5)} ms`);
  };
  try {
    const onLoad = (model: Model, ms: number) => {
      if (!opts.quiet) io.err(`switchboard ${verb}: ${'load'.padEnd(12)} ${String(model.messages.length).padStart(2)} msgs  ${ms.toFixed(0).padStart(5)} ms`);
    };
    const packageName = await readPackageName(opts.out);
    const { result, loadDiagnostics } = await runPipeline(opts.spec, {
      onLoad,
      onEmitter: progress,
      ...(emitters ? { emitters } : {}),
      ...(packageName ? { packageName } : {}),
      resolve: resolveMap(opts.resolve ?? []),
      ...(opts.role ? { role: opts.role } : {}),
    });
    const all = severities([...loadDiagnostics, ...result.diagnostics], opts);
    report(all, opts, io);
    if (all.some((d) => d.severity === 'error')) return null;
    return { result, started };
  } catch (error) {
    if (error instanceof SpecError) {
      report(severities(error.diagnostics, opts), opts, io);
      io.err(`switchboard ${verb}: the spec is invalid`);
      return null;
    }
    throw error;
  }
}

function report(diagnostics: readonly Diagnostic[], opts: CommandOptions, io: Io): void {
  for (const d of diagnostics) {
    if (d.severity === 'error' || (d.severity === 'warning' && !opts.quiet) || (d.severity === 'info' && opts.verbose)) {
      io.err(formatDiagnostic(d));
    }
  }
}

/** `docs` writes only the docs emitter's files, and manages only their directories. */
const DOCS_DIRECTORIES: readonly string[] = Object.freeze(['docs', 'schemas']);

async function runGenerate(opts: CommandOptions, io: Io, verb: 'generate' | 'docs' = 'generate'): Promise<number> {
  // Loaded on demand: the emitters pull in modelina, ts-morph and ajv, which `--help` does not need.
  const emitters = verb === 'docs' ? (await import('./emitters.js')).emittersByName(['docs']) : undefined;
  const prepared = await prepare(opts, io, verb, emitters);
  if (!prepared) return EXIT_FAILED;
  const written = await writeOutput(opts.out, prepared.result.files, verb === 'docs' ? DOCS_DIRECTORIES : MANAGED_DIRECTORIES);
  const changed = written.changed.length + written.missing.length;
  if (!opts.quiet) {
    io.err(`switchboard ${verb}: ${prepared.result.files.length} files in ${opts.out}/, ${changed} written, ${written.extra.length} deleted, ${(performance.now() - prepared.started).toFixed(0)} ms`);
  }
  return EXIT_OK;
}

async function runCheck(opts: CommandOptions, io: Io): Promise<number> {
  const prepared = await prepare(opts, io, 'check');
  if (!prepared) return EXIT_FAILED;
  const staleness = await compareOutput(opts.out, prepared.result.files);
  if (!isStale(staleness)) {
    if (!opts.quiet) io.err(`switchboard check: ${opts.out}/ is up to date (${prepared.result.files.length} files)`);
    return EXIT_OK;
  }
  const show = (p: string) => path.join(opts.out, p);
  for (const p of staleness.changed) io.err(`stale: ${show(p)} differs from what ${opts.spec} produces`);
  for (const p of staleness.missing) io.err(`stale: ${show(p)} is missing`);
  for (const p of staleness.extra) io.err(`stale: ${show(p)} is not produced by ${opts.spec} (delete it or regenerate)`);
  io.err(`switchboard check: ${opts.out}/ is stale; run 'npm run generate' and commit the result (generated files are never edited by hand)`);
  return EXIT_FAILED;
}
