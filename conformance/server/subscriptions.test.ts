/**
 * `subscribe` and `unsubscribe` over a real socket: a request naming an event outside the spec's
 * `EventName` is answered `UNKNOWN_EVENT` naming every unknown name, and is atomic (nothing it
 * names is added or removed). Event lists are generated: known names from the spec, unknown ones
 * arbitrary strings, interleaved in any order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serverProtocol } from '@switchboard/protocol/server';
import { useFixture, type TestClient } from './harness.js';

const fixture = useFixture();
const EVENT_NAMES: readonly string[] = serverProtocol.events;
const known = new Set<string>(EVENT_NAMES);

/** A request's events: some known names and at least one unknown name, unique, shuffled. */
const mixedEvents = fc
  .tuple(
    fc.subarray([...EVENT_NAMES], { maxLength: 6 }),
    fc.uniqueArray(
      fc.string({ maxLength: 80 }).filter((name) => !known.has(name)),
      { minLength: 1, maxLength: 5 },
    ),
  )
  .chain(([good, bad]) => fc.shuffledSubarray([...good, ...bad], { minLength: good.length + bad.length }));

async function subscriptions(client: TestClient): Promise<readonly string[]> {
  // An empty unsubscribe is not allowed (minItems 1): remove a name, then put it back if it was there.
  const reply = await client.request('unsubscribe', { events: [EVENT_NAMES[0]] });
  if (reply.type !== 'unsubscription.confirmed') throw new Error(`unexpected ${reply.type}`);
  return reply.data.subscriptions;
}

describe('unknown event names', () => {
  it('subscribe: UNKNOWN_EVENT names every unknown name, in request order, and subscribes nothing', async () => {
    await fixture.start();
    const client = await fixture.connect('u_sub');
    await fc.assert(
      fc.asyncProperty(mixedEvents, async (events) => {
        const reply = await client.request('subscribe', { events });
        expect(reply.type).toBe('error');
        if (reply.type !== 'error') return;
        const unknown = events.filter((name) => !known.has(name));
        const first = events.findIndex((name) => !known.has(name));
        expect(reply.data.code).toBe('UNKNOWN_EVENT');
        expect(reply.data.details?.events).toEqual(unknown.map((name) => name.slice(0, 64)));
        expect(reply.data.details?.pointer).toBe(`/data/events/${first}`);
        expect(await subscriptions(client)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('unsubscribe: UNKNOWN_EVENT, and every subscription stays', async () => {
    await fixture.start();
    const client = await fixture.connect('u_unsub');
    const held = [EVENT_NAMES[1], EVENT_NAMES[2]];
    expect((await client.request('subscribe', { events: held })).type).toBe('subscription.confirmed');
    await fc.assert(
      fc.asyncProperty(mixedEvents, async (events) => {
        const reply = await client.request('unsubscribe', { events });
        expect(reply.type === 'error' && reply.data.code).toBe('UNKNOWN_EVENT');
        const confirmed = await client.request('subscribe', { events: held });
        expect(confirmed.type === 'subscription.confirmed' && confirmed.data.subscriptions).toEqual(held);
      }),
      { numRuns: 25 },
    );
  });

  it('a request that is invalid in another way too keeps its INVALID_MESSAGE', async () => {
    await fixture.start();
    const client = await fixture.connect('u_both');
    const tooMany = [...EVENT_NAMES.slice(0, 12), 'no.such.event'];
    const withExtra = await client.request('subscribe', { events: ['no.such.event'], extra: true });
    expect(withExtra.type === 'error' && withExtra.data.code).toBe('INVALID_MESSAGE');
    const overLimit = await client.request('subscribe', { events: tooMany });
    expect(overLimit.type === 'error' && overLimit.data.code).toBe('INVALID_MESSAGE');
  });
});
