/**
 * The generated package covers the spec exactly: one validator per message, the type lists of
 * each direction, and the reply table, all derived from the model and compared whole.
 */
import { CLIENT_MESSAGE_TYPES, REPLY_TYPES, SERVER_MESSAGE_TYPES } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../lib/model.js';
import { exportedValidatorNames, validatorName } from '../lib/validators.js';

const model = await loadModel();
const typeOf = new Map(model.messages.map((m) => [m.key, m.type]));

describe('@switchboard/protocol covers the spec', () => {
  it('exports one validator per message and one dispatcher per direction, nothing else', () => {
    const expected = [...model.messages.map((m) => validatorName(m.key)), 'validateClientMessage', 'validateServerMessage'];
    expect(exportedValidatorNames().sort()).toEqual(expected.sort());
  });

  it('every message has a wire type', () => {
    expect(model.messages.filter((m) => m.type === null).map((m) => m.key)).toEqual([]);
  });

  it('CLIENT_MESSAGE_TYPES lists the client-to-server types in spec order', () => {
    expect([...CLIENT_MESSAGE_TYPES]).toEqual(model.messages.filter((m) => m.directions.fromClient).map((m) => m.type));
  });

  it('SERVER_MESSAGE_TYPES lists the server-to-client types in spec order', () => {
    expect([...SERVER_MESSAGE_TYPES]).toEqual(model.messages.filter((m) => m.directions.fromServer).map((m) => m.type));
  });

  it('REPLY_TYPES maps each request type to the types of its operation reply', () => {
    const expected = Object.fromEntries(
      model.operations
        .filter((o) => o.action === 'receive' && o.reply !== null)
        .flatMap((o) => o.messages.map((key) => [typeOf.get(key), (o.reply ?? []).map((r) => typeOf.get(r))])),
    );
    expect(REPLY_TYPES).toEqual(expected);
  });
});
