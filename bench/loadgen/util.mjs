/** Small helpers of the load generator: tokens, connecting many clients, clocks and percentiles. */
import { readdirSync, readFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import { Conn } from './wire.mjs';

/**
 * One HS256 token per user `u<i>` (distinct users: no server may share work between them).
 * @param {string} secret
 * @param {number} count
 * @param {string} prefix user id prefix
 */
export async function mintTokens(secret, count, prefix = 'u') {
  const key = new TextEncoder().encode(secret);
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const tokens = new Array(count);
  for (let i = 0; i < count; i += 1) {
    tokens[i] = await new SignJWT({ name: `Bench user ${i}` }).setProtectedHeader({ alg: 'HS256' }).setSubject(`${prefix}${i}`).setIssuedAt().setExpirationTime(exp).sign(key);
  }
  return tokens;
}

/**
 * Opens `count` connections with at most `window` handshakes in flight.
 * @param {number} count
 * @param {number} window
 * @param {(i: number) => Conn} make
 * @returns {Promise<{ conns: (Conn | null)[], failures: Record<string, number>, latencies: Float64Array, elapsedMs: number }>}
 */
export async function connectAll(count, window, make) {
  /** @type {(Conn | null)[]} */
  const conns = new Array(count).fill(null);
  /** @type {Record<string, number>} */
  const failures = {};
  const latencies = new Float64Array(count).fill(Number.NaN);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      const conn = make(i);
      try {
        await conn.ready;
        latencies[i] = performance.now() - t0;
        conns[i] = conn;
      } catch (error) {
        const code = /** @type {{ code?: string }} */ (error).code ?? (error instanceof Error ? error.message : String(error));
        failures[code] = (failures[code] ?? 0) + 1;
        conn.terminate();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, count) }, worker));
  return { conns, failures, latencies, elapsedMs: performance.now() - started };
}

/**
 * Minor page faults of a process so far (field 10 of /proc/<pid>/stat), or null. A fault is
 * the first touch of a fresh page: on this kind of virtual machine it costs microseconds, so
 * memory a server keeps growing shows here before it shows anywhere else.
 * @param {number} pid
 */
export function minorFaults(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
  } catch {
    return null;
  }
}

/**
 * CPU time a process has used, in seconds, all its threads together: the nanosecond counters of
 * /proc/<pid>/task/<tid>/schedstat (utime + stime of /proc/<pid>/stat, at clock-tick resolution,
 * where schedstat is missing). `null` when the process is gone.
 * @param {number} pid
 * @param {number} clkTck
 */
export function cpuSeconds(pid, clkTck) {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    return ns / 1e9;
  } catch {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / clkTck;
    } catch {
      return null;
    }
  }
}

/** This process's CPU time in seconds. */
export function ownCpuSeconds() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/**
 * @param {ArrayLike<number>} values
 * @param {number[]} quantiles e.g. [0.5, 0.99]
 */
export function percentiles(values, quantiles) {
  const sorted = Float64Array.from(values).filter((v) => !Number.isNaN(v)).sort();
  return quantiles.map((q) => (sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN)));
}

/** @param {number} ms */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A growable list of float samples. */
export class Samples {
  #values = new Float64Array(1 << 16);
  length = 0;

  /** @param {number} value */
  push(value) {
    if (this.length === this.#values.length) {
      const bigger = new Float64Array(this.#values.length * 2);
      bigger.set(this.#values);
      this.#values = bigger;
    }
    this.#values[this.length++] = value;
  }

  values() {
    return this.#values.subarray(0, this.length);
  }
}
