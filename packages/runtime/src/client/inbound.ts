/**
 * From a received frame to a message the core may act on: JSON only, validated by the protocol,
 * and not seen before. Anything that fails a step is dropped with the diagnostic that says why,
 * never delivered half-checked.
 */
import type { Envelope, Validator } from '../protocol.js';
import type { ClientDiagnostic } from './diagnostics.js';
import type { RecentIds } from './recent-ids.js';

export type Decoded<M> = { readonly ok: true; readonly message: M } | { readonly ok: false; readonly diagnostic: ClientDiagnostic };

export function decodeFrame<M extends Envelope>(data: unknown, validate: Validator<M>, recent: RecentIds): Decoded<M> {
  // Binary frames would carry the msgpack codec, which this client does not negotiate.
  if (typeof data !== 'string') return { ok: false, diagnostic: { kind: 'unsupported-frame', frame: data } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch (error) {
    return { ok: false, diagnostic: { kind: 'invalid-json', frame: data, error } };
  }
  const result = validate(parsed);
  if (!result.ok) return { ok: false, diagnostic: { kind: 'invalid-message', message: parsed, issue: result.error } };
  const message = result.value;
  // Only valid messages enter the window, so garbage cannot push real ids out of it.
  if (recent.check(message.id)) {
    return { ok: false, diagnostic: { kind: 'duplicate', id: message.id, type: message.type } };
  }
  return { ok: true, message };
}
