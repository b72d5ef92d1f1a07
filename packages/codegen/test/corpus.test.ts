/**
 * The corpus: published AsyncAPI 3.0/3.1 documents (test/corpus/manifest.json). Each must generate
 * without errors; all outputs together pass `tsc --noEmit --strict` (one program, one compiler
 * run); the generated validators give the same verdict as an independent ajv compiled from the
 * parser's dereferenced payload on every example; the generated arbitraries' values pass the
 * generated validators; every finding of ours points at a real line and column; and each `unknown`
 * in the types is counted and traced to a schema that says nothing about its value.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { fromFile } from '@asyncapi/parser';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { Project } from 'ts-morph';
import { beforeAll, describe, expect, it } from 'vitest';
import { pascalCase, runPipeline, writeOutput, type Diagnostic, type Model } from '../src/index.js';
import { createParser } from '../src/load/parser.js';
import { OUT, TEST_DIR } from './helpers.js';
import { unknownReport } from './unknown-report.js';

const addFormats = addFormatsModule.default;
const ROOT = path.resolve(TEST_DIR, '../../..');
const CORPUS_DIR = path.join(TEST_DIR, 'corpus');
const OUT_DIR = path.join(OUT, 'corpus');

interface Manifest {
  readonly documents: readonly string[];
  readonly files: readonly { readonly file: string; readonly license: string; readonly source: { readonly url: string } }[];
}
/** The vendored copies of the remote files corpus documents `$ref`, where they are served. */
const RESOLVE = { 'https://www.asyncapi.com/resources/casestudies/adeo/': path.join(CORPUS_DIR, 'remote/adeo') };
const manifest = JSON.parse(readFileSync(path.join(CORPUS_DIR, 'manifest.json'), 'utf8')) as Manifest;

interface Generated {
  readonly doc: string;
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
  readonly out: string;
}
const generated = new Map<string, Generated>();
const failures = new Map<string, string>();
const slug = (doc: string): string => doc.replace(/\.ya?ml$/, '').replace(/\W+/g, '-');

beforeAll(async () => {
  await rm(OUT_DIR, { recursive: true, force: true });
  await mkdir(OUT_DIR, { recursive: true });
  await writeFile(path.join(OUT_DIR, 'package.json'), '{"type":"module","private":true}\n');
  for (const doc of manifest.documents) {
    // A document that does not load fails its own test below, not the whole file.
    const run = await runPipeline(path.join(CORPUS_DIR, doc), { reuse: false, resolve: RESOLVE }).catch((error: unknown) => {
      failures.set(doc, error instanceof Error ? error.message : String(error));
      return null;
    });
    if (run === null) continue;
    const out = path.join(OUT_DIR, slug(doc));
    await writeOutput(out, run.result.files);
    generated.set(doc, { doc, model: run.model, diagnostics: [...run.loadDiagnostics, ...run.result.diagnostics], out });
  }
}, 300_000);

