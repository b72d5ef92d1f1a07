/**
 * A load generator process: runs one scenario against one server and prints JSON lines on
 * stdout (`{"event": ...}`), the last one `{"event": "result", ...}`. Never runs in a server's
 * process. The job is the JSON in argv[2] (see lib/jobs.mjs for its fields).
 */
import { createInterface } from 'node:readline';
import { runBroadcast } from './broadcast.mjs';
import { runFanout } from './fanout.mjs';
import { runIdle } from './idle.mjs';
import { Probe } from './probe.mjs';
import { runRoundTrip } from './roundtrip.mjs';
import { runStorm } from './storm.mjs';

const job = JSON.parse(process.argv[2] ?? '{}');

/** @param {object} value */
export function emit(value) {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Resolves on the next line the harness writes on stdin. */
const lines = createInterface({ input: process.stdin });
/** @type {((line: string) => void)[]} */
const waiting = [];
lines.on('line', (line) => waiting.shift()?.(line.trim()));
/** @returns {Promise<string>} */
function nextCommand() {
  return new Promise((resolve) => waiting.push(resolve));
}

const probe = new Probe();
if (job.validate) await probe.init();
const context = { job, emit, nextCommand, probe };

const scenarios = { roundtrip: runRoundTrip, fanout: runFanout, broadcast: runBroadcast, idle: runIdle, storm: runStorm };
const run = scenarios[/** @type {keyof typeof scenarios} */ (job.scenario)];
if (!run) throw new Error(`unknown scenario ${String(job.scenario)}`);
try {
  const result = await run(context);
  emit({ event: 'result', ...result, spec: job.validate ? probe.summary() : null });
  lines.close();
  // Sockets are closed by each scenario; do not wait for the last close handshakes.
  setTimeout(() => process.exit(0), 50);
} catch (error) {
  emit({ event: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
