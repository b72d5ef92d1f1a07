/**
 * Invalid (and boundary-valid) messages derived from the spec: walks an example alongside its
 * schema and changes one thing at a time, each change named and paired with the error the
 * validators must report. Nothing here names a message or a field: adding a message to the spec
 * adds its cases.
 *
 * Every invalid case is built to violate exactly one keyword (a wrong JSON type on an `enum` or
 * `const` value cannot help violating both, and says so in `alsoViolates`), so that the expected
 * error is the only possible answer whatever order a validator checks keywords in. A case that
 * cannot be built that way is left out: `minLength` 1 under a `+` pattern (the empty string breaks
 * both), a date-time shorter than 20 characters, `maxItems` N + 1 over an enum of N members.
 */
import type { JsonSchema, JsonValue, SchemaModel } from '@switchboard/codegen';
import { allDistinct, editAt, getAt, isRecord, pointer, type JsonPath } from './json.js';
import {
  formatViolations, distinctStrings, patternViolation, stringOfLength, stringRules,
} from './strings.js';

export interface ExpectedError {
  readonly keyword: string;
  /** JSON pointer; for `required` and `additionalProperties`, to the property itself. */
  readonly pointer: string;
  /** The keyword's parameters as ajv names them. */
  readonly params: Readonly<Record<string, unknown>>;
}

export interface Mutation {
  /** What changed and where, e.g. `maxLength: 129 code points at /data/room_id`. */
  readonly name: string;
  readonly value: JsonValue;
  /** The error a validator must report first; `null` when the changed message is still valid. */
  readonly error: ExpectedError | null;
  /** Keywords the change cannot help violating too, besides `error`. */
  readonly alsoViolates: readonly { readonly keyword: string; readonly pointer: string }[];
}

/** The name of the property added where no property is allowed. */
export const EXTRA_PROPERTY = 'x_unexpected';
const COMPONENT_REF = '#/components/schemas/';

/** Looks schemas up by component name, as the model's `$ref`s name them. */
export class SchemaIndex {
  private readonly byName: ReadonlyMap<string, JsonSchema>;

  constructor(schemas: readonly SchemaModel[]) {
    this.byName = new Map(schemas.map((s) => [s.name, s.schema]));
  }

  get(name: string): JsonSchema {
    const schema = this.byName.get(name);
    if (schema === undefined) throw new RangeError(`no schema named ${name}`);
    return schema;
  }

  /** Follows `$ref`s to the schema that has the keywords. */
  resolve(schema: JsonValue | undefined): JsonSchema {
    let node = schema;
    for (let hops = 0; isRecord(node) && typeof node['$ref'] === 'string'; hops++) {
      const ref = node['$ref'];
      if (!ref.startsWith(COMPONENT_REF) || hops > 20) throw new RangeError(`cannot follow $ref ${ref}`);
      node = this.get(ref.slice(COMPONENT_REF.length));
    }
    if (!isRecord(node)) throw new TypeError(`not a schema: ${JSON.stringify(node)}`);
    return node;
  }

  /** The resolved schema of a nested property: `property(ChatSendEnvelope, 'data', 'content')`. */
  property(schema: JsonSchema, ...keys: readonly string[]): JsonSchema {
    let node = this.resolve(schema);
    for (const key of keys) {
      const properties = node['properties'];
      if (!isRecord(properties) || !(key in properties)) throw new RangeError(`no property ${key} in ${JSON.stringify(node['title'])}`);
      node = this.resolve(properties[key]);
    }
    return node;
  }
}

/** Values of the wrong JSON type for each schema type. */
const WRONG_TYPES: Readonly<Record<string, readonly { readonly what: string; readonly value: JsonValue }[]>> = {
  string: [{ what: 'a number', value: 42 }, { what: 'null', value: null }],
  integer: [{ what: 'a string', value: '42' }, { what: 'null', value: null }],
  number: [{ what: 'a string', value: '42' }, { what: 'null', value: null }],
  boolean: [{ what: 'a string', value: 'true' }, { what: 'null', value: null }],
  object: [{ what: 'an array', value: [] }, { what: 'null', value: null }],
  array: [{ what: 'an object', value: {} }, { what: 'null', value: null }],
};

const NOT_A_MEMBER = 'not_a_member';

