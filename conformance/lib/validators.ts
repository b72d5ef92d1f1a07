/** The generated validators, looked up by the spec's message keys. */
import * as protocol from '@switchboard/protocol';
import type { MessageModel } from '@switchboard/codegen';
import type { ValidationResult } from '@switchboard/protocol';

export type Validator = (input: unknown) => ValidationResult<unknown>;

/** `chatSend` -> `validateChatSend`. */
export function validatorName(key: string): string {
  return `validate${key.charAt(0).toUpperCase()}${key.slice(1)}`;
}

/** The generated `validate<PascalKey>` of a message; throws when the package has none. */
export function validatorFor(key: string): Validator {
  const fn: unknown = (protocol as Readonly<Record<string, unknown>>)[validatorName(key)];
  if (typeof fn !== 'function') throw new TypeError(`@switchboard/protocol exports no ${validatorName(key)}`);
  return fn as Validator;
}

/** Every exported `validate*` function of the package, by name. */
export function exportedValidatorNames(): string[] {
  return Object.keys(protocol).filter((name) => /^validate[A-Z]/.test(name) && typeof (protocol as Record<string, unknown>)[name] === 'function');
}

/** The dispatchers a message goes through, by the direction the spec gives it. */
export function dispatchersFor(message: MessageModel): { readonly name: string; readonly validate: Validator }[] {
  return [
    ...(message.directions.fromClient ? [{ name: 'validateClientMessage', validate: protocol.validateClientMessage as Validator }] : []),
    ...(message.directions.fromServer ? [{ name: 'validateServerMessage', validate: protocol.validateServerMessage as Validator }] : []),
  ];
}
