/**
 * Structural rules of asyncapi.yaml that the AsyncAPI ruleset does not check but the generators
 * and the runtime rely on: every message is routable by a unique `type`, reachable, and named
 * after it; every schema is named and used; every value is bounded.
 */
import { describe, expect, it } from 'vitest';
import { COMPONENT_SCHEMA_PREFIX, reachableSchemas, subschemas } from '../lib/schema-walk.js';
import { child, isObject, rawSpec, refOf, resolveRef, type Json, type JsonObject } from '../lib/spec.js';

const spec = rawSpec();
const components = child(spec, 'components');
const messages = child(components, 'messages');
const schemas = child(components, 'schemas');
const channel = child(child(spec, 'channels'), 'ws');
const operations = child(spec, 'operations');

const MESSAGE_PREFIX = '#/components/messages/';

/** Follows `$ref`s from a channel or operation message entry to its `components.messages` key. */
function messageKeyOf(entry: Json): string {
  let node = entry;
  for (let hops = 0; hops < 10; hops++) {
    const ref = refOf(node);
    if (ref === null) return `(inline message ${JSON.stringify(entry)})`;
    if (ref.startsWith(MESSAGE_PREFIX)) return ref.slice(MESSAGE_PREFIX.length);
    node = resolveRef(spec, ref);
  }
  throw new RangeError(`$ref cycle from ${JSON.stringify(entry)}`);
}

function list(node: Json | undefined): readonly Json[] {
  return Array.isArray(node) ? node : [];
}

