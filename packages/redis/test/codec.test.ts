import type { Broadcast, HistoryEntry, QueuedMessage } from '@switchboard/runtime/broker';
import { describe, expect, it } from 'vitest';
import {
  decodeBusMessage,
  decodeHistoryMember,
  decodeMember,
  decodeQueuedMessage,
  encodeBusMessage,
  encodeMember,
  encodeQueuedMessage,
} from '../src/codec.js';

const base: Broadcast = { targets: [{ kind: 'all' }], except: [], type: 'chat.message', id: 'm1', frame: '{}', volatile: false };

describe('bus message codec', () => {
  const cases: readonly { readonly name: string; readonly origin: string; readonly given: Broadcast }[] = [
    { name: 'a plain frame', origin: 'node-1', given: base },
    { name: 'escaped newlines in the frame JSON', origin: 'n', given: { ...base, frame: '{"text":"line 1\\nline 2\\r\\n"}' } },
    { name: 'quotes and backslashes', origin: 'n', given: { ...base, frame: '{"text":"she said \\"hi\\" \\\\o/"}' } },
    { name: "':' in frame and ids", origin: 'node:1', given: { ...base, id: 'a:b', frame: '{"url":"https://x:1/a:b"}' } },
    { name: 'unicode', origin: 'nœud', given: { ...base, type: 'chat.méssage', frame: '{"text":"ü 🚀 中文 \\u2028"}' } },
    { name: 'a raw newline in the frame (not JSON, still kept)', origin: 'n', given: { ...base, frame: 'one\ntwo\n' } },
    { name: 'an empty frame', origin: 'n', given: { ...base, frame: '' } },
    {
      name: 'every target kind, except and volatile',
      origin: 'n',
      given: {
        ...base,
        targets: [
          { kind: 'connection', connectionId: 'c"1' },
          { kind: 'user', userId: 'u\n1' },
          { kind: 'room', room: 'r:1' },
          { kind: 'subscribers', event: 'e' },
          { kind: 'all' },
        ],
        except: ['c2', 'c\n3'],
        volatile: true,
      },
    },
    { name: 'users left out', origin: 'n', given: { ...base, exceptUsers: ['u1', 'u"2'] } },
  ];
  for (const { name, origin, given } of cases) {
    it(`round-trips ${name}`, () => {
      const encoded = encodeBusMessage(origin, given);
      expect(encoded.endsWith(`\n${given.frame}`)).toBe(true); // the frame is carried as is, not re-escaped
      expect(decodeBusMessage(encoded)).toEqual({ origin, broadcast: given });
    });
  }

  const header = { origin: 'o', targets: [{ kind: 'all' }], except: [], type: 't', id: 'i', volatile: false };
  const malformed: readonly { readonly given: string; readonly want: string }[] = [
    { given: 'no newline', want: 'malformed message on the bus: no header line' },
    { given: 'not json\n{}', want: 'malformed message on the bus: the header is not JSON' },
    { given: '[]\n{}', want: 'malformed message on the bus: the header is not an object' },
    { given: 'null\n{}', want: 'malformed message on the bus: the header is not an object' },
    { given: `${JSON.stringify({ ...header, origin: 1 })}\n{}`, want: 'malformed message on the bus: bad header field "origin"' },
    { given: `${JSON.stringify({ ...header, targets: {} })}\n{}`, want: 'malformed message on the bus: bad header field "targets"' },
    { given: `${JSON.stringify({ ...header, targets: [{ kind: 'user' }] })}\n{}`, want: 'malformed message on the bus: bad header field "targets"' },
    { given: `${JSON.stringify({ ...header, targets: [null] })}\n{}`, want: 'malformed message on the bus: bad header field "targets"' },
    { given: `${JSON.stringify({ ...header, except: [1] })}\n{}`, want: 'malformed message on the bus: bad header field "except"' },
    { given: `${JSON.stringify({ ...header, type: undefined })}\n{}`, want: 'malformed message on the bus: bad header field "type"' },
    { given: `${JSON.stringify({ ...header, id: null })}\n{}`, want: 'malformed message on the bus: bad header field "id"' },
    { given: `${JSON.stringify({ ...header, volatile: 'no' })}\n{}`, want: 'malformed message on the bus: bad header field "volatile"' },
    { given: `${JSON.stringify({ ...header, exceptUsers: 'u1' })}\n{}`, want: 'malformed message on the bus: bad header field "exceptUsers"' },
    { given: `${JSON.stringify({ ...header, exceptUsers: [1] })}\n{}`, want: 'malformed message on the bus: bad header field "exceptUsers"' },
  ];
  for (const { given, want } of malformed) {
    it(`rejects ${JSON.stringify(given)}`, () => {
      expect(() => decodeBusMessage(given)).toThrow(new Error(want));
    });
  }
});

describe('stored value codecs', () => {
  const entries: readonly HistoryEntry[] = [
    { seq: 1, frame: '{"a":"b:c"}' },
    { seq: 12, frame: '' },
    { seq: 3, frame: '1:2:3\n"ü"' },
  ];
  for (const entry of entries) {
    it(`reads history entry ${JSON.stringify(entry)} as the script writes it (seq, ':', frame)`, () => {
      expect(decodeHistoryMember(`${entry.seq}:${entry.frame}`)).toEqual(entry);
    });
  }

  const messages: readonly QueuedMessage[] = [
    { id: 'q1', frame: '{"id":"q1"}' },
    { id: 'line\nbreak', frame: 'f\nf' },
    { id: '"quoted":\\', frame: '' },
    { id: '', frame: '🚀' },
  ];
  for (const message of messages) {
    it(`round-trips queued message ${JSON.stringify(message)}`, () => {
      const encoded = encodeQueuedMessage(message);
      expect(encoded.endsWith(`\n${message.frame}`)).toBe(true);
      expect(decodeQueuedMessage(encoded)).toEqual(message);
    });
  }

  it('round-trips a room member without the instance it is stored with', () => {
    const member = { userId: 'u', username: 'Ann "A" :)', connectionId: 'c\n1', joinedAt: '2026-01-01T00:00:00.000Z' };
    const stored = encodeMember(member, 'instance-1');
    expect(JSON.parse(stored)).toMatchObject({ instance: 'instance-1' });
    expect(decodeMember(stored)).toEqual(member);
  });

  const corrupt: readonly { readonly decode: (value: string) => unknown; readonly given: string; readonly want: string }[] = [
    { decode: decodeHistoryMember, given: 'no-seq', want: 'malformed history entry: no seq before ":"' },
    { decode: decodeHistoryMember, given: ':frame', want: 'malformed history entry: no seq before ":"' },
    { decode: decodeQueuedMessage, given: 'no newline', want: 'malformed queued message: no id line' },
    { decode: decodeQueuedMessage, given: 'q1\nframe', want: 'malformed queued message: the id is not JSON' },
    { decode: decodeQueuedMessage, given: '1\nframe', want: 'malformed queued message: the id is not a string' },
    { decode: decodeMember, given: '{', want: 'malformed room member: not JSON' },
    { decode: decodeMember, given: '"text"', want: 'malformed room member: not an object' },
    { decode: decodeMember, given: '{"userId":"u","username":"n","connectionId":"c"}', want: 'malformed room member: bad field "joinedAt"' },
  ];
  for (const { decode, given, want } of corrupt) {
    it(`rejects stored ${JSON.stringify(given)}: ${want}`, () => {
      expect(() => decode(given)).toThrow(new Error(want));
    });
  }
});
