/**
 * The Redis broker's options, resolved once into a typed context with explicit defaults (the
 * defaults object is exported so tests and the README cannot drift from it).
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface RedisBrokerOptions {
  /**
   * The Redis to share with the other instances: an ioredis client, or a URL the broker makes
   * its client from (with `enableAutoPipelining: true`, so the commands one chat message costs in
   * one tick go out as one write; every other ioredis option keeps its default, notably
   * `maxRetriesPerRequest: 20`, which makes a command wait about 10 s for an unreachable Redis
   * before it rejects; pass a client to choose otherwise).
   *
   * The broker also makes a second connection for pub/sub, with `duplicate()`. It quits only the
   * connections it made: a client you pass stays yours to quit.
   *
   * @example 'redis://127.0.0.1:6379'
   * @example new Redis({ host: 'redis', maxRetriesPerRequest: 1, enableAutoPipelining: true })
   */
  readonly redis: Redis | string;
  /**
   * Starts every key and the pub/sub channel, so several clusters (or test runs) can share one
   * Redis. Instances of one cluster must use the same prefix.
   *
   * @default 'switchboard:'
   * @example 'chat-prod:'
   */
  readonly keyPrefix?: string;
  /**
   * Names this instance in Redis (its liveness key and its share of each user's connection
   * count). Must be unique among the live instances, and should be new for each process: an
   * instance that restarts under the id of a crashed one revives the crashed one's counts.
   *
   * @default crypto.randomUUID()
   * @example `${os.hostname()}-${process.pid}-${Date.now()}`
   */
  readonly instanceId?: string;
  /**
   * How long this instance's liveness key lives without a refresh. When an instance dies without
   * closing, its users' connections and its room members stop counting within this time.
   *
   * @default 15000
   * @example 30_000
   */
  readonly livenessTtlMs?: number;
  /**
   * How often the liveness key is refreshed; must be less than `livenessTtlMs` (a third of it
   * leaves room for two failed refreshes).
   *
   * @default 5000
   * @example 10_000
   */
  readonly livenessIntervalMs?: number;
  /**
   * Receives the failures no caller can be given: a malformed message on the pub/sub channel (it
   * is dropped), a failed liveness refresh, a node's `deliver` throwing, the broker's own
   * connections' errors. Command failures are not sent here: they reject the method's promise.
   *
   * @default (error) => process.emitWarning(error)
   * @example (error) => logger.error({ err: error }, 'redis broker')
   */
  readonly onError?: (error: Error) => void;
}

export interface ResolvedRedisBrokerOptions {
  readonly redis: Redis | string;
  readonly keyPrefix: string;
  readonly instanceId: string;
  readonly livenessTtlMs: number;
  readonly livenessIntervalMs: number;
  readonly onError: (error: Error) => void;
}

export const DEFAULT_REDIS_BROKER_OPTIONS = Object.freeze({
  keyPrefix: 'switchboard:',
  livenessTtlMs: 15_000,
  livenessIntervalMs: 5_000,
  onError: (error: Error): void => process.emitWarning(error),
} as const);

/** Resolves options once; throws TypeError/RangeError for programmer errors. */
export function resolveRedisBrokerOptions(options: RedisBrokerOptions): ResolvedRedisBrokerOptions {
  if (typeof options !== 'object' || options === null || !isRedisOrUrl(options.redis)) {
    throw new TypeError('options.redis must be an ioredis client or a redis:// URL');
  }
  const keyPrefix = options.keyPrefix ?? DEFAULT_REDIS_BROKER_OPTIONS.keyPrefix;
  if (typeof keyPrefix !== 'string') throw new TypeError(`options.keyPrefix must be a string, got ${typeof keyPrefix}`);
  const instanceId = options.instanceId ?? randomUUID();
  if (typeof instanceId !== 'string' || instanceId === '') throw new TypeError('options.instanceId must be a non-empty string');
  const livenessTtlMs = positiveInteger('livenessTtlMs', options.livenessTtlMs ?? DEFAULT_REDIS_BROKER_OPTIONS.livenessTtlMs);
  const livenessIntervalMs = positiveInteger('livenessIntervalMs', options.livenessIntervalMs ?? DEFAULT_REDIS_BROKER_OPTIONS.livenessIntervalMs);
  if (livenessIntervalMs >= livenessTtlMs) {
    throw new RangeError(
      `options.livenessIntervalMs (${livenessIntervalMs}) must be less than options.livenessTtlMs (${livenessTtlMs})`,
    );
  }
  const onError = options.onError ?? DEFAULT_REDIS_BROKER_OPTIONS.onError;
  if (typeof onError !== 'function') throw new TypeError('options.onError must be a function');
  return { redis: options.redis, keyPrefix, instanceId, livenessTtlMs, livenessIntervalMs, onError };
}

/** Duck-typed rather than `instanceof`, which fails for a client of another copy of ioredis. */
function isRedisOrUrl(value: unknown): value is Redis | string {
  if (typeof value === 'string') return value !== '';
  if (typeof value !== 'object' || value === null) return false;
  const client = value as Partial<Record<'duplicate' | 'defineCommand' | 'publish', unknown>>;
  return typeof client.duplicate === 'function' && typeof client.defineCommand === 'function' && typeof client.publish === 'function';
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`options.${name} must be a positive integer, got ${String(value)}`);
  return value;
}