function has(object: Readonly<Record<string, JsonValue>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function num(schema: JsonSchema, key: string): number | null {
  const value = schema[key];
  return typeof value === 'number' ? value : null;
}

/** Every mutation of `example` (valid against `root`) that the schema makes meaningful. */
export function deriveMutations(example: JsonValue, root: JsonSchema, schemas: SchemaIndex): Mutation[] {
  const out: Mutation[] = [];
  /** The message being changed: the example, or the example with an optional property added. */
  let base = example;
  /** Arrays with `uniqueItems` above the node being changed: a change must keep their items distinct. */
  const uniqueAbove: JsonPath[] = [];

  const emit = (name: string, value: JsonValue, error: ExpectedError | null, alsoViolates: Mutation['alsoViolates'] = []): void => {
    const keepsUnique = uniqueAbove.every((path) => {
      const list = getAt(value, path);
      return Array.isArray(list) && allDistinct(list as readonly JsonValue[]);
    });
    if (keepsUnique) out.push({ name, value, error, alsoViolates });
  };
  const replace = (path: JsonPath, next: JsonValue): JsonValue => editAt(base, path, () => next);

  const walk = (value: JsonValue, schemaRef: JsonValue | undefined, path: JsonPath): void => {
    const schema = schemas.resolve(schemaRef);
    const type = typeof schema['type'] === 'string' ? schema['type'] : null;
    const at = pointer(path) || '(root)';
    const p = pointer(path);

    for (const wrong of type === null ? [] : (WRONG_TYPES[type] ?? [])) {
      const also = ['enum', 'const'].filter((k) => k in schema).map((keyword) => ({ keyword, pointer: p }));
      emit(`type: ${wrong.what} instead of ${type} at ${at}`, replace(path, wrong.value), { keyword: 'type', pointer: p, params: { type } }, also);
    }
    const members = schema['enum'];
    if (Array.isArray(members)) enumCases(members as readonly JsonValue[], type, path);
    if ('const' in schema && typeof schema['const'] === 'string') {
      emit(`const: another string at ${at}`, replace(path, `${schema['const']}_x`), { keyword: 'const', pointer: p, params: { allowedValue: schema['const'] } });
    }
    if (type === 'object' && isRecord(value)) objectCases(value, schema, path);
    if (type === 'array' && Array.isArray(value)) arrayCases(value as readonly JsonValue[], schema, path);
    if (type === 'string' && typeof value === 'string' && !('enum' in schema) && !('const' in schema)) stringCases(value, schema, path);
    if (type === 'integer' && typeof value === 'number' && !('enum' in schema)) integerCases(value, schema, path);
  };

  const enumCases = (members: readonly JsonValue[], type: string | null, path: JsonPath): void => {
    const outsider: JsonValue =
      type === 'integer' ? Math.max(...members.filter((m): m is number => typeof m === 'number')) + 1 : NOT_A_MEMBER;
    if (members.includes(outsider)) throw new RangeError(`${JSON.stringify(outsider)} is a member of the enum at ${pointer(path)}`);
    emit(`enum: ${JSON.stringify(outsider)} at ${pointer(path)}`, replace(path, outsider), {
      keyword: 'enum', pointer: pointer(path), params: { allowedValues: members },
    });
  };

  const objectCases = (value: Readonly<Record<string, JsonValue>>, schema: JsonSchema, path: JsonPath): void => {
    const p = pointer(path);
    const present = Object.keys(value);
    const required = Array.isArray(schema['required']) ? (schema['required'] as readonly string[]) : [];
    const deps = isRecord(schema['dependencies']) ? schema['dependencies'] : {};
    const minProperties = num(schema, 'minProperties') ?? 0;
    const isDependedOn = (key: string): boolean =>
      Object.entries(deps).some(([source, list]) => has(value, source) && Array.isArray(list) && list.includes(key));

    for (const key of required) {
      if (!has(value, key) || isDependedOn(key) || present.length - 1 < minProperties) continue;
      emit(`required: remove ${pointer([...path, key])}`, editAt(base, [...path, key], () => undefined), {
        keyword: 'required', pointer: pointer([...path, key]), params: { missingProperty: key },
      });
    }
    if (schema['additionalProperties'] === false) {
      emit(`additionalProperties: add ${pointer([...path, EXTRA_PROPERTY])}`, replace(path, { ...value, [EXTRA_PROPERTY]: 'surprise' }), {
        keyword: 'additionalProperties', pointer: pointer([...path, EXTRA_PROPERTY]), params: { additionalProperty: EXTRA_PROPERTY },
      });
    }
    if (minProperties > 0 && required.length === 0) {
      emit(`minProperties: empty object at ${p || '(root)'}`, replace(path, {}), { keyword: 'minProperties', pointer: p, params: { limit: minProperties } });
    }
    for (const [source, list] of Object.entries(deps)) {
      if (!has(value, source) || !Array.isArray(list)) continue;
      const names = list as readonly string[];
      if (!names.every((d) => has(value, d))) continue;
      for (const missing of names.filter((d) => !required.includes(d))) {
        emit(`dependencies: ${source} without ${missing} at ${p || '(root)'}`, editAt(base, [...path, missing], () => undefined), {
          keyword: 'dependencies', pointer: pointer([...path, missing]),
          params: { property: source, missingProperty: missing, depsCount: names.length, deps: names.join(', ') },
        });
      }
    }
    const properties = isRecord(schema['properties']) ? schema['properties'] : {};
    for (const [key, child] of Object.entries(value)) walk(child, properties[key], [...path, key]);
    // Optional properties no example shows: added with their schema's example, then changed like the rest.
    for (const [key, sub] of Object.entries(properties)) {
      const needs = deps[key];
      const alone = !Array.isArray(needs) || needs.every((d) => typeof d === 'string' && has(value, d));
      const sample = has(value, key) || !alone ? undefined : sampleOf(schemas.resolve(sub));
      if (sample === undefined) continue;
      const saved = base;
      base = editAt(base, [...path, key], () => sample);
      emit(`optional: add ${pointer([...path, key])} (valid)`, base, null);
      walk(sample, sub, [...path, key]);
      base = saved;
    }
  };

  const arrayCases = (value: readonly JsonValue[], schema: JsonSchema, path: JsonPath): void => {
    const p = pointer(path);
    const maxItems = num(schema, 'maxItems');
    const minItems = num(schema, 'minItems') ?? 0;
    const unique = schema['uniqueItems'] === true;
    const itemSchema = schemas.resolve(schema['items']);
    const first = value[0];

    if (maxItems !== null) {
      // N + 1 distinct items may not exist (an enum of N members) while N do.
      const over = distinctValues(itemSchema, first, maxItems + 1, schemas);
      const full = over?.slice(0, maxItems) ?? distinctValues(itemSchema, first, maxItems, schemas);
      if (full !== null) emit(`maxItems: ${maxItems} distinct items at ${p} (valid)`, replace(path, full), null);
      if (over !== null) {
        emit(`maxItems: ${maxItems + 1} distinct items at ${p}`, replace(path, over), { keyword: 'maxItems', pointer: p, params: { limit: maxItems } });
      }
    }
    if (minItems > 0 && value.length >= minItems) {
      emit(`minItems: ${minItems} items at ${p} (valid)`, replace(path, value.slice(0, minItems)), null);
      emit(`minItems: ${minItems - 1} items at ${p}`, replace(path, value.slice(0, minItems - 1)), { keyword: 'minItems', pointer: p, params: { limit: minItems } });
    }
    if (unique && first !== undefined && (maxItems === null || value.length < maxItems)) {
      emit(`uniqueItems: item 0 repeated at ${p}`, replace(path, [...value, first]), {
        keyword: 'uniqueItems', pointer: p, params: { i: value.length, j: 0 },
      });
    }
    if (unique) uniqueAbove.push(path);
    value.forEach((item, i) => walk(item, schema['items'], [...path, i]));
    if (unique) uniqueAbove.pop();
  };

  const stringCases = (value: string, schema: JsonSchema, path: JsonPath): void => {
    const p = pointer(path);
    const rules = stringRules(schema);
    const exact = (n: number, astral = false): string | null => (n < 0 ? null : stringOfLength(rules, n, value, astral));
    const units = (text: string): string => (text.length === [...text].length ? '' : ` (${text.length} UTF-16 units)`);
    const lengthCase = (keyword: 'maxLength' | 'minLength', limit: number, astral: boolean): void => {
      const outside = keyword === 'maxLength' ? limit + 1 : limit - 1;
      const kind = astral ? 'astral code points' : 'code points';
      const valid = exact(limit, astral);
      if (valid !== null) emit(`${keyword}: ${limit} ${kind}${units(valid)} at ${p} (valid)`, replace(path, valid), null);
      const invalid = exact(outside, astral);
      if (invalid !== null) {
        emit(`${keyword}: ${outside} ${kind}${units(invalid)} at ${p}`, replace(path, invalid), { keyword, pointer: p, params: { limit } });
      }
    };
    if (Number.isFinite(rules.maxLength)) {
      lengthCase('maxLength', rules.maxLength, false);
      lengthCase('maxLength', rules.maxLength, true);
    }
    if (rules.minLength > 0) lengthCase('minLength', rules.minLength, false);
    const broken = patternViolation(rules, value);
    if (broken !== null) {
      emit(`pattern: ${JSON.stringify(broken.length > 24 ? broken.slice(0, 24) + '...' : broken)} at ${p}`, replace(path, broken), {
        keyword: 'pattern', pointer: p, params: { pattern: schema['pattern'] },
      });
    }
    for (const { what, text } of formatViolations(rules, value)) {
      emit(`format: ${rules.format} with ${what} at ${p}`, replace(path, text), { keyword: 'format', pointer: p, params: { format: rules.format } });
    }
  };

  const integerCases = (value: number, schema: JsonSchema, path: JsonPath): void => {
    const p = pointer(path);
    const minimum = num(schema, 'minimum');
    const maximum = num(schema, 'maximum');
    if (minimum !== null) {
      emit(`minimum: ${minimum} at ${p} (valid)`, replace(path, minimum), null);
      emit(`minimum: ${minimum - 1} at ${p}`, replace(path, minimum - 1), { keyword: 'minimum', pointer: p, params: { comparison: '>=', limit: minimum } });
    }
    if (maximum !== null) {
      emit(`maximum: ${maximum} at ${p} (valid)`, replace(path, maximum), null);
      if (maximum + 1 > maximum) {
        emit(`maximum: ${maximum + 1} at ${p}`, replace(path, maximum + 1), { keyword: 'maximum', pointer: p, params: { comparison: '<=', limit: maximum } });
      }
    }
    const fraction = value + 0.5;
    if (maximum === null || fraction <= maximum) {
      emit(`type: ${fraction} instead of integer at ${p}`, replace(path, fraction), { keyword: 'type', pointer: p, params: { type: 'integer' } });
    }
  };

  walk(example, root, []);
  return out;
}

/** A value for a schema from the spec itself: its first `examples` entry, enum member or const. */
function sampleOf(schema: JsonSchema): JsonValue | undefined {
  const examples = schema['examples'];
  if (Array.isArray(examples) && examples.length > 0) return examples[0] as JsonValue;
  const members = schema['enum'];
  if (Array.isArray(members) && members.length > 0) return members[0] as JsonValue;
  return 'const' in schema ? schema['const'] : undefined;
}

/**
 * `count` distinct values valid for `schema`, varied from `base` (an example value, if any), or
 * `null` when the schema does not allow that many or they cannot be built.
 */
export function distinctValues(schema: JsonSchema, base: JsonValue | undefined, count: number, schemas: SchemaIndex): JsonValue[] | null {
  const members = schema['enum'];
  if (Array.isArray(members)) return members.length >= count ? (members.slice(0, count) as JsonValue[]) : null;
  if ('const' in schema) return null;
  switch (schema['type']) {
    case 'boolean':
      return count <= 2 ? [false, true].slice(0, count) : null;
    case 'integer': {
      const min = num(schema, 'minimum') ?? 0;
      const max = num(schema, 'maximum') ?? Number.MAX_SAFE_INTEGER;
      return max - min + 1 >= count ? Array.from({ length: count }, (_, i) => min + i) : null;
    }
    case 'string': {
      const rules = stringRules(schema);
      const seed = typeof base === 'string' ? base : stringOfLength(rules, Math.max(rules.minLength, 1), '');
      return seed === null ? null : distinctStrings(rules, seed, count);
    }
    case 'object': {
      if (!isRecord(base)) return null;
      const properties = isRecord(schema['properties']) ? schema['properties'] : {};
      for (const [key, value] of Object.entries(base)) {
        const varied = distinctValues(schemas.resolve(properties[key]), value, count, schemas);
        if (varied !== null) return varied.map((v) => ({ ...base, [key]: v }));
      }
      return null;
    }
    default:
      return null;
  }
}
