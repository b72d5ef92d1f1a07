import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../src/index.js';
import { OUT, TEST_DIR, formatSpec, fixture, specFile } from './helpers.js';

const run = promisify(execFile);
const ROOT = path.resolve(TEST_DIR, '../../..');
const BIN = path.resolve(TEST_DIR, '../bin/switchboard.js');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('switchboard CLI: usage', () => {
  it.each([
    [['--help'], 0, 'out', /^Usage: switchboard <command> \[options\]/],
    [[], 2, 'err', /^Usage: switchboard <command>/],
    [['frobnicate'], 2, 'err', /^switchboard: unknown command 'frobnicate'/],
    [['generate', '--help'], 0, 'out', /^Usage: switchboard generate \[--spec FILE\] \[--out DIR\]/],
    [['check', '-h'], 0, 'out', /^Usage: switchboard check /],
    [['watch', '--help'], 0, 'out', /^Usage: switchboard watch \[--spec FILE\]/],
    [['docs', '--help'], 0, 'out', /^Usage: switchboard docs \[--spec FILE\]/],
    [['check', '--bogus'], 2, 'err', /^switchboard check: Unknown option '--bogus'/],
    [['generate', 'extra'], 2, 'err', /^switchboard generate: Unexpected argument 'extra'/],
  ] as const)('%j exits %i', async (argv, wantCode, stream, pattern) => {
    const r = await cli(...argv);
    expect(r.code).toBe(wantCode);
    expect(stream === 'out' ? r.out : r.err).toMatch(pattern);
  });
});

describe('switchboard CLI: generate and check', () => {
  const out = path.join(OUT, 'cli');
  const spec = fixture('chat.yaml');

  it('check passes after generate, and fails naming each hand-edited, missing or extra file', async () => {
    await rm(out, { recursive: true, force: true });
    expect((await cli('check', '--spec', spec, '--out', out, '-q')).code).toBe(1);
    expect((await cli('generate', '--spec', spec, '--out', out, '-q')).code).toBe(0);
    expect((await cli('check', '--spec', spec, '--out', out, '-q')).code).toBe(0);

    const types = path.join(out, 'src/types.ts');
    await writeFile(types, (await readFile(types, 'utf8')).replace("'info'", "'loud'"));
    await unlink(path.join(out, 'src/index.ts'));
    await writeFile(path.join(out, 'src/stray.ts'), 'export {};\n');
    const stale = await cli('check', '--spec', spec, '--out', out, '-q');
    expect(stale.code).toBe(1);
    expect(stale.err.split('\n')).toEqual([
      `stale: ${path.join(out, 'src/types.ts')} differs from what ${spec} produces`,
      `stale: ${path.join(out, 'src/index.ts')} is missing`,
      `stale: ${path.join(out, 'src/stray.ts')} is not produced by ${spec} (delete it or regenerate)`,
      `switchboard check: ${out}/ is stale; run 'npm run generate' and commit the result (generated files are never edited by hand)`,
    ]);

    const regen = await cli('generate', '--spec', spec, '--out', out);
    expect(regen.code).toBe(0);
    // 15: the chat fixture's files include src/operations.ts, its transport-neutral handler map.
    expect(regen.err).toMatch(/15 files in .*, 2 written, 1 deleted/);
    expect(existsSync(path.join(out, 'src/stray.ts'))).toBe(false);
    expect((await cli('check', '--spec', spec, '--out', out, '-q')).code).toBe(0);
  });

  it('prints a progress line per emitter with its time', async () => {
    const r = await cli('check', '--spec', spec, '--out', path.join(OUT, 'nowhere'));
    expect(r.err.split('\n').filter((l) => / ms/.test(l)).map((l) => l.split(/\s+/)[2])).toEqual([
      'load', 'types', 'messages', 'validators', 'server', 'client', 'arbitraries', 'index', 'docs', 'readme',
    ]);
  });

  it('a warning does not fail generate, and --strict makes it an error with file:line:column and rule', async () => {
    const file = await specFile('cli-format.yaml', formatSpec());
    const lines = (await readFile(file, 'utf8')).split('\n');
    const line = lines.findIndex((l) => l.includes('format: x-link'));
    const where = `${path.relative(process.cwd(), file)}:${line + 1}:${(lines[line] ?? '').indexOf('format') + 1}`;
    const message = 'format "x-link" is unknown; the validators accept any string for it [switchboard/unknown-format]';
    const lenient = await cli('generate', '--spec', file, '--out', path.join(OUT, 'cli-format'));
    expect(lenient.code).toBe(0);
    expect(lenient.err.split('\n')).toContain(`${where} warning ${message}`);
    const strict = await cli('generate', '--spec', file, '--out', path.join(OUT, 'cli-format-strict'), '-q', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.err.split('\n')).toContain(`${where} error ${message}`);
  });

  it('--resolve without URL=PATH is a usage error', async () => {
    const r = await cli('generate', '--resolve', 'https://example.com/');
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('switchboard generate: --resolve expects URL=PATH, got "https://example.com/"');
  });

  it('a spec that does not parse exits 1 and names the parser rule', async () => {
    const file = await specFile('cli-broken.yaml', 'asyncapi: 3.0.0\ninfo:\n  title: Broken\n');
    const r = await cli('check', '--spec', file, '--out', path.join(OUT, 'cli-broken'), '-q');
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toBe(
      `${path.relative(process.cwd(), file)}:2:6 error "info" property must have required property "version" [asyncapi-document-resolved]`,
    );
  });
});

