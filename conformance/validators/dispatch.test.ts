/**
 * The dispatchers (`validateClientMessage`, `validateServerMessage`) route on `type` and refuse
 * what cannot be routed: a message of the other direction, an unknown, missing or non-string
 * `type`, input that is not an object. Also: hostile keys from `JSON.parse` and code-point lengths.
 */
import type { JsonValue, MessageModel } from '@switchboard/codegen';
import { validateChatSend, validateClientMessage, validateServerMessage } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { isRecord } from '../lib/json.js';
import { SchemaIndex } from '../lib/mutations.js';
import { loadModel } from '../lib/model.js';
import { validatorFor, type Validator } from '../lib/validators.js';

const model = await loadModel();
const schemas = new SchemaIndex(model.schemas);

const DISPATCHERS: readonly (readonly [string, Validator])[] = [
  ['validateClientMessage', validateClientMessage],
  ['validateServerMessage', validateServerMessage],
];

/** The first example of each message, as `[label, message, payload]` rows. */
const firstExamples = model.messages.map((m): [string, MessageModel, JsonValue] => [`${m.key} ${m.examples[0]?.name ?? ''}`, m, m.examples[0]?.payload ?? null]);
const serverOnly = firstExamples.filter(([, m]) => !m.directions.fromClient);
const clientOnly = firstExamples.filter(([, m]) => !m.directions.fromServer);

function payloadObject(payload: JsonValue): Readonly<Record<string, JsonValue>> {
  if (!isRecord(payload)) throw new TypeError('an example payload is not an object');
  return payload;
}

const unknownType = (type: string) => ({
  ok: false,
  error: { code: 'INVALID_MESSAGE_TYPE', pointer: '/type', keyword: 'enum', message: `unknown message type "${type}"`, params: {} },
});

describe('a message of the other direction', () => {
  it('both directions have messages', () => {
    expect([serverOnly.length > 0, clientOnly.length > 0]).toEqual([true, true]);
  });

  it.each(serverOnly)('%s is not a client message', (_, message, payload) => {
    expect(validateClientMessage(payload)).toEqual(unknownType(message.type ?? ''));
  });

  it.each(clientOnly)('%s is not a server message', (_, message, payload) => {
    expect(validateServerMessage(payload)).toEqual(unknownType(message.type ?? ''));
  });
});

