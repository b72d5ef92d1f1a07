/**
 * `--repeat N` (lib/repeat.mjs): figures of the repetitions merge by median, counts of problems
 * by sum (so an error in one repetition is never averaged away), shapes element by element.
 */
import { describe, expect, it } from 'vitest';
import { median, mergeRuns } from '../lib/repeat.mjs';

describe('mergeRuns', () => {
  it('takes the median of each figure and keeps the first run\'s strings', () => {
    const runs = [
      { name: 'a', throughput: 10, rows: [{ p99Ms: 5 }, { p99Ms: 1 }] },
      { name: 'b', throughput: 30, rows: [{ p99Ms: 7 }, { p99Ms: 2 }] },
      { name: 'c', throughput: 20, rows: [{ p99Ms: 6 }, { p99Ms: 9 }] },
    ];
    expect(mergeRuns(runs)).toEqual({ name: 'a', throughput: 20, rows: [{ p99Ms: 6 }, { p99Ms: 2 }] });
  });

  it('sums error counts, failures and missing deliveries over the repetitions', () => {
    const runs = [
      { errors: {}, failures: 0, rounds: [{ missing: 0 }], spec: { violations: 0 } },
      { errors: { CLOSED_1006: 2 }, failures: 3, rounds: [{ missing: 4 }], spec: { violations: 1 } },
    ];
    expect(mergeRuns(runs)).toEqual({ errors: { CLOSED_1006: 2 }, failures: 3, rounds: [{ missing: 4 }], spec: { violations: 1 } });
  });

  it('merges what only some repetitions have, and leaves non-finite figures alone', () => {
    expect(mergeRuns([{ a: 1 }, { a: 3, b: 5 }, undefined])).toEqual({ a: 2, b: 5 });
    expect(mergeRuns([{ p: Number.NaN }, { p: Number.NaN }])).toEqual({ p: Number.NaN });
  });

  it('median of an odd and an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
