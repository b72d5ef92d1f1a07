/**
 * Instances of one cluster on the real Redis at 127.0.0.1:6379, for the suites that prove a
 * behaviour holds across instances: each call gets its own key prefix, and everything is closed
 * and deleted after each test. Call `useRedisCluster(fx)` after `useFixture()`, so the fixture's
 * cleanup (servers first) runs before this one (brokers, then keys).
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach } from 'vitest';
import { RedisBroker } from '@switchboard/redis';
import type { ServerOptions } from '@switchboard/runtime/server';
import type { Handlers } from '@switchboard/protocol/server';
import type { Fixture, Running } from './harness.js';

export const REDIS_URL = 'redis://127.0.0.1:6379';

export interface RedisCluster {
  /** `count` instances sharing one fresh key prefix; `handlers` is called once per instance with its broker. */
  start(
    count: number,
    options?: Partial<ServerOptions>,
    handlers?: (broker: RedisBroker) => Handlers,
  ): Promise<{ readonly servers: Running[]; readonly brokers: RedisBroker[]; readonly keyPrefix: string }>;
}

/** Deletes every key under each prefix: what a test's instances left in the shared Redis. */
export async function deleteKeys(prefixes: readonly string[]): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    for (const prefix of prefixes) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    await redis.quit();
  }
}

export function useRedisCluster(fx: Fixture): RedisCluster {
  const brokers: RedisBroker[] = [];
  const prefixes: string[] = [];
  afterEach(async () => {
    for (const broker of brokers.splice(0)) await broker.close();
    await deleteKeys(prefixes.splice(0));
  });
  return {
    async start(count, options = {}, handlers) {
      const keyPrefix = `sbtest:${randomBytes(6).toString('hex')}:`;
      prefixes.push(keyPrefix);
      const servers: Running[] = [];
      const made: RedisBroker[] = [];
      for (let i = 0; i < count; i++) {
        const broker = new RedisBroker({ redis: REDIS_URL, keyPrefix });
        brokers.push(broker);
        made.push(broker);
        servers.push(await fx.start({ ...options, broker, nodeId: `n${i}` }, handlers?.(broker)));
      }
      return { servers, brokers: made, keyPrefix };
    },
  };
}
