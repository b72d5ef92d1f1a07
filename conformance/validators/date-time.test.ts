/**
 * The generated validators check the "date-time" format with an allocation-free check for the
 * usual shape (`fastDateTime`, @switchboard/runtime/validation) and fall back to ajv-formats' full
 * check for the rest. They must decide exactly as the full check does: compared here, on the spec's
 * `Timestamp` schema, against an independent ajv compiled from the raw spec, for timestamps
 * near every boundary (days per month, leap years, 23:59:60, time zones) and for mutations of
 * valid ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePing } from '@switchboard/protocol';
import { createSpecAjv, SPEC_URI } from '../lib/spec-ajv.js';

const independent = createSpecAjv().compile({ $ref: `${SPEC_URI}#/components/schemas/Timestamp` });

/** Whether the generated validator accepts `timestamp` (a ping carries one). */
function generated(timestamp: string): boolean {
  return validatePing({ type: 'ping', id: 'c_1', timestamp, data: {} }).ok;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const timestamp = fc
  .record({
    year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1900, 2000, 2023, 2024, 2100, 2400)),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 61 }),
    fraction: fc.option(fc.stringMatching(/^\.\d{1,9}$/), { nil: '' }),
    separator: fc.constantFrom('T', 't', ' '),
    zone: fc.oneof(
      fc.constantFrom('Z', 'z', '', '+00:00', '-00:00', '+23:59', '-24:00', '+05:60', '+0530', '+05'),
      fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`),
    ),
  })
  .map((t) => `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}${t.separator}${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${t.fraction}${t.zone}`);

/** A valid timestamp with one character replaced, inserted or removed. */
const mutated = fc
  .tuple(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), fc.nat(), fc.constantFrom(...'0123456789-:.TZtz+ x\u0660'), fc.constantFrom('replace', 'insert', 'remove'))
  .map(([date, at, char, how]) => {
    const text = date.toISOString();
    const i = at % text.length;
    if (how === 'replace') return text.slice(0, i) + char + text.slice(i + 1);
    if (how === 'insert') return text.slice(0, i) + char + text.slice(i);
    return text.slice(0, i) + text.slice(i + 1);
  });

describe('"date-time" in the generated validators', () => {
  it('decides as ajv-formats\' full check on the boundaries', () => {
    const cases = [
      '2024-02-29T12:00:00Z', '2023-02-29T12:00:00Z', '2000-02-29T00:00:00Z', '1900-02-29T00:00:00Z',
      '2024-04-31T00:00:00Z', '2024-12-31T23:59:59.999Z', '2024-13-01T00:00:00Z', '2024-00-10T00:00:00Z',
      '2016-12-31T23:59:60Z', '2016-12-31T22:59:60-01:00', '2016-12-31T12:59:60Z', '2024-01-01T24:00:00Z',
      '2024-01-01T10:60:00Z', '2024-01-01T10:00:00+24:00', '2024-01-01T10:00:00+23:60', '2024-01-01T10:00:00',
      '2024-01-01t10:00:00z', '2024-01-01 10:00:00Z', '2024-01-01T10:00:00+0530', '2025-01-08T10:30:00.123Z',
    ];
    expect(cases.map(generated)).toEqual(cases.map((c) => independent(c)));
    // The usual shapes really are accepted (the comparison above would also pass if both refused).
    expect(['2024-02-29T12:00:00Z', '2025-01-08T10:30:00.123Z', '2016-12-31T23:59:60Z'].map(generated)).toEqual([true, true, true]);
  });

  it('decides as the full check on generated timestamps around every bound', () => {
    fc.assert(fc.property(timestamp, (text) => generated(text) === independent(text)), { numRuns: 3000 });
  });

  it('decides as the full check on mutations of valid timestamps', () => {
    fc.assert(fc.property(mutated, (text) => generated(text) === independent(text)), { numRuns: 3000 });
  });
});
