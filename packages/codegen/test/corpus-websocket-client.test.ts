/**
 * A published WebSocket document written from the client's side (test/corpus/spec/social-media/
 * frontend: the website's client, which sends likes and receives like counts). AsyncAPI 3 writes
 * each `action` from the point of view of the application the document describes, so the
 * frontend's `send` operation is what the server receives. Its title names a client, so it is read
 * as a client's document (a warning at the title says so, and how to say it for sure): the
 * generated client sends what the document's `send` operation declares, over the document's own
 * arbitraries, and the generated server's handler receives it as sent; what the server publishes
 * for the document's `receive` operation reaches the client. `--role server` reads it the old way.
 */
import type { Server as HttpServer } from 'node:http';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type Diagnostic } from '../src/index.js';
import { serveOnLoopback, type Served } from './channel-harness.js';
import { OUT, parse, sourceLoader, TEST_DIR, writePackage } from './helpers.js';

type Like = Readonly<Record<string, unknown>>;
type Count = { readonly commentId?: string; readonly likeCount?: number };
interface Socket {
  send(operation: 'sendLikeComment', message: Like): void;
  on(message: 'updateCommentLikes', handler: (payload: Count) => void): () => void;
  close(): void;
}
interface Published {
  attach(server: HttpServer): void;
  publish(operation: 'receiveUpdateCommentLiked', message: Count): number;
  close(): Promise<void>;
}

const SPEC = path.join(TEST_DIR, 'corpus/spec/social-media/frontend/asyncapi.yaml');
let served: Served;
let server: Published;
let likes: fc.Arbitrary<Like>;
let origin: string;
let connect: (channel: string, params: object, options: object) => Promise<Socket>;
let diagnostics: readonly Diagnostic[];
let readme: string;
const received: Like[] = [];

beforeAll(async () => {
  const out = path.join(OUT, 'corpus-websocket-client');
  await mkdir(out, { recursive: true });
  const run = await runPipeline(SPEC, { reuse: false });
  diagnostics = [...run.loadDiagnostics, ...run.result.diagnostics];
  readme = run.result.files.find((f) => f.path === 'README.md')?.content ?? '';
  await writePackage(out, run.result.files);
  const load = sourceLoader(out);
  const { createServer } = await load<{ createServer(handlers: object): Published }>('server.ts');
  ({ connect } = await load<{ connect: typeof connect }>('client.ts'));
  likes = (await load<{ arbitraries: { LikeCommentPayload: fc.Arbitrary<Like> } }>('arbitraries.ts')).arbitraries.LikeCommentPayload;
  server = createServer({
    sendLikeComment: (like: Like) => {
      received.push(like);
      server.publish('receiveUpdateCommentLiked', { ...(typeof like['commentId'] === 'string' ? { commentId: like['commentId'] } : {}), likeCount: received.length });
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

describe('social-media/frontend, a client\'s document, over its generated server and client', () => {
  it('is read as a client\'s, which a warning at its title and the README say', () => {
    expect(diagnostics.filter((d) => d.rule === 'switchboard/document-role').map((d) => [d.severity, d.line, d.column, d.message])).toEqual([[
      'warning', 3, 3,
      'the document is read as a client\'s, as its title, "Website WebSocket Client", names a client: its send operations are what the generated client sends and the server receives, its receive operations what the server sends; write x-switchboard-role: client (or server) in the info object to say so',
    ]]);
    expect(readme).toContain('The document is read as a client\'s, as its title, "Website WebSocket Client", names a client: its send operations are what the generated client sends and the server receives');
  });

  it('the client sends what the document\'s send operation declares, and the server\'s handler receives it as sent; the counts it publishes come back', async () => {
    const [liker, watcher] = await Promise.all([open('likeComment'), open('updateCommentLike')]);
    const counts: Count[] = [];
    watcher.on('updateCommentLikes', (c) => counts.push(c));
    await fc.assert(fc.asyncProperty(likes, async (like) => {
      const before = received.length;
      liker.send('sendLikeComment', like);
      await expect.poll(() => counts.length).toBe(before + 1);
      expect(received.at(-1)).toEqual(JSON.parse(JSON.stringify(like)));
      expect(counts.at(-1)?.likeCount).toBe(before + 1);
    }), { numRuns: 40 });
  });

  it('with --role server it is read as the server\'s: the handler is the document\'s receive operation', async () => {
    const run = await runPipeline(SPEC, { reuse: false, role: 'server' });
    const handlers = parse(run.result.files, 'src/server.ts').getInterfaceOrThrow('Handlers').getMethods().map((m) => m.getName());
    expect(handlers).toEqual(['receiveUpdateCommentLiked']);
    expect([...run.loadDiagnostics, ...run.result.diagnostics].filter((d) => d.rule === 'switchboard/document-role')).toEqual([]);
  }, 60_000);
});