/** Independent of codegen's naming helpers: `user.status_changed` -> `userStatusChanged`. */
function camelCase(name: string): string {
  const pascal = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

type Direction = 'client to server' | 'server to client';

/** Every (message key, direction) the operations declare; replies travel opposite to their request. */
const routes: { key: string; direction: Direction; operation: string }[] = Object.entries(operations).flatMap(([op, operation]) => {
  const o = isObject(operation) ? operation : {};
  const inbound: Direction = o['action'] === 'receive' ? 'client to server' : 'server to client';
  const outbound: Direction = inbound === 'client to server' ? 'server to client' : 'client to server';
  return [
    ...list(o['messages']).map((m) => ({ key: messageKeyOf(m), direction: inbound, operation: op })),
    ...list(child(o, 'reply')['messages']).map((m) => ({ key: messageKeyOf(m), direction: outbound, operation: op })),
  ];
});

const messageCases = Object.entries(messages).map(([key, message]) => {
  const m = isObject(message) ? message : {};
  return { key, name: typeof m['name'] === 'string' ? m['name'] : '(no name)', payload: m['payload'] ?? null };
});

function payloadSchema(payload: Json): JsonObject {
  const ref = refOf(payload);
  const schema = ref === null ? payload : resolveRef(spec, ref);
  return isObject(schema) ? schema : {};
}

const payloadRoots = messageCases.map((m) => m.payload);
const usedByMessages = reachableSchemas(payloadRoots, schemas);
const wsBinding = child(child(channel, 'bindings'), 'ws');
/** Schemas that document the upgrade request rather than a message: allowed without a message using them. */
const bindingRoots = [wsBinding['query'], wsBinding['headers']].filter((s): s is Json => s !== undefined);
const usedByBinding = reachableSchemas(bindingRoots, schemas);

describe('messages and channels', () => {
  it('the spec has messages and operations', () => {
    expect(messageCases.length).toBeGreaterThan(0);
    expect(routes.length).toBeGreaterThan(0);
  });

  it('channels.ws lists exactly the component messages, under their component keys', () => {
    const listed = Object.entries(child(channel, 'messages')).map(([key, entry]) => `${key} -> ${messageKeyOf(entry)}`);
    expect(listed.sort()).toEqual(Object.keys(messages).map((key) => `${key} -> ${key}`).sort());
  });

  it('every message is sent or received by an operation (as a message or a reply)', () => {
    const routed = new Set(routes.map((r) => r.key));
    expect(Object.keys(messages).filter((key) => !routed.has(key))).toEqual([]);
  });

  it('operations only use component messages', () => {
    expect(routes.filter((r) => !Object.prototype.hasOwnProperty.call(messages, r.key)).map((r) => `${r.operation}: ${r.key}`)).toEqual([]);
  });

  it.each(messageCases)('$key: the message key is the camelCase of its name $name', ({ key, name }) => {
    expect(key).toBe(camelCase(name));
  });

  it.each(messageCases)('$key: the payload requires `type` with const $name', ({ payload, name }) => {
    const schema = payloadSchema(payload);
    const type = child(child(schema, 'properties'), 'type');
    expect({ const: type['const'], type: type['type'], required: list(schema['required']).includes('type') }).toEqual({
      const: name,
      type: 'string',
      required: true,
    });
  });

  it('no two messages share a type in the same direction', () => {
    const owners = new Map<string, Set<string>>();
    for (const { key, direction } of routes) {
      const name = messageCases.find((m) => m.key === key)?.name ?? key;
      const slot = `${direction}: ${name}`;
      owners.set(slot, (owners.get(slot) ?? new Set()).add(key));
    }
    const clashes = [...owners].filter(([, keys]) => keys.size > 1).map(([slot, keys]) => `${slot} <- ${[...keys].join(', ')}`);
    expect(clashes).toEqual([]);
  });
});

describe('component schemas', () => {
  it('every message payload is a $ref to a component schema', () => {
    const inline = messageCases.filter((m) => !refOf(m.payload)?.startsWith(COMPONENT_SCHEMA_PREFIX)).map((m) => m.key);
    expect(inline).toEqual([]);
  });

  it('the ws binding documents its query and headers with component schemas', () => {
    expect(bindingRoots.map((s) => refOf(s)?.startsWith(COMPONENT_SCHEMA_PREFIX))).toEqual([true, true]);
  });

  it('every component schema is used by a message payload or by the ws binding', () => {
    const unused = Object.keys(schemas).filter((name) => !usedByMessages.has(name) && !usedByBinding.has(name));
    expect(unused).toEqual([]);
  });

  it('no object or enum schema under a message payload is inline (every generated type has a name)', () => {
    const inline = [...usedByMessages].flatMap((name) =>
      subschemas(schemas[name] ?? null, name)
        .filter(({ path }) => path !== name)
        .filter(({ schema }) => refOf(schema) === null)
        .filter(({ schema }) => schema['type'] === 'object' || 'properties' in schema || 'enum' in schema)
        .map(({ path }) => path),
    );
    expect(inline).toEqual([]);
  });
});

describe('every value is bounded', () => {
  const all = Object.entries(schemas).flatMap(([name, schema]) => subschemas(schema, name));
  const typed = (type: string) => all.filter(({ schema }) => schema['type'] === type);
  const has = (schema: JsonObject, key: string) => Object.prototype.hasOwnProperty.call(schema, key);

  it('the walk sees every kind of schema', () => {
    expect(['string', 'integer', 'array', 'object'].map((t) => typed(t).length > 0)).toEqual([true, true, true, true]);
  });

  it('every schema that is not a $ref declares a single type', () => {
    expect(all.filter(({ schema }) => refOf(schema) === null && typeof schema['type'] !== 'string').map(({ path }) => path)).toEqual([]);
  });

  it('every string has maxLength, enum, const or format date-time', () => {
    const unbounded = typed('string').filter(
      ({ schema }) => !has(schema, 'maxLength') && !has(schema, 'enum') && !has(schema, 'const') && schema['format'] !== 'date-time',
    );
    expect(unbounded.map(({ path }) => path)).toEqual([]);
  });

  it('every array has maxItems', () => {
    expect(typed('array').filter(({ schema }) => !has(schema, 'maxItems')).map(({ path }) => path)).toEqual([]);
  });

  it('every integer and number has minimum and maximum (or is an enum or const)', () => {
    const unbounded = [...typed('integer'), ...typed('number')].filter(
      ({ schema }) => !(has(schema, 'minimum') && has(schema, 'maximum')) && !has(schema, 'enum') && !has(schema, 'const'),
    );
    expect(unbounded.map(({ path }) => path)).toEqual([]);
  });

  it('every object is closed (additionalProperties: false)', () => {
    expect(typed('object').filter(({ schema }) => schema['additionalProperties'] !== false).map(({ path }) => path)).toEqual([]);
  });
});
