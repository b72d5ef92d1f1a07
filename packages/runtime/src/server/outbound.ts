/**
 * Encoding of the messages the runtime writes itself: replies and errors. Every reply carries
 * the request's `id` as `correlation_id` (asyncapi.yaml, "Envelope").
 */
import { randomBytes } from 'node:crypto';
import { ProtocolError } from '../errors.js';
import type { ValidationIssue } from '../protocol.js';

/**
 * 72 random bits that start every id this process makes: two instances, or one before and after
 * a restart, share a prefix with odds of about 2^-72 (`MessageId` allows `A-Za-z0-9_-`).
 */
const ID_PREFIX = randomBytes(9).toString('base64url');
let idCount = 0;

/**
 * An id for a message this server sends, unique across instances: the process's prefix and a
 * count. Not a UUID: a chat round trip makes three ids, and `randomUUID` costs several times a
 * counter (its entropy pool refills every 128). Nothing relies on message ids being unguessable;
 * connection ids, which name a connection, stay random.
 */
export function newId(): string {
  idCount += 1;
  return `${ID_PREFIX}.${idCount.toString(36)}`;
}

let clockMs = Number.NaN;
let clockIso = '';

/**
 * The current time as the protocol writes it (ISO-8601, UTC, milliseconds). Formatted once per
 * millisecond: `toISOString` costs more than the rest of a small envelope's encoding.
 */
export function isoNow(): string {
  const now = Date.now();
  if (now !== clockMs) {
    clockMs = now;
    clockIso = new Date(now).toISOString();
  }
  return clockIso;
}

/**
 * Encodes an envelope the server sends; the one place outbound envelopes are built.
 *
 * One `JSON.stringify` of the whole envelope, not a concatenation of stringified parts: the
 * parts are faster to build in a micro benchmark (0.48 against 0.74 us), but they make a rope of
 * strings that is flattened again when written and kept as a rope in room history, and the
 * chat round trip was 5-8% slower with them (bench, A/B in one run).
 */
export function encode(type: string, data: object, correlationId?: string, id: string = newId()): string {
  return JSON.stringify(
    correlationId === undefined
      ? { type, id, timestamp: isoNow(), data }
      : { type, id, timestamp: isoNow(), correlation_id: correlationId, data },
  );
}

/** Where an envelope's `data` starts: the key `encode` writes last. */
const DATA_KEY = ',"data":';

/**
 * What a reply frame made by `encode` keeps of itself to be made again: its data as JSON and,
 * unless it is the `usual` type (the operation's first reply), a newline and its type. JSON has no
 * raw newline, so the first one ends the data; and the text never starts with `pending:`. The data
 * is cut from the frame, not encoded again: `,"data":` can only be the envelope's own key, since
 * a quote inside a JSON string is always escaped.
 */
export function keptOfReply(type: string, frame: string, usual: string | undefined): string {
  const at = frame.indexOf(DATA_KEY);
  if (at === -1) return `\n${type}`;
  const data = frame.slice(at + DATA_KEY.length, -1);
  return type === usual ? data : `${data}\n${type}`;
}

/** The reply frame `keptOfReply` kept, in an envelope of its own answering `correlationId`. */
export function replyFromKept(kept: string, correlationId: string, usual: string | undefined): { readonly type: string; readonly frame: string } {
  const cut = kept.indexOf('\n');
  const type = cut === -1 ? usual : kept.slice(cut + 1);
  if (type === undefined) throw new Error(`malformed idempotency record: no type in "${kept.slice(0, 40)}"`);
  const json = cut === -1 ? kept : kept.slice(0, cut);
  const data: unknown = json === '' ? undefined : JSON.parse(json);
  return { type, frame: encode(type, data as object, correlationId) };
}

/** Bounds from the spec's `ErrorDetails`/`ErrorData`, so an echoed pointer can never make the error itself invalid. */
const MAX_POINTER = 1024;
const MAX_MESSAGE = 1024;

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text); // code points: never cut a surrogate pair in half
  let out = '';
  for (const char of chars) {
    if (out.length + char.length > max - 3) break;
    out += char;
  }
  return out + '...';
}

/** The `data` of an `error` message. */
export function errorData(error: ProtocolError, correlationId: string | undefined): object {
  const data: Record<string, unknown> = { code: error.code, message: truncate(error.message, MAX_MESSAGE) };
  if (error.retryAfter !== undefined) data['retry_after'] = error.retryAfter;
  if (correlationId !== undefined) data['correlation_id'] = correlationId;
  if (error.closeCode !== undefined) data['close_code'] = error.closeCode;
  if (error.details !== undefined) data['details'] = error.details;
  return data;
}

/** A validation failure as the protocol error the client gets. */
export function validationError(issue: ValidationIssue): ProtocolError {
  const details: Record<string, string | number> = { pointer: truncate(issue.pointer, MAX_POINTER) };
  if (/^[A-Za-z$]{1,64}$/.test(issue.keyword)) details['keyword'] = issue.keyword;
  const limit = issue.params['limit'];
  if (typeof limit === 'number' && Number.isSafeInteger(limit) && limit >= 0) details['limit'] = limit;
  const where = issue.pointer === '' ? 'message' : issue.pointer;
  return new ProtocolError(issue.code, `${where}: ${issue.message}`, { details });
}
