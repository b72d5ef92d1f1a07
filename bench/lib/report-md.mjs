/**
 * `latest.md`: the run's figures as Markdown tables, every server beside the others, with each
 * figure's ratio to raw ws and to Socket.IO (the figure of that row's server divided by the
 * baseline's; the column header says whether higher or lower is better).
 */
import { SERVERS } from './processes.mjs';
import { perCore, ratio } from './targets.mjs';

/** @param {string} name */
const label = (name) => SERVERS[/** @type {keyof typeof SERVERS} */ (name)]?.label ?? name;

/**
 * @param {number | null | undefined} value
 * @param {number} digits
 */
function num(value, digits = 0) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** @param {number | null} value */
function x(value) {
  return value === null ? 'n/a' : `${value.toFixed(2)}x`;
}

/** @param {any} result */
function errors(result) {
  const list = Object.entries(result?.errors ?? {}).map(([code, n]) => `${code}: ${n}`);
  if (result?.spec?.violations > 0) list.push(`spec violations: ${result.spec.violations} (${result.spec.examples.map((/** @type {any} */ e) => `${e.type} ${e.pointer}`).join('; ')})`);
  return list.length === 0 ? '0' : list.join(', ');
}

/**
 * @param {string[]} header
 * @param {string[][]} rows
 */
