/**
 * A published WebSocket document end to end (test/corpus/spec/social-media/backend: a backend that
 * takes likes over a WebSocket and pushes like counts on another channel, written from the server's
 * side, no discriminator, no error message): its generated server on a real socket and its
 * generated client. Over the document's own arbitraries: every valid like reaches the handler as
 * sent and the count it publishes reaches a client of the other channel; every invalid one closes
 * its own connection with 1007 while that client keeps receiving.
 */
import { once } from 'node:events';
import path from 'node:path';
import fc from 'fast-check';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUT, TEST_DIR } from './helpers.js';
import { assertLikesComeBack, serveLikes, type Count, type Like, type LikesService } from './likes-harness.js';

const SPEC = path.join(TEST_DIR, 'corpus/spec/social-media/backend/asyncapi.yaml');
let service: LikesService;
let likes: fc.Arbitrary<Like>;
let invalidLikes: fc.Arbitrary<{ readonly value: unknown; readonly keyword: string; readonly pointer: string }>;

beforeAll(async () => {
  service = await serveLikes(SPEC, path.join(OUT, 'corpus-websocket'), { receive: 'receiveCommentLike', publish: 'sendCommentLikeUpdate' });
  const generated = await service.load<{ arbitraries: { LikeCommentPayload: typeof likes }; invalidArbitraries: { LikeCommentPayload: typeof invalidLikes } }>('arbitraries.ts');
  likes = generated.arbitraries.LikeCommentPayload;
  invalidLikes = generated.invalidArbitraries.LikeCommentPayload;
}, 120_000);

afterAll(async () => {
  await service?.stop();
});

describe('social-media/backend over its generated server and client', () => {
  it('takes every valid like as sent and pushes the count to the other channel; closes on every invalid one with 1007', async () => {
    const [liker, watcher] = await Promise.all([service.open('newLikeComment'), service.open('updateCommentsCount')]);
    const counts: Count[] = [];
    watcher.on('updateCommentLikes', (c) => counts.push(c));
    await assertLikesComeBack(service, liker, 'receiveCommentLike', counts, likes);
    await fc.assert(fc.asyncProperty(invalidLikes, async (bad) => {
      const frame = JSON.stringify(bad.value);
      fc.pre(frame !== undefined);
      const raw = new WebSocket(`${service.origin}/ws/like/comment`);
      await once(raw, 'open');
      raw.send(frame);
      expect(((await once(raw, 'close')) as [number])[0], `${bad.keyword} at ${bad.pointer}`).toBe(1007);
      const before = counts.length;
      liker.send('receiveCommentLike', { commentId: 'still' });
      await expect.poll(() => counts.length).toBe(before + 1);
    }), { numRuns: 30 });
  });
});
