/**
 * The generated validators of the chat fixture, run for real: given an input, want this result.
 * Each bound is checked at its limit (valid) and one past it (invalid).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFixture } from './helpers.js';

interface Result { ok: boolean; value?: unknown; error?: { code: string; pointer: string; keyword: string } }
type Validate = (input: unknown) => Result;
let api: Record<string, Validate>;

beforeAll(async () => {
  const out = await writeFixture('chat.yaml', 'validate');
  api = (await import(pathToFileURL(path.join(out, 'src/index.ts')).href)) as Record<string, Validate>;
});

const say = (data: unknown, extra: Record<string, unknown> = {}) => ({ type: 'say', id: 'm1', data, ...extra });
const emoji = '\u{1F600}';

function outcome(r: Result): string {
  return r.ok ? 'ok' : `${r.error?.code} ${r.error?.keyword} ${JSON.stringify(r.error?.pointer)}`;
}

describe('validateClientMessage (chat fixture)', () => {
  it.each([
    ['the example', say({ room: 'lobby', text: 'hello' }), 'ok'],
    ['text at maxLength 10', say({ room: 'lobby', text: 'x'.repeat(10) }), 'ok'],
    ['text at maxLength + 1', say({ room: 'lobby', text: 'x'.repeat(11) }), 'INVALID_MESSAGE maxLength "/data/text"'],
    ['10 emoji count as 10 characters', say({ room: 'lobby', text: emoji.repeat(10) }), 'ok'],
    ['11 emoji are too many', say({ room: 'lobby', text: emoji.repeat(11) }), 'INVALID_MESSAGE maxLength "/data/text"'],
    ['text at minLength 1', say({ room: 'lobby', text: 'x' }), 'ok'],
    ['empty text', say({ room: 'lobby', text: '' }), 'INVALID_MESSAGE minLength "/data/text"'],
    ['tags at maxItems 2', say({ room: 'lobby', text: 'x', tags: ['a', 'b'] }), 'ok'],
    ['tags at maxItems + 1', say({ room: 'lobby', text: 'x', tags: ['a', 'b', 'c'] }), 'INVALID_MESSAGE maxItems "/data/tags"'],
    ['duplicate tags', say({ room: 'lobby', text: 'x', tags: ['a', 'a'] }), 'INVALID_MESSAGE uniqueItems "/data/tags"'],
    ['room against its pattern', say({ room: 'Lobby!', text: 'x' }), 'INVALID_MESSAGE pattern "/data/room"'],
    ['room of the wrong type', say({ room: 7, text: 'x' }), 'INVALID_MESSAGE type "/data/room"'],
    ['missing text', say({ room: 'lobby' }), 'INVALID_MESSAGE required "/data/text"'],
    ['extra property in data', say({ room: 'lobby', text: 'x', admin: true }), 'INVALID_MESSAGE additionalProperties "/data/admin"'],
    ['extra property in the envelope', say({ room: 'lobby', text: 'x' }, { user_id: 'root' }), 'INVALID_MESSAGE additionalProperties "/user_id"'],
    ['a key needing pointer escapes', say({ room: 'lobby', text: 'x', 'a/b~c': 1 }), 'INVALID_MESSAGE additionalProperties "/data/a~1b~0c"'],
    ['nudge with empty data', { type: 'nudge', data: {} }, 'ok'],
    ['nudge with a field in its empty data', { type: 'nudge', data: { x: 1 } }, 'INVALID_MESSAGE additionalProperties "/data/x"'],
    ['a server message sent by a client', { type: 'said', id: 'm2', correlation_id: 'm1', data: { seq: 1 } }, 'INVALID_MESSAGE_TYPE enum "/type"'],
    ['an unknown type', { type: 'shout', data: {} }, 'INVALID_MESSAGE_TYPE enum "/type"'],
    ['no type', { data: {} }, 'INVALID_MESSAGE required "/type"'],
    ['a type that is not a string', { type: 42, data: {} }, 'INVALID_MESSAGE type "/type"'],
    ['an inherited type does not count', Object.create({ type: 'say' }) as unknown, 'INVALID_MESSAGE required "/type"'],
    ['null', null, 'INVALID_MESSAGE type ""'],
    ['an array', [say({ room: 'lobby', text: 'x' })], 'INVALID_MESSAGE type ""'],
    ['a string', 'say', 'INVALID_MESSAGE type ""'],
  ])('%s -> %s', (_name, input, want) => {
    expect(outcome(api['validateClientMessage']!(input))).toBe(want);
  });

  it('rejects a "__proto__" key from JSON.parse as an extra property and pollutes nothing', () => {
    const input: unknown = JSON.parse('{"type":"say","id":"m1","data":{"room":"lobby","text":"x"},"__proto__":{"polluted":true}}');
    expect(outcome(api['validateClientMessage']!(input))).toBe('INVALID_MESSAGE additionalProperties "/__proto__"');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('returns the very input object as the typed value', () => {
    const input = say({ room: 'lobby', text: 'hi' });
    expect(api['validateClientMessage']!(input)).toEqual({ ok: true, value: input });
    expect(api['validateClientMessage']!(input).value).toBe(input);
  });
});

describe('validateServerMessage (chat fixture)', () => {
  it.each([
    ['the said example', { type: 'said', id: 'm2', correlation_id: 'm1', data: { seq: 1 } }, 'ok'],
    ['seq at maximum 100', { type: 'said', id: 'm2', correlation_id: 'm1', data: { seq: 100 } }, 'ok'],
    ['seq at maximum + 1', { type: 'said', id: 'm2', correlation_id: 'm1', data: { seq: 101 } }, 'INVALID_MESSAGE maximum "/data/seq"'],
    ['seq at minimum 0', { type: 'said', id: 'm2', correlation_id: 'm1', data: { seq: 0 } }, 'ok'],
    ['seq at minimum - 1', { type: 'said', id: 'm2', correlation_id: 'm1', data: { seq: -1 } }, 'INVALID_MESSAGE minimum "/data/seq"'],
    ['a fractional seq', { type: 'said', id: 'm2', correlation_id: 'm1', data: { seq: 1.5 } }, 'INVALID_MESSAGE type "/data/seq"'],
    ['a notice with a bad level', { type: 'notice', id: 'm3', data: { level: 'loud', text: 'x' } }, 'INVALID_MESSAGE enum "/data/level"'],
    ['a notice with a date-time', { type: 'notice', id: 'm3', data: { level: 'info', text: 'x', at: '2025-01-08T10:30:00Z' } }, 'ok'],
    ['a notice with a bad date-time', { type: 'notice', id: 'm3', data: { level: 'info', text: 'x', at: 'yesterday' } }, 'INVALID_MESSAGE format "/data/at"'],
    ['a client message sent by the server', { type: 'say', id: 'm1', data: { room: 'lobby', text: 'x' } }, 'INVALID_MESSAGE_TYPE enum "/type"'],
  ])('%s -> %s', (_name, input, want) => {
    expect(outcome(api['validateServerMessage']!(input))).toBe(want);
  });

  it('validates a message without a type const through its own validator only', () => {
    expect(outcome(api['validateRaw']!({ body: 'abcde' }))).toBe('ok');
    expect(outcome(api['validateRaw']!({ body: 'abcdef' }))).toBe('INVALID_MESSAGE maxLength "/body"');
  });
});
