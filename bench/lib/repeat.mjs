/**
 * `--repeat N`: the whole run is repeated N times and each figure reported is the median of its
 * N measurements, while anything that went wrong in any repetition stays visible (error counts
 * and missing deliveries are summed, not averaged away). On a shared machine whose speed moves
 * by a third within minutes, one measurement per figure can land on either side of a target;
 * the repetitions' own target ratios are kept too, so the report can say how many met it.
 */

/** Keys whose numbers count problems: summed over the repetitions. */
const COUNTS = new Set(['errors', 'failures', 'failuresByCode', 'missing', 'violations']);

/**
 * @param {number[]} values
 * @returns {number}
 */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? /** @type {number} */ (sorted[mid]) : (/** @type {number} */ (sorted[mid - 1]) + /** @type {number} */ (sorted[mid])) / 2;
}

/**
 * Merges the result trees of N repetitions (same shape): numbers by median, counts of problems
 * by sum, arrays element by element, objects key by key; anything else is the first run's.
 * @param {unknown[]} runs
 * @param {boolean} [count] inside a key of COUNTS
 * @returns {unknown}
 */
export function mergeRuns(runs, count = false) {
  const present = runs.filter((value) => value !== undefined);
  const [first] = present;
  if (present.length === 0) return undefined;
  if (present.every((value) => typeof value === 'number')) {
    const numbers = /** @type {number[]} */ (present).filter((n) => Number.isFinite(n));
    if (numbers.length === 0) return first;
    return count ? numbers.reduce((sum, n) => sum + n, 0) : median(numbers);
  }
  if (present.every((value) => Array.isArray(value))) {
    const arrays = /** @type {unknown[][]} */ (present);
    const length = Math.max(...arrays.map((a) => a.length));
    return Array.from({ length }, (_, i) => mergeRuns(arrays.map((a) => a[i]), count));
  }
  if (present.every((value) => value !== null && typeof value === 'object' && !Array.isArray(value))) {
    const objects = /** @type {Record<string, unknown>[]} */ (present);
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const key of new Set(objects.flatMap((o) => Object.keys(o)))) out[key] = mergeRuns(objects.map((o) => o[key]), count || COUNTS.has(key));
    return out;
  }
  return first;
}
