import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_REDIS_BROKER_OPTIONS, RedisBroker, type RedisBrokerOptions } from '../src/index.js';
import { resolveRedisBrokerOptions } from '../src/options.js';
import { REDIS_URL, TestRedis, recorder, scanKeys } from './harness.js';

describe('RedisBroker options', () => {
  it('resolves the documented defaults', () => {
    const resolved = resolveRedisBrokerOptions({ redis: REDIS_URL });
    expect(resolved).toMatchObject({ keyPrefix: 'switchboard:', livenessTtlMs: 15_000, livenessIntervalMs: 5_000 });
    expect(resolved.onError).toBe(DEFAULT_REDIS_BROKER_OPTIONS.onError);
    expect(resolved.instanceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(resolveRedisBrokerOptions({ redis: REDIS_URL }).instanceId).not.toBe(resolved.instanceId);
  });

  // Thrown by the constructor, before any connection is made.
  const invalid: readonly { readonly given: RedisBrokerOptions; readonly want: Error }[] = [
    { given: { redis: REDIS_URL, livenessTtlMs: 1000, livenessIntervalMs: 1000 }, want: new RangeError('options.livenessIntervalMs (1000) must be less than options.livenessTtlMs (1000)') },
    { given: { redis: REDIS_URL, livenessIntervalMs: 20_000 }, want: new RangeError('options.livenessIntervalMs (20000) must be less than options.livenessTtlMs (15000)') },
    { given: { redis: REDIS_URL, livenessTtlMs: 0 }, want: new RangeError('options.livenessTtlMs must be a positive integer, got 0') },
    { given: { redis: REDIS_URL, livenessIntervalMs: 1.5 }, want: new RangeError('options.livenessIntervalMs must be a positive integer, got 1.5') },
    { given: { redis: '' }, want: new TypeError('options.redis must be an ioredis client or a redis:// URL') },
    { given: { redis: {} as never }, want: new TypeError('options.redis must be an ioredis client or a redis:// URL') },
    { given: { redis: REDIS_URL, keyPrefix: 1 as never }, want: new TypeError('options.keyPrefix must be a string, got number') },
    { given: { redis: REDIS_URL, instanceId: '' }, want: new TypeError('options.instanceId must be a non-empty string') },
    { given: { redis: REDIS_URL, onError: 'log' as never }, want: new TypeError('options.onError must be a function') },
  ];
  for (const { given, want } of invalid) {
    it(`throws ${want.name}: ${want.message}`, () => {
      expect(() => new RedisBroker(given)).toThrow(want);
      expect(() => new RedisBroker(given)).toThrow(want.constructor as typeof Error);
    });
  }
});

describe('RedisBroker keyPrefix', () => {
  // A database of its own, so that every key that appears in it during the test is this test's.
  const url = `${REDIS_URL}/13`;
  let redis: TestRedis;
  afterEach(async () => {
    await redis.cleanup();
  });

  it('starts every key and the channel with the prefix', async () => {
    redis = new TestRedis(url);
    const admin = redis.client();
    const before = new Set(await scanKeys(admin, '*'));
    const broker = redis.broker();
    const p = redis.prefix;
    await broker.register(recorder('n'));
    await broker.publish('n', { targets: [{ kind: 'all' }], except: [], type: 't', id: 'i', frame: '{}', volatile: false });
    await broker.publishSequenced({ room: 'r', except: [], type: 't', id: 'i', head: '{', tail: '}', volatile: false }, 10);
    await broker.addMember('r', { userId: 'u', username: 'U', connectionId: 'c', joinedAt: '2026-01-01T00:00:00.000Z' });
    await broker.acquireConnection('u', 1);
    await broker.enqueue('u', { id: 'q', frame: '{}' }, 10);
    const created = (await scanKeys(admin, '*')).filter((key) => !before.has(key)).sort();
    expect(created).toEqual([`${p}conn:u`, `${p}history:r`, `${p}live:${broker.instanceId}`, `${p}members:r`, `${p}queue:u`, `${p}stream:r`]);
    expect(await admin.pubsub('CHANNELS', `${p}*`)).toEqual([`${p}bus`]);
  });
});
