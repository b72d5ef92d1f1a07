/**
 * The `max_content_length` that `connection.established` announces is what `chat.send` accepts:
 * content of N code points passes, N+1 is `INVALID_MESSAGE` at `/data/content` with the limit,
 * counted in Unicode code points as the spec's schema counts (so astral characters count once).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { token, TestClient, useFixture } from './harness.js';

const fx = useFixture();

/** Characters of one, two and three UTF-16 units... in code points, each counts one. */
const character = fc.constantFrom('a', 'é', '中', '😀', '𝄞', 'Z');
const content = (length: number) => fc.array(character, { minLength: length, maxLength: length }).map((chars) => chars.join(''));

async function connectReadingLimit(url: string): Promise<{ client: TestClient; limit: number }> {
  const client = fx.track(await TestClient.open(`${url}?token=${encodeURIComponent(await token('ann'))}`));
  const established = await client.next('connection.established');
  return { client, limit: established.data.limits.max_content_length };
}

describe('max_content_length', () => {
  it('accepts N code points and refuses N+1 with INVALID_MESSAGE at /data/content, N as announced', async () => {
    const server = await fx.start({ maxContentLength: 100, rateLimit: { limit: 100_000 } });
    const { client, limit } = await connectReadingLimit(server.url());
    expect(limit).toBe(100);
    await client.request('room.join', { room_id: 'r' });
    await fc.assert(
      fc.asyncProperty(content(limit), content(limit + 1), async (atLimit, overLimit) => {
        const accepted = await client.request('chat.send', { room_id: 'r', content: atLimit });
        expect(accepted.type).toBe('chat.sent');
        expect((await client.next('chat.message')).data.content).toBe(atLimit);
        const refused = await client.request('chat.send', { room_id: 'r', content: overLimit });
        expect(refused.type === 'error' && refused.data).toMatchObject({
          code: 'INVALID_MESSAGE',
          details: { pointer: '/data/content', keyword: 'maxLength', limit },
        });
      }),
      { numRuns: 30 },
    );
  });

  it('150 characters against a limit of 100 are refused, and nothing reaches the room', async () => {
    const server = await fx.start({ maxContentLength: 100 });
    const ann = await fx.connect('ann', { on: server });
    const bob = await fx.connect('bob', { on: server });
    await ann.request('room.join', { room_id: 'r' });
    await bob.request('room.join', { room_id: 'r' });
    const refused = await ann.request('chat.send', { room_id: 'r', content: 'x'.repeat(150) });
    expect(refused.type === 'error' && refused.data.code).toBe('INVALID_MESSAGE');
    const after = await ann.request('chat.send', { room_id: 'r', content: 'short' });
    expect(after.type).toBe('chat.sent');
    expect((await bob.next('chat.message')).data.content).toBe('short');
  });

  it('refuses a limit above the spec\'s 4000 when the server is made', async () => {
    await expect(fx.start({ maxContentLength: 4001 })).rejects.toThrow(new RangeError("options.maxContentLength must be at most 4000 (the spec's bound), got 4001"));
  });
});
