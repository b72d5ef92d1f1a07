/**
 * Scenario 4, idle authenticated connections: opens N connections, tells the harness it holds
 * them (the harness then reads the server's memory), and closes them when told to.
 */
import { Conn } from './wire.mjs';
import { connectAll, mintTokens } from './util.mjs';

/**
 * @param {{ job: any, emit: (v: object) => void, nextCommand: () => Promise<string>, probe: import('./probe.mjs').Probe }} context
 */
export async function runIdle({ job, emit, nextCommand }) {
  /** @type {Record<string, number>} */
  const errors = {};
  const fail = (/** @type {string} */ code, n = 1) => (errors[code] = (errors[code] ?? 0) + n);
  const tokens = await mintTokens(job.secret, job.connections);
  const connected = await connectAll(job.connections, 100, (i) => new Conn(job.dialect, job.url, tokens[i], `i${i}`, { onClose: (code) => fail(`CLOSED_${code}`) }));
  for (const [code, n] of Object.entries(connected.failures)) fail(`CONNECT_${code}`, n);
  const conns = connected.conns.filter((c) => c !== null);
  emit({ event: 'holding', connected: conns.length });
  await nextCommand();
  const stillOpen = conns.filter((c) => c.ws.readyState === c.ws.OPEN).length;
  for (const conn of conns) conn.close();
  return { connected: conns.length, stillOpen, connectSeconds: connected.elapsedMs / 1000, errors };
}
