import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Project, type SourceFile } from 'ts-morph';
import { generateFiles, load, writeOutput, type GeneratedFile, type Model } from '../src/index.js';

export const TEST_DIR = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.join(TEST_DIR, 'fixtures');
/** Scratch output inside the repo, so generated code resolves the workspace's node_modules. */
export const OUT = path.join(TEST_DIR, '.out');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export async function generateFixture(name: string): Promise<{ model: Model; files: readonly GeneratedFile[] }> {
  const spec = fixture(name);
  const { model } = await load(spec);
  const { files, diagnostics } = await generateFiles(model, spec);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join('\n'));
  return { model, files };
}

/** Generates a fixture into `test/.out/<dir>` and returns the directory. */
export async function writeFixture(name: string, dir: string): Promise<string> {
  const out = path.join(OUT, dir);
  await rm(out, { recursive: true, force: true });
  const { files } = await generateFixture(name);
  await writePackage(out, files);
  return out;
}

/** Writes generated files to `out` as an ES module package that tests can import from. */
export async function writePackage(out: string, files: readonly GeneratedFile[]): Promise<void> {
  await writeOutput(out, files);
  await writeFile(path.join(out, 'package.json'), JSON.stringify({ type: 'module', private: true }) + '\n');
}

/** Imports a module of the generated package in `out` by its file name under `src/`. */
export function sourceLoader(out: string): <T>(file: string) => Promise<T> {
  return async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(out, 'src', file)).href)) as T;
}

/** A spec written to a scratch file, for table-driven load tests. */
export async function specFile(name: string, text: string): Promise<string> {
  const dir = path.join(OUT, 'specs');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

/** Parses generated TypeScript so tests can pick out one declaration and compare its exact text. */
export function parse(files: readonly GeneratedFile[], filePath: string): SourceFile {
  const file = files.find((f) => f.path === filePath);
  if (!file) throw new Error(`no generated file ${filePath}`);
  return new Project({ useInMemoryFileSystem: true }).createSourceFile(path.basename(filePath), file.content);
}

/** The exact source text of the named declaration(s) (a type and a const may share a name), with their JSDoc. */
export function declaration(file: SourceFile, name: string): string {
  const nodes = [
    ...file.getInterfaces().filter((d) => d.getName() === name),
    ...file.getTypeAliases().filter((d) => d.getName() === name),
    ...file.getVariableStatements().filter((s) => s.getDeclarations().some((d) => d.getName() === name)),
    ...file.getFunctions().filter((d) => d.getName() === name),
  ];
  if (nodes.length === 0) throw new Error(`no declaration ${name} in ${file.getBaseName()}`);
  return nodes.map((n) => n.getText(true)).join('\n\n');
}

/** A minimal valid AsyncAPI 3.0.0 document around the given components, channel messages and operations (YAML). */
export function miniSpec(parts: { messages: string; schemas: string; operations: string; channelMessages: string }): string {
  return `asyncapi: 3.0.0
info:
  title: Mini
  version: 1.0.0
  description: A test spec.
channels:
  ws:
    address: /ws
    messages:
${indent(parts.channelMessages, 6)}
operations:
${indent(parts.operations, 2)}
components:
  messages:
${indent(parts.messages, 4)}
  schemas:
${indent(parts.schemas, 4)}
`;
}

function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return text.trim().split('\n').map((l) => pad + l).join('\n');
}

/** A spec whose one message has a property with no schema at all, which TypeScript could only type `any`. */
/** A spec whose only finding of ours is a warning: a string format no validator knows. */
export function formatSpec(): string {
  return miniSpec({
    channelMessages: `say:\n  $ref: '#/components/messages/say'`,
    operations: `say:\n  action: receive\n  channel:\n    $ref: '#/channels/ws'\n  messages:\n    - $ref: '#/channels/ws/messages/say'`,
    messages: `say:\n  payload:\n    $ref: '#/components/schemas/SayEnvelope'`,
    schemas: `SayEnvelope:\n  type: object\n  additionalProperties: false\n  required: [type]\n  properties:\n    type: { type: string, const: say }\n    link:\n      type: string\n      format: x-link`,
  });
}

export function anySpec(): string {
  return miniSpec({
    channelMessages: `say:\n  $ref: '#/components/messages/say'`,
    operations: `say:\n  action: receive\n  channel:\n    $ref: '#/channels/ws'\n  messages:\n    - $ref: '#/channels/ws/messages/say'`,
    messages: `say:\n  payload:\n    $ref: '#/components/schemas/SayEnvelope'`,
    schemas: `SayEnvelope:\n  type: object\n  additionalProperties: false\n  required: [type]\n  properties:\n    type: { type: string, const: say }\n    blob: {}`,
  });
}
