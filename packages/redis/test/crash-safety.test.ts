import type { RoomMemberRecord } from '@switchboard/runtime/broker';
import { afterEach, describe, expect, it } from 'vitest';
import { TestRedis, eventually } from './harness.js';

function member(connectionId: string): RoomMemberRecord {
  return { userId: `user-${connectionId}`, username: 'Ann', connectionId, joinedAt: '2026-01-01T00:00:00.000Z' };
}

const connectionIds = (members: readonly RoomMemberRecord[]): string[] => members.map((m) => m.connectionId).sort();

describe('RedisBroker crash safety', () => {
  let redis: TestRedis;
  afterEach(async () => {
    await redis.cleanup();
  });

  it("stops counting a dead instance's connections and room members within its liveness ttl", async () => {
    redis = new TestRedis();
    const admin = redis.client();
    const doomedClient = redis.client();
    const doomedErrors: Error[] = [];
    const doomed = redis.broker({ redis: doomedClient, livenessTtlMs: 1000, livenessIntervalMs: 200, onError: (e) => doomedErrors.push(e) });
    redis.crashed(doomed);
    const survivor = redis.broker();

    expect(await doomed.acquireConnection('u', 2)).toBe(true);
    expect(await doomed.acquireConnection('u', 2)).toBe(true);
    expect(await survivor.acquireConnection('u', 2)).toBe(false); // N admitted, N+1 refused
    expect(await survivor.connectionCount('u')).toBe(2);
    await doomed.addMember('r', member('c1'));
    await survivor.addMember('r', member('c2'));
    expect(connectionIds(await survivor.members('r'))).toEqual(['c1', 'c2']);

    // The process dies: no release, no removeMember, no close, no more liveness refreshes.
    doomedClient.disconnect();
    expect(await survivor.connectionCount('u')).toBe(2); // until its liveness key expires

    await eventually(async () => expect(await survivor.connectionCount('u')).toBe(0), 3000);
    expect(await survivor.acquireConnection('u', 2)).toBe(true);
    expect(await survivor.acquireConnection('u', 2)).toBe(true);
    expect(await survivor.acquireConnection('u', 2)).toBe(false);
    expect(connectionIds(await survivor.members('r'))).toEqual(['c2']);
    // The dead instance's entries were deleted on the way, not only skipped.
    expect(await admin.hkeys(`${redis.prefix}conn:u`)).toEqual([survivor.instanceId]);
    expect(await admin.hkeys(`${redis.prefix}members:r`)).toEqual(['c2']);
    expect(doomedErrors.length).toBeGreaterThan(0); // its heartbeat failed, and said so
    expect(doomedErrors.every((e) => e.message === 'Connection is closed.')).toBe(true);
  });

  it("stops counting a closed instance's connections and members at once", async () => {
    redis = new TestRedis();
    const [leaving, staying] = [redis.broker(), redis.broker()];
    expect(await leaving.acquireConnection('u', 2)).toBe(true);
    expect(await staying.acquireConnection('u', 2)).toBe(true);
    await leaving.addMember('r', member('c1'));
    await leaving.close();
    expect(await staying.connectionCount('u')).toBe(1);
    expect(await staying.members('r')).toEqual([]);
    expect(await staying.acquireConnection('u', 2)).toBe(true);
    expect(await staying.acquireConnection('u', 2)).toBe(false);
  });

  it('reports a liveness key that expired before it was refreshed', async () => {
    redis = new TestRedis();
    const admin = redis.client();
    const broker = redis.broker({ livenessTtlMs: 1000, livenessIntervalMs: 100 });
    expect(await broker.acquireConnection('u', 1)).toBe(true); // the key is written before this counts
    await admin.del(`${redis.prefix}live:${broker.instanceId}`); // as if the process had been paused past the ttl
    await eventually(() => expect(redis.errors).toHaveLength(1));
    expect(redis.takeErrors()[0]?.message).toBe(
      `the liveness key of instance "${broker.instanceId}" had expired before it was refreshed (Redis unreachable, or the process ` +
        'paused, for longer than livenessTtlMs): other instances may have dropped its connection counts and room members',
    );
    expect(await admin.pttl(`${redis.prefix}live:${broker.instanceId}`)).toBeGreaterThan(0); // and it is back
  });
});
