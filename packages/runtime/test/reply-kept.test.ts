import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encode, keptOfReply, replyFromKept } from '../src/server/outbound.js';

/** Texts that look like the parts `keptOfReply` cuts at: keys, quotes, escapes, newlines. */
const tricky = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('data', ',"data":', '","data":{"a":1}}', '\\', '\\"', '\n', 'pending:x', '"'),
);
/** JSON values as `JSON.stringify` gives them back (no -0, no undefined), with tricky strings inside. */
const data = fc.oneof(
  fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown),
  fc.dictionary(tricky, tricky),
  fc.array(tricky),
  tricky,
);

describe('what the idempotency ledger keeps of a reply', () => {
  it('makes the same reply again, in an envelope answering the resend', () => {
    // The usual type is the reply's own type, another one, or none.
    const usualOf = (type: string) => fc.constantFrom<(string | undefined)[]>(type, `${type}x`, undefined);
    fc.assert(
      fc.property(tricky.chain((type) => fc.tuple(fc.constant(type), usualOf(type))), data, tricky, tricky, ([type, usual], value, first, resend) => {
        const frame = encode(type, value as object, first);
        const kept = keptOfReply(type, frame, usual);
        expect(kept.startsWith('pending:')).toBe(false);
        const again = replyFromKept(kept, resend, usual);
        const sent = JSON.parse(frame) as Record<string, unknown>;
        const made = JSON.parse(again.frame) as Record<string, unknown>;
        expect(again.type).toBe(type);
        expect([made['type'], made['data'], made['correlation_id']]).toEqual([sent['type'], sent['data'], resend]);
        expect(Object.keys(made)).toEqual(Object.keys(sent));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps only the data of the operation's usual reply, and the type of any other", () => {
    const data = { message_id: 'm1', room_id: 'r', seq: 7, timestamp: '2026-01-01T00:00:00.000Z' };
    const json = '{"message_id":"m1","room_id":"r","seq":7,"timestamp":"2026-01-01T00:00:00.000Z"}';
    expect(keptOfReply('chat.sent', encode('chat.sent', data, 'msg-1'), 'chat.sent')).toBe(json);
    expect(keptOfReply('chat.sent', encode('chat.sent', data, 'msg-1'), 'other')).toBe(`${json}\nchat.sent`);
  });

  it('keeps a reply without data, and refuses a record with no type', () => {
    const kept = keptOfReply('done', encode('done', undefined as unknown as object, 'c'), 'done');
    expect(JSON.parse(replyFromKept(kept, 'c2', 'done').frame)).not.toHaveProperty('data');
    expect(() => replyFromKept('{"a":1}', 'c', undefined)).toThrow(/no type/);
  });
});
