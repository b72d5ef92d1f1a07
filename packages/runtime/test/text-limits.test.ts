/**
 * Text bounded by an announced limit (`TextLimits`): N code points pass and N+1 are refused with
 * the schema's own error at the property's JSON pointer, for any property name, any limit and
 * any mix of one-, two- and three-unit characters; other types are not looked at; a limit the
 * server does not announce fails when the server is made.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../src/errors.js';
import { TextLimits } from '../src/server/text-limits.js';

const character = fc.constantFrom('a', 'é', '中', '😀', '𝄞');
const text = (length: number) => fc.array(character, { minLength: length, maxLength: length }).map((chars) => chars.join(''));
const property = fc.string({ minLength: 1, maxLength: 8 });

function refusal(limits: TextLimits, type: string, data: Record<string, unknown>): ProtocolError | null {
  try {
    limits.check({ type, id: 'r1', data });
    return null;
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw error;
  }
}

describe('TextLimits', () => {
  it('passes N code points and refuses N+1 at /data/<property>, escaped as a JSON pointer', () => {
    fc.assert(
      fc.property(property, fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(fc.constant(n), text(n), text(n + 1))), (name, [limit, atLimit, overLimit]) => {
        const limits = new TextLimits({ 'note.post': { [name]: 'max_note' } }, { max_note: limit });
        expect(refusal(limits, 'note.post', { [name]: atLimit })).toBeNull();
        const error = refusal(limits, 'note.post', { [name]: overLimit });
        const pointer = `/data/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
        expect(error?.code).toBe('INVALID_MESSAGE');
        expect(error?.details).toEqual({ pointer, keyword: 'maxLength', limit });
        // Another type with the same field is not bounded.
        expect(refusal(limits, 'note.other', { [name]: overLimit })).toBeNull();
      }),
    );
  });

  it('bounds each listed property of a type by its own limit', () => {
    const limits = new TextLimits({ post: { title: 'max_title', body: 'max_body' } }, { max_title: 3, max_body: 5 });
    expect(refusal(limits, 'post', { title: 'abc', body: 'abcde' })).toBeNull();
    expect(refusal(limits, 'post', { title: 'abcd', body: 'a' })?.details).toEqual({ pointer: '/data/title', keyword: 'maxLength', limit: 3 });
    expect(refusal(limits, 'post', { title: 'a', body: 'abcdef' })?.details).toEqual({ pointer: '/data/body', keyword: 'maxLength', limit: 5 });
  });

  it('refuses to start with a limit the server does not announce, naming it', () => {
    expect(() => new TextLimits({ post: { body: 'max_body' } }, { max_title: 3 })).toThrow(
      new TypeError('the spec bounds "post" data.body by the limit "max_body", which the server does not announce (it announces max_title)'),
    );
  });
});