describe('switchboard docs', () => {
  it('writes only docs/ and schemas/, leaving src/ alone', async () => {
    const out = path.join(OUT, 'docs-only');
    await rm(out, { recursive: true, force: true });
    await mkdir(path.join(out, 'src'), { recursive: true });
    await writeFile(path.join(out, 'src/mine.ts'), 'export {};\n');
    const r = await cli('docs', '--spec', fixture('chat.yaml'), '--out', out, '-q');
    expect(r.code).toBe(0);
    expect((await readdir(out, { recursive: true })).sort()).toEqual([
      'docs', 'docs/reference.md', 'schemas', 'schemas/index.json', 'schemas/notice.json', 'schemas/nudge.json',
      'schemas/raw.json', 'schemas/said.json', 'schemas/say.json', 'src', 'src/mine.ts',
    ]);
  });
});

describe('switchboard check on the real spec and generated/', () => {
  it('passes on the committed output and names every hand-edited file', async () => {
    const spec = path.join(ROOT, 'asyncapi.yaml');
    const committed = path.join(ROOT, 'generated');
    expect((await cli('check', '--spec', spec, '--out', committed, '-q')).code).toBe(0);

    const copy = path.join(OUT, 'real');
    await rm(copy, { recursive: true, force: true });
    for (const entry of ['src', 'docs', 'schemas', 'README.md', 'package.json']) {
      await cp(path.join(committed, entry), path.join(copy, entry), { recursive: true });
    }
    const files = ['README.md', 'docs/reference.md', 'schemas/chatSend.json', 'src/arbitraries.ts', 'src/index.ts', 'src/messages.ts', 'src/types.ts', 'src/validators.ts', 'src/validators/compiled.ts'];
    for (const f of files) await writeFile(path.join(copy, f), '// a hand edit\n', { flag: 'a' });
    const r = await cli('check', '--spec', spec, '--out', copy, '-q');
    expect(r.code).toBe(1);
    expect(r.err.split('\n').filter((l) => l.startsWith('stale: '))).toEqual(
      files.map((f) => `stale: ${path.join(copy, f)} differs from what ${spec} produces`),
    );
  });
});

describe('the built CLI as a process (exit codes)', () => {
  const out = path.join(OUT, 'bin');
  const spec = fixture('chat.yaml');

  it('is built (npm test builds it first)', () => {
    expect(existsSync(path.resolve(TEST_DIR, '../dist/cli.js'))).toBe(true);
  });

  it('generates the same bytes as the in-process run and exits 1 on a stale file', async () => {
    await rm(out, { recursive: true, force: true });
    await run(process.execPath, [BIN, 'generate', '--spec', spec, '--out', out, '-q']);
    await cli('generate', '--spec', spec, '--out', path.join(OUT, 'inproc'), '-q');
    for (const f of ['src/arbitraries.ts', 'src/types.ts', 'src/messages.ts', 'src/validators.ts', 'src/validators/compiled.ts', 'src/index.ts']) {
      expect(await readFile(path.join(out, f), 'utf8')).toBe(await readFile(path.join(OUT, 'inproc', f), 'utf8'));
    }
    await run(process.execPath, [BIN, 'check', '--spec', spec, '--out', out, '-q']);
    await writeFile(path.join(out, 'src/messages.ts'), '// edited by hand\n', { flag: 'a' });
    const failed = await run(process.execPath, [BIN, 'check', '--spec', spec, '--out', out, '-q']).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(`stale: ${path.join(out, 'src/messages.ts')} differs`);
  });

  it('runs from the repository root as `npx switchboard`', async () => {
    const r = await run('npx', ['--no-install', 'switchboard', '--help'], { cwd: ROOT });
    expect(r.stdout).toMatch(/^Usage: switchboard <command>/);
  });

  it('output for a fixture passes tsc --noEmit --strict', async () => {
    const dir = path.join(OUT, 'bin');
    await writeFile(path.join(dir, 'package.json'), '{"type":"module","private":true}\n');
    await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify({
      extends: path.join(ROOT, 'tsconfig.base.json'),
      compilerOptions: { noEmit: true, customConditions: [] },
      include: ['src'],
    }));
    await writeFile(path.join(dir, 'src/messages.ts'), (await readFile(path.join(OUT, 'inproc/src/messages.ts'), 'utf8')));
    const r = await run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir, '--strict']).then(
      (x) => ({ code: 0, out: x.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    expect(r).toEqual({ code: 0, out: '' });
  });
});
