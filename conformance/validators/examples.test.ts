/**
 * Every example of the spec passes its generated validator and the dispatcher of its direction,
 * which return the input itself as the typed value (validation does not copy or coerce).
 */
import type { MessageModel } from '@switchboard/codegen';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../lib/model.js';
import { child, rawSpec } from '../lib/spec.js';
import { dispatchersFor, validatorFor, validatorName } from '../lib/validators.js';

const model = await loadModel();

const cases = model.messages.flatMap((message: MessageModel) =>
  message.examples.map((example, i) => ({ key: message.key, example: example.name ?? `#${i}`, message, payload: example.payload })),
);

describe('generated validators accept the spec examples', () => {
  it('the model has every message of the spec, every one with examples', () => {
    expect(model.messages.map((m) => m.key).sort()).toEqual(Object.keys(child(child(rawSpec(), 'components'), 'messages')).sort());
    expect(model.messages.filter((m) => m.examples.length === 0).map((m) => m.key)).toEqual([]);
  });

  it.each(cases)('$key example $example passes validate<Key>', ({ key, payload }) => {
    const result = validatorFor(key)(payload);
    expect(result).toEqual({ ok: true, value: payload });
    expect(result.ok && result.value).toBe(payload);
  });

  it.each(cases)('$key example $example passes the dispatcher of its direction', ({ message, payload }) => {
    const dispatchers = dispatchersFor(message);
    expect(dispatchers.length).toBeGreaterThan(0);
    for (const { validate } of dispatchers) {
      const result = validate(payload);
      expect(result).toEqual({ ok: true, value: payload });
      expect(result.ok && result.value).toBe(payload);
    }
  });

  it.each(model.messages.map((m) => ({ key: m.key, name: validatorName(m.key) })))('$key has $name', ({ key }) => {
    expect(typeof validatorFor(key)).toBe('function');
  });
});