const permissive = new Set(['MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'CC0-1.0', 'CC-BY-4.0']);

describe('corpus of published documents', () => {
  it('has at least 30 documents, each permissively licensed and traced to its source', () => {
    expect(manifest.documents.length).toBeGreaterThanOrEqual(30);
    for (const f of manifest.files) {
      expect(permissive.has(f.license), f.file).toBe(true);
      expect(f.source.url, f.file).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/[0-9a-f]{40}\//);
    }
  });

  it.each(manifest.documents)('%s generates without errors', (doc) => {
    const g = generated.get(doc);
    expect(failures.get(doc)).toBeUndefined();
    expect(g?.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('every output passes tsc --noEmit --strict, in one program', async () => {
    await writeFile(path.join(OUT_DIR, 'tsconfig.json'), JSON.stringify({
      extends: path.join(ROOT, 'tsconfig.base.json'),
      compilerOptions: { noEmit: true, strict: true, customConditions: [] },
      include: ['*/src/**/*.ts'],
    }));
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    const r = await promisify(execFile)(process.execPath, [tsc, '-p', OUT_DIR], { maxBuffer: 64 << 20 }).then(
      (x) => ({ code: 0, out: x.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    expect(r).toEqual({ code: 0, out: '' });
  }, 300_000);

  it('gives every WebSocket document a server and a client (compiled with the rest above), and every other one the transport-neutral handler map', () => {
    const websocket = (g: Generated) => g.model.servers.some((s) => s.protocol === 'ws' || s.protocol === 'wss');
    const files = (g: Generated) => ['src/operations.ts', 'src/wire.ts', 'src/server.ts', 'src/client.ts'].filter((f) => existsSync(path.join(g.out, f)));
    const withOperations = [...generated.values()].filter((g) => g.model.operations.length > 0);
    const sockets = withOperations.filter(websocket);
    expect(sockets.map((g) => g.doc)).toEqual([
      'spec/websocket-gemini-asyncapi.yaml',
      'spec/social-media/backend/asyncapi.yaml',
      'spec/social-media/frontend/asyncapi.yaml',
    ]);
    for (const g of sockets) expect(files(g), g.doc).toEqual(['src/operations.ts', 'src/wire.ts', 'src/server.ts', 'src/client.ts']);
    for (const g of withOperations.filter((x) => !websocket(x))) expect(files(g), g.doc).toEqual(['src/operations.ts']);
  });

  it('reads the documents written from a client\'s side as such: the server\'s handlers are their send operations, everyone else\'s their receive ones', () => {
    const clients = [...generated.values()].filter((g) => g.model.role.side === 'client').map((g) => g.doc);
    expect(clients).toEqual(['spec/rpc-client-asyncapi.yaml', 'spec/social-media/frontend/asyncapi.yaml']);
    for (const g of generated.values()) {
      const file = path.join(g.out, 'src/operations.ts');
      if (!existsSync(file)) continue;
      const source = new Project({ useInMemoryFileSystem: true }).createSourceFile('operations.ts', readFileSync(file, 'utf8'));
      const handlers = source.getInterfaceOrThrow('OperationHandlers').getMethods().map((m) => m.getName()).sort();
      const received = g.model.role.side === 'client' ? 'send' : 'receive';
      expect(handlers, g.doc).toEqual(g.model.operations.filter((op) => op.declaredAction === received).map((op) => op.key).sort());
    }
  });

  it('says unknown only where the schema says nothing about the value, and never any', () => {
    for (const g of generated.values()) {
      const types = readFileSync(path.join(g.out, 'src/types.ts'), 'utf8');
      expect(types.split('\n').slice(1).join('\n'), g.doc).not.toMatch(/\bany\b(?![-\w])/);
      // A fallback to unknown where the schema states a type is reported as unknown-type.
      expect(g.diagnostics.filter((d) => d.rule === 'switchboard/unknown-type').map((d) => d.message), g.doc).toEqual([]);
    }
  });

  it('counts the unknowns of every document, and says unknown only where the schema says nothing about the value', async () => {
    const reports = [...generated.values()].map((g) => ({ doc: g.doc, ...unknownReport(g.doc, readFileSync(path.join(g.out, 'src/types.ts'), 'utf8'), g.model) }));
    await writeFile(path.join(OUT_DIR, 'unknown-report.json'), JSON.stringify(reports, null, 2) + '\n');
    expect(reports.flatMap((r) => r.fallbacks)).toEqual([]);
  });

  it.each(manifest.documents)('%s: the validators agree with an independent ajv on every example', async (doc) => {
    const g = generated.get(doc);
    if (g === undefined) return; // reported by the test above
    const validators = (await import(pathToFileURL(path.join(g.out, 'src/validators.ts')).href)) as Record<string, (input: unknown) => { ok: boolean }>;
    const independent = await independentValidators(path.join(CORPUS_DIR, doc));
    for (const m of g.model.messages) {
      const ours = validators[`validate${pascalCase(m.key)}`];
      const theirs = independent.get(m.key);
      if (theirs === undefined) continue;
      expect(ours, `validate${pascalCase(m.key)}`).toBeTypeOf('function');
      for (const [i, e] of m.examples.entries()) {
        expect(ours?.(e.payload).ok, `${m.key} example ${i}`).toBe(theirs(e.payload));
      }
    }
  });

  it.each(manifest.documents)('%s: the arbitraries\' values pass the validators', async (doc) => {
    const g = generated.get(doc);
    if (g === undefined) return; // reported by the test above
    const validators = (await import(pathToFileURL(path.join(g.out, 'src/validators.ts')).href)) as Record<string, (input: unknown) => { ok: boolean; error?: unknown }>;
    const { arbitraries } = (await import(pathToFileURL(path.join(g.out, 'src/arbitraries.ts')).href)) as { arbitraries: Record<string, fc.Arbitrary<unknown>> };
    for (const m of g.model.messages) {
      const validate = validators[`validate${pascalCase(m.key)}`];
      const arbitrary = arbitraries[pascalCase(m.payloadSchema)] ?? arbitraries[m.payloadSchema];
      if (!validate || !arbitrary) continue;
      fc.assert(fc.property(arbitrary, (value) => {
        expect(validate(value), m.key).toMatchObject({ ok: true });
      }), { numRuns: 25 });
    }
  });
});

describe('corpus findings', () => {
  const rules = (): string[] => [...new Set([...generated.values()].flatMap((g) => g.diagnostics.filter(ours).map((d) => d.rule)))].sort();

  it('every format the corpus names is checked by the validators (mercure\'s iri-reference too): no unknown-format finding', () => {
    expect(generated.get('spec/mercure-asyncapi.yaml')).toBeDefined();
    expect([...generated.values()].flatMap((g) => g.diagnostics.filter((d) => d.rule === 'switchboard/unknown-format').map((d) => `${g.doc}: ${d.message}`))).toEqual([]);
  });

  it('every finding of ours carries the file, line and column of what it is about, per rule', () => {
    const byRule = new Map<string, string[]>();
    for (const g of generated.values()) {
      for (const d of g.diagnostics.filter(ours)) {
        const at = located(d);
        byRule.set(d.rule, [...(byRule.get(d.rule) ?? []), at]);
      }
    }
    for (const rule of rules()) {
      expect((byRule.get(rule) ?? []).filter((at) => at !== 'ok'), rule).toEqual([]);
    }
  });
});

function ours(d: Diagnostic): boolean {
  return d.rule.startsWith('switchboard/');
}

/**
 * `ok` when the finding's line names a key of its path: the last one, or the nearest that is
 * written in the entry document (a message reached by `$ref` is found where it is referenced).
 */
function located(d: Diagnostic): string {
  if (d.line <= 0 || d.column <= 0) return `${d.rule} at ${d.file}:${d.line}:${d.column} ${d.message}`;
  const text = readFileSync(d.file, 'utf8').split('\n')[d.line - 1] ?? '';
  const keys = d.path.filter((p): p is string => typeof p === 'string');
  if (text.slice(d.column - 1).startsWith('-') || keys.some((k) => text.slice(d.column - 1).startsWith(k) || text.slice(d.column - 1).startsWith(`'${k}'`))) return 'ok';
  return `${d.rule} at ${d.file}:${d.line}:${d.column}: line "${text.trim()}" names no key of ${keys.join('.')}`;
}

/** An ajv of its own per message, from the payload as the parser dereferences it. */
async function independentValidators(spec: string): Promise<Map<string, (value: unknown) => boolean>> {
  const { document } = await fromFile(createParser(), spec).parse();
  const out = new Map<string, (value: unknown) => boolean>();
  for (const m of document?.allMessages().all() ?? []) {
    const payload = m.payload()?.json();
    if (typeof payload !== 'object' || 'schemaFormat' in payload) continue;
    const ajv = new Ajv({ strict: false, validateSchema: false, allowUnionTypes: true });
    addFormats(ajv);
    try {
      const validate = ajv.compile(JSON.parse(JSON.stringify(payload)) as object);
      out.set(m.id(), (value) => validate(value));
    } catch (error) {
      // A circular payload has no JSON form to hand to a second ajv; the generated validator is
      // still checked by the arbitraries' property.
      if (!(error instanceof TypeError)) throw error;
    }
  }
  return out;
}
