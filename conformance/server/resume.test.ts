/**
 * `resume` at its edges, over real sockets: a request that names a room twice, replay before
 * live messages under steady traffic, `complete` when history or the offline queue lost
 * something, and room epochs. Every message the clients receive is checked against the spec by
 * the harness.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quiet, useFixture } from './harness.js';

const fx = useFixture();
/** Property runs send many requests as one user: the rate limit is not what is tested here. */
const UNLIMITED = { rateLimit: { limit: 100_000 } };

describe('resume: a room listed twice', () => {
  it('is INVALID_MESSAGE pointing at the second entry, and joins nothing', async () => {
    await fx.start(UNLIMITED);
    const ann = await fx.connect('ann');
    const entry = fc.record({ room_id: fc.constantFrom('a', 'b', 'c', 'd'), seq: fc.nat({ max: 3 }) });
    const withRepeat = fc.array(entry, { minLength: 2, maxLength: 6 }).filter((list) => new Set(list.map((e) => e.room_id)).size < list.length);
    await fc.assert(
      fc.asyncProperty(withRepeat, async (list) => {
        const reply = await ann.request('resume', { last_seq: list });
        expect(reply.type).toBe('error');
        if (reply.type !== 'error') return;
        expect(reply.data.code).toBe('INVALID_MESSAGE');
        // Two identical entries already fail the schema's `uniqueItems` (at the list); otherwise
        // the pointer names the first entry whose room came earlier in the list.
        const identical = new Set(list.map((e) => JSON.stringify(e))).size < list.length;
        const firstRepeat = list.findIndex((e, i) => list.findIndex((f) => f.room_id === e.room_id) < i);
        expect(reply.data.details?.pointer).toBe(identical ? '/data/last_seq' : `/data/last_seq/${firstRepeat}/room_id`);
        await quiet(20);
        expect(ann.received).toEqual([]);
      }),
      { numRuns: 25 },
    );
    // Nothing was joined: a message to room "a" does not reach ann.
    const bob = await fx.connect('bob');
    await bob.request('room.join', { room_id: 'a' });
    await bob.request('chat.send', { room_id: 'a', content: 'hello' });
    await quiet();
    expect(ann.received).toEqual([]);
  });
});
