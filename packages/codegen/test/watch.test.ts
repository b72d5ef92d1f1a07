import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referencedFiles, watch, type WatchEvent } from '../src/index.js';
import { OUT, fixture } from './helpers.js';

describe('referencedFiles', () => {
  it('finds the spec and every file it reaches by relative $ref, once each', async () => {
    const dir = fixture('multi-file');
    const files = await referencedFiles(path.join(dir, 'asyncapi.yaml'));
    expect([...files].map((f) => path.relative(dir, f)).sort()).toEqual(['asyncapi.yaml', 'messages.yaml', 'schemas.yaml']);
  });

  it('keeps a missing file in the set, so that creating it triggers a run', async () => {
    const dir = path.join(OUT, 'refs-missing');
    await rm(dir, { recursive: true, force: true });
    await cp(fixture('multi-file'), dir, { recursive: true });
    await rm(path.join(dir, 'schemas.yaml'));
    const files = await referencedFiles(path.join(dir, 'asyncapi.yaml'));
    expect([...files].map((f) => path.relative(dir, f)).sort()).toEqual(['asyncapi.yaml', 'messages.yaml', 'schemas.yaml']);
  });
});

describe('watch', () => {
  it('regenerates when a $ref\'d file changes, leaves the output alone when the spec breaks, stops on abort', async () => {
    const dir = path.join(OUT, 'watch');
    await rm(dir, { recursive: true, force: true });
    await cp(fixture('multi-file'), path.join(dir, 'spec'), { recursive: true });
    const spec = path.join(dir, 'spec/asyncapi.yaml');
    const out = path.join(dir, 'out');
    const events: WatchEvent[] = [];
    const waiters: (() => void)[] = [];
    const nextEvent = () => new Promise<void>((resolve) => waiters.push(resolve));
    const stop = new AbortController();
    const first = nextEvent();
    const done = watch({ spec, out, signal: stop.signal, debounceMs: 20, onRun: (e) => { events.push(e); waiters.shift()?.(); } });

    await first;
    expect(events.map((e) => e.kind)).toEqual(['generated']);
    const compiled = path.join(out, 'src/validators/compiled.ts');
    expect(await readFile(compiled, 'utf8')).toContain('"maxLength":32');

    let next = nextEvent();
    const schemas = path.join(dir, 'spec/schemas.yaml');
    await writeFile(schemas, (await readFile(schemas, 'utf8')).replace('maxLength: 32', 'maxLength: 48'));
    await next;
    const second = events[1];
    expect(second?.kind).toBe('generated');
    expect(second?.kind === 'generated' ? second.written.changed : []).toEqual(['docs/reference.md', 'schemas/placeOrder.json', 'src/arbitraries.ts', 'src/validators/compiled.ts']);
    expect(await readFile(compiled, 'utf8')).toContain('"maxLength":48');

    next = nextEvent();
    await writeFile(spec, (await readFile(spec, 'utf8')) + 'garbage: [\n');
    await next;
    expect(events[2]?.kind).toBe('failed');
    expect(events[2]?.diagnostics.some((d) => d.severity === 'error' && d.file.endsWith('asyncapi.yaml'))).toBe(true);
    expect(await readFile(compiled, 'utf8')).toContain('"maxLength":48');

    stop.abort();
    await done;
    expect(events).toHaveLength(3);
  }, 60_000);
});
