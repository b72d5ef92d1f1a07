/**
 * Limits that `connection.established.data.limits` announces, enforced on the text they bound:
 * a client message's `data` property whose schema names a limit (`x-switchboard-limit`, e.g.
 * `max_content_length` on chat content) is counted in Unicode code points, as JSON Schema counts
 * `maxLength`, and text over the limit is refused exactly as the schema's own bound is
 * (`INVALID_MESSAGE` at `/data/<property>`, keyword `maxLength`, `details.limit`).
 */
import { ProtocolError } from '../errors.js';
import type { Envelope } from '../protocol.js';

interface Bound {
  readonly property: string;
  readonly limit: number;
}

export class TextLimits {
  readonly #bounds = new Map<string, readonly Bound[]>();

  /**
   * @param declared by client type, the `data` properties and the limit that bounds each (the
   *   generated `serverProtocol.textLimits`)
   * @param announced the limits in force, by name
   * @throws TypeError when the spec names a limit the server does not announce
   */
  constructor(declared: Readonly<Record<string, Readonly<Record<string, string>>>>, announced: Readonly<Record<string, number>>) {
    for (const [type, properties] of Object.entries(declared)) {
      const bounds = Object.entries(properties).map(([property, name]): Bound => {
        const limit = Object.hasOwn(announced, name) ? announced[name] : undefined;
        if (limit === undefined) {
          throw new TypeError(`the spec bounds "${type}" data.${property} by the limit "${name}", which the server does not announce (it announces ${Object.keys(announced).join(', ')})`);
        }
        return { property, limit };
      });
      this.#bounds.set(type, bounds);
    }
  }

  /** Throws `INVALID_MESSAGE` when a bounded property of the message is over its limit. */
  check(message: Envelope): void {
    const bounds = this.#bounds.get(message.type);
    if (bounds === undefined) return;
    const data = message.data as Readonly<Record<string, unknown>>;
    for (const { property, limit } of bounds) {
      const text = data[property];
      if (typeof text !== 'string' || !codePointsOver(text, limit)) continue;
      const pointer = `/data/${property.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      throw new ProtocolError('INVALID_MESSAGE', `${pointer}: must NOT have more than ${limit} characters`, {
        details: { pointer, keyword: 'maxLength', limit },
      });
    }
  }
}

/** Whether `text` has more than `limit` code points; counts only when its UTF-16 length is over. */
function codePointsOver(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let count = 0;
  for (const _ of text) if (++count > limit) return true;
  return false;
}
