/**
 * The corpus's social-media documents (a backend and its website's client: likes go in on one
 * channel, like counts come out on another), generated and served on loopback, with the property
 * both are held to: every like the generated client sends reaches the handler as sent, and the
 * count the handler publishes reaches a client of the other channel.
 */
import type { Server as HttpServer } from 'node:http';
import { mkdir } from 'node:fs/promises';
import fc from 'fast-check';
import { WebSocket } from 'ws';
import { expect } from 'vitest';
import { runPipeline } from '../src/index.js';
import { serveOnLoopback, type Served } from './channel-harness.js';
import { sourceLoader, writePackage } from './helpers.js';

export type Like = Readonly<Record<string, unknown>>;
export type Count = { readonly commentId?: string; readonly likeCount?: number };

export interface LikeSocket {
  send(operation: string, message: Like): void;
  on(message: 'updateCommentLikes', handler: (payload: Count) => void): () => void;
  close(): void;
}

interface Published {
  attach(server: HttpServer): void;
  publish(operation: string, message: Count): number;
  close(): Promise<void>;
}

export interface LikesService {
  readonly run: Awaited<ReturnType<typeof runPipeline>>;
  /** The generated package's modules, loaded from where it was written. */
  readonly load: <T>(file: string) => Promise<T>;
  /** Every like the handler received, in order. */
  readonly received: Like[];
  readonly origin: string;
  open(channel: string): Promise<LikeSocket>;
  stop(): Promise<void>;
}

/**
 * Generates `spec` into `out` and serves it: the handler of the `receive` operation records each
 * like and publishes, through `publish`, the count so far for the like's comment.
 */
export async function serveLikes(spec: string, out: string, operations: { readonly receive: string; readonly publish: string }): Promise<LikesService> {
  await mkdir(out, { recursive: true });
  const run = await runPipeline(spec, { reuse: false });
  await writePackage(out, run.result.files);
  const load = sourceLoader(out);
  const { createServer } = await load<{ createServer(handlers: object): Published }>('server.ts');
  const { connect } = await load<{ connect(channel: string, params: object, options: object): Promise<LikeSocket> }>('client.ts');
  const received: Like[] = [];
  const server: Published = createServer({
    [operations.receive]: (like: Like) => {
      received.push(like);
      server.publish(operations.publish, { ...(typeof like['commentId'] === 'string' ? { commentId: like['commentId'] } : {}), likeCount: received.length });
    },
  });
  const served: Served = await serveOnLoopback(server);
  return {
    run,
    load,
    received,
    origin: served.origin,
    async open(channel) {
      const socket = await connect(channel, {}, { url: `${served.origin}/ws`, WebSocket });
      served.track(socket);
      return socket;
    },
    stop: () => served.stop(),
  };
}

/** Over `likes`: each one `liker` sends reaches the handler as sent, and its count reaches `counts`. */
export async function assertLikesComeBack(service: LikesService, liker: LikeSocket, send: string, counts: readonly Count[], likes: fc.Arbitrary<Like>): Promise<void> {
  await fc.assert(fc.asyncProperty(likes, async (like) => {
    const before = service.received.length;
    liker.send(send, like);
    await expect.poll(() => counts.length).toBe(before + 1);
    expect(service.received.at(-1)).toEqual(JSON.parse(JSON.stringify(like)));
    expect(counts.at(-1)?.likeCount).toBe(before + 1);
  }), { numRuns: 40 });
}
