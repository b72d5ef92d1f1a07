/**
 * The fixtures corpus: specs of other shapes than ours (3.0 and 3.1, several channels with
 * parameters, oneOf/anyOf payloads, multi-file $refs, reserved names, Kafka, MQTT, HTTP
 * streaming). Each must generate without errors and its output must pass `tsc --noEmit --strict`.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateFiles, load, writeOutput, type Diagnostic, type Model } from '../src/index.js';
import { OUT, TEST_DIR, fixture } from './helpers.js';

const run = promisify(execFile);
const ROOT = path.resolve(TEST_DIR, '../../..');
const CORPUS = path.join(OUT, 'fixtures');

interface Case {
  readonly spec: string;
  readonly asyncapi: string;
  readonly client: readonly string[];
  readonly server: readonly string[];
  /** Rules of the warnings the spec is expected to raise. */
  readonly warnings: readonly string[];
}

// Why the server and client emitters skip a spec: none of these is a Switchboard protocol over
// WebSocket (server-client.test.ts has the messages).
const NOT_WEBSOCKET = 'switchboard/non-websocket-server';
const UNROUTABLE = 'switchboard/unroutable-message';
const NOT_ENVELOPE = 'switchboard/not-an-envelope';

const CASES: readonly Case[] = [
  { spec: 'chat.yaml', asyncapi: '3.0.0', client: ['say', 'nudge'], server: ['said', 'notice'], warnings: ['switchboard/message-without-type-const', UNROUTABLE, NOT_ENVELOPE] },
  // A ws server: not our envelope, served on the channel runtime instead (a note, not a warning).
  { spec: 'channels-params.yaml', asyncapi: '3.1.0', client: ['post'], server: ['posted', 'notify'], warnings: [] },
  { spec: 'unions.yaml', asyncapi: '3.0.0', client: ['draw'], server: [], warnings: ['switchboard/message-without-type-const', UNROUTABLE, NOT_ENVELOPE] },
  { spec: 'multi-file/asyncapi.yaml', asyncapi: '3.0.0', client: ['order.place'], server: ['order.placed'], warnings: [NOT_ENVELOPE] },
  { spec: 'reserved-names.yaml', asyncapi: '3.0.0', client: ['delete'], server: ['error', 'class'], warnings: [NOT_ENVELOPE] },
  { spec: 'kafka.yaml', asyncapi: '3.0.0', client: [], server: [], warnings: [] },
  { spec: 'mqtt.yaml', asyncapi: '3.1.0', client: [], server: [], warnings: [] },
  { spec: 'http-streaming.yaml', asyncapi: '3.0.0', client: [], server: ['tick'], warnings: ['switchboard/message-without-type-const', NOT_WEBSOCKET] },
];

const loaded = new Map<string, { model: Model; diagnostics: readonly Diagnostic[] }>();

beforeAll(async () => {
  await rm(CORPUS, { recursive: true, force: true });
  await mkdir(CORPUS, { recursive: true });
  await writeFile(path.join(CORPUS, 'package.json'), '{"type":"module","private":true}\n');
  for (const c of CASES) {
    const spec = fixture(c.spec);
    const { model, diagnostics } = await load(spec);
    const result = await generateFiles(model, spec);
    loaded.set(c.spec, { model, diagnostics: [...diagnostics, ...result.diagnostics] });
    await writeOutput(path.join(CORPUS, c.spec.replace(/\W+/g, '-')), result.files);
  }
}, 120_000);

describe('fixtures corpus', () => {
  it.each(CASES)('$spec: AsyncAPI $asyncapi, client $client, server $server', (c) => {
    const { model, diagnostics } = loaded.get(c.spec) ?? { model: null, diagnostics: [] };
    expect(model?.asyncapi).toBe(c.asyncapi);
    const types = (dir: 'fromClient' | 'fromServer') =>
      (model?.messages ?? []).filter((m) => m.directions[dir] && m.type !== null).map((m) => m.type);
    expect({ client: types('fromClient'), server: types('fromServer') }).toEqual({ client: c.client, server: c.server });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.filter((d) => d.severity === 'warning').map((d) => d.rule)).toEqual(c.warnings);
  });

  it('every output passes tsc --noEmit --strict', async () => {
    await writeFile(path.join(CORPUS, 'tsconfig.json'), JSON.stringify({
      extends: path.join(ROOT, 'tsconfig.base.json'),
      compilerOptions: { noEmit: true, strict: true, customConditions: [] },
      include: ['*/src/**/*.ts'],
    }));
    const r = await run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', CORPUS]).then(
      (x) => ({ code: 0, out: x.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    expect(r).toEqual({ code: 0, out: '' });
  });

  it('gives every schema, even one modelina inlines, a type of its own name', async () => {
    const { files } = await generateFiles(loaded.get('unions.yaml')!.model, fixture('unions.yaml'));
    const types = files.find((f) => f.path === 'src/types.ts')?.content ?? '';
    expect(types.split('\n').filter((l) => l.startsWith('export type '))).toEqual([
      'export type Shape = Circle | Square;',
      'export type Label = string | null;',
      'export type TreePayload = Leaf | Branch;',
    ]);
  });

  it('names nothing after a reserved word or a global', async () => {
    const { files } = await generateFiles(loaded.get('reserved-names.yaml')!.model, fixture('reserved-names.yaml'));
    // The names that come from the spec; arbitraries.ts exports fixed names (arbitraries, clientMessage, ...).
    const text = files.filter((f) => f.path.endsWith('.ts') && f.path !== 'src/arbitraries.ts').map((f) => f.content).join('\n');
    // Files in path order: messages.ts, operations.ts, types.ts, validators.ts, validators/compiled.ts.
    expect(text.match(/^export (?:interface|type|const|function) \w+/gm)).toEqual([
      'export type ClientMessage', 'export interface ClientMessageMap', 'export type ClientMessageType', 'export const CLIENT_MESSAGE_TYPES',
      'export type ServerMessage', 'export interface ServerMessageMap', 'export type ServerMessageType', 'export const SERVER_MESSAGE_TYPES',
      'export interface ReplyMap', 'export type RequestType', 'export const REPLY_TYPES',
      'export type Api', 'export interface OperationHandlers', 'export type Received', 'export function dispatch',
      'export interface Delete', 'export interface ErrorSchema', 'export type PromiseSchema', 'export const PromiseSchema',
      'export interface EventSchema', 'export interface MapSchema',
      'export function validateDelete', 'export function validateError', 'export function validateClass',
      'export function validateClientMessage', 'export function validateServerMessage',
      'export const delete_', 'export const error', 'export const class_',
    ]);
  });
});
