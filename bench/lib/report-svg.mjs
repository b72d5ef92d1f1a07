/**
 * `latest.svg`: a hand-written horizontal bar chart of Switchboard's ratios to each baseline,
 * one group per figure, with its target marked where it has one. No chart library:
 * the picture is simple enough to write as SVG directly.
 */
import { perCore, ratio } from './targets.mjs';

const COLORS = { 'raw-ws': '#4c78a8', 'raw-ws-preframed': '#72b7b2', socketio: '#f58518' };
const NAMES = { 'raw-ws': 'raw ws', 'raw-ws-preframed': 'raw ws, pre-framed', socketio: 'Socket.IO' };

/**
 * @typedef {{ label: string, better: 'higher' | 'lower', bars: { baseline: keyof typeof COLORS, value: number | null, target: number | null }[] }} Group
 */

/**
 * @param {any} report
 * @returns {Group[]}
 */
function groups(report) {
  const { results, targets } = report;
  /** @param {string} id */
  const target = (id) => targets.find((/** @type {any} */ t) => t.id === id)?.threshold ?? null;
  /** @type {Group[]} */
  const out = [];
  for (const row of results.roundtrip ?? []) {
    out.push({
      label: `${row.kind} round trips, ${row.connections} conns, ${row.inflight} in flight: replies/s`,
      better: 'higher',
      bars: [
        { baseline: 'raw-ws', value: ratio(row.results.switchboard?.throughput, row.results['raw-ws']?.throughput), target: target('roundtrip-raw-ws') },
        { baseline: 'socketio', value: ratio(row.results.switchboard?.throughput, row.results.socketio?.throughput), target: target('roundtrip-socketio') },
      ],
    });
  }
  const fanout = results.fanout;
  if (fanout?.results?.switchboard) {
    out.push({
      label: `fan-out, ${fanout.rooms} rooms x ${fanout.members}: server CPU per delivery`,
      better: 'lower',
      bars: /** @type {const} */ (['raw-ws', 'socketio']).map((baseline) => ({ baseline, value: ratio(fanout.results.switchboard.serverCpuPerDeliveryUs, fanout.results[baseline]?.serverCpuPerDeliveryUs), target: null })),
    });
  }
  const cluster = results.cluster?.results?.switchboard?.['2'];
  if (cluster) {
    const two = /** @type {Record<string, any>} */ (results.cluster.results);
    out.push({
      label: `2 instances through Redis, ${results.cluster.rooms} rooms x ${results.cluster.members}: servers' CPU per delivery`,
      better: 'lower',
      bars: /** @type {const} */ (['raw-ws', 'socketio']).map((baseline) => ({ baseline, value: ratio(cluster.serverCpuPerDeliveryUs, two[baseline]?.['2']?.serverCpuPerDeliveryUs), target: null })),
    });
  }
  for (const [key, name] of /** @type {const} */ ([['broadcast', 'subscribers'], ['roomBroadcast', 'room members']])) {
    const b = results[key];
    if (!b?.results?.switchboard) continue;
    const own = perCore(b.results.switchboard);
    out.push({
      label: `broadcast to ${b.members} ${name}: deliveries/s per server core`,
      better: 'higher',
      bars: /** @type {const} */ (['raw-ws', 'raw-ws-preframed', 'socketio']).map((baseline) => ({
        baseline,
        value: ratio(own, perCore(b.results[baseline])),
        target: key === 'broadcast' ? target(`broadcast-${baseline}`) : null,
      })),
    });
  }
  const idle = results.idle?.[results.idle.length - 1];
  if (idle?.results?.switchboard) {
    out.push({
      label: `${idle.connections} idle connections: RSS per connection`,
      better: 'lower',
      bars: /** @type {const} */ (['raw-ws', 'socketio']).map((baseline) => ({ baseline, value: ratio(idle.results.switchboard.rssPerConnBytes, idle.results[baseline]?.rssPerConnBytes), target: target(`idle-${baseline}`) })),
    });
  }
  const storm = results.storm;
  if (storm?.results?.switchboard) {
    out.push({
      label: `connection storm, ${storm.connections} connects: accepts/s`,
      better: 'higher',
      bars: /** @type {const} */ (['raw-ws', 'socketio']).map((baseline) => ({ baseline, value: ratio(storm.results.switchboard.acceptsPerSec, storm.results[baseline]?.acceptsPerSec), target: null })),
    });
  }
  return out;
}

