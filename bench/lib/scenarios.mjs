/**
 * The harness's side of each scenario: start a fresh server per server under test, run the
 * same load-generator job against each, collect the figures. Servers run one after the other
 * (never at the same time) in the order given.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { runLoadgen, startServer } from './processes.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * @typedef {import('./processes.mjs').ServerName} ServerName
 * @typedef {{
 *   profile: import('./profiles.mjs').Profile, secret: string, adminToken: string, fds: number, clkTck: number,
 *   servers: ServerName[], log: (line: string) => void, notes: string[], cpuProfileDir: string | null,
 * }} Context
 */

/**
 * @param {number | null | undefined} value
 * @param {number} digits
 */
function fmt(value, digits) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/** @param {{ errors?: Record<string, number>, spec?: { violations: number } | null }} result */
function errorsOf(result) {
  const errors = Object.entries(result.errors ?? {}).map(([code, n]) => `${code}=${n}`);
  if (result.spec && result.spec.violations > 0) errors.push(`spec violations=${result.spec.violations}`);
  return errors.length === 0 ? '' : ` [${errors.join(', ')}]`;
}

/**
 * @param {Context} ctx
 * @param {ServerName} name
 * @param {(server: import('./processes.mjs').ServerHandle) => Promise<any>} body
 */
function withServer(ctx, name, body) {
  return withServers(ctx, name, 1, {}, (servers) => body(/** @type {import('./processes.mjs').ServerHandle} */ (servers[0])));
}

/**
 * Starts `count` instances of a server (one after the other, each with `env`), runs `body`, fails
 * if any of them exited during it, and stops them all.
 * @param {Context} ctx
 * @param {ServerName} name
 * @param {number} count
 * @param {Record<string, string>} env
 * @param {(servers: import('./processes.mjs').ServerHandle[]) => Promise<any>} body
 */
async function withServers(ctx, name, count, env, body) {
  /** @type {import('./processes.mjs').ServerHandle[]} */
  const started = [];
  try {
    for (let i = 0; i < count; i += 1) started.push(await startServer(name, { secret: ctx.secret, adminToken: ctx.adminToken, fds: ctx.fds, cpuProfileDir: ctx.cpuProfileDir, env }));
    const result = await body(started);
    for (const server of started) if (!server.alive()) throw new Error(`${name} exited during the scenario: ${server.stderr()}`);
    return result;
  } finally {
    await Promise.all(started.map((server) => server.stop()));
  }
}

/**
 * A load generator's job against `server`: the scenario's own fields, and how to reach and measure it.
 * @param {Pick<Context, 'secret' | 'adminToken' | 'clkTck'>} ctx
 * @param {import('./processes.mjs').ServerHandle} server
 * @param {object} job
 */
export function jobFor(ctx, server, job) {
  return { ...job, dialect: server.dialect, url: server.url, secret: ctx.secret, adminToken: ctx.adminToken, serverPid: server.pid, clkTck: ctx.clkTck, validate: server.name === 'switchboard' };
}

/** Scenario 1. @param {Context} ctx */
export async function roundTrips(ctx) {
  const { kinds, connections, inflight, warmupMs, durationMs } = ctx.profile.roundtrip;
  /** @type {any[]} */
  const rows = [];
  for (const kind of kinds) for (const n of connections) for (const k of inflight) rows.push({ kind, connections: n, inflight: k, results: {} });
  for (const name of ctx.servers) {
    await withServer(ctx, name, async (server) => {
      for (const row of rows) {
        const job = jobFor(ctx, server, { scenario: 'roundtrip', kind: row.kind, connections: row.connections, inflight: row.inflight, warmupMs, durationMs });
        row.results[name] = await runLoadgen(job, { fds: ctx.fds, timeoutMs: 60_000 + warmupMs + durationMs });
        const r = row.results[name];
        ctx.log(`  roundtrip ${row.kind} n=${row.connections} inflight=${row.inflight} ${name}: ${fmt(r.throughput, 0)}/s p50 ${fmt(r.p50Ms, 2)} ms p99 ${fmt(r.p99Ms, 2)} ms${errorsOf(r)}`);
      }
    });
  }
  return rows;
}

/**
 * Scenario 2: rooms of members who all post at a fixed rate (loadgen/fanout.mjs).
 * @param {Context} ctx
 */
