/**
 * `@switchboard/runtime/validation` stands in for ajv's run-time modules in every generated
 * validator module: each replacement must decide exactly as what it replaces, on any input
 * (ajv's `ucs2length`, ajv-formats' full "date-time" check, and JSON equality for `equal`).
 */
import { createRequire } from 'node:module';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepEqual, fastDateTime, ucs2length } from '@switchboard/runtime/validation';

const require = createRequire(import.meta.url);
const ajvUcs2length = (require('ajv/dist/runtime/ucs2length') as { default: (s: string) => number }).default;
const fullDateTime = fullFormats['date-time'] as { validate: (s: string) => boolean };

/** Any UTF-16 string, lone surrogates included. */
const utf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });

/** JSON with sorted keys. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v);
}

/** A copy of a JSON value with every object's keys in another order: equal to it. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reordered(v)]));
}

describe('the runtime helpers of the generated validators', () => {
  it('ucs2length counts code points as ajv does, lone surrogates included', () => {
    fc.assert(fc.property(fc.oneof(utf16, fc.string({ unit: 'binary' })), (s) => {
      expect(ucs2length(s)).toBe(ajvUcs2length(s));
    }), { numRuns: 500 });
  });

  // ajv's own `equal` throws on an object with an own `toString` or `valueOf` key (it calls them),
  // so JSON with sorted keys is the reference: two JSON values are equal when it is.
  it('deepEqual decides as JSON equality, for equal and unequal JSON values', () => {
    const pairs = fc.oneof(
      fc.tuple(fc.jsonValue(), fc.jsonValue()),
      fc.jsonValue().map((v) => [v, reordered(v)] as const),
    );
    fc.assert(fc.property(pairs, ([a, b]) => {
      expect(deepEqual(a, b)).toBe(canonical(a) === canonical(b));
    }), { numRuns: 500 });
  });

  it('fastDateTime decides as the full date-time check it wraps', () => {
    const d = (max: number, width = 2) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(width, '0'));
    const zone = fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), d(25), d(61)).map(([s, h, m]) => `${s}${h}:${m}`));
    const shaped = fc.tuple(d(9999, 4), d(13), d(32), d(25), d(61), d(61), fc.constantFrom('', '.5', '.123456'), zone)
      .map(([y, mo, da, h, mi, s, f, z]) => `${y}-${mo}-${da}T${h}:${mi}:${s}${f}${z}`);
    const fast = fastDateTime(fullDateTime);
    fc.assert(fc.property(fc.oneof(shaped, fc.string()), (s) => {
      expect(fast.validate(s)).toBe(fullDateTime.validate(s));
    }), { numRuns: 2000 });
  });
});
