#!/usr/bin/env node
/**
 * `node bench/compare.mjs --base DIR [--rows chat:1000:1,chat:100:10] [--rounds 7] [--duration MS]`
 *
 * Round trips (scenario 1) of this checkout's server against another checkout's (`DIR`, built:
 * `npm ci` there, or a `git worktree` with its own `npm run build`), with raw ws beside them,
 * measured back to back in every round (lib/compare.mjs). Prints, per workload, the medians of
 * server CPU per reply and the median of this build's CPU over the other's within a round, with
 * its lowest and highest (the figure to quote for "within N% of before"), and the medians of the
 * servers' page faults per reply.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { compareRounds, orderOf } from './lib/compare.mjs';
import { clockTicks, probeFdLimit } from './lib/processes.mjs';
import { median } from './lib/repeat.mjs';
import { jobFor } from './lib/scenarios.mjs';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    rows: { type: 'string', default: 'chat:1000:1,chat:1000:10,chat:100:1,chat:100:10,ping:1000:1,ping:100:10' },
    rounds: { type: 'string', default: '7' },
    duration: { type: 'string', default: '3000' },
  },
});
if (!values.base) usage('--base DIR is required');
const rounds = Number(values.rounds);
const durationMs = Number(values.duration);
if (!Number.isInteger(rounds) || rounds < 1) usage(`--rounds must be a positive integer, got "${values.rounds}"`);
if (!Number.isInteger(durationMs) || durationMs < 500) usage(`--duration must be at least 500 ms, got "${values.duration}"`);
const rows = values.rows.split(',').map((row) => {
  const [kind, connections, inflight] = row.split(':');
  if ((kind !== 'chat' && kind !== 'ping') || !Number(connections) || !Number(inflight)) usage(`--rows: "${row}" is not kind:connections:inflight (kind chat or ping)`);
  return { kind, connections: Number(connections), inflight: Number(inflight) };
});

/**
 * @param {string} message
 * @returns {never}
 */
function usage(message) {
  process.stderr.write(`compare: ${message}\nusage: node bench/compare.mjs --base DIR [--rows kind:connections:inflight,...] [--rounds N] [--duration MS]\n`);
  process.exit(2);
}

/** @typedef {typeof import('./lib/processes.mjs')} Processes */
const here = /** @type {Processes} */ (await import('./lib/processes.mjs'));
const there = /** @type {Processes} */ (await import(pathToFileURL(resolve(values.base, 'bench/lib/processes.mjs')).href));
const fds = probeFdLimit().applied;
const measuring = { secret: randomBytes(32).toString('hex'), adminToken: randomBytes(16).toString('hex'), clkTck: clockTicks() };

/**
 * Server CPU per reply (us) and page faults per reply of one server on one workload. Both builds
 * are driven by this checkout's load generator, so only the server differs.
 * @param {Processes} processes
 * @param {'switchboard' | 'raw-ws'} name
 * @param {{ kind: string, connections: number, inflight: number }} row
 * @returns {Promise<{ cpu: number, faults: number | null }>}
 */
async function measure(processes, name, row) {
  const server = await processes.startServer(name, { secret: measuring.secret, adminToken: measuring.adminToken, fds });
  try {
    const job = jobFor(measuring, server, { scenario: 'roundtrip', ...row, warmupMs: 800, durationMs });
    const result = await here.runLoadgen(job, { fds, timeoutMs: 60_000 + durationMs });
    if (typeof result.serverCpuPerOpUs !== 'number') throw new Error(`${name}: no server CPU figure (is /proc readable?)`);
    return { cpu: result.serverCpuPerOpUs, faults: typeof result.serverFaultsPerOp === 'number' ? result.serverFaultsPerOp : null };
  } finally {
    await server.stop();
  }
}

/**
 * The median of the figures that were measured, or null when none was.
 * @param {(number | null)[]} figures
 */
function medianOf(figures) {
  const known = /** @type {number[]} */ (figures.filter((f) => f !== null));
  return known.length === 0 ? null : median(known);
}

const fmt = (/** @type {number} */ n, digits = 1) => n.toFixed(digits);
for (const row of rows) {
  /** @type {import('./lib/compare.mjs').Round[]} */
  const measured = [];
  /** @type {{ raw: (number | null)[], base: (number | null)[], head: (number | null)[] }} */
  const faultsOf = { raw: [], base: [], head: [] };
  for (let round = 0; round < rounds; round++) {
    /** @type {Record<string, number>} */
    const figures = {};
    for (const who of orderOf(round)) {
      const { cpu, faults } = await measure(who === 'base' ? there : here, who === 'raw' ? 'raw-ws' : 'switchboard', row);
      figures[who] = cpu;
      faultsOf[who].push(faults);
    }
    measured.push({ raw: figures['raw'] ?? Number.NaN, base: figures['base'] ?? Number.NaN, head: figures['head'] ?? Number.NaN });
  }
  const c = compareRounds(measured);
  const [baseFaults, headFaults] = [medianOf(faultsOf.base), medianOf(faultsOf.head)];
  const faults = baseFaults === null || headFaults === null ? '' : `; page faults per reply base ${fmt(baseFaults, 3)}, this ${fmt(headFaults, 3)}`;
  process.stdout.write(
    `${row.kind} ${row.connections}/${row.inflight}: server CPU per reply raw ws ${fmt(c.raw)} us, base ${fmt(c.base)} us (${fmt(c.baseOverRaw, 2)}x raw), ` +
      `this ${fmt(c.head)} us (${fmt(c.headOverRaw, 2)}x raw); this/base within a round ${fmt(c.headOverBase, 3)} (${fmt(c.lowest, 3)}-${fmt(c.highest, 3)}, ${c.rounds} rounds)${faults}\n`,
  );
}