describe.each(DISPATCHERS)('%s', (_, dispatch) => {
  const example = payloadObject(firstExamples[0]?.[2] ?? null);

  it.each(['chat.unknown', '', 'CHAT.SEND', ' chat.send', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'refuses the unknown type %j',
    (type) => {
      expect(dispatch({ ...example, type })).toEqual(unknownType(type));
    },
  );

  it('shows at most 64 characters of an unknown type', () => {
    expect(dispatch({ ...example, type: 'x'.repeat(65) })).toEqual(unknownType(`${'x'.repeat(64)}...`));
  });

  it('counts those 64 characters in code points, never splitting an emoji', () => {
    const emoji = '\u{1F600}';
    expect(dispatch({ ...example, type: 'a' + emoji.repeat(64) })).toEqual(unknownType(`a${emoji.repeat(63)}...`));
    expect(dispatch({ ...example, type: emoji.repeat(64) })).toEqual(unknownType(emoji.repeat(64)));
  });

  it('refuses a message without `type` as missing the required property', () => {
    const { type: _type, ...rest } = example;
    expect(dispatch(rest)).toEqual({
      ok: false,
      error: { code: 'INVALID_MESSAGE', pointer: '/type', keyword: 'required', message: "must have required property 'type'", params: { missingProperty: 'type' } },
    });
  });

  it('does not read `type` from the prototype', () => {
    const inherited: unknown = Object.create({ type: example['type'] });
    expect(dispatch(inherited)).toEqual({
      ok: false,
      error: { code: 'INVALID_MESSAGE', pointer: '/type', keyword: 'required', message: "must have required property 'type'", params: { missingProperty: 'type' } },
    });
  });

  // Rows are wrapped in tuples so that `%j` shows an array row as the array it is.
  it.each([[42], [null], [true], [{}], [['chat.send']]])('refuses the non-string type %j', (type) => {
    expect(dispatch({ ...example, type })).toEqual({
      ok: false,
      error: { code: 'INVALID_MESSAGE', pointer: '/type', keyword: 'type', message: 'must be string', params: { type: 'string' } },
    });
  });

  it.each([
    ['null', null], ['undefined', undefined], ['[]', []], ['an array holding a valid message', [example]],
    ['42', 42], ['"chat.send"', 'chat.send'], ['true', true],
  ])('refuses the non-object input %s', (_label, input) => {
    expect(dispatch(input)).toEqual({
      ok: false,
      error: { code: 'INVALID_MESSAGE', pointer: '', keyword: 'type', message: 'must be object', params: { type: 'object' } },
    });
  });
});

/** The example's JSON text with a `"__proto__"` key (holding `{"polluted": true}`) added at `path`. */
function withProtoKey(payload: JsonValue, path: readonly string[]): string {
  const marker = '__marker_for_proto__';
  const add = (node: JsonValue, depth: number): JsonValue => {
    const record = payloadObject(node);
    const key = path[depth];
    if (key === undefined) return { ...record, [marker]: { polluted: true } };
    return { ...record, [key]: add(record[key] ?? null, depth + 1) };
  };
  return JSON.stringify(add(payload, 0)).replace(`"${marker}"`, '"__proto__"');
}

describe('hostile keys', () => {
  const rows = firstExamples.flatMap(([label, message, payload]) => [
    [`${label} at the root`, message, withProtoKey(payload, []), '/__proto__'] as const,
    [`${label} in data`, message, withProtoKey(payload, ['data']), '/data/__proto__'] as const,
  ]);

  it.each(rows)('a "__proto__" key from JSON.parse is an extra property: %s', (_, message, text, pointer) => {
    const parsed: unknown = JSON.parse(text);
    const expected = { ok: false, error: { code: 'INVALID_MESSAGE', pointer, keyword: 'additionalProperties', message: 'must NOT have additional properties', params: { additionalProperty: '__proto__' } } };
    expect(validatorFor(message.key)(parsed)).toEqual(expected);
    for (const [name, dispatch] of DISPATCHERS) {
      const routed = (name === 'validateClientMessage' ? message.directions.fromClient : message.directions.fromServer);
      if (routed) expect(dispatch(parsed)).toEqual(expected);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  const [, first, firstPayload] = firstExamples[0] ?? [];
  if (first === undefined) throw new Error('no messages');
  const extra = (key: string, pointer: string) => ({
    ok: false,
    error: { code: 'INVALID_MESSAGE', pointer, keyword: 'additionalProperties', message: 'must NOT have additional properties', params: { additionalProperty: key } },
  });

  it.each(['constructor', 'hasOwnProperty', 'toString', 'valueOf'])('an own %j key is an extra property, not a method', (key) => {
    expect(validatorFor(first.key)({ ...payloadObject(firstPayload ?? null), [key]: 1 })).toEqual(extra(key, `/${key}`));
  });

  it('escapes `/` and `~` in the pointer to an extra property (RFC 6901)', () => {
    expect(validatorFor(first.key)({ ...payloadObject(firstPayload ?? null), 'a/b~c': 1 })).toEqual(extra('a/b~c', '/a~1b~0c'));
  });

  /** Messages whose `data` requires properties, with the first one its schema lists. */
  const withRequiredData = firstExamples.flatMap(([label, message, payload]) => {
    const required = schemas.property(schemas.get(message.payloadSchema), 'data')['required'];
    return Array.isArray(required) && typeof required[0] === 'string' ? [[label, message, payload, required[0]] as const] : [];
  });

  it('some messages require data properties', () => {
    expect(withRequiredData.length).toBeGreaterThan(0);
  });

  it.each(withRequiredData)('a data property inherited from a prototype does not count: %s', (_, message, payload, firstRequired) => {
    const envelope = payloadObject(payload);
    const inherited: unknown = { ...envelope, data: Object.create(payloadObject(envelope['data'] ?? null)) };
    expect(validatorFor(message.key)(inherited)).toEqual({
      ok: false,
      error: {
        code: 'INVALID_MESSAGE', pointer: `/data/${firstRequired}`, keyword: 'required',
        message: `must have required property '${firstRequired}'`, params: { missingProperty: firstRequired },
      },
    });
  });
});

describe('string lengths count code points, not UTF-16 units', () => {
  const chatSend = model.messages.find((m) => m.type === 'chat.send');
  if (chatSend === undefined) throw new Error('the spec has no chat.send');
  const example = payloadObject(chatSend.examples[0]?.payload ?? null);
  const data = payloadObject(example['data'] ?? null);
  const contentSchema = schemas.property(schemas.get(chatSend.payloadSchema), 'data', 'content');
  const max = contentSchema['maxLength'];
  const emoji = '\u{1F389}';

  it('chat.send content is bounded', () => {
    expect(typeof max).toBe('number');
  });

  it('chat.send content of exactly maxLength emoji (twice as many UTF-16 units) is valid', () => {
    const content = emoji.repeat(Number(max));
    expect(content.length).toBe(2 * Number(max));
    const message = { ...example, data: { ...data, content } };
    expect(validateChatSend(message)).toEqual({ ok: true, value: message });
    expect(validateClientMessage(message)).toEqual({ ok: true, value: message });
  });

  it('chat.send content of maxLength + 1 emoji is too long', () => {
    const message = { ...example, data: { ...data, content: emoji.repeat(Number(max) + 1) } };
    expect(validateClientMessage(message)).toEqual({
      ok: false,
      error: { code: 'INVALID_MESSAGE', pointer: '/data/content', keyword: 'maxLength', message: `must NOT have more than ${String(max)} characters`, params: { limit: max } },
    });
  });
});
