/**
 * Correlation ids in payloads (AsyncAPI 3.0.0 "Correlation ID Object", "Runtime Expression"):
 * `$message.payload#/meta/id` names the value at the JSON pointer `/meta/id` of the payload.
 */

const PAYLOAD = '$message.payload#';

/**
 * The path of a payload location (`['meta', 'id']`), or `null` for a location elsewhere (a
 * header: a WebSocket frame has none) or not a runtime expression.
 */
export function payloadPath(location: string): string[] | null {
  if (!location.startsWith(PAYLOAD)) return null;
  const pointer = location.slice(PAYLOAD.length);
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The value at `path` of `value`, own properties only; `undefined` when absent. */
export function readPath(value: unknown, path: readonly string[]): unknown {
  let here: unknown = value;
  for (const key of path) {
    if (!isObject(here) || !Object.prototype.hasOwnProperty.call(here, key)) return undefined;
    here = here[key];
  }
  return here;
}

/**
 * `value` with `id` at `path`, copying the objects along the path so that what a handler
 * returned is never changed under it. A path through something that is not an object leaves
 * `value` as it is: the reply's own schema did not place the id there.
 */
export function writePath(value: unknown, path: readonly string[], id: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return id;
  const base: unknown = value === undefined ? {} : value;
  if (!isObject(base) || Array.isArray(base)) return value;
  const copy: Record<string, unknown> = { ...base };
  Object.defineProperty(copy, head, { value: writePath(base[head], rest, id), enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A correlation id as a key: `1` and `'1'` are different requests. */
export function correlationKey(id: unknown): string | null {
  if (typeof id === 'string') return `s:${id}`;
  if (typeof id === 'number' && Number.isFinite(id)) return `n:${id}`;
  return null;
}
