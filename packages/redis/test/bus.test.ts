import { afterEach, describe, expect, it, vi } from 'vitest';
import { RedisBroker } from '../src/index.js';
import { REDIS_URL, TestRedis, broadcast, eventually, recorder } from './harness.js';

describe('RedisBroker bus', () => {
  let redis: TestRedis;
  afterEach(async () => {
    vi.restoreAllMocks();
    await redis.cleanup();
  });

  it('hands a malformed message to onError, drops it, and delivers the next one', async () => {
    redis = new TestRedis();
    const admin = redis.client();
    const [a, b] = [redis.broker(), redis.broker()];
    const node = recorder('two');
    await b.register(node);
    await admin.publish(`${redis.prefix}bus`, 'not a broadcast');
    await admin.publish(`${redis.prefix}bus`, '{"origin":"x","targets":[{"kind":"nobody"}],"except":[],"type":"t","id":"i","volatile":false}\n{}');
    await a.publish('one', broadcast('m1'));
    await eventually(() => expect(node.received).toEqual([broadcast('m1')]));
    expect(redis.takeErrors().map((e) => e.message)).toEqual([
      'malformed message on the bus: no header line',
      'malformed message on the bus: bad header field "targets"',
    ]);
  });

  it("hands a node's failing deliver to onError and still delivers to the other nodes", async () => {
    redis = new TestRedis();
    const [a, b] = [redis.broker(), redis.broker()];
    const failure = new Error('deliver failed');
    await b.register({ nodeId: 'broken', deliver: () => { throw failure; } });
    const node = recorder('fine');
    await b.register(node);
    await a.publish('one', broadcast('m1'));
    await eventually(() => expect(node.received.map((x) => x.id)).toEqual(['m1']));
    expect(redis.takeErrors()).toEqual([failure]);
  });

  it('emits a process warning when no onError is given', async () => {
    redis = new TestRedis();
    const warnings: (string | Error)[] = [];
    vi.spyOn(process, 'emitWarning').mockImplementation((warning: string | Error) => void warnings.push(warning));
    const defaulted = new RedisBroker({ redis: REDIS_URL, keyPrefix: redis.prefix }); // not the harness's onError
    try {
      await defaulted.register(recorder('n'));
      await redis.client().publish(`${redis.prefix}bus`, 'garbage');
      await eventually(() => expect(warnings).toHaveLength(1));
      expect(warnings[0]).toBeInstanceOf(Error);
      expect((warnings[0] as Error).message).toBe('malformed message on the bus: no header line');
    } finally {
      await defaulted.close();
    }
  });
});
