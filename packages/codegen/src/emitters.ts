/** The emitters `switchboard generate` runs, in order, and a lookup by name. */
import type { Emitter } from './emit/context.js';
import { typesEmitter } from './emit/types.js';
import { messagesEmitter } from './emit/messages.js';
import { validatorsEmitter } from './emit/validators.js';
import { serverEmitter } from './emit/server.js';
import { clientEmitter } from './emit/client.js';
import { arbitrariesEmitter } from './emit/arbitraries.js';
import { indexEmitter } from './emit/index-file.js';
import { docsEmitter } from './emit/docs.js';
import { readmeEmitter } from './emit/readme.js';

export const DEFAULT_EMITTERS: readonly Emitter[] = Object.freeze([
  typesEmitter, messagesEmitter, validatorsEmitter, serverEmitter, clientEmitter, arbitrariesEmitter, indexEmitter, docsEmitter, readmeEmitter,
]);

export function emittersByName(names: readonly string[]): Emitter[] {
  return names.map((name) => {
    const emitter = DEFAULT_EMITTERS.find((e) => e.name === name);
    if (!emitter) throw new RangeError(`unknown emitter "${name}"; known: ${DEFAULT_EMITTERS.map((e) => e.name).join(', ')}`);
    return emitter;
  });
}
