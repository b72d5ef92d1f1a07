/**
 * Scenario 1, request/reply round trips: N connections each keep `inflight` requests
 * outstanding (`ping` -> `pong`, or `chat.send` -> `chat.sent` in a room of its own, so the
 * reply is the only traffic), for a warm-up and then a measured window. Throughput counts the
 * replies received inside the window; latency is send-to-reply per request.
 */
import { Conn } from './wire.mjs';
import { connectAll, cpuSeconds, minorFaults, mintTokens, ownCpuSeconds, percentiles, Samples, sleep } from './util.mjs';

/**
 * @param {{ job: any, emit: (v: object) => void, probe: import('./probe.mjs').Probe }} context
 */
export async function runRoundTrip({ job, probe }) {
  const { connections, inflight, kind, warmupMs, durationMs } = job;
  /** @type {Record<string, number>} */
  const errors = {};
  const fail = (/** @type {string} */ code) => (errors[code] = (errors[code] ?? 0) + 1);
  const tokens = await mintTokens(job.secret, connections);
  const connected = await connectAll(connections, 100, (i) =>
    new Conn(job.dialect, job.url, tokens[i], `r${i}`, {
      // Connection 0 is the probe: its every frame is checked against the spec.
      ...(i === 0 && job.validate ? { onFrame: (/** @type {string} */ text) => (probe.check(text), false) } : {}),
      onClose: (code) => fail(`CLOSED_${code}`),
      onInvalid: () => fail('INVALID_FRAME'),
    }),
  );
  for (const [code, n] of Object.entries(connected.failures)) errors[`CONNECT_${code}`] = n;
  const conns = connected.conns.filter((c) => c !== null);
  if (kind === 'chat') await Promise.all(conns.map((conn, i) => conn.request('room.join', { room_id: `rr-${i}` })));

  const type = kind === 'chat' ? 'chat.send' : 'ping';
  /** @type {(i: number) => object} */
  const payload = kind === 'chat' ? (i) => ({ room_id: `rr-${i}`, content: 'hello from the benchmark' }) : () => ({ pingId: 'bench' });
  let phase = /** @type {'warmup' | 'measure' | 'stop'} */ ('warmup');
  let completed = 0;
  let outstanding = 0;
  const latencies = new Samples();

  /**
   * @param {Conn} conn
   * @param {number} i
   */
  const issue = (conn, i) => {
    const t0 = performance.now();
    outstanding += 1;
    conn.request(type, payload(i)).then(
      () => {
        outstanding -= 1;
        if (phase === 'measure') {
          latencies.push(performance.now() - t0);
          completed += 1;
        }
        if (phase !== 'stop') issue(conn, i);
      },
      (error) => {
        outstanding -= 1;
        fail(error.code ?? 'REQUEST_FAILED');
        // A closed connection stops its loop; any other failure is counted and the loop goes on.
        if (phase !== 'stop' && error.code !== 'CLOSED') issue(conn, i);
      },
    );
  };
  conns.forEach((conn, i) => {
    for (let k = 0; k < inflight; k += 1) issue(conn, i);
  });
  await sleep(warmupMs);
  phase = 'measure';
  const serverCpu0 = cpuSeconds(job.serverPid, job.clkTck);
  const serverFaults0 = minorFaults(job.serverPid);
  const ownCpu0 = ownCpuSeconds();
  const t0 = performance.now();
  await sleep(durationMs);
  const elapsed = (performance.now() - t0) / 1000;
  phase = 'stop';
  const serverCpu1 = cpuSeconds(job.serverPid, job.clkTck);
  const serverFaults1 = minorFaults(job.serverPid);
  const ownCpu1 = ownCpuSeconds();
  for (let waited = 0; outstanding > 0 && waited < 5000; waited += 10) await sleep(10);
  if (outstanding > 0) errors['UNANSWERED'] = outstanding;
  for (const conn of conns) conn.close();
  const [p50, p99] = percentiles(latencies.values(), [0.5, 0.99]);
  const serverCpu = serverCpu0 === null || serverCpu1 === null ? null : serverCpu1 - serverCpu0;
  return {
    connected: conns.length,
    throughput: completed / elapsed,
    p50Ms: p50,
    p99Ms: p99,
    completed,
    seconds: elapsed,
    serverCpuPerOpUs: serverCpu === null || completed === 0 ? null : (serverCpu / completed) * 1e6,
    serverFaultsPerOp: serverFaults0 === null || serverFaults1 === null || completed === 0 ? null : (serverFaults1 - serverFaults0) / completed,
    serverCpuShare: serverCpu === null ? null : serverCpu / elapsed,
    loadgenCpuShare: (ownCpu1 - ownCpu0) / elapsed,
    errors,
  };
}
