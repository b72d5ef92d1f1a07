/**
 * The `max_content_length` that `connection.established.data.limits` announces, enforced: chat
 * content is counted in Unicode code points, as the spec's JSON Schema counts `maxLength`, and
 * content over the limit is refused exactly as the schema's own bound is (`INVALID_MESSAGE` at
 * `/data/content`, keyword `maxLength`, `details.limit`).
 */
import { ProtocolError } from '../errors.js';
import type { Envelope } from '../protocol.js';

/** The messages whose `data.content` the limit bounds. */
const BOUNDED: ReadonlySet<string> = new Set(['chat.send']);

/** Throws `INVALID_MESSAGE` when the message's content has more than `limit` code points. */
export function checkContentLength(message: Envelope, limit: number): void {
  if (!BOUNDED.has(message.type)) return;
  const content = (message.data as { readonly content?: unknown }).content;
  if (typeof content !== 'string' || codePointsOver(content, limit) === false) return;
  throw new ProtocolError('INVALID_MESSAGE', `/data/content: must NOT have more than ${limit} characters`, {
    details: { pointer: '/data/content', keyword: 'maxLength', limit },
  });
}

/** Whether `text` has more than `limit` code points; counts only when its UTF-16 length is over. */
function codePointsOver(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let count = 0;
  for (const _ of text) if (++count > limit) return true;
  return false;
}
