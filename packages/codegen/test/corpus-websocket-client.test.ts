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
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type Diagnostic } from '../src/index.js';
import { OUT, parse, TEST_DIR } from './helpers.js';
import { assertLikesComeBack, serveLikes, type Count, type Like, type LikesService } from './likes-harness.js';

const SPEC = path.join(TEST_DIR, 'corpus/spec/social-media/frontend/asyncapi.yaml');
let service: LikesService;
let likes: fc.Arbitrary<Like>;
let diagnostics: readonly Diagnostic[];
let readme: string;

beforeAll(async () => {
  service = await serveLikes(SPEC, path.join(OUT, 'corpus-websocket-client'), { receive: 'sendLikeComment', publish: 'receiveUpdateCommentLiked' });
  diagnostics = [...service.run.loadDiagnostics, ...service.run.result.diagnostics];
  readme = service.run.result.files.find((f) => f.path === 'README.md')?.content ?? '';
  likes = (await service.load<{ arbitraries: { LikeCommentPayload: typeof likes } }>('arbitraries.ts')).arbitraries.LikeCommentPayload;
}, 120_000);

afterAll(async () => {
  await service?.stop();
});

describe('social-media/frontend, a client\'s document, over its generated server and client', () => {
  it('is read as a client\'s, which a warning at its title and the README say', () => {
    expect(diagnostics.filter((d) => d.rule === 'switchboard/document-role').map((d) => [d.severity, d.line, d.column, d.message])).toEqual([[
      'warning', 3, 3,
      'the document is read as a client\'s, as its title, "Website WebSocket Client", names a client: its send operations are what the generated client sends and the server receives, its receive operations what the server sends; write x-switchboard-role: client (or server) in the info object to say so',
    ]]);
    expect(readme).toContain('The document is read as a client\'s, as its title, "Website WebSocket Client", names a client: its send operations are what the generated client sends and the server receives');
  });

  it('the client sends what the document\'s send operation declares, and the server\'s handler receives it as sent; the counts it publishes come back', async () => {
    const [liker, watcher] = await Promise.all([service.open('likeComment'), service.open('updateCommentLike')]);
    const counts: Count[] = [];
    watcher.on('updateCommentLikes', (c) => counts.push(c));
    await assertLikesComeBack(service, liker, 'sendLikeComment', counts, likes);
  });

  it('with --role server it is read as the server\'s: the handler is the document\'s receive operation', async () => {
    const run = await runPipeline(SPEC, { reuse: false, role: 'server' });
    const handlers = parse(run.result.files, 'src/server.ts').getInterfaceOrThrow('Handlers').getMethods().map((m) => m.getName());
    expect(handlers).toEqual(['receiveUpdateCommentLiked']);
    expect([...run.loadDiagnostics, ...run.result.diagnostics].filter((d) => d.rule === 'switchboard/document-role')).toEqual([]);
  }, 60_000);
});
