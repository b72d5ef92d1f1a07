#!/usr/bin/env node
/**
 * `node bench/profile-top.mjs FILE.cpuprofile [N]`: the N functions (default 30) with the most
 * self time and the N with the most total time (self plus callees) in a V8 CPU profile, as
 * written by `npm run bench -- --cpu-prof DIR`. A text view of what DevTools shows, for a
 * terminal and for notes; `node_modules/` and the repository root are cut from the paths.
 */
import { readFileSync } from 'node:fs';

/**
 * @typedef {{ id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[] }} Profile
 */

const [file, count = '30'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/profile-top.mjs FILE.cpuprofile [N]\n');
  process.exit(2);
}
const n = Number(count);
const root = new URL('../', import.meta.url).pathname;
const profile = /** @type {Profile} */ (JSON.parse(readFileSync(file, 'utf8')));

/** @type {Map<number, ProfileNode>} */
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
/** @type {Map<number, number>} */
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

/** @param {ProfileNode} node */
function name(node) {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^file:\/\//, '').replace(/.*\/node_modules\//, '').replace(root, '');
  return `${functionName || '(anonymous)'} ${where}${where ? `:${lineNumber + 1}` : ''}`;
}

/** @type {Map<number, number>} */
const sampled = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  sampled.set(id, (sampled.get(id) ?? 0) + dt);
  total += dt;
});

/** @type {Map<string, number>} */
const self = new Map();
/** @type {Map<string, number>} */
const inclusive = new Map();
for (const [id, time] of sampled) {
  const node = /** @type {ProfileNode} */ (byId.get(id));
  self.set(name(node), (self.get(name(node)) ?? 0) + time);
  const seen = new Set();
  for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parent.get(at)) {
    const key = name(/** @type {ProfileNode} */ (byId.get(at)));
    if (seen.has(key)) continue; // recursion counts once
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + time);
  }
}

/** @param {Map<string, number>} times */
function top(times) {
  return [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, time]) => `${((100 * time) / total).toFixed(1).padStart(5)}%  ${key}`)
    .join('\n');
}

process.stdout.write(`${file}: ${(total / 1e6).toFixed(2)} s sampled\n\nself time\n${top(self)}\n\ntotal time\n${top(inclusive)}\n`);
