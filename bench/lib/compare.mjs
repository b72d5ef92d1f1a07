/**
 * `compare.mjs`: two builds of the server measured side by side. On a shared machine whose speed
 * moves by a third within minutes, two runs an hour apart cannot tell 5% apart, and neither can
 * two figures taken minutes apart within one run. So each round measures raw ws, the other build
 * and this one back to back, and what is reported per workload is the median over the rounds of
 * the ratio *within* a round (this build / the other), beside the medians of each figure.
 */
import { median } from './repeat.mjs';

/**
 * @typedef {{ raw: number, base: number, head: number }} Round server CPU per reply (us) of raw ws, the other build and this one, measured back to back
 * @typedef {{ raw: number, base: number, head: number, headOverBase: number, lowest: number, highest: number, baseOverRaw: number, headOverRaw: number, rounds: number }} Comparison
 */

/**
 * @param {readonly Round[]} rounds
 * @returns {Comparison}
 */
export function compareRounds(rounds) {
  if (rounds.length === 0) throw new RangeError('compareRounds: no round to compare');
  const paired = rounds.map((r) => r.head / r.base);
  return {
    raw: median(rounds.map((r) => r.raw)),
    base: median(rounds.map((r) => r.base)),
    head: median(rounds.map((r) => r.head)),
    headOverBase: median(paired),
    lowest: Math.min(...paired),
    highest: Math.max(...paired),
    baseOverRaw: median(rounds.map((r) => r.base / r.raw)),
    headOverRaw: median(rounds.map((r) => r.head / r.raw)),
    rounds: rounds.length,
  };
}

/**
 * The order the three servers run in, turned by one each round, so that none always runs first
 * (the start of a round has its own noise: the machine just ran a load generator).
 * @param {number} round
 * @returns {('raw' | 'base' | 'head')[]}
 */
export function orderOf(round) {
  /** @type {('raw' | 'base' | 'head')[]} */
  const order = ['raw', 'base', 'head'];
  const turn = round % order.length;
  return [...order.slice(turn), ...order.slice(0, turn)];
}
