/**
 * Scenario 3, one message to M receivers, in two forms:
 *
 * - `subscribers` (the headline broadcast, one event to all its subscribers): M connections subscribe to
 *   one event (`subscribe` -> `subscription.confirmed`); each round an HTTP `POST /admin/emit`
 *   sends one `system.notification` to the event's subscribers.
 * - `room`: M receivers and one sender join one room; each round the sender posts `chat.send`
 *   and the room gets `chat.message` (sequenced and kept for resume in Switchboard). The join
 *   phase is timed too: servers do different work there (Switchboard announces every join to
 *   the room).
 *
 * Each receiver notes when the round's message arrives; time to last delivery runs from the
 * trigger to the last arrival (one process, one clock). Receivers recognise a round's message
 * by a unique marker, without parsing it, so the load generator's cost per delivery is the same
 * small one for every server.
 */
import http from 'node:http';
import { Conn } from './wire.mjs';
import { connectAll, cpuSeconds, mintTokens, ownCpuSeconds, percentiles, sleep } from './util.mjs';

const ROOM = 'bench-broadcast';
const EVENT = 'system.notification';

/**
 * @param {{ job: any, emit: (v: object) => void, probe: import('./probe.mjs').Probe }} context
 */
export async function runBroadcast({ job, probe }) {
  const { members, rounds, roundTimeoutMs, mode, quietMs } = job;
  /** @type {Record<string, number>} */
  const errors = {};
  const fail = (/** @type {string} */ code, n = 1) => (errors[code] = (errors[code] ?? 0) + n);
  let lastFrameAt = performance.now();
  let marker = '';
  const arrivals = new Float64Array(members).fill(Number.NaN);
  let arrived = 0;
  /** @type {() => void} */
  let roundDone = () => undefined;
  const envelope = job.dialect === 'envelope';
  const total = mode === 'room' ? members + 1 : members; // in a room, the sender is connection `members`
  const probeIndex = members - 1; // the last receiver to join sees the largest room.joined

  /**
   * @param {number} i
   * @returns {(text: string) => boolean} true when the frame was consumed here
   */
  const onFrame = (i) => (text) => {
    lastFrameAt = performance.now();
    if (i === probeIndex && job.validate) probe.check(text);
    if (marker !== '' && i < members && text.includes(marker)) {
      if (Number.isNaN(arrivals[i])) {
        arrivals[i] = performance.now();
        arrived += 1;
        if (arrived === members) roundDone();
      }
      return true;
    }
    if (envelope) {
      if (text.includes('"correlation_id"')) return false; // a reply: correlate it
      if (text.startsWith('{"type":"connection.established"')) return false;
      if (text.startsWith('{"type":"error"')) fail('ERROR_MESSAGE');
      return true; // room.update, presence.status, other rounds' messages: not measured
    }
    return text.startsWith('42[');
  };

  const tokens = await mintTokens(job.secret, total);
  const connected = await connectAll(total, 100, (i) =>
    new Conn(job.dialect, job.url, tokens[i], `b${i}`, { onFrame: onFrame(i), onClose: (code) => fail(`CLOSED_${code}`), onInvalid: () => fail('INVALID_FRAME') }),
  );
  for (const [code, n] of Object.entries(connected.failures)) fail(`CONNECT_${code}`, n);
  if (connected.conns.some((c) => c === null)) throw new Error(`broadcast needs every connection: ${JSON.stringify(connected.failures)}`);
  const conns = /** @type {Conn[]} */ (connected.conns);

  // 20 joins (or subscriptions) in flight: the room grows steadily, as a real room does.
  const joinStart = performance.now();
  const joinServerCpu0 = cpuSeconds(job.serverPid, job.clkTck);
  const joinOwnCpu0 = ownCpuSeconds();
  let nextJoin = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (nextJoin < total) {
        const conn = /** @type {Conn} */ (conns[nextJoin++]);
        const joined = mode === 'room' ? conn.request('room.join', { room_id: ROOM }) : conn.request('subscribe', { events: [EVENT] });
        await joined.catch((error) => fail(`JOIN_${error.code ?? 'FAILED'}`));
      }
    }),
  );
  const joinMs = performance.now() - joinStart;
  const settleStart = performance.now();
  await quiet(() => lastFrameAt, quietMs, 300_000);
  const settleMs = performance.now() - settleStart;
  const joinServerCpu1 = cpuSeconds(job.serverPid, job.clkTck);
  const join = {
    ms: joinMs,
    settleMs,
    serverCpuSeconds: joinServerCpu0 === null || joinServerCpu1 === null ? null : joinServerCpu1 - joinServerCpu0,
    loadgenCpuSeconds: ownCpuSeconds() - joinOwnCpu0,
  };

  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  /** @param {string} content */
  const trigger = (content) =>
    mode === 'room'
      ? /** @type {Conn} */ (conns[members]).request('chat.send', { room_id: ROOM, content })
      : adminEmit(job, agent, { type: EVENT, data: { message: content, level: 'info' }, to: { subscribers: EVENT } });
  // One trigger nobody receives, so the HTTP connection exists before the first measured round.
  if (mode !== 'room') await adminEmit(job, agent, { type: 'system.maintenance', data: { message: 'warm-up', starts_at: new Date().toISOString() }, to: { subscribers: 'system.maintenance' } }).catch((error) => fail(`TRIGGER_${error.code ?? error.message}`));

  const serverCpu0 = cpuSeconds(job.serverPid, job.clkTck);
  const ownCpu0 = ownCpuSeconds();
  /** @type {{ lastMs: number, firstMs: number, p50Ms: number, missing: number }[]} */
  const results = [];
  for (let round = 0; round < rounds; round += 1) {
    arrivals.fill(Number.NaN);
    arrived = 0;
    marker = `bcast-${round}-${Math.random().toString(36).slice(2, 10)}`;
    const done = new Promise((resolve) => {
      roundDone = () => resolve(undefined);
    });
    const t0 = performance.now();
    trigger(marker).catch((error) => fail(`TRIGGER_${error.code ?? 'FAILED'}`));
    await Promise.race([done, sleep(roundTimeoutMs)]);
    const missing = members - arrived;
    if (missing > 0) fail('MISSING_DELIVERY', missing);
    let last = Number.NaN;
    let first = Number.NaN;
    for (const at of arrivals) {
      if (Number.isNaN(at)) continue;
      if (!(at <= last)) last = at;
      if (!(at >= first)) first = at;
    }
    const [p50] = percentiles(arrivals, [0.5]);
    results.push({ lastMs: last - t0, firstMs: first - t0, p50Ms: (p50 ?? Number.NaN) - t0, missing });
    marker = '';
    await quiet(() => lastFrameAt, Math.min(100, quietMs), 10_000);
  }
  const serverCpu1 = cpuSeconds(job.serverPid, job.clkTck);
  const ownCpu1 = ownCpuSeconds();
  agent.destroy();
  for (const conn of conns) conn.close();
  const [lastMs] = percentiles(results.map((r) => r.lastMs), [0.5]);
  const serverCpu = serverCpu0 === null || serverCpu1 === null ? null : serverCpu1 - serverCpu0;
  const deliveries = rounds * members - results.reduce((sum, r) => sum + r.missing, 0);
  return {
    mode,
    members,
    rounds: results,
    timeToLastMs: lastMs,
    deliveriesPerSec: lastMs === undefined ? Number.NaN : members / (lastMs / 1000),
    serverCpuPerDeliveryUs: serverCpu === null || deliveries === 0 ? null : (serverCpu / deliveries) * 1e6,
    loadgenCpuSeconds: ownCpu1 - ownCpu0,
    join,
    errors,
  };
}

/**
 * POST /admin/emit with the bench's admin token; resolves on a 2xx answer.
 * @param {any} job
 * @param {http.Agent} agent
 * @param {object} body
 */
function adminEmit(job, agent, body) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${job.url.replace(/^ws/, 'http')}/admin/emit`,
      { method: 'POST', agent, headers: { authorization: `Bearer ${job.adminToken}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(undefined);
          else reject(Object.assign(new Error(`admin emit answered ${status}: ${text}`), { code: `HTTP_${status}` }));
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/**
 * Waits until no frame has arrived for `gapMs` (or `maxMs` passed).
 * @param {() => number} last
 * @param {number} gapMs
 * @param {number} maxMs
 */
async function quiet(last, gapMs, maxMs) {
  const start = performance.now();
  while (performance.now() - last() < gapMs && performance.now() - start < maxMs) await sleep(Math.min(50, gapMs));
}
