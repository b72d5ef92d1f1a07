/**
 * Scenario 2, room fan-out: R rooms of M members each; every member posts `chat.send` to its
 * room at a fixed rate (one message per `periodMs`, at a random phase), and every other member
 * of the room gets `chat.message`. The offered load is R * M / period messages per second, each
 * delivered M - 1 times.
 *
 * A message carries its send time (this process's clock) in `content` as `fo|<ms>`; a receiver
 * takes its arrival time minus that: end-to-end latency on one clock, found in the frame text
 * without parsing it, so the load generator spends the same per delivery on every server.
 * Counted over the measured window (after a warm-up): deliveries whose message was sent in the
 * window, their latency percentiles, and the server's CPU per delivery.
 *
 * Scenario 7 runs the same job against several instances: `job.urls` (member i connects to
 * `urls[i % urls.length]`, so every room spans every instance) and `job.serverPids` (the CPU is
 * the sum over the instances; `job.redisPid`, when given, is measured beside it).
 */
import { Conn } from './wire.mjs';
import { connectAll, cpuSeconds, mintTokens, ownCpuSeconds, percentiles, Samples, sleep } from './util.mjs';

const TAG = '"content":"fo|';
/** Senders are grouped by phase into ticks of this length. */
const TICK_MS = 10;

/**
 * @param {{ job: any, emit: (v: object) => void, probe: import('./probe.mjs').Probe }} context
 */
export async function runFanout({ job, probe }) {
  const { rooms, members, periodMs, warmupMs, durationMs, drainMs } = job;
  const total = rooms * members;
  /** @type {Record<string, number>} */
  const errors = {};
  const fail = (/** @type {string} */ code, n = 1) => (errors[code] = (errors[code] ?? 0) + n);
  let windowStart = Number.POSITIVE_INFINITY;
  let windowEnd = Number.POSITIVE_INFINITY;
  const latencies = new Samples();
  let delivered = 0;
  let sentInWindow = 0;

  /** @param {number} i */
  const onFrame = (i) => (/** @type {string} */ text) => {
    if (i === 0 && job.validate) probe.check(text);
    const at = text.indexOf(TAG);
    if (at >= 0) {
      const sentAt = Number.parseFloat(text.slice(at + TAG.length, at + TAG.length + 24));
      if (sentAt >= windowStart && sentAt < windowEnd) {
        delivered += 1;
        latencies.push(performance.now() - sentAt);
      }
      return true;
    }
    if (job.dialect === 'envelope') {
      if (text.includes('"correlation_id"')) return false; // a reply: correlate it
      if (text.startsWith('{"type":"connection.established"')) return false;
      if (text.startsWith('{"type":"error"')) fail('ERROR_MESSAGE');
      return true; // room.update, presence.status: not measured
    }
    return text.startsWith('42[');
  };

  const tokens = await mintTokens(job.secret, total);
  /** @type {string[]} */
  const urls = job.urls ?? [job.url];
  /** @type {number[]} */
  const serverPids = job.serverPids ?? [job.serverPid];
  const serverCpuNow = () => sumOrNull(serverPids.map((pid) => cpuSeconds(pid, job.clkTck)));
  const connected = await connectAll(total, 100, (i) =>
    new Conn(job.dialect, /** @type {string} */ (urls[i % urls.length]), tokens[i], `f${i}`, { onFrame: onFrame(i), onClose: (code) => fail(`CLOSED_${code}`), onInvalid: () => fail('INVALID_FRAME') }),
  );
  for (const [code, n] of Object.entries(connected.failures)) fail(`CONNECT_${code}`, n);
  if (connected.conns.some((c) => c === null)) throw new Error(`fan-out needs every connection: ${JSON.stringify(connected.failures)}`);
  const conns = /** @type {Conn[]} */ (connected.conns);
  const roomOf = (/** @type {number} */ i) => `fanout-${i % rooms}`;

  const joinStart = performance.now();
  let nextJoin = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (nextJoin < total) {
        const i = nextJoin++;
        await /** @type {Conn} */ (conns[i]).request('room.join', { room_id: roomOf(i) }).catch((error) => fail(`JOIN_${error.code ?? 'FAILED'}`));
      }
    }),
  );
  const joinMs = performance.now() - joinStart;
  await sleep(200); // the last joins' announcements

  // Every member at a random phase of the period, grouped into ticks.
  const ticks = Math.max(1, Math.round(periodMs / TICK_MS));
  /** @type {number[][]} */
  const buckets = Array.from({ length: ticks }, () => []);
  for (let i = 0; i < total; i += 1) /** @type {number[]} */ (buckets[Math.floor(Math.random() * ticks)]).push(i);
  let tick = 0;
  let sending = true;
  const started = performance.now();
  let serverCpu0 = /** @type {number | null} */ (null);
  let ownCpu0 = 0;
  const timer = setInterval(() => {
    if (!sending) return;
    // Catch up on ticks a busy loop missed, so the offered rate stays the configured one.
    const due = Math.floor((performance.now() - started) / TICK_MS);
    for (; tick <= due; tick += 1) {
      for (const i of /** @type {number[]} */ (buckets[tick % ticks])) {
        const now = performance.now();
        if (now >= windowStart && now < windowEnd) sentInWindow += 1;
        /** @type {Conn} */ (conns[i]).request('chat.send', { room_id: roomOf(i), content: `fo|${now}` }).catch((error) => fail(`SEND_${error.code ?? 'FAILED'}`));
      }
    }
  }, TICK_MS);

  await sleep(warmupMs);
  windowStart = performance.now();
  windowEnd = windowStart + durationMs;
  serverCpu0 = serverCpuNow();
  const redisCpu0 = job.redisPid ? cpuSeconds(job.redisPid, job.clkTck) : null;
  ownCpu0 = ownCpuSeconds();
  await sleep(durationMs);
  const serverCpu1 = serverCpuNow();
  const redisCpu1 = job.redisPid ? cpuSeconds(job.redisPid, job.clkTck) : null;
  const ownCpu1 = ownCpuSeconds();
  sending = false;
  clearInterval(timer);
  await sleep(drainMs); // deliveries of the window's last messages still on their way
  for (const conn of conns) conn.close();

  const expected = sentInWindow * (members - 1);
  const [p50, p99] = percentiles(latencies.values(), [0.5, 0.99]);
  const serverCpu = serverCpu0 === null || serverCpu1 === null ? null : serverCpu1 - serverCpu0;
  if (expected > delivered) fail('MISSING_DELIVERY', expected - delivered);
  return {
    rooms,
    members,
    periodMs,
    offeredMessagesPerSec: (total * 1000) / periodMs,
    offeredDeliveriesPerSec: (total * (members - 1) * 1000) / periodMs,
    sentInWindow,
    delivered,
    deliveriesPerSec: delivered / (durationMs / 1000),
    p50Ms: p50,
    p99Ms: p99,
    serverCpuPerDeliveryUs: serverCpu === null || delivered === 0 ? null : (serverCpu / delivered) * 1e6,
    serverCpuShare: serverCpu === null ? null : serverCpu / (durationMs / 1000),
    instances: urls.length,
    redisCpuShare: redisCpu0 === null || redisCpu1 === null ? null : (redisCpu1 - redisCpu0) / (durationMs / 1000),
    loadgenCpuShare: (ownCpu1 - ownCpu0) / (durationMs / 1000),
    joinSeconds: joinMs / 1000,
    errors,
  };
}

/** @param {(number | null)[]} values */
function sumOrNull(values) {
  let sum = 0;
  for (const value of values) {
    if (value === null) return null;
    sum += value;
  }
  return sum;
}