/** @param {string} text */
function esc(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * @param {any} report
 * @returns {string}
 */
export function renderSvg(report) {
  const list = groups(report);
  const width = 900;
  const left = 20;
  const plotX = 170;
  const plotW = width - plotX - 190;
  const barH = 13;
  const top = 70;
  let max = 2;
  for (const g of list) for (const b of g.bars) max = Math.max(max, b.value ?? 0, b.target ?? 0);
  max = Math.min(Math.ceil(max * 2) / 2 + 0.5, 6);
  const sx = (/** @type {number} */ v) => plotX + (Math.min(v, max) / max) * plotW;
  let y = top;
  const body = [];
  for (const g of list) {
    body.push(`<text x="${left}" y="${y + 11}"><tspan class="group">${esc(g.label)}</tspan><tspan class="hint" dx="10">${g.better === 'higher' ? 'higher is better for Switchboard' : 'lower is better for Switchboard'}</tspan></text>`);
    y += 20;
    for (const bar of g.bars) {
      const value = bar.value;
      const met = value === null || bar.target === null ? null : g.better === 'higher' ? value >= bar.target : value <= bar.target;
      body.push(`<text x="${plotX - 8}" y="${y + barH - 2}" class="bar-label" text-anchor="end">vs ${NAMES[bar.baseline]}</text>`);
      if (value !== null) {
        body.push(`<rect x="${plotX}" y="${y}" width="${(sx(value) - plotX).toFixed(1)}" height="${barH}" fill="${COLORS[bar.baseline]}"/>`);
        const mark = met === null ? '' : met ? ' (target met)' : ' (target missed)';
        body.push(`<text x="${(sx(value) + 4).toFixed(1)}" y="${y + barH - 2}" class="value">${value.toFixed(2)}x${value > max ? ' &#8594;' : ''}${mark}</text>`);
      } else {
        body.push(`<text x="${plotX + 4}" y="${y + barH - 2}" class="value">not measured</text>`);
      }
      if (bar.target !== null) {
        const tx = sx(bar.target).toFixed(1);
        body.push(`<line x1="${tx}" x2="${tx}" y1="${y - 2}" y2="${y + barH + 2}" class="${met === false ? 'target missed' : 'target'}"/>`);
      }
      y += barH + 4;
    }
    y += 14;
  }
  const height = y + 30;
  const grid = [];
  for (let v = 0; v <= max + 1e-9; v += 0.5) {
    const gx = sx(v).toFixed(1);
    grid.push(`<line x1="${gx}" x2="${gx}" y1="${top - 8}" y2="${y - 8}" class="${v === 1 ? 'one' : 'grid'}"/>`);
    grid.push(`<text x="${gx}" y="${y + 6}" class="axis" text-anchor="middle">${v.toFixed(1)}x</text>`);
  }
  const meta = report.meta;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">
<style>
  .title { font-size: 16px; font-weight: 600; }
  .sub, .hint, .axis { font-size: 11px; fill: #555; }
  .group { font-size: 12px; font-weight: 600; }
  .bar-label, .value { font-size: 11px; }
  .grid { stroke: #e3e3e3; }
  .one { stroke: #333; stroke-width: 1.5; }
  .target { stroke: #111; stroke-width: 2.5; }
  .target.missed { stroke: #c0392b; }
</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="${left}" y="24" class="title">Switchboard relative to raw ws and Socket.IO (same run)</text>
<text x="${left}" y="42" class="sub">${esc(`${meta.profile} run, commit ${String(meta.commit).slice(0, 10)}, Node ${meta.node}, ${meta.cpu}, ${meta.cores} cores, ${meta.date}`)}</text>
<text x="${left}" y="56" class="sub">Bar: Switchboard's figure / the baseline's. Black tick: the target (red when missed). Line at 1.0x: parity.</text>
${grid.join('\n')}
${body.join('\n')}
</svg>
`;
}
