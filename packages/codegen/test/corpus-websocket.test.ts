/**
 * A published WebSocket document end to end (test/corpus/spec/social-media/backend: a backend that
 * takes likes over a WebSocket and pushes like counts on another channel, written from the server's
 * side, no discriminator, no error message): its generated server on a real socket and its
 * generated client. Over the document's own arbitraries: every valid like reaches the handler as
 * sent and the count it publishes reaches a client of the other channel; every invalid one closes
 * its own connection with 1007 while that client keeps receiving.
 */
import { once } from 'node:events';
import type { Server as HttpServer } from 'node:http';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../src/index.js';
import { serveOnLoopback, type Served } from './channel-harness.js';
import { OUT, sourceLoader, TEST_DIR, writePackage } from './helpers.js';

type Like = Readonly<Record<string, unknown>>;
type Count = { readonly commentId?: string; readonly likeCount?: number };
interface Socket {
  send(operation: 'receiveCommentLike', message: Like): void;
  on(message: 'updateCommentLikes', handler: (payload: Count) => void): () => void;
  close(): void;
}
interface Published {
  attach(server: HttpServer): void;
  publish(operation: 'sendCommentLikeUpdate', message: Count): number;
  close(): Promise<void>;
}

const SPEC = path.join(TEST_DIR, 'corpus/spec/social-media/backend/asyncapi.yaml');
let served: Served;
let server: Published;
let likes: fc.Arbitrary<Like>;
let invalidLikes: fc.Arbitrary<{ readonly value: unknown; readonly keyword: string; readonly pointer: string }>;
let origin: string;
let connect: (channel: string, params: object, options: object) => Promise<Socket>;
const received: Like[] = [];

beforeAll(async () => {
  const out = path.join(OUT, 'corpus-websocket');
  await mkdir(out, { recursive: true });
  const run = await runPipeline(SPEC, { reuse: false });
  await writePackage(out, run.result.files);
  const load = sourceLoader(out);
  const { createServer } = await load<{ createServer(handlers: object): Published }>('server.ts');
  ({ connect } = await load<{ connect: typeof connect }>('client.ts'));
  const generated = await load<{ arbitraries: { LikeCommentPayload: fc.Arbitrary<Like> }; invalidArbitraries: { LikeCommentPayload: typeof invalidLikes } }>('arbitraries.ts');
  likes = generated.arbitraries.LikeCommentPayload;
  invalidLikes = generated.invalidArbitraries.LikeCommentPayload;
  server = createServer({
    receiveCommentLike: (like: Like) => {
      received.push(like);
      server.publish('sendCommentLikeUpdate', { ...(typeof like['commentId'] === 'string' ? { commentId: like['commentId'] } : {}), likeCount: received.length });
    },
  });
  served = await serveOnLoopback(server);
  origin = served.origin;
}, 120_000);

afterAll(async () => {
  await served?.stop();
});

async function open(channel: string): Promise<Socket> {
  const socket = await connect(channel, {}, { url: `${origin}/ws`, WebSocket });
  served.track(socket);
  return socket;
}

describe('social-media/backend over its generated server and client', () => {
  it('takes every valid like as sent and pushes the count to the other channel; closes on every invalid one with 1007', async () => {
    const [liker, watcher] = await Promise.all([open('newLikeComment'), open('updateCommentsCount')]);
    const counts: Count[] = [];
    watcher.on('updateCommentLikes', (c) => counts.push(c));
    await fc.assert(fc.asyncProperty(likes, async (like) => {
      const before = received.length;
      liker.send('receiveCommentLike', like);
      await expect.poll(() => counts.length).toBe(before + 1);
      expect(received.at(-1)).toEqual(JSON.parse(JSON.stringify(like)));
      expect(counts.at(-1)?.likeCount).toBe(before + 1);
    }), { numRuns: 40 });
    await fc.assert(fc.asyncProperty(invalidLikes, async (bad) => {
      const frame = JSON.stringify(bad.value);
      fc.pre(frame !== undefined);
      const raw = new WebSocket(`${origin}/ws/like/comment`);
      await once(raw, 'open');
      raw.send(frame);
      expect(((await once(raw, 'close')) as [number])[0], `${bad.keyword} at ${bad.pointer}`).toBe(1007);
      const before = counts.length;
      liker.send('receiveCommentLike', { commentId: 'still' });
      await expect.poll(() => counts.length).toBe(before + 1);
    }), { numRuns: 30 });
  });
});
