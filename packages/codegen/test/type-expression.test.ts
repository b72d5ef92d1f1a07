/**
 * The type expressions of the schemas modelina does not type: given a schema, want this type.
 */
import { describe, expect, it } from 'vitest';
import { typeExpression } from '../src/emit/type-expression.js';
import type { JsonSchema } from '../src/model.js';

describe('typeExpression: given a schema, want this type', () => {
  it.each<[string, JsonSchema | boolean, string]>([
    ['a schema that says nothing', { description: 'anything' }, 'unknown'],
    ['true', true, 'unknown'],
    ['false', false, 'never'],
    ['not a string', { not: { type: 'string' } }, 'number | boolean | null | unknown[] | Record<string, unknown>'],
    ['neither an array nor an object', { not: { type: ['array', 'object'] } }, 'string | number | boolean | null'],
    ['not an integer: every type is left, fractions included', { not: { type: 'integer' } }, 'unknown'],
    ['not a constant: every type is left', { not: { const: 0 } }, 'unknown'],
    ['a type beside not', { type: 'integer', not: { const: 0 } }, 'number'],
    ['a type list', { type: ['string', 'null'] }, 'string | null'],
    ['a tuple open at the end', { type: 'array', items: [{ type: 'string' }], minItems: 1 }, '[string, ...unknown[]]'],
  ])('%s', (_name, schema, want) => {
    expect(typeExpression(schema)).toBe(want);
  });
});
