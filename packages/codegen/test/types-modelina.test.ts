/**
 * What modelina prints through our configuration (the interface property preset and the
 * enumValue and constant constraints), with no text pass after it: property names bare when they
 * are identifiers and quoted otherwise, string constants as TypeScript literals whatever they hold.
 */
import { describe, expect, it } from 'vitest';
import { load } from '../src/index.js';
import { typesEmitter } from '../src/emit/types.js';
import { miniSpec, specFile } from './helpers.js';

async function typesOf(schemas: string): Promise<string> {
  const spec = miniSpec({
    channelMessages: `m:\n  $ref: '#/components/messages/m'`,
    operations: `m:\n  action: receive\n  channel:\n    $ref: '#/channels/ws'\n  messages:\n    - $ref: '#/channels/ws/messages/m'`,
    messages: `m:\n  payload:\n    $ref: '#/components/schemas/Quoted'`,
    schemas,
  });
  const { model } = await load(await specFile('types-modelina.yaml', spec));
  const result = await typesEmitter.emit(model, { source: 'spec.yaml', packageName: './generated' });
  return (result.files[0]?.content ?? '').split('\n').slice(1).join('\n').trim();
}

describe('types through modelina, configured', () => {
  it('quotes only the names that need it, and prints constants holding quotes, backslashes and line breaks', async () => {
    const schemas = [
      'Quoted:',
      '  type: object',
      '  additionalProperties: false',
      '  required: [type, sep]',
      '  properties:',
      `    type: { type: string, const: "it's \\"q\\"" }`,
      `    sep: { type: string, enum: ["\\r\\n", 'back\\slash', "a'b", plain] }`,
      `    'odd-key': { type: string, const: "x\\u2028y" }`,
      '    room_id: { type: string }',
    ].join('\n');
    expect(await typesOf(schemas)).toBe([
      'export interface Quoted {',
      `  type: 'it\\'s "q"';`,
      '  sep: QuotedSep;',
      `  'odd-key'?: 'x\\u2028y';`,
      '  room_id?: string;',
      '}',
      '',
      `export type QuotedSep = '\\u000d\\u000a' | 'back\\\\slash' | 'a\\'b' | 'plain';`,
    ].join('\n'));
  });
});
