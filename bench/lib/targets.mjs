/**
 * Ratios and the targets, computed from the figures of one run. A ratio is always
 * Switchboard's figure divided by the baseline's; whether higher or lower is better depends on
 * the figure and is said next to it.
 */

/**
 * @param {number | null | undefined} a
 * @param {number | null | undefined} b
 * @returns {number | null}
 */
export function ratio(a, b) {
  return typeof a === 'number' && typeof b === 'number' && Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : null;
}

/**
 * Deliveries per second one core of the server could make: the inverse of its CPU time per
 * delivery. The broadcast targets' figure ("deliveries/s per server core"): unlike the wall-clock
 * rate it does not depend on how fast the load generator, on the other core, reads them.
 * @param {{ serverCpuPerDeliveryUs?: number | null } | undefined} result
 * @returns {number | null}
 */
export function perCore(result) {
  const us = result?.serverCpuPerDeliveryUs;
  return typeof us === 'number' && Number.isFinite(us) && us > 0 ? 1e6 / us : null;
}

/** @param {number | null} r */
function fmtRatio(r) {
  return r === null ? 'n/a' : `${r.toFixed(2)}x`;
}

/**
 * @typedef {{ id: string, scenario: string, label: string, baseline: string, want: string, threshold: number,
 *   better: 'higher' | 'lower', measured: number | null, met: boolean | null, detail: string,
 *   runs?: (number | null)[] }} Target `runs`: with --repeat, each repetition's own ratio
 */

/**
 * @param {any} results the run's results (run.mjs)
 * @returns {Target[]}
 */
export function evaluateTargets(results) {
  /** @type {Target[]} */
  const targets = [];
  /**
   * @param {Omit<Target, 'met'>} target
   */
  const add = (target) => {
    const { measured, threshold, better } = target;
    const met = measured === null ? null : better === 'higher' ? measured >= threshold : measured <= threshold;
    targets.push({ ...target, met });
  };

  const rows = results.roundtrip ?? [];
  for (const [baseline, threshold] of /** @type {const} */ ([['raw-ws', 0.8], ['socketio', 2]])) {
    let worst = /** @type {number | null} */ (null);
    let where = '';
    for (const row of rows) {
      const r = ratio(row.results.switchboard?.throughput, row.results[baseline]?.throughput);
      if (r !== null && (worst === null || r < worst)) {
        worst = r;
        where = `${row.kind}, ${row.connections} connections, ${row.inflight} in flight`;
      }
    }
    add({ id: `roundtrip-${baseline}`, scenario: 'roundtrip', label: 'Round-trip throughput (worst workload)', baseline, want: `>= ${threshold}x`, threshold, better: 'higher', measured: worst, detail: where });
  }

  const sub = results.broadcast?.results ?? {};
  for (const [baseline, threshold, label] of /** @type {const} */ ([
    ['raw-ws', 1.2, 'Broadcast deliveries/s per server core vs the ws.send loop'],
    ['raw-ws-preframed', 0.9, 'Broadcast deliveries/s per server core vs the pre-framed floor'],
    ['socketio', 1.8, 'Broadcast deliveries/s per server core'],
  ])) {
    add({
      id: `broadcast-${baseline}`,
      scenario: 'broadcast',
      label,
      baseline,
      want: `>= ${threshold}x`,
      threshold,
      better: 'higher',
      measured: ratio(perCore(sub.switchboard), perCore(sub[baseline])),
      detail: `${results.broadcast?.members ?? '?'} subscribers; wall-clock deliveries/s ${fmtRatio(ratio(sub.switchboard?.deliveriesPerSec, sub[baseline]?.deliveriesPerSec))}`,
    });
  }

  const idleRows = results.idle ?? [];
  const idle = idleRows[idleRows.length - 1];
  for (const [baseline, threshold] of /** @type {const} */ ([['raw-ws', 1.3], ['socketio', 0.5]])) {
    add({
      id: `idle-${baseline}`,
      scenario: 'idle',
      label: 'Idle connection memory (RSS per connection)',
      baseline,
      want: `<= ${threshold}x`,
      threshold,
      better: 'lower',
      measured: idle ? ratio(idle.results.switchboard?.rssPerConnBytes, idle.results[baseline]?.rssPerConnBytes) : null,
      detail: idle ? `${idle.connections} connections` : '',
    });
  }

  const micro = results.micro?.validation?.results ?? [];
  const small = micro.filter((/** @type {any} */ m) => typeof m.bytes === 'number' && m.bytes <= 200);
  let slowest = /** @type {any} */ (null);
  for (const m of small) if (slowest === null || m.validateDispatchPerSec < slowest.validateDispatchPerSec) slowest = m;
  targets.push({
    id: 'micro-validate-dispatch',
    scenario: 'micro',
    label: 'Validation + dispatch, small messages (slowest type), per core',
    baseline: '-',
    want: '>= 1M/s',
    threshold: 1e6,
    better: 'higher',
    measured: slowest?.validateDispatchPerSec ?? null,
    met: slowest ? slowest.validateDispatchPerSec >= 1e6 : null,
    detail: slowest ? `${slowest.type} (${slowest.bytes} bytes)` : '',
  });
  return targets;
}
