/**
 * The workloads, resolved once per run: `full` at the sizes the targets are stated at, `quick`
 * a reduced one that must finish in under two minutes here, `tiny` the smoke test's (seconds).
 */

/**
 * @typedef {{
 *   name: 'tiny' | 'quick' | 'full',
 *   roundtrip: { kinds: ('ping' | 'chat')[], connections: number[], inflight: number[], warmupMs: number, durationMs: number },
 *   fanout: { rooms: number, members: number, periodMs: number, warmupMs: number, durationMs: number, drainMs: number },
 *   cluster: { instances: number[], rooms: number, members: number, periodMs: number, warmupMs: number, durationMs: number, drainMs: number },
 *   broadcast: { members: number, rounds: number, roundTimeoutMs: number, quietMs: number },
 *   roomBroadcast: { members: number, rounds: number, roundTimeoutMs: number, quietMs: number },
 *   idle: { connections: number[], settleMs: number },
 *   storm: { connections: number, window: number },
 *   micro: { budgetMs: number, generateRuns: number },
 * }} Profile
 */

/** @type {Readonly<Record<Profile['name'], Profile>>} */
export const PROFILES = Object.freeze({
  tiny: {
    name: 'tiny',
    roundtrip: { kinds: ['ping', 'chat'], connections: [10], inflight: [1], warmupMs: 100, durationMs: 300 },
    fanout: { rooms: 2, members: 5, periodMs: 200, warmupMs: 100, durationMs: 400, drainMs: 200 },
    cluster: { instances: [1, 2], rooms: 2, members: 4, periodMs: 200, warmupMs: 100, durationMs: 400, drainMs: 200 },
    broadcast: { members: 20, rounds: 2, roundTimeoutMs: 5000, quietMs: 50 },
    roomBroadcast: { members: 20, rounds: 2, roundTimeoutMs: 5000, quietMs: 50 },
    idle: { connections: [200], settleMs: 200 },
    storm: { connections: 50, window: 25 },
    micro: { budgetMs: 20, generateRuns: 1 },
  },
  quick: {
    name: 'quick',
    roundtrip: { kinds: ['ping', 'chat'], connections: [100], inflight: [1, 10], warmupMs: 300, durationMs: 1200 },
    fanout: { rooms: 20, members: 50, periodMs: 2000, warmupMs: 500, durationMs: 1500, drainMs: 300 },
    cluster: { instances: [1, 2], rooms: 10, members: 20, periodMs: 1000, warmupMs: 300, durationMs: 1200, drainMs: 200 },
    broadcast: { members: 2000, rounds: 6, roundTimeoutMs: 10_000, quietMs: 200 },
    roomBroadcast: { members: 500, rounds: 4, roundTimeoutMs: 10_000, quietMs: 200 },
    idle: { connections: [2000], settleMs: 1000 },
    storm: { connections: 1000, window: 200 },
    micro: { budgetMs: 100, generateRuns: 1 },
  },
  full: {
    name: 'full',
    roundtrip: { kinds: ['ping', 'chat'], connections: [100, 1000], inflight: [1, 10], warmupMs: 1000, durationMs: 5000 },
    // 100 rooms x 50 members; one message per member every 8 s offers ~30,600
    // deliveries/s, which every server under test can carry on one core, so latency shows.
    fanout: { rooms: 100, members: 50, periodMs: 8000, warmupMs: 2000, durationMs: 8000, drainMs: 1000 },
    // Scenario 7: scenario 2's rooms on one instance and on two sharing one Redis.
    cluster: { instances: [1, 2], rooms: 100, members: 50, periodMs: 8000, warmupMs: 2000, durationMs: 8000, drainMs: 1000 },
    broadcast: { members: 10_000, rounds: 10, roundTimeoutMs: 30_000, quietMs: 500 },
    roomBroadcast: { members: 2000, rounds: 5, roundTimeoutMs: 30_000, quietMs: 500 },
    idle: { connections: [10_000, 20_000], settleMs: 2000 },
    storm: { connections: 5000, window: 200 },
    micro: { budgetMs: 1000, generateRuns: 3 },
  },
});
