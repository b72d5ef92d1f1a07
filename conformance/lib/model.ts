/**
 * The codegen model of the spec (`@switchboard/codegen`'s `load`), which the validator suites
 * walk. Loading parses and lints the spec and takes seconds, so the model (plain JSON by design)
 * is cached on disk, keyed by the bytes of everything that shapes it: the spec, codegen's sources
 * and the parser's version. A stale entry cannot be read: any change makes a new key.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Model } from '@switchboard/codegen';
import { SPEC_FILE } from './spec.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Tests import codegen from its TypeScript sources (the @switchboard/source condition), so those are what shape the model.
const CODEGEN_SOURCES = path.join(ROOT, 'packages/codegen/src');
const CACHE_DIR = path.join(ROOT, 'node_modules/.cache/switchboard-conformance');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function cacheKey(): string {
  const hash = createHash('sha256');
  const inputs = [SPEC_FILE, path.join(ROOT, 'node_modules/@asyncapi/parser/package.json'), ...filesUnder(CODEGEN_SOURCES)];
  for (const file of inputs) hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 32);
}

async function loadFresh(): Promise<Model> {
  // Imported only on a cache miss: codegen pulls in ts-morph, modelina and the parser.
  const { load } = await import('@switchboard/codegen');
  return (await load(SPEC_FILE)).model;
}

let model: Promise<Model> | undefined;

/** The model of asyncapi.yaml, from the cache when its inputs have not changed. */
export function loadModel(): Promise<Model> {
  model ??= (async () => {
    const file = path.join(CACHE_DIR, `model-${cacheKey()}.json`);
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Model;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const fresh = await loadFresh();
    mkdirSync(CACHE_DIR, { recursive: true });
    // Written aside and renamed, so a concurrent reader never sees half a file.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(fresh));
    renameSync(temp, file);
    // Entries for other inputs can never be read again.
    for (const old of readdirSync(CACHE_DIR)) {
      if (old.startsWith('model-') && old !== path.basename(file)) rmSync(path.join(CACHE_DIR, old), { force: true });
    }
    return fresh;
  })();
  return model;
}
