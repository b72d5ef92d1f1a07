/**
 * The runtime answers some messages itself and reads and writes their fields by name; the
 * generated server checks at compile time that the spec's messages still carry those fields.
 * Each case edits one built-in message of asyncapi.yaml, regenerates the server side, and wants
 * `tsc` to fail naming the message; the spec as it is compiles (every `npm test` builds it).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFiles, load, writeOutput } from '../src/index.js';
import { emittersByName } from '../src/emitters.js';
import { tscStrict } from './arbitraries-support.js';
import { OUT, TEST_DIR } from './helpers.js';

const SPEC = path.resolve(TEST_DIR, '../../../asyncapi.yaml');

/** Replaces the first `from` after the line `anchor` (a schema's name) with `to`. */
function editAfter(text: string, anchor: string, from: string, to: string): string {
  const at = text.indexOf(`\n    ${anchor}:\n`);
  if (at < 0) throw new Error(`no schema ${anchor} in the spec`);
  const where = text.indexOf(from, at);
  if (where < 0) throw new Error(`no "${from}" after ${anchor}`);
  return text.slice(0, where) + to + text.slice(where + from.length);
}

async function compileEdited(dir: string, edit: (spec: string) => string): Promise<{ code: number; out: string }> {
  const out = path.join(OUT, dir);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const spec = path.join(out, 'asyncapi.yaml');
  await writeFile(spec, edit(await readFile(SPEC, 'utf8')));
  const { model } = await load(spec);
  const { files } = await generateFiles(model, spec, { emitters: emittersByName(['types', 'messages', 'validators', 'server']) });
  await writeOutput(out, files);
  await writeFile(path.join(out, 'package.json'), JSON.stringify({ type: 'module', private: true }) + '\n');
  return tscStrict(out);
}

const MISMATCH = 'built-in messages that do not match the runtime';

describe('built-in messages are checked against the runtime at compile time', () => {
  it('a renamed field of a request a built-in reads (room.join room_id) fails to compile', async () => {
    const result = await compileEdited('builtins-request', (spec) =>
      editAfter(editAfter(spec, 'RoomJoinData', 'required: [room_id]', 'required: [roomId]'), 'RoomJoinData', 'room_id:', 'roomId:'),
    );
    expect(result.code).not.toBe(0);
    expect(result.out).toContain(MISMATCH);
    expect(result.out).toContain('"room.join"');
  });

  it('a renamed field of a reply the runtime writes (room.joined member_count) fails to compile', async () => {
    const result = await compileEdited('builtins-reply', (spec) =>
      editAfter(editAfter(spec, 'RoomJoinedData', 'member_count,', 'members_total,'), 'RoomJoinedData', 'member_count:', 'members_total:'),
    );
    expect(result.code).not.toBe(0);
    expect(result.out).toContain(MISMATCH);
    expect(result.out).toContain('"room.joined"');
  });

  it('an error code the runtime sends, removed from ErrorCode, fails to compile', async () => {
    const result = await compileEdited('builtins-error-code', (spec) => editAfter(spec, 'ErrorCode', '        - NOT_IN_ROOM\n', ''));
    expect(result.code).not.toBe(0);
    expect(result.out).toContain(MISMATCH);
    expect(result.out).toContain('"error"');
  });
});
