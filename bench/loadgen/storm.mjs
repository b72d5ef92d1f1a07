/**
 * Scenario 5, connection storm: K connects, each with its own user's JWT, as fast as the
 * window of concurrent handshakes allows; a connect counts when the server has admitted it
 * (`connection.established`, or Socket.IO's CONNECT ack).
 */
import { Conn } from './wire.mjs';
import { connectAll, cpuSeconds, mintTokens, percentiles } from './util.mjs';

/**
 * @param {{ job: any, emit: (v: object) => void, probe: import('./probe.mjs').Probe }} context
 */
export async function runStorm({ job }) {
  const tokens = await mintTokens(job.secret, job.connections, 's');
  const serverCpu0 = cpuSeconds(job.serverPid, job.clkTck);
  const connected = await connectAll(job.connections, job.window, (i) => new Conn(job.dialect, job.url, tokens[i], `s${i}`));
  const serverCpu1 = cpuSeconds(job.serverPid, job.clkTck);
  const accepted = connected.conns.filter((c) => c !== null);
  for (const conn of accepted) conn.close();
  const [p50, p99] = percentiles(connected.latencies, [0.5, 0.99]);
  const failures = Object.values(connected.failures).reduce((a, b) => a + b, 0);
  const serverCpu = serverCpu0 === null || serverCpu1 === null ? null : serverCpu1 - serverCpu0;
  return {
    attempted: job.connections,
    accepted: accepted.length,
    failures,
    failuresByCode: connected.failures,
    seconds: connected.elapsedMs / 1000,
    acceptsPerSec: accepted.length / (connected.elapsedMs / 1000),
    connectP50Ms: p50,
    connectP99Ms: p99,
    serverCpuPerAcceptUs: serverCpu === null || accepted.length === 0 ? null : (serverCpu / accepted.length) * 1e6,
    window: job.window,
    errors: failures > 0 ? Object.fromEntries(Object.entries(connected.failures).map(([k, v]) => [`CONNECT_${k}`, v])) : {},
  };
}
