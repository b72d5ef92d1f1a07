/**
 * `x-switchboard-limit` on a string schema names the announced limit that bounds the text where a
 * client sends it: the derived protocol lists, per client type, exactly the `data` properties
 * whose schema (inline or through `$ref`) carries it; a misplaced one is a located warning and
 * bounds nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../src/index.js';
import { deriveProtocol } from '../src/emit/server/protocol.js';
import { miniModel } from './server-client-support.js';

const name = fc.stringMatching(/^[a-z][a-z_]{0,11}$/);

/** A `data` property: text bounded inline, text bounded through a component, or text with no bound. */
const propertyKind = fc.constantFrom('inline', 'ref', 'plain');

function modelWith(properties: readonly (readonly [string, 'inline' | 'ref' | 'plain', string])[]) {
  const schemas: Record<string, JsonSchema> = {};
  const data: Record<string, JsonSchema> = {};
  for (const [property, kind, limit] of properties) {
    const text: JsonSchema = kind === 'plain' ? { type: 'string' } : { type: 'string', maxLength: 4000, 'x-switchboard-limit': limit };
    if (kind === 'ref') {
      schemas[`Text_${property}`] = text;
      data[property] = { $ref: `#/components/schemas/Text_${property}` };
    } else {
      data[property] = text;
    }
  }
  return miniModel({
    messages: [
      { key: 'post', data: { type: 'object', properties: data } },
      { key: 'posted' },
      { key: 'note', data: { type: 'object', properties: data } },
    ],
    operations: [
      { key: 'post', messages: ['post'], reply: ['posted'] },
      { key: 'note', action: 'send', messages: ['note'] },
    ],
    servers: [['ws', 'ws']],
    schemas,
  });
}

describe('x-switchboard-limit', () => {
  it('lists the bounded data properties of each client message, and none of a server message', () => {
    const entries = fc.uniqueArray(fc.tuple(name, propertyKind, name), { selector: ([property]) => property, maxLength: 6 });
    fc.assert(
      fc.property(entries, (properties) => {
        const { protocol } = deriveProtocol(modelWith(properties));
        const bounded = properties.filter(([, kind]) => kind !== 'plain').map(([property, , limit]) => [property, limit]);
        expect(protocol?.textLimits).toEqual(bounded.length === 0 ? [] : [['post', bounded]]);
      }),
    );
  });

  it('on a schema that is not a string, or with a value that is not a name, is a located warning and bounds nothing', () => {
    const model = miniModel({
      messages: [{ key: 'post', data: { type: 'object', properties: { count: { $ref: '#/components/schemas/Count' }, text: { $ref: '#/components/schemas/Text' } } } }, { key: 'posted' }],
      operations: [{ key: 'post', messages: ['post'], reply: ['posted'] }],
      servers: [['ws', 'ws']],
      schemas: { Count: { type: 'integer', 'x-switchboard-limit': 'max_content_length' }, Text: { type: 'string', 'x-switchboard-limit': 40 } },
    });
    const { protocol, diagnostics } = deriveProtocol(model);
    expect(protocol?.textLimits).toEqual([]);
    expect(diagnostics.filter((d) => d.rule === 'switchboard/limit-extension').map((d) => [d.severity, d.path, d.message])).toEqual([
      ['warning', ['components', 'schemas', 'Count', 'x-switchboard-limit'], '`x-switchboard-limit` in `Count` bounds text only, and the schema is not `type: string`; the server does not bound it'],
      ['warning', ['components', 'schemas', 'Text', 'x-switchboard-limit'], '`x-switchboard-limit` in `Text` must name a limit (a string); the server does not bound it'],
    ]);
  });
});
