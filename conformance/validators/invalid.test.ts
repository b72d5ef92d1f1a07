/**
 * Invalid messages derived from the spec's examples and schemas (lib/mutations.ts), each with the
 * error the generated validators must report: the message's own validator, and the dispatcher of
 * its direction. An independent ajv built from the raw YAML (all errors on) confirms each case
 * breaks exactly the keyword it claims, so a deriver bug cannot pass as a validator bug or hide one.
 */
import type { ValidateFunction } from 'ajv';
import type { MessageModel } from '@switchboard/codegen';
import { describe, expect, it } from 'vitest';
import { deriveMutations, SchemaIndex, type ExpectedError, type Mutation } from '../lib/mutations.js';
import { createSpecAjv, SPEC_URI } from '../lib/spec-ajv.js';
import { loadModel } from '../lib/model.js';
import { dispatchersFor, validatorFor } from '../lib/validators.js';

const model = await loadModel();
const schemas = new SchemaIndex(model.schemas);

interface Case {
  readonly title: string;
  readonly message: MessageModel;
  readonly mutation: Mutation;
}

const cases: Case[] = model.messages.flatMap((message) =>
  message.examples.flatMap((example, i) =>
    deriveMutations(example.payload, schemas.get(message.payloadSchema), schemas).map((mutation) => ({
      title: `${message.key} ${example.name ?? `#${i}`}: ${mutation.name}`,
      message,
      mutation,
    })),
  ),
);
const invalid = cases.filter((c) => c.mutation.error !== null);
const valid = cases.filter((c) => c.mutation.error === null);
/** `[title, case]` rows: `%s` prints the title whole (`$title` would truncate it). */
const rows = (list: readonly Case[]): [string, Case][] => list.map((c) => [c.title, c]);

const independentAjv = createSpecAjv();
const independent = new Map<string, ValidateFunction>();
/** What a strict ajv with all errors on, compiled from the raw spec, finds wrong: `keyword pointer` each. */
function independentErrors(message: MessageModel, value: unknown): string[] {
  let validate = independent.get(message.payloadSchema);
  if (validate === undefined) {
    validate = independentAjv.compile({ $ref: `${SPEC_URI}#/components/schemas/${message.payloadSchema}` });
    independent.set(message.payloadSchema, validate);
  }
  validate(value);
  return (validate.errors ?? [])
    .map((e) => {
      const name = e.keyword === 'required' || e.keyword === 'dependencies' ? e.params['missingProperty'] : e.keyword === 'additionalProperties' ? e.params['additionalProperty'] : undefined;
      return `${e.keyword} ${e.instancePath}${typeof name === 'string' ? '/' + name : ''}`;
    })
    .sort();
}

/** The `type` property routes messages: a dispatcher answers a wrong `type` const as an unknown type. */
function expectedFromDispatcher(error: ExpectedError): object {
  if (error.pointer === '/type' && error.keyword === 'const') {
    return { code: 'INVALID_MESSAGE_TYPE', pointer: '/type', keyword: 'enum', message: expect.any(String), params: {} };
  }
  return { code: 'INVALID_MESSAGE', ...error, message: expect.any(String) };
}

describe('derived cases', () => {
  it('are many, and cover every message and every kind of mutation', () => {
    expect(invalid.length).toBeGreaterThan(2000);
    expect(new Set(invalid.map((c) => c.message.key)).size).toBe(model.messages.length);
    const keywords = [...new Set(invalid.map((c) => c.mutation.error?.keyword))].sort();
    expect(keywords).toEqual([
      'additionalProperties', 'const', 'dependencies', 'enum', 'format', 'maxItems', 'maxLength', 'maximum',
      'minItems', 'minLength', 'minProperties', 'minimum', 'pattern', 'required', 'type', 'uniqueItems',
    ]);
  });

  it('have unique names', () => {
    const seen = new Set<string>();
    const duplicates = cases.map((c) => c.title).filter((t) => seen.size === seen.add(t).size);
    expect(duplicates).toEqual([]);
  });
});

describe('boundary values are accepted', () => {
  it.each(rows(valid))('%s', (_, { message, mutation }) => {
    expect(independentErrors(message, mutation.value)).toEqual([]);
    expect(validatorFor(message.key)(mutation.value)).toEqual({ ok: true, value: mutation.value });
    for (const { validate } of dispatchersFor(message)) expect(validate(mutation.value)).toEqual({ ok: true, value: mutation.value });
  });
});

describe('invalid messages are refused with the keyword and pointer of the change', () => {
  it.each(rows(invalid))('%s', (_, { message, mutation }) => {
    const error = mutation.error as ExpectedError;
    // The case breaks what it says it breaks, and nothing else.
    const claimed = [error, ...mutation.alsoViolates].map((e) => `${e.keyword} ${e.pointer}`).sort();
    expect(independentErrors(message, mutation.value)).toEqual(claimed);

    expect(validatorFor(message.key)(mutation.value)).toEqual({
      ok: false,
      error: { code: 'INVALID_MESSAGE', ...error, message: expect.any(String) },
    });
    for (const { validate } of dispatchersFor(message)) {
      expect(validate(mutation.value)).toEqual({ ok: false, error: expectedFromDispatcher(error) });
    }
  });
});
