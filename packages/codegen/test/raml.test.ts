/**
 * A payload written as a RAML 1.0 data type (test/fixtures/raml.yaml), read through the official
 * RAML schema parser: typed, validated and generated as the JSON Schema the plugin makes of it
 * (a property is required unless its name ends in `?`).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './helpers.js';
import { generateWithArbitraries, tscStrict, type Generated } from './arbitraries-support.js';

let g: Generated;
beforeAll(async () => {
  g = await generateWithArbitraries(fixture('raml.yaml'), 'raml');
}, 120_000);

const validate = (value: unknown) => g.validators['validateBookAdded']?.(value);
const book = { title: 'Dune', pages: 412, medium: 'paper' };

describe('a RAML 1.0 payload', () => {
  it('generates without findings into code that passes tsc --noEmit --strict', async () => {
    expect(g.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(await tscStrict(g.out)).toEqual({ code: 0, out: '' });
  });

  it('is typed as a person would write it: required properties, an optional one, an enum', () => {
    const types = g.files.find((f) => f.path === 'src/types.ts')?.content ?? '';
    expect(types).toContain([
      'export interface BookAddedPayload {',
      '  title: string;',
      '  pages: number;',
      '  medium: BookAddedPayloadMedium;',
      '  tags?: string[];',
      '}',
    ].join('\n'));
    expect(types).toContain("export type BookAddedPayloadMedium = 'paper' | 'ebook';");
  });

  it.each<[string, unknown, object]>([
    ['the example', { ...book, tags: ['novel'] }, { ok: true }],
    ['without the optional tags', book, { ok: true }],
    ['without a required property', { pages: 1, medium: 'ebook' }, { ok: false, error: { keyword: 'required', pointer: '/title' } }],
    ['below the minimum', { ...book, pages: 0 }, { ok: false, error: { keyword: 'minimum', pointer: '/pages' } }],
    ['outside the enum', { ...book, medium: 'scroll' }, { ok: false, error: { keyword: 'enum', pointer: '/medium' } }],
    ['a tag of the wrong type', { ...book, tags: [1] }, { ok: false, error: { keyword: 'type', pointer: '/tags/0' } }],
    ['an undeclared property', { ...book, isbn: 'x' }, { ok: false, error: { keyword: 'additionalProperties' } }],
  ])('validates %s', (_name, value, want) => {
    expect(validate(value)).toMatchObject(want);
  });

  it('its arbitraries make values the validator accepts', () => {
    const arbitrary = g.api.arbitraries['BookAddedPayload'] as fc.Arbitrary<unknown>;
    fc.assert(fc.property(arbitrary, (value) => {
      expect(validate(value)).toMatchObject({ ok: true });
    }), { numRuns: 100 });
  });
});
