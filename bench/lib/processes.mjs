/**
 * Child processes of the harness: servers under test and load generators, each its own Node
 * process started through `sh -c 'ulimit -n ...; exec node ...'` so it gets the file-descriptor
 * limit the harness could raise. Everything started here is stopped here.
 */
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const BENCH = new URL('../', import.meta.url);
/** The fd limit we ask for; the hard limit may refuse it. */
export const WANTED_FDS = 65536;

/** @typedef {{ wanted: number, soft: number, hard: number, applied: number, raised: boolean, note: string }} FdLimit */

/**
 * What `ulimit -n` this machine allows a child: the wanted limit when the hard limit permits it,
 * otherwise the hard limit (said so in the report).
 * @returns {FdLimit}
 */
export function probeFdLimit() {
  const read = (/** @type {string} */ script) => execFileSync('sh', ['-c', script], { encoding: 'utf8' }).trim();
  const soft = Number(read('ulimit -n'));
  const hardText = read('ulimit -Hn');
  const hard = hardText === 'unlimited' ? Number.POSITIVE_INFINITY : Number(hardText);
  let applied = soft;
  let note;
  try {
    applied = Number(read(`ulimit -n ${WANTED_FDS} 2>/dev/null && ulimit -n`));
    note = `raised to ${applied}`;
  } catch {
    applied = Number.isFinite(hard) ? hard : soft;
    note = `ulimit -n ${WANTED_FDS} not allowed (hard limit ${hardText}); children run with ${applied}`;
  }
  return { wanted: WANTED_FDS, soft, hard: Number.isFinite(hard) ? hard : -1, applied, raised: applied >= WANTED_FDS, note };
}

/**
 * @param {string} script path under bench/
 * @param {string[]} nodeArgs
 * @param {string[]} args
 * @param {number} fds
 * @param {Record<string, string>} env
 */
function spawnNode(script, nodeArgs, args, fds, env) {
  const path = new URL(script, BENCH).pathname;
  return spawn('sh', ['-c', `ulimit -n ${fds} 2>/dev/null; exec "$0" "$@"`, process.execPath, ...nodeArgs, path, ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Servers started under `--cpu-prof` so far: numbers the profiles of one run. */
let profiled = 0;

/** The servers under test, by name. */
export const SERVERS = /** @type {const} */ ({
  switchboard: { script: 'servers/switchboard.mjs', dialect: 'envelope', label: 'Switchboard', env: {} },
  'raw-ws': { script: 'servers/raw-ws.mjs', dialect: 'envelope', label: 'raw ws', env: {} },
  'raw-ws-preframed': { script: 'servers/raw-ws.mjs', dialect: 'envelope', label: 'raw ws, pre-framed', env: { RAW_BROADCAST: 'preframed' } },
  socketio: { script: 'servers/socketio.mjs', dialect: 'socketio', label: 'Socket.IO 4.8', env: {} },
});
/** @typedef {keyof typeof SERVERS} ServerName */

/**
 * @typedef {{
 *   name: ServerName, pid: number, port: number, url: string, dialect: 'envelope' | 'socketio',
 *   memory: () => Promise<{ rss: number, heapUsed: number, heapTotal: number, external: number, arrayBuffers: number, gc: boolean }>,
 *   rssBytes: () => number | null,
 *   stderr: () => string,
 *   alive: () => boolean,
 *   stop: () => Promise<void>,
 * }} ServerHandle
 */

/**
 * Starts a server and resolves once it listens. With `cpuProfileDir`, the server runs under
 * `--cpu-prof` and writes a `.cpuprofile` there when it stops (open it in Chrome's DevTools).
 * @param {ServerName} name
 * @param {{ secret: string, adminToken: string, fds: number, cpuProfileDir?: string | null, env?: Record<string, string> }} options
 *   `env`: more variables for the server (scenario 7 passes REDIS_URL and REDIS_KEY_PREFIX)
 * @returns {Promise<ServerHandle>}
 */
export function startServer(name, { secret, adminToken, fds, cpuProfileDir = null, env = {} }) {
  const spec = SERVERS[name];
  const nodeArgs = ['--expose-gc'];
  if (cpuProfileDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`, `--cpu-prof-name=${name}-${++profiled}.cpuprofile`, '--cpu-prof-interval=100');
  const child = spawnNode(spec.script, nodeArgs, [], fds, {
    JWT_SECRET: secret,
    ADMIN_TOKEN: adminToken,
    CHAT_ECHO_TO_SENDER: 'false',
    BENCH_CONTROL: '1',
    ...spec.env,
    ...env,
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  /** @type {((value: any) => void)[]} */
  const memWaiters = [];
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within 20 s: ${stderr}`));
    }, 20_000);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) before it was ready: ${stderr}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      /** @type {any} */
      let event;
      try {
        event = JSON.parse(line);
      } catch {
        return; // a stray line from a dependency
      }
      if (event.event === 'mem') memWaiters.shift()?.(event);
      if (event.event !== 'ready') return;
      clearTimeout(timer);
      const pid = Number(event.pid);
      resolve({
        name,
        pid,
        port: event.port,
        url: `ws://127.0.0.1:${event.port}`,
        dialect: spec.dialect,
        memory: () =>
          new Promise((done) => {
            memWaiters.push(done);
            child.stdin.write('mem\n');
          }),
        rssBytes: () => rssOf(pid),
        stderr: () => stderr,
        alive: () => child.exitCode === null && child.signalCode === null,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.stdin.end('stop\n');
          const killer = setTimeout(() => child.kill('SIGKILL'), 8000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}

/**
 * Resident set size of a process (VmRSS of /proc/<pid>/status) in bytes.
 * @param {number} pid
 */
export function rssOf(pid) {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Runs one load-generator process to completion and returns its result line.
 * @param {object} job
 * @param {{ fds: number, timeoutMs: number, onEvent?: (event: any, send: (line: string) => void) => void }} options
 * @returns {Promise<any>}
 */
export function runLoadgen(job, { fds, timeoutMs, onEvent }) {
  const child = spawnNode('loadgen/main.mjs', [], [JSON.stringify(job)], fds, {});
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const send = (/** @type {string} */ line) => child.stdin.write(`${line}\n`);
  return new Promise((resolve, reject) => {
    /** @type {any} */
    let result = null;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`load generator timed out after ${timeoutMs} ms (${JSON.stringify(job).slice(0, 200)}): ${stderr}`));
    }, timeoutMs);
    createInterface({ input: child.stdout }).on('line', (line) => {
      /** @type {any} */
      let event;
      try {
        event = JSON.parse(line);
      } catch {
        return;
      }
      if (event.event === 'result') result = event;
      else if (event.event === 'failed') result = event;
      else onEvent?.(event, send);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      child.stdin.destroy();
      if (result?.event === 'result') {
        const { event: _event, ...rest } = result;
        resolve(rest);
      } else {
        reject(new Error(`load generator failed (exit ${code}): ${result?.message ?? stderr}`));
      }
    });
  });
}

/** Clock ticks per second (`getconf CLK_TCK`), the unit of the CPU times in /proc/<pid>/stat. */
export function clockTicks() {
  return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
}
