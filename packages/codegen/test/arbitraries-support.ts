/**
 * Shared by the arbitraries tests: generate a spec with every emitter plus the arbitraries one
 * into `test/.out/<dir>`, import the generated modules, and check that valid values pass and
 * invalid ones fail with exactly the keyword and pointer they declare.
 */
import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { expect } from 'vitest';
import { generateFiles, load, pascalCase, typeName, writeOutput, type Diagnostic, type GeneratedFile, type Model } from '../src/index.js';
import { DEFAULT_EMITTERS } from '../src/emitters.js';
import { arbitrariesEmitter } from '../src/emit/arbitraries.js';
import type { DeriveContext } from '../src/emit/arbitraries/context.js';
import { raw } from '../src/lib/code.js';
import type { JsonSchema } from '../src/model.js';
import { OUT, TEST_DIR } from './helpers.js';

const ROOT = path.resolve(TEST_DIR, '../../..');

/** Runs `tsc --noEmit --strict` over a generated package with the repository's compiler options. */
export async function tscStrict(out: string): Promise<{ code: number; out: string }> {
  await writeFile(path.join(out, 'tsconfig.json'), JSON.stringify({
    extends: path.join(ROOT, 'tsconfig.base.json'),
    compilerOptions: { noEmit: true, customConditions: [] },
    include: ['src'],
  }));
  return promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', out, '--strict']).then(
    (x) => ({ code: 0, out: x.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );
}

export interface Outcome { ok: boolean; error?: { code: string; pointer: string; keyword: string } }
export type Validate = (input: unknown) => Outcome;
export interface InvalidValue { value: unknown; kind: string; pointer: string; keyword: string }
export interface ArbitrariesModule {
  arbitraries: Record<string, fc.Arbitrary<unknown>>;
  messageArbitraries: Record<string, fc.Arbitrary<unknown>>;
  invalidArbitraries: Record<string, fc.Arbitrary<InvalidValue>>;
  invalidMessageArbitraries: Record<string, fc.Arbitrary<InvalidValue>>;
  clientMessage?: fc.Arbitrary<unknown>;
  serverMessage?: fc.Arbitrary<unknown>;
  invalidClientMessage?: fc.Arbitrary<InvalidValue>;
  invalidServerMessage?: fc.Arbitrary<InvalidValue>;
}
export interface Generated {
  readonly model: Model;
  readonly out: string;
  readonly files: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly api: ArbitrariesModule;
  readonly validators: Record<string, Validate>;
}

/** Generates `spec` into `test/.out/<dir>` with the arbitraries emitter and imports the result. */
export async function generateWithArbitraries(spec: string, dir: string): Promise<Generated> {
  const { model } = await load(spec);
  // Once the emitter is registered it is among the defaults; until then it is added here.
  const registered = DEFAULT_EMITTERS.some((e) => e.name === arbitrariesEmitter.name);
  const emitters = registered ? DEFAULT_EMITTERS : [...DEFAULT_EMITTERS, arbitrariesEmitter];
  const { files, diagnostics } = await generateFiles(model, spec, { emitters });
  const out = path.join(OUT, dir);
  await rm(out, { recursive: true, force: true });
  await writeOutput(out, files);
  await writeFile(path.join(out, 'package.json'), JSON.stringify({ type: 'module', private: true }) + '\n');
  const load_ = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(out, file)).href)) as T;
  return {
    model, out, files, diagnostics,
    api: await load_<ArbitrariesModule>('src/arbitraries.ts'),
    validators: await load_<Record<string, Validate>>('src/validators.ts'),
  };
}

function outcome(r: Outcome): string {
  return r.ok ? 'ok' : `${r.error?.code} ${r.error?.keyword} ${JSON.stringify(r.error?.pointer)}`;
}

/** The input, and the same after a trip through JSON, as a peer would receive it. */
function asSent(value: unknown): unknown[] {
  return [value, JSON.parse(JSON.stringify(value)) as unknown];
}

export const RUNS = { seed: 20250108, numRuns: 100 } as const;

/** Every value of `arb` passes the message's validator and its dispatchers, also after JSON. */
export function assertAllValid(arb: fc.Arbitrary<unknown>, validate: Validate, dispatch: readonly Validate[]): void {
  fc.assert(
    fc.property(arb, (value) => {
      for (const input of asSent(value)) {
        for (const v of [validate, ...dispatch]) expect(outcome(v(input))).toBe('ok');
      }
    }),
    RUNS,
  );
}

/** Every invalid value fails with INVALID_MESSAGE, its keyword and its pointer; returns the kinds seen. */
export function assertAllInvalid(arb: fc.Arbitrary<InvalidValue>, validate: Validate, dispatch: readonly Validate[], numRuns: number = RUNS.numRuns): Set<string> {
  const kinds = new Set<string>();
  fc.assert(
    fc.property(arb, (bad) => {
      kinds.add(bad.kind);
      const want = `INVALID_MESSAGE ${bad.keyword} ${JSON.stringify(bad.pointer)}`;
      for (const input of asSent(bad.value)) {
        for (const v of [validate, ...dispatch]) expect(outcome(v(input)), `${bad.kind} ${JSON.stringify(input)}`).toBe(want);
      }
    }),
    { ...RUNS, numRuns },
  );
  return kinds;
}

/** A derivation context over `schemas` that names refs as is and collects what is unsupported. */
export function testContext(schemas: Record<string, JsonSchema> = {}): DeriveContext & { problems: string[] } {
  const problems: string[] = [];
  return {
    problems,
    schemas: new Map(Object.entries(schemas).map(([name, schema]) => [name, { name, schema, component: true, path: ['components', 'schemas', name] }])),
    ref: (name) => raw(name),
    invalidRef: (name) => raw(`invalid${name}`),
    unsupported: (at, message) => {
      problems.push(`${at.join('/')}: ${message}`);
    },
  };
}

/**
 * For every message: its valid values pass its validator (and the `type` dispatch of each of its
 * directions), its invalid values fail them as declared. Messages without a `type` const use
 * their payload schema's arbitraries. Returns the kinds of invalid values seen.
 */
export function checkEveryMessage(g: Generated, numRuns: number = RUNS.numRuns): Set<string> {
  const kinds = new Set<string>();
  for (const m of g.model.messages) {
    const validate = g.validators[`validate${pascalCase(m.key)}`];
    const dispatch = [
      m.type !== null && m.directions.fromClient ? g.validators['validateClientMessage'] : undefined,
      m.type !== null && m.directions.fromServer ? g.validators['validateServerMessage'] : undefined,
    ].filter((v): v is Validate => v !== undefined);
    const schema = typeName(m.payloadSchema);
    const valid = m.type !== null ? g.api.messageArbitraries[m.type] : g.api.arbitraries[schema];
    const invalid = m.type !== null ? g.api.invalidMessageArbitraries[m.type] : g.api.invalidArbitraries[schema];
    if (!validate || !valid) throw new Error(`no validator or arbitrary for message ${m.key}`);
    assertAllValid(valid, validate, dispatch);
    if (invalid) for (const k of assertAllInvalid(invalid, validate, dispatch, numRuns)) kinds.add(k);
  }
  return kinds;
}