export async function fanout(ctx) {
  const f = ctx.profile.fanout;
  /** @type {Record<string, any>} */
  const results = {};
  for (const name of ctx.servers) {
    await withServer(ctx, name, async (server) => {
      const job = jobFor(ctx, server, { scenario: 'fanout', ...f });
      results[name] = await runLoadgen(job, { fds: ctx.fds, timeoutMs: 300_000 + f.warmupMs + f.durationMs });
      const r = results[name];
      ctx.log(`  fanout ${f.rooms}x${f.members} ${name}: ${fmt(r.deliveriesPerSec, 0)} deliveries/s (offered ${fmt(r.offeredDeliveriesPerSec, 0)}), p50 ${fmt(r.p50Ms, 2)} ms p99 ${fmt(r.p99Ms, 2)} ms, server ${fmt(r.serverCpuPerDeliveryUs, 2)} us CPU/delivery${errorsOf(r)}`);
    });
  }
  return { ...f, results };
}

/**
 * Scenario 3: `subscribers` (one event to all its subscribers) or `room` (chat in one room). The raw ws
 * server runs twice: with its `ws.send` loop and with one pre-framed buffer per broadcast.
 * @param {Context} ctx
 * @param {'subscribers' | 'room'} mode
 */
export async function broadcast(ctx, mode) {
  const { members, rounds, roundTimeoutMs, quietMs } = mode === 'room' ? ctx.profile.roomBroadcast : ctx.profile.broadcast;
  /** @type {Record<string, any>} */
  const results = {};
  if (members + 200 > ctx.fds) {
    ctx.notes.push(`${mode} broadcast to ${members} skipped: needs ${members + 200} file descriptors, the limit is ${ctx.fds}`);
    return { mode, members, results, skipped: true };
  }
  const names = ctx.servers.includes('raw-ws') ? [...ctx.servers, /** @type {ServerName} */ ('raw-ws-preframed')] : ctx.servers;
  for (const name of names) {
    await withServer(ctx, name, async (server) => {
      const job = jobFor(ctx, server, { scenario: 'broadcast', mode, members, rounds, roundTimeoutMs, quietMs });
      results[name] = await runLoadgen(job, { fds: ctx.fds, timeoutMs: 900_000 });
      const r = results[name];
      ctx.log(`  ${mode} broadcast ${members} ${name}: last delivery ${fmt(r.timeToLastMs, 1)} ms (${fmt(r.deliveriesPerSec, 0)}/s), server ${fmt(r.serverCpuPerDeliveryUs, 2)} us CPU/delivery, join ${fmt(r.join.ms / 1000, 1)} s${errorsOf(r)}`);
    });
  }
  return { mode, members, rounds, results };
}

/** Scenario 4. @param {Context} ctx */
export async function idle(ctx) {
  const { settleMs } = ctx.profile.idle;
  /** @type {any[]} */
  const rows = [];
  for (const connections of ctx.profile.idle.connections) {
    if (connections + 200 > ctx.fds) {
      ctx.notes.push(`idle ${connections} connections skipped: a process needs ${connections + 200} file descriptors, the limit is ${ctx.fds}`);
      continue;
    }
    /** @type {Record<string, any>} */
    const results = {};
    for (const name of ctx.servers) {
      await withServer(ctx, name, async (server) => {
        const before = await server.memory();
        const rssBefore = server.rssBytes() ?? before.rss;
        /** @type {any} */
        let after = null;
        let rssAfter = 0;
        const job = jobFor(ctx, server, { scenario: 'idle', connections });
        const result = await runLoadgen(job, {
          fds: ctx.fds,
          timeoutMs: 180_000,
          onEvent: (event, send) => {
            if (event.event !== 'holding') return;
            setTimeout(() => {
              server.memory().then((mem) => {
                after = mem;
                rssAfter = server.rssBytes() ?? mem.rss;
                send('release');
              });
            }, settleMs);
          },
        });
        const n = result.connected;
        results[name] = {
          ...result,
          rssBefore,
          rssAfter,
          rssPerConnBytes: (rssAfter - rssBefore) / n,
          heapPerConnBytes: (after.heapUsed - before.heapUsed) / n,
          externalPerConnBytes: (after.external - before.external) / n,
          gc: after.gc,
        };
        const r = results[name];
        ctx.log(`  idle ${connections} ${name}: ${fmt(r.rssPerConnBytes / 1024, 1)} KiB RSS/conn, ${fmt(r.heapPerConnBytes / 1024, 1)} KiB heap/conn${errorsOf(r)}`);
      });
    }
    rows.push({ connections, results });
  }
  return rows;
}

/** Scenario 5. @param {Context} ctx */
export async function storm(ctx) {
  const { connections, window } = ctx.profile.storm;
  /** @type {Record<string, any>} */
  const results = {};
  for (const name of ctx.servers) {
    await withServer(ctx, name, async (server) => {
      const job = jobFor(ctx, server, { scenario: 'storm', connections, window });
      results[name] = await runLoadgen(job, { fds: ctx.fds, timeoutMs: 120_000 });
      const r = results[name];
      ctx.log(`  storm ${connections} ${name}: ${fmt(r.acceptsPerSec, 0)} accepts/s, ${r.failures} failures`);
    });
  }
  return { connections, window, results };
}

