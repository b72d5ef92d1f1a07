/**
 * Which message a decoded frame is, among those one side may send on one channel: by the value
 * of the direction's discriminator property, or, when the payloads share none, by the first
 * validator (in the order the document lists the messages) that accepts it. The outcome says why
 * a frame is refused: a value no message of the channel can be (`unrecognised`), or a message
 * whose payload breaks its schema (`invalid`).
 */
import type { ValidationIssue } from '../protocol.js';
import type { WireDirection, WireMessage } from './wire.js';

export type Recognition =
  | { readonly ok: true; readonly message: WireMessage; readonly value: unknown }
  | { readonly ok: false; readonly reason: 'unrecognised' | 'invalid'; readonly message: WireMessage | null; readonly issue: ValidationIssue };

/** The messages of a direction by discriminator value, built once per channel. */
export interface Recogniser {
  readonly direction: WireDirection;
  readonly byValue: ReadonlyMap<unknown, WireMessage>;
}

export function recogniser(direction: WireDirection): Recogniser {
  const byValue = new Map<unknown, WireMessage>();
  for (const m of direction.messages) if (m.discriminator !== undefined) byValue.set(m.discriminator, m);
  return { direction, byValue };
}

function issue(pointer: string, keyword: string, message: string): ValidationIssue {
  return { code: 'INVALID_MESSAGE_TYPE', pointer, keyword, message, params: {} };
}

export function recognise(r: Recogniser, value: unknown): Recognition {
  const property = r.direction.discriminator;
  if (property !== null) {
    const tag = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, property)
      ? (value as Record<string, unknown>)[property]
      : undefined;
    const message = r.byValue.get(tag);
    if (!message) {
      return { ok: false, reason: 'unrecognised', message: null, issue: issue(`/${property}`, 'discriminator', `no message of this channel has ${property} ${shown(tag)}`) };
    }
    return validated(message, value);
  }
  let first: Recognition | null = null;
  for (const message of r.direction.messages) {
    const result = validated(message, value);
    if (result.ok) return result;
    first ??= result;
  }
  // With no discriminator a value no validator accepts cannot be told from an invalid message of
  // any one of them: it is reported against the first, the message a reader would try first.
  return first ?? { ok: false, reason: 'unrecognised', message: null, issue: issue('', 'channel', 'this side sends no message on this channel') };
}

function validated(message: WireMessage, value: unknown): Recognition {
  const v = message.validate(value);
  return v.ok ? { ok: true, message, value: v.value } : { ok: false, reason: 'invalid', message, issue: v.error };
}

function shown(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 64 ? `${text.slice(0, 64)}...` : text;
}