function table(header, rows) {
  const line = (/** @type {string[]} */ cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((h, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/**
 * @param {any} report the whole latest.json
 * @returns {string}
 */
export function renderMarkdown(report) {
  const { meta, results, targets, missing, notes } = report;
  const out = [];
  out.push(`# Switchboard benchmark: ${meta.profile} run`);
  out.push('');
  out.push(`Commit \`${meta.commit}\`${meta.dirty ? ' (with uncommitted changes)' : ''}, Node ${meta.node}, ${meta.cpu} (${meta.cores} cores), ${meta.date}; the run took ${num(meta.seconds, 0)} s. File descriptors: ${meta.fdLimit.note}.`);
  out.push('');
  out.push('Ratios are the row\'s figure divided by raw ws\'s and by Socket.IO\'s, measured in the same run. Absolute figures on a shared 2-core machine are noisy; the ratios are what we track. Load generators are separate Node processes on the same 2 cores, so with the server on one core and the load on the other, a throughput can be bounded by the load generator: the server\'s CPU time per operation (from /proc/<pid>/task/*/schedstat) is the figure that depends on the server alone.');

  if (targets?.length) {
    out.push('', '## Targets', '');
    const shown = (/** @type {any} */ t, /** @type {number | null} */ value) =>
      value === null ? 'n/a' : t.id.startsWith('micro') ? `${num(value)}/s` : `${value.toFixed(2)}x`;
    const repeated = targets.some((/** @type {any} */ t) => Array.isArray(t.runs));
    out.push(
      table(
        ['target', 'baseline', 'wanted', repeated ? 'measured (median)' : 'measured', 'met', ...(repeated ? ['each repetition', 'met in'] : []), 'where'],
        targets.map((/** @type {any} */ t) => {
          /** @type {(number | null)[]} */
          const runs = t.runs ?? [];
          const metIn = runs.filter((v) => v !== null && (t.better === 'higher' ? v >= t.threshold : v <= t.threshold)).length;
          return [
            t.label,
            t.baseline === '-' ? '-' : label(t.baseline),
            t.want,
            shown(t, t.measured),
            t.met === null ? 'not measured' : t.met ? 'yes' : 'no',
            ...(repeated ? [runs.map((v) => shown(t, v)).join(', '), `${metIn} of ${runs.length}`] : []),
            t.detail,
          ];
        }),
      ),
    );
  }

  if (results.roundtrip?.length) {
    out.push('', '## 1. Request/reply round trips', '');
    out.push('Each connection keeps `in flight` requests outstanding; `chat` is `chat.send` -> `chat.sent` in a room of its own. Throughput counts replies in the measured window; server CPU is the server process\'s CPU time per reply.');
    out.push('');
    const rows = [];
    for (const row of results.roundtrip) {
      for (const [name, r] of Object.entries(row.results)) {
        rows.push([
          `${row.kind}, ${row.connections} conns, ${row.inflight} in flight`,
          label(name),
          num(r.throughput),
          num(r.p50Ms, 2),
          num(r.p99Ms, 2),
          num(r.serverCpuPerOpUs, 1),
          errors(r),
          x(ratio(r.throughput, row.results['raw-ws']?.throughput)),
          x(ratio(r.throughput, row.results.socketio?.throughput)),
          x(ratio(r.serverCpuPerOpUs, row.results['raw-ws']?.serverCpuPerOpUs)),
          x(ratio(r.serverCpuPerOpUs, row.results.socketio?.serverCpuPerOpUs)),
        ]);
      }
    }
    out.push(table(['workload', 'server', 'replies/s', 'p50 ms', 'p99 ms', 'server CPU us/reply', 'errors', 'throughput x raw ws (higher is better)', 'x Socket.IO', 'server CPU/reply x raw ws (lower is better)', 'x Socket.IO'], rows));
  }

  if (results.fanout) {
    const f = results.fanout;
    out.push('', `## 2. Room fan-out: ${num(f.rooms)} rooms x ${num(f.members)} members`, '');
    out.push(`Every member posts \`chat.send\` to its room once every ${num(f.periodMs)} ms (random phase), and the other ${num(f.members - 1)} members get \`chat.message\`: ${num((f.rooms * f.members * 1000) / f.periodMs)} messages/s offered, ${num((f.rooms * f.members * (f.members - 1) * 1000) / f.periodMs)} deliveries/s. Latency is end to end, from the send to the arrival at a receiver (one clock, the load generator's), over the ${num(f.durationMs / 1000, 1)} s measured window.`);
    out.push('');
    const rows = Object.entries(f.results).map(([name, r]) => [
      label(name),
      num(r.deliveriesPerSec),
      num(r.p50Ms, 2),
      num(r.p99Ms, 2),
      num(r.serverCpuPerDeliveryUs, 2),
      num(r.serverCpuShare, 2),
      errors(r),
      x(ratio(r.p99Ms, f.results['raw-ws']?.p99Ms)),
      x(ratio(r.p99Ms, f.results.socketio?.p99Ms)),
      x(ratio(r.serverCpuPerDeliveryUs, f.results['raw-ws']?.serverCpuPerDeliveryUs)),
      x(ratio(r.serverCpuPerDeliveryUs, f.results.socketio?.serverCpuPerDeliveryUs)),
    ]);
    out.push(table(['server', 'deliveries/s', 'p50 ms', 'p99 ms', 'server CPU us/delivery', 'server cores busy', 'errors', 'p99 x raw ws (lower is better)', 'x Socket.IO', 'server CPU/delivery x raw ws (lower is better)', 'x Socket.IO'], rows));
  }

  if (results.cluster) {
    const c = results.cluster;
    out.push('', `## 7. Cross-instance fan-out through Redis: ${num(c.rooms)} rooms x ${num(c.members)} members`, '');
    if (c.skipped) {
      out.push('Not run: Redis did not answer (see the notes).');
    } else {
      out.push(`Scenario 2's workload (one \`chat.send\` per member every ${num(c.periodMs)} ms) on one instance and on two sharing one Redis (${c.redisVersion ?? 'unknown version'}); with two, members alternate between the instances, so every room spans both and every message crosses Redis. Server CPU is the sum over the instances; Redis's own CPU is beside it. Switchboard uses @switchboard/redis (a shared seq, history and presence per room); raw ws an \`INCR\` and a \`PUBLISH\` per message (bench/servers/redis-bus.mjs); Socket.IO its own @socket.io/redis-adapter.`);
      out.push('');
      const rows = [];
      for (const [name, byCount] of Object.entries(c.results)) {
        for (const [instances, r] of Object.entries(/** @type {Record<string, any>} */ (byCount))) {
          const one = /** @type {any} */ (byCount)['1'];
          rows.push([
            label(name),
            instances,
            num(r.deliveriesPerSec),
            num(r.p50Ms, 2),
            num(r.p99Ms, 2),
            num(r.serverCpuPerDeliveryUs, 2),
            num(r.redisCpuShare, 2),
            errors(r),
            instances === '1' ? '-' : x(ratio(r.serverCpuPerDeliveryUs, one?.serverCpuPerDeliveryUs)),
            x(ratio(r.serverCpuPerDeliveryUs, c.results['raw-ws']?.[instances]?.serverCpuPerDeliveryUs)),
            x(ratio(r.serverCpuPerDeliveryUs, c.results.socketio?.[instances]?.serverCpuPerDeliveryUs)),
          ]);
        }
      }
      out.push(table(['server', 'instances', 'deliveries/s', 'p50 ms', 'p99 ms', 'servers CPU us/delivery', 'Redis cores busy', 'errors', 'CPU/delivery, 2 instances x 1 (lower is better)', 'CPU/delivery x raw ws, same instances', 'x Socket.IO'], rows));
    }
  }

  for (const key of ['broadcast', 'roomBroadcast']) {
    const b = results[key];
    if (!b) continue;
    out.push('');
    if (key === 'broadcast') {
      out.push(`## 3. Broadcast to ${num(b.members)} subscribers`, '');
      out.push('Every connection subscribes to `system.notification`; each round, one `POST /admin/emit` sends one message to all of them. Time to last delivery is the median over rounds, from the HTTP request to the last arrival; deliveries/s is subscribers / that time. Deliveries/s per server core is 1 / the server\'s CPU time per delivery: the figure the targets use, because the wall-clock rate is bounded by the load generator reading the deliveries on the other core.');
    } else {
      out.push(`## 3b. Chat message to a room of ${num(b.members)}`, '');
      out.push('Receivers and one sender join one room; each round the sender posts `chat.send` and every receiver gets `chat.message`. `join` is the time to build the room (Switchboard announces each join to the room: `room.update` and `presence.status`).');
    }
    out.push('');
    const rows = Object.entries(b.results).map(([name, r]) => [
      label(name),
      num(r.timeToLastMs, 1),
      num(r.deliveriesPerSec),
      num(r.serverCpuPerDeliveryUs, 2),
      num(perCore(r)),
      num(r.join?.ms / 1000, 2),
      num(r.join?.serverCpuSeconds, 2),
      errors(r),
      x(ratio(r.deliveriesPerSec, b.results['raw-ws']?.deliveriesPerSec)),
      x(ratio(r.deliveriesPerSec, b.results['raw-ws-preframed']?.deliveriesPerSec)),
      x(ratio(r.deliveriesPerSec, b.results.socketio?.deliveriesPerSec)),
      x(ratio(perCore(r), perCore(b.results['raw-ws']))),
      x(ratio(perCore(r), perCore(b.results['raw-ws-preframed']))),
      x(ratio(perCore(r), perCore(b.results.socketio))),
    ]);
    out.push(table(['server', 'time to last ms', 'deliveries/s', 'server CPU us/delivery', 'deliveries/s per server core', 'join s', 'join server CPU s', 'errors', 'deliveries/s x raw ws loop (higher is better)', 'x pre-framed', 'x Socket.IO', 'per core x raw ws loop (higher is better)', 'x pre-framed', 'x Socket.IO'], rows));
  }

  if (results.idle?.length) {
    out.push('', '## 4. Idle authenticated connections', '');
    out.push('Server RSS (/proc/<pid>/status) and heap (`process.memoryUsage()` after `gc()`, read by the bench\'s server wrapper) before and after opening the connections, divided by their number.');
    out.push('');
    const rows = [];
    for (const row of results.idle) {
      for (const [name, r] of Object.entries(row.results)) {
        rows.push([
          label(name),
          num(row.connections),
          num(r.rssPerConnBytes / 1024, 1),
          num(r.heapPerConnBytes / 1024, 1),
          num(r.externalPerConnBytes / 1024, 1),
          errors(r),
          x(ratio(r.rssPerConnBytes, row.results['raw-ws']?.rssPerConnBytes)),
          x(ratio(r.rssPerConnBytes, row.results.socketio?.rssPerConnBytes)),
        ]);
      }
    }
    out.push(table(['server', 'connections', 'RSS KiB/conn', 'heap KiB/conn', 'external KiB/conn', 'errors', 'RSS x raw ws (lower is better)', 'x Socket.IO'], rows));
  }

  if (results.storm) {
    const s = results.storm;
    out.push('', `## 5. Connection storm: ${num(s.connections)} connects with JWT`, '');
    out.push(`At most ${s.window} handshakes in flight; a connect counts once the server has admitted it (\`connection.established\` / Socket.IO's CONNECT).`);
    out.push('');
    const rows = Object.entries(s.results).map(([name, r]) => [
      label(name),
      num(r.accepted),
      num(r.failures),
      num(r.acceptsPerSec),
      num(r.connectP50Ms, 1),
      num(r.connectP99Ms, 1),
      num(r.serverCpuPerAcceptUs, 0),
      x(ratio(r.acceptsPerSec, s.results['raw-ws']?.acceptsPerSec)),
      x(ratio(r.acceptsPerSec, s.results.socketio?.acceptsPerSec)),
    ]);
    out.push(table(['server', 'accepted', 'failures', 'accepts/s', 'connect p50 ms', 'p99 ms', 'server CPU us/accept', 'accepts/s x raw ws (higher is better)', 'x Socket.IO'], rows));
  }

  if (results.micro) {
    const m = results.micro;
    out.push('', '## 6. Micro: validation and dispatch, one core', '');
    out.push('Each client message type\'s first example from asyncapi.yaml. `validate`: `validateClientMessage` on the parsed object; `+ dispatch`: then the runtime\'s routing (built-ins: a table call; service types: the generated `dispatch`, awaited when it returns a promise); `parse + ...`: from the frame\'s text.');
    out.push('');
    out.push(
      table(
        ['type', 'bytes', 'validate/s', 'validate + dispatch/s', 'parse + validate + dispatch/s'],
        m.validation.results.map((/** @type {any} */ r) => (r.error ? [r.type, '-', r.error, '', ''] : [`\`${r.type}\``, num(r.bytes), num(r.validatePerSec), num(r.validateDispatchPerSec), num(r.parseValidateDispatchPerSec)])),
      ),
    );
    if (m.generateMs.length > 0) out.push('', `\`switchboard generate\` (whole spec, fresh output directory): ${m.generateMs.map((/** @type {number} */ ms) => `${num(ms)} ms`).join(', ')} wall time.`);
  }

  if (notes?.length) out.push('', '## Notes', '', ...notes.map((/** @type {string} */ n) => `- ${n}`));
  if (missing?.length) out.push('', '## Not measured yet', '', ...missing.map((/** @type {string} */ n) => `- ${n}`));
  out.push('');
  return out.join('\n');
}
