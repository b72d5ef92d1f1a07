/**
 * A document of the shapes the generators once refused (test/fixtures/open-world.yaml): open
 * objects, a recursive schema, a payload shared by two messages, the same message key in two
 * channels, an Avro payload, tuples, type lists, mixed enums, combinators, an unknown format and
 * an example that breaks its own schema. Everything generates, compiles and agrees.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './helpers.js';
import { checkEveryMessage, generateWithArbitraries, tscStrict, type Generated } from './arbitraries-support.js';
import { runPipeline, type Diagnostic } from '../src/index.js';

let g: Generated;
let located: readonly Diagnostic[];
beforeAll(async () => {
  g = await generateWithArbitraries(fixture('open-world.yaml'), 'open-world');
  located = (await runPipeline(fixture('open-world.yaml'))).result.diagnostics;
}, 120_000);

const file = (p: string): string => g.files.find((f) => f.path === p)?.content ?? '';
const validate = (name: string) => (value: unknown) => g.validators[name]?.(value);

describe('a document the generators used to refuse', () => {
  it('gets the types a person would write: src/types.ts matches its snapshot', async () => {
    await expect(file('src/types.ts')).toMatchFileSnapshot('__snapshots__/open-world/src__types.ts.snap');
    expect(file('src/types.ts').split('\n').slice(1).join('\n')).not.toMatch(/\bany\b/);
  });

  it('passes tsc --noEmit --strict, and generates without errors', async () => {
    expect(g.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(await tscStrict(g.out)).toEqual({ code: 0, out: '' });
  });

  it('open objects accept extra keys; additionalProperties: false stays closed', () => {
    const extras = fc.dictionary(fc.string().filter((k) => !['id', 'text', 'replies', 'point', 'value', 'kind', 'unit', 'tags'].includes(k)), fc.jsonValue(), { minKeys: 1 });
    fc.assert(fc.property(extras, (extra) => {
      expect(validate('validateCommentPosted')({ ...extra, id: 'c', text: 't', replies: [] })).toMatchObject({ ok: true });
      expect(validate('validateSample')({ ...extra, point: [0, 1], value: null, kind: 'sample' })).toMatchObject({ ok: false, error: { keyword: 'additionalProperties' } });
    }), { numRuns: 50 });
  });

  it('every message has arbitraries: valid values pass, invalid ones fail as declared (tuples, not, if/then/else included)', () => {
    expect(g.diagnostics.filter((d) => d.rule === 'switchboard/unsupported-arbitrary')).toEqual([]);
    expect(checkEveryMessage(g, 200).size).toBeGreaterThan(0);
  });

  it('a recursive schema gets a named recursive type and depth-bounded values its validator accepts', () => {
    expect(file('src/types.ts')).toContain('  replies: Comment[];');
    const depth = (c: { replies: readonly unknown[] }): number => 1 + Math.max(0, ...c.replies.map((r) => depth(r as { replies: unknown[] })));
    fc.assert(fc.property(g.api.arbitraries['Comment'] as fc.Arbitrary<{ replies: unknown[] }>, (c) => {
      expect(validate('validateCommentPosted')(c)).toMatchObject({ ok: true });
      expect(depth(c)).toBeLessThan(50);
    }), { numRuns: 50 });
  });

  it('a payload shared by two messages is one type and one compiled function', () => {
    expect(file('src/types.ts').match(/^export interface Comment\b/gm)).toHaveLength(1);
    expect(file('src/validators/compiled.ts')).toContain('export const reviewPosted = commentPosted;');
    expect(file('src/validators.ts')).toContain('export function validateReviewPosted(input: unknown): ValidationResult<Comment>');
  });

  it('the same message key in two channels gives two messages, the second named by its channel', () => {
    expect(g.model.messages.map((m) => m.key).filter((k) => k.endsWith('audit'))).toEqual(['audit', 'reviews.audit']);
    expect(validate('validateAudit')({ at: 'not a date' })).toMatchObject({ ok: false, error: { keyword: 'format', pointer: '/at' } });
    expect(validate('validateReviewsAudit')({ at: 'not a date' })).toMatchObject({ ok: true });
  });

  it('an Avro payload is typed and validated as the JSON Schema the Avro plugin makes of it', () => {
    expect(file('src/types.ts')).toMatch(/export interface ReviewScoredPayload \{[^}]*stars: number;[^}]*note\?: string \| null;/s);
    expect(validate('validateReviewScored')({ review: 'r', stars: 1.5 })).toMatchObject({ ok: false, error: { pointer: '/stars' } });
    expect(validate('validateReviewScored')({ review: 'r', stars: 4, note: null })).toMatchObject({ ok: true });
  });

  it('an example that breaks its schema is a warning at its payload with the JSON pointer, not a failed build', () => {
    const lines = (fixtureText()).split('\n');
    const line = lines.findIndex((l) => l.includes('payload: { id: 7')) + 1;
    expect(located.filter((d) => d.rule === 'switchboard/example-mismatch').map((d) => [d.severity, d.line, d.message])).toEqual([
      ['warning', line, 'example "breaks its schema" of message "commentPosted" breaks its payload schema at /id: must be string (type)'],
    ]);
  });

  it('an unknown format is a warning where it is written, and any string passes it', () => {
    const lines = fixtureText().split('\n');
    const line = lines.findIndex((l) => l.includes('format: x-link')) + 1;
    expect(located.filter((d) => d.rule === 'switchboard/unknown-format').map((d) => [d.severity, d.line])).toEqual([['warning', line]]);
    expect(validate('validateSample')({ point: [0, 1], value: 2, kind: 'sample', link: '%%' })).toMatchObject({ ok: true });
  });
});

function fixtureText(): string {
  return g.files.length > 0 ? readSpec() : '';
}

function readSpec(): string {
  return readFileSync(fixture('open-world.yaml'), 'utf8');
}
