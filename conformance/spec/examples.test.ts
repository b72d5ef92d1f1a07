/**
 * Every example in the spec is valid against its message's payload schema, checked with a strict
 * draft-07 ajv built from the raw YAML (not with our codegen, which could share a bug with the
 * spec's author).
 */
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { compilePayload, createSpecAjv } from '../lib/spec-ajv.js';
import { child, isObject, rawSpec, type Json } from '../lib/spec.js';

interface ExampleCase {
  readonly key: string;
  readonly example: string;
  readonly payload: Json;
}

const messages = Object.entries(child(rawSpec(), 'components')['messages'] ?? {}) as [string, Json][];

function examplesOf(message: Json): readonly Json[] {
  const list = isObject(message) ? message['examples'] : undefined;
  return Array.isArray(list) ? list : [];
}

const cases: ExampleCase[] = messages.flatMap(([key, message]) =>
  examplesOf(message).map((example, i) => ({
    key,
    example: isObject(example) && typeof example['name'] === 'string' ? example['name'] : `#${i}`,
    payload: isObject(example) ? (example['payload'] ?? null) : null,
  })),
);

const ajv = createSpecAjv();
const validators = new Map<string, ValidateFunction>();
function validatorFor(key: string): ValidateFunction {
  let validate = validators.get(key);
  if (validate === undefined) {
    const message = child(child(rawSpec(), 'components'), 'messages')[key];
    validate = compilePayload(ajv, isObject(message) ? (message['payload'] ?? null) : null);
    validators.set(key, validate);
  }
  return validate;
}

describe('spec examples', () => {
  it('the spec has messages', () => {
    expect(messages.length).toBeGreaterThan(0);
  });

  it('every message has at least one example', () => {
    expect(messages.filter(([, m]) => examplesOf(m).length === 0).map(([key]) => key)).toEqual([]);
  });

  it('every example has a name and a payload', () => {
    const unnamed = messages.flatMap(([key, m]) =>
      examplesOf(m)
        .map((e, i) => (isObject(e) && typeof e['name'] === 'string' && isObject(e['payload']) ? null : `${key}#${i}`))
        .filter((x) => x !== null),
    );
    expect(unnamed).toEqual([]);
  });

  it('every payload schema compiles in strict mode', () => {
    const broken = messages.flatMap(([key]) => {
      try {
        validatorFor(key);
        return [];
      } catch (error) {
        return [`${key}: ${(error as Error).message}`];
      }
    });
    expect(broken).toEqual([]);
  });

  it.each(cases)('$key example $example is valid', ({ key, payload }) => {
    const validate = validatorFor(key);
    const valid = validate(payload);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  // Guards the harness: a `$ref` resolved to nothing would accept everything and prove nothing.
  it.each(cases)('$key example $example with an extra top-level property is refused', ({ key, payload }) => {
    const validate = validatorFor(key);
    expect(validate({ ...(payload as object), x_unexpected: true })).toBe(false);
    expect(validate.errors?.map((e) => [e.keyword, e.params])).toEqual([['additionalProperties', { additionalProperty: 'x_unexpected' }]]);
  });
});
