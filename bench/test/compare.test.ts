/**
 * `compare.mjs` (lib/compare.mjs): the ratio that counts is the one within a round, so a round
 * where the whole machine ran slow moves both builds and not the ratio; and no server always
 * runs first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRounds, orderOf } from '../lib/compare.mjs';

const figure = fc.double({ min: 1, max: 1000, noNaN: true });

describe('compareRounds', () => {
  it('a machine that slows down by any factor in any round leaves the within-round ratio alone', () => {
    fc.assert(
      fc.property(figure, figure, fc.double({ min: 0.5, max: 2, noNaN: true }), fc.array(fc.double({ min: 1, max: 3, noNaN: true }), { minLength: 1, maxLength: 9 }), (raw, base, ratio, slowdowns) => {
        const c = compareRounds(slowdowns.map((s) => ({ raw: raw * s, base: base * s, head: base * ratio * s })));
        expect(c.headOverBase).toBeCloseTo(ratio, 9);
        expect(c.lowest).toBeCloseTo(ratio, 9);
        expect(c.highest).toBeCloseTo(ratio, 9);
        expect(c.rounds).toBe(slowdowns.length);
      }),
    );
  });

  it('reports the median of the figures and of the paired ratios (not the ratio of the medians), with their spread', () => {
    const c = compareRounds([
      { raw: 8, base: 10, head: 11 },
      { raw: 90, base: 100, head: 90 },
      { raw: 40, base: 50, head: 60 },
    ]);
    expect([c.raw, c.base, c.head]).toEqual([40, 50, 60]);
    // Within the rounds: 1.1, 0.9 and 1.2; the medians alone would say 60 / 50 = 1.2.
    expect(c.headOverBase).toBeCloseTo(1.1, 9);
    expect([c.lowest, c.highest]).toEqual([0.9, 1.2]);
    expect(c.baseOverRaw).toBeCloseTo(1.25, 9);
  });

  it('refuses to compare nothing', () => {
    expect(() => compareRounds([])).toThrow(RangeError);
  });
});

describe('orderOf', () => {
  it('runs each server first once in every three rounds', () => {
    fc.assert(
      fc.property(fc.nat(1000), (start) => {
        const firsts = [0, 1, 2].map((i) => orderOf(start + i)[0]);
        expect(new Set(firsts)).toEqual(new Set(['raw', 'base', 'head']));
        for (const i of [0, 1, 2]) expect([...orderOf(start + i)].sort()).toEqual(['base', 'head', 'raw']);
      }),
    );
  });
});
