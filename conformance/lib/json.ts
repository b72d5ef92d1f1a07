/** Small immutable edits of JSON values, addressed by a path of keys and indices. */
import type { JsonValue } from '@switchboard/codegen';
import { escapePointer } from './spec.js';

export type JsonPath = readonly (string | number)[];
export type JsonRecord = { readonly [key: string]: JsonValue };

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 6901 pointer of a path: `['data', 'events', 0]` -> `/data/events/0`; `[]` -> `''`. */
export function pointer(path: JsonPath): string {
  return path.map((segment) => '/' + escapePointer(String(segment))).join('');
}

export function getAt(root: JsonValue, path: JsonPath): JsonValue | undefined {
  let node: JsonValue | undefined = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = (node as readonly JsonValue[])[segment];
    else if (isRecord(node) && typeof segment === 'string' && Object.prototype.hasOwnProperty.call(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

/**
 * `root` with the node at `path` replaced by `edit(node)`; `undefined` from `edit` removes the
 * node. Copies only the containers along the path; `root` is left as it was.
 */
export function editAt(root: JsonValue, path: JsonPath, edit: (node: JsonValue | undefined) => JsonValue | undefined): JsonValue {
  const rec = (node: JsonValue | undefined, depth: number): JsonValue | undefined => {
    if (depth === path.length) return edit(node);
    const segment = path[depth] as string | number;
    if (Array.isArray(node) && typeof segment === 'number') {
      const copy = [...(node as readonly JsonValue[])];
      const next = rec(copy[segment], depth + 1);
      if (next === undefined) copy.splice(segment, 1);
      else copy[segment] = next;
      return copy;
    }
    if (isRecord(node) && typeof segment === 'string') {
      const copy: Record<string, JsonValue> = { ...node };
      const next = rec(Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined, depth + 1);
      if (next === undefined) delete copy[segment];
      else copy[segment] = next;
      return copy;
    }
    throw new RangeError(`no container at ${pointer(path.slice(0, depth))}`);
  };
  const result = rec(root, 0);
  if (result === undefined) throw new RangeError('cannot remove the root');
  return result;
}

/** Structural equality of JSON values (what JSON Schema's `uniqueItems`, `enum` and `const` use). */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    const x = a as readonly JsonValue[];
    const y = b as readonly JsonValue[];
    return x.length === y.length && x.every((v, i) => jsonEqual(v, y[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** Whether no two items of `list` are structurally equal. */
export function allDistinct(list: readonly JsonValue[]): boolean {
  for (let i = 1; i < list.length; i++) {
    for (let j = 0; j < i; j++) if (jsonEqual(list[i], list[j])) return false;
  }
  return true;
}

/** Length in Unicode code points, as JSON Schema counts `minLength` and `maxLength`. */
export function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
