/**
 * What the Redis broker tests share: a random key prefix per test, and everything a test opens
 * (brokers, clients) closed afterwards, then the prefix's keys deleted.
 */
import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { Broadcast, BrokerNode } from '@switchboard/runtime/broker';
import { RedisBroker, type RedisBrokerOptions } from '../src/index.js';

/** The Redis the tests run against (it must be running). */
export const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export class TestRedis {
  /** Only [0-9a-f:-]: no glob character, so `SCAN MATCH prefix*` needs no escaping. */
  readonly prefix = `switchboard-test:${randomUUID()}:`;
  /** Failures the brokers reported through `onError`; cleanup fails if any is left unclaimed. */
  readonly errors: Error[] = [];
  readonly #url: string;
  readonly #brokers: RedisBroker[] = [];
  readonly #crashed = new Set<RedisBroker>();
  readonly #clients: Redis[] = [];

  constructor(url = REDIS_URL) {
    this.#url = url;
  }

  /** A broker of this test's cluster: the URL form and the test's prefix unless told otherwise. */
  broker(options: Partial<RedisBrokerOptions> = {}): RedisBroker {
    const broker = new RedisBroker({ redis: this.#url, keyPrefix: this.prefix, onError: (error) => this.errors.push(error), ...options });
    this.#brokers.push(broker);
    return broker;
  }

  /** A client of its own (for the test to inspect Redis, or to give to a broker). */
  client(options: RedisOptions = {}): Redis {
    const client = new Redis(this.#url, options);
    this.#clients.push(client);
    return client;
  }

  /** A broker the test broke on purpose: its `close()` is expected to fail and is not checked. */
  crashed(broker: RedisBroker): void {
    this.#crashed.add(broker);
  }

  /** Takes the reported failures, for the test to check. */
  takeErrors(): Error[] {
    return this.errors.splice(0);
  }

  async cleanup(): Promise<void> {
    const closed = await Promise.allSettled(this.#brokers.map((broker) => broker.close()));
    for (const client of this.#clients) client.disconnect();
    const admin = new Redis(this.#url);
    try {
      await deleteKeys(admin, this.prefix);
    } finally {
      await admin.quit();
    }
    const failed = closed.find((result, i) => result.status === 'rejected' && !this.#crashed.has(this.#brokers[i] as RedisBroker));
    if (failed?.status === 'rejected') throw failed.reason;
    if (this.errors.length > 0) throw new AggregateError(this.errors, `the brokers reported ${this.errors.length} unexpected error(s)`);
  }
}

export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  for (const key of await scanKeys(redis, `${prefix}*`)) await redis.unlink(key);
}

export async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

export function broadcast(id: string, frame = `{"id":"${id}"}`): Broadcast {
  return { targets: [{ kind: 'all' }], except: [], type: 'system.notification', id, frame, volatile: false };
}

export function recorder(nodeId: string): BrokerNode & { readonly received: Broadcast[] } {
  const received: Broadcast[] = [];
  return { nodeId, received, deliver: (b) => received.push(b) };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Retries the check until it passes or `timeoutMs` is over (then its last failure is thrown). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(20);
    }
  }
}