/** Scenario 6. @param {Context} ctx */
export async function micro(ctx) {
  const { budgetMs, generateRuns } = ctx.profile.micro;
  const out = execFileSync(process.execPath, [new URL('../micro/validate.mjs', import.meta.url).pathname, String(budgetMs)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const validation = JSON.parse(out.trim().split('\n').pop() ?? '{}');
  ctx.log(`  micro: ${validation.results.length} client message types`);
  /** @type {number[]} */
  const generateMs = [];
  for (let i = 0; i < generateRuns; i += 1) {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-gen-'));
    try {
      copyFileSync(join(ROOT, 'generated/package.json'), join(dir, 'package.json'));
      const start = performance.now();
      const run = spawnSync(process.execPath, [join(ROOT, 'packages/codegen/bin/switchboard.js'), 'generate', '--spec', join(ROOT, 'asyncapi.yaml'), '--out', dir], { encoding: 'utf8', cwd: ROOT });
      const ms = performance.now() - start;
      if (run.status !== 0) throw new Error(`switchboard generate failed (${run.status}): ${run.stderr}`);
      generateMs.push(ms);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (generateRuns > 0) ctx.log(`  switchboard generate: ${generateMs.map((ms) => Math.round(ms)).join(', ')} ms`);
  return { validation, generateMs };
}

/**
 * Scenario 7: the fan-out of scenario 2 across instances sharing one Redis. Each server runs as
 * one instance and then as two (members alternate between them, so every room spans both and
 * every message crosses Redis), each time with a fresh key prefix that is deleted afterwards.
 * Skipped, with a note, when Redis does not answer at `redisUrl`.
 * @param {Context} ctx
 * @param {string} redisUrl
 */
export async function cluster(ctx, redisUrl) {
  const c = ctx.profile.cluster;
  const redis = await redisInfo(redisUrl);
  if ('error' in redis) {
    ctx.notes.push(`scenario 7 (cross-instance fan-out) skipped: Redis at ${redisUrl} did not answer (${redis.error})`);
    return { ...c, redisUrl, results: {}, skipped: true };
  }
  /** @type {Record<string, Record<string, any>>} */
  const results = {};
  for (const name of ctx.servers) {
    results[name] = {};
    for (const instances of c.instances) {
      const prefix = `bench:${randomBytes(6).toString('hex')}:`;
      const env = { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix };
      try {
        await withServers(ctx, name, instances, env, async (started) => {
          const job = {
            ...jobFor(ctx, /** @type {import('./processes.mjs').ServerHandle} */ (started[0]), { scenario: 'fanout', ...c }),
            urls: started.map((s) => s.url),
            serverPids: started.map((s) => s.pid),
            redisPid: redis.pid,
          };
          const r = await runLoadgen(job, { fds: ctx.fds, timeoutMs: 300_000 + c.warmupMs + c.durationMs });
          /** @type {Record<string, any>} */ (results[name])[String(instances)] = r;
          ctx.log(`  cluster ${c.rooms}x${c.members} ${name} x${instances}: ${fmt(r.deliveriesPerSec, 0)} deliveries/s (offered ${fmt(r.offeredDeliveriesPerSec, 0)}), p50 ${fmt(r.p50Ms, 2)} ms p99 ${fmt(r.p99Ms, 2)} ms, servers ${fmt(r.serverCpuPerDeliveryUs, 2)} us CPU/delivery, redis ${fmt((r.redisCpuShare ?? Number.NaN) * 100, 0)}% of a core${errorsOf(r)}`);
        });
      } finally {
        await deleteKeys(redisUrl, prefix);
      }
    }
  }
  return { ...c, redisUrl, redisVersion: redis.version, results };
}

/**
 * The Redis server's pid (to measure its CPU) and version, or why it did not answer.
 * @param {string} url
 * @returns {Promise<{ pid: number, version: string } | { error: string }>}
 */
async function redisInfo(url) {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined); // the failed connect rejects below; nothing else is sent
  try {
    await client.connect();
    const info = await client.info('server');
    const pid = Number(/^process_id:(\d+)/m.exec(info)?.[1]);
    return { pid, version: /^redis_version:(\S+)/m.exec(info)?.[1] ?? 'unknown' };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    client.disconnect();
  }
}

/**
 * Deletes every key under `prefix` (the servers' keys of one run).
 * @param {string} url
 * @param {string} prefix
 */
async function deleteKeys(url, prefix) {
  const client = new Redis(url);
  try {
    for await (const keys of client.scanStream({ match: `${prefix}*`, count: 1000 })) {
      if (keys.length > 0) await client.unlink(...keys);
    }
  } finally {
    await client.quit();
  }
}
