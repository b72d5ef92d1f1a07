/**
 * Where the spec is and how the suites read it raw, with the `yaml` package: independent of our
 * codegen (for the codegen model, see model.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Absolute path of `asyncapi.yaml` at the repository root. */
export const SPEC_FILE = fileURLToPath(new URL('../../asyncapi.yaml', import.meta.url));

/** A JSON value as `yaml` parses the spec; read-only so that no suite can change another's input. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { readonly [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object-valued property of `node`, or `{}`. */
export function child(node: Json | undefined, key: string): JsonObject {
  if (!isObject(node)) return {};
  const value = node[key];
  return isObject(value) ? value : {};
}

let raw: JsonObject | undefined;

/** The spec as plain data, parsed once per test file. */
export function rawSpec(): JsonObject {
  if (raw === undefined) {
    const parsed: unknown = parse(readFileSync(SPEC_FILE, 'utf8'));
    if (!isObject(parsed)) throw new TypeError(`${SPEC_FILE} is not a YAML mapping`);
    raw = parsed as JsonObject;
  }
  return raw;
}

/** Unescapes one JSON pointer (RFC 6901) segment. */
export function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Escapes one JSON pointer (RFC 6901) segment. */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Follows a local `$ref` (`#/a/b`) in `doc`; throws on anything else, so a typo cannot pass unseen. */
export function resolveRef(doc: JsonObject, ref: string): Json {
  if (!ref.startsWith('#/')) throw new RangeError(`not a local $ref: ${ref}`);
  let node: Json = doc;
  for (const segment of ref.slice(2).split('/').map(unescapePointer)) {
    if (!isObject(node) || !Object.prototype.hasOwnProperty.call(node, segment)) {
      throw new RangeError(`unresolvable $ref: ${ref}`);
    }
    node = node[segment] as Json;
  }
  return node;
}

/** The `$ref` of `node`, or `null`. */
export function refOf(node: Json | undefined): string | null {
  return isObject(node) && typeof node['$ref'] === 'string' ? node['$ref'] : null;
}
