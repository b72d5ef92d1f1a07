/**
 * Building outbound envelopes and reading `error` messages (asyncapi.yaml, "Envelope" and
 * `ErrorData`). No Node imports: this runs in browsers too.
 */
import { CloseCodes, ProtocolError, type CloseCode, type ProtocolErrorOptions } from '../errors.js';
import type { Envelope } from '../protocol.js';

/** An envelope the client sends: always with an id and a timestamp. */
export interface OutboundEnvelope extends Envelope {
  readonly id: string;
  readonly timestamp: string;
}

/**
 * A v4 UUID. `crypto.randomUUID` exists only in secure contexts in browsers, and a page served over
 * plain http (a LAN dev server talking to ws://) is not one, while `getRandomValues` is everywhere.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // RFC 9562 section 5.4: version 4 in the high nibble of byte 6, variant 10 in byte 8.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** @throws TypeError when `type` is not a non-empty string or `data` not a plain object. */
export function createEnvelope(type: string, data: object): OutboundEnvelope {
  if (typeof type !== 'string' || type === '') {
    throw new TypeError(`message type must be a non-empty string, got ${JSON.stringify(type)}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new TypeError(`data of '${type}' must be an object`);
  }
  return { type, id: newId(), timestamp: new Date().toISOString(), data };
}

const CLOSE_CODES: ReadonlySet<number> = new Set(Object.values(CloseCodes));

function isCloseCode(value: unknown): value is CloseCode {
  return typeof value === 'number' && CLOSE_CODES.has(value);
}

/**
 * The `ProtocolError` an `error` message describes. Its data normally passed the generated
 * validator, but the client core is protocol-agnostic, so every field is checked rather than
 * trusted.
 */
export function protocolErrorFrom(message: Envelope): ProtocolError {
  // `data` is typed `object`; reading unknown-typed fields from it is exactly what is wanted here.
  const data = message.data as Readonly<Record<string, unknown>>;
  const code = typeof data['code'] === 'string' ? data['code'] : 'INTERNAL_ERROR';
  const text = typeof data['message'] === 'string' ? data['message'] : `server error without a message (${code})`;
  const retryAfter = data['retry_after'];
  const closeCode = data['close_code'];
  const details = detailsFrom(data['details']);
  const options: ProtocolErrorOptions = {
    ...(typeof retryAfter === 'number' ? { retryAfter } : {}),
    ...(isCloseCode(closeCode) ? { closeCode } : {}),
    ...(details === undefined ? {} : { details }),
  };
  return new ProtocolError(code, text, options);
}

function detailsFrom(value: unknown): Readonly<Record<string, string | number>> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const details: Record<string, string | number> = {};
  for (const [key, field] of Object.entries(value as Readonly<Record<string, unknown>>)) {
    if (typeof field === 'string' || typeof field === 'number') details[key] = field;
  }
  return details;
}
