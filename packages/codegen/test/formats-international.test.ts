/**
 * The draft 07 formats ajv-formats does not ship, `iri`, `iri-reference`, `idn-hostname` and
 * `idn-email`: the generated validators check them (with `@switchboard/runtime/validation/formats`)
 * and no `unknown-format` warning is left; the generated arbitraries' values pass, with non-ASCII
 * code points in them; and a value made from a valid one by breaking the grammar fails at its
 * property with keyword `format`: a code point no IRI has, an unbalanced bracket, an empty host
 * label, a label over 63 octets.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { RUNS, checkEveryMessage, generateWithArbitraries, tscStrict, type Generated } from './arbitraries-support.js';
import { miniSpec, specFile } from './helpers.js';

const SPEC = miniSpec({
  channelMessages: `link:\n  $ref: '#/components/messages/link'`,
  operations: `link:\n  action: receive\n  channel:\n    $ref: '#/channels/ws'\n  messages:\n    - $ref: '#/channels/ws/messages/link'`,
  messages: `link:\n  payload:\n    $ref: '#/components/schemas/Link'`,
  schemas: [
    'Link:',
    '  type: object',
    '  additionalProperties: false',
    '  required: [iri, reference, host, mail, short]',
    '  properties:',
    '    iri: { type: string, format: iri }',
    '    reference: { type: string, format: iri-reference }',
    '    host: { type: string, format: idn-hostname }',
    '    mail: { type: string, format: idn-email }',
    '    short: { type: string, format: iri, maxLength: 64 }',
  ].join('\n'),
});

interface Link { iri: string; reference: string; host: string; mail: string; short: string }
type Field = keyof Link;

let g: Generated;
let links: fc.Arbitrary<Link>;
const validate = (value: unknown) => g.validators['validateLink']?.(value);

beforeAll(async () => {
  g = await generateWithArbitraries(await specFile('formats-international.yaml', SPEC), 'formats-international');
  links = g.api.arbitraries['Link'] as fc.Arbitrary<Link>;
}, 120_000);

/** A valid link with one field replaced by what `change` makes of it. */
function withField(field: Field, change: fc.Arbitrary<(valid: string) => string>): fc.Arbitrary<{ link: Link; value: string }> {
  return fc.tuple(links, change).map(([link, f]) => ({ link: { ...link, [field]: f(link[field]) }, value: f(link[field]) }));
}

/** `text` with `c` put in at a position chosen by `n`. */
function insertAt(text: string, c: string, n: number): string {
  const points = Array.from(text);
  const at = n % (points.length + 1);
  return [...points.slice(0, at), c, ...points.slice(at)].join('');
}

function rejectedAt(field: Field, link: Link): void {
  expect(validate(link), JSON.stringify(link[field])).toMatchObject({ ok: false, error: { keyword: 'format', pointer: `/${field}` } });
}

describe('iri, iri-reference, idn-hostname and idn-email', () => {
  it('are checked, so none is reported as an unknown format; the output passes tsc --strict', async () => {
    expect(g.diagnostics.filter((d) => d.rule === 'switchboard/unknown-format')).toEqual([]);
    expect(g.files.find((f) => f.path === 'src/validators/compiled.ts')?.content).toContain(
      "import { idnEmailFormat, idnHostnameFormat, iriFormat, iriReferenceFormat } from '@switchboard/runtime/validation/formats';");
    expect(await tscStrict(g.out)).toEqual({ code: 0, out: '' });
  }, 60_000);

  it('the arbitraries\' values pass, non-ASCII ones among them, and the invalid ones fail as declared', () => {
    expect(checkEveryMessage(g)).toContain('bad-format');
    const sample = fc.sample(links, { seed: RUNS.seed, numRuns: 200 });
    for (const field of ['iri', 'reference', 'host', 'mail'] as const) {
      expect(sample.some((l) => /[^\x00-\x7f]/.test(l[field])), field).toBe(true);
    }
    expect(sample.every((l) => Array.from(l.short).length <= 64)).toBe(true);
  });

  it('an IRI or reference with a code point no IRI has, or an unbalanced bracket, fails', () => {
    const breaks = fc.tuple(fc.constantFrom(' ', '<', '>', '"', '{', '}', '|', '\\', '^', '`', '[', ']'), fc.nat())
      .map(([c, n]) => (valid: string) => insertAt(valid, c, n));
    for (const field of ['iri', 'reference', 'short'] as const) {
      fc.assert(fc.property(withField(field, breaks), ({ link }) => rejectedAt(field, link)), RUNS);
    }
  });

  it('a host name or mail domain with an empty label, or a label over 63 octets, fails', () => {
    const emptyLabel = fc.tuple(fc.constantFrom('.', '..'), fc.boolean()).map(([dots, front]) => (valid: string) => {
      const [local, domain] = valid.includes('@') ? [valid.slice(0, valid.lastIndexOf('@') + 1), valid.slice(valid.lastIndexOf('@') + 1)] : ['', valid];
      return local + (front ? dots + domain : domain.replace('.', '..').replace(/^([^.]*)$/, '$1..x'));
    });
    const longLabel = fc.integer({ min: 64, max: 80 }).map((n) => (valid: string) => valid + '.' + 'a'.repeat(n));
    for (const field of ['host', 'mail'] as const) {
      fc.assert(fc.property(withField(field, emptyLabel), ({ link }) => rejectedAt(field, link)), RUNS);
      fc.assert(fc.property(withField(field, longLabel), ({ link }) => rejectedAt(field, link)), RUNS);
    }
  });
});
