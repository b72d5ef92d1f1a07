/**
 * Fields tables (AsyncAPI 3.0.0 "Schema Object", JSON Schema draft 07 validation keywords): one
 * row per property, by dotted path (`data.room_id`), with its type (a `$ref` linked to the
 * schema's section), whether it is required, its constraints in words and its description.
 */
import type { JsonSchema, JsonValue, SchemaModel } from '../../model.js';
import { isRecord, refName } from '../../load/schemas.js';
import { resolve } from '../../lib/json-schema.js';
import { code, inline, jsonCode, link, table, tableRow, text } from '../../lib/markdown.js';
import { isObjectSchema } from './catalog.js';

/** What rendering a schema needs to know about the others. */
export interface FieldContext {
  readonly schemas: ReadonlyMap<string, SchemaModel>;
  /** Schemas whose properties are listed where they are used, not in a section of their own. */
  readonly inlined: ReadonlySet<string>;
  /** Anchors of the schemas that have a section. */
  readonly schemaAnchors: ReadonlyMap<string, string>;
}

export interface FieldRow {
  /** Dotted path from the schema the table describes: `data.room_id`, `data.members[].user_id`. */
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly constraints: string;
  readonly description: string;
}

export const FIELD_HEADER = ['field', 'type', 'required', 'constraints', 'description'] as const;

/** A composite schema: its shape is given by `oneOf`, `anyOf` or `allOf`. */
function isComposite(s: JsonSchema): boolean {
  return Array.isArray(s['oneOf']) || Array.isArray(s['anyOf']) || Array.isArray(s['allOf']);
}

/** The schema a `$ref` to an inlined schema stands for, or the schema itself; `null` for a `$ref` to a schema with a section. */
function expandable(schema: JsonValue, ctx: FieldContext): JsonSchema | null {
  if (!isRecord(schema)) return null;
  const ref = refName(schema as JsonSchema);
  if (ref === null) return schema as JsonSchema;
  return ctx.schemaAnchors.has(ref) ? null : (ctx.schemas.get(ref)?.schema ?? null);
}

/** The type of a schema in words: `string`, `array of string`, `one of Circle, Square`, a link for a named schema. */
export function typeText(schema: JsonValue, ctx: FieldContext): string {
  if (schema === true) return 'any';
  if (schema === false) return 'never';
  if (!isRecord(schema)) return 'any';
  const s = schema as JsonSchema;
  const ref = refName(s);
  if (ref !== null) {
    const anchor = ctx.schemaAnchors.get(ref);
    const target = ctx.schemas.get(ref)?.schema;
    if (anchor === undefined) return target ? typeText(target, ctx) : text(ref);
    const named = link(text(ref), anchor);
    const resolved = resolve(s, ctx.schemas);
    return resolved && !isObjectSchema(resolved) && !isComposite(resolved) ? `${typeText(resolved, ctx)} (${named})` : named;
  }
  for (const [key, words] of [['oneOf', 'one of'], ['anyOf', 'any of'], ['allOf', 'all of']] as const) {
    const parts = s[key];
    if (Array.isArray(parts)) return `${words} ${parts.map((p: JsonValue) => typeText(p, ctx)).join(', ')}`;
  }
  const type = s['type'];
  if (Array.isArray(type)) return type.map((t) => typeText({ ...s, type: t }, ctx)).join(' or ');
  if (type === 'array') {
    const items = s['items'];
    if (Array.isArray(items)) return 'array (tuple)';
    return items === undefined ? 'array' : `array of ${typeText(items, ctx)}`;
  }
  if (typeof type === 'string') return text(type);
  if (isRecord(s['properties'])) return 'object';
  const values = 'const' in s ? [s['const']] : Array.isArray(s['enum']) ? (s['enum'] as JsonValue[]) : [];
  const kinds = [...new Set(values.map(jsonType))];
  return kinds.length > 0 ? kinds.join(' or ') : 'any';
}

function jsonType(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

type Unit = readonly [one: string, many: string];

function count(n: number, [one, many]: Unit): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `1..4000 chars`, `max 12 items`, `at least 1 char`: a pair of bounds in words. */
function bounds(min: JsonValue | undefined, max: JsonValue | undefined, unit: Unit): string | null {
  const lo = typeof min === 'number' ? min : null;
  const hi = typeof max === 'number' ? max : null;
  if (lo !== null && hi !== null) return lo === hi ? count(lo, unit) : `${lo}..${hi} ${unit[1]}`;
  if (hi !== null) return `max ${count(hi, unit)}`;
  if (lo !== null && lo > 0) return `at least ${count(lo, unit)}`;
  return null;
}

/**
 * The constraints of a schema in words, for a table cell: `always "auth"`, `one of "a", "b"`,
 * `1..4000 chars`, `at most the announced max_content_length`, `pattern ^...$`,
 * `format date-time`, `0..100`, `max 12 items, unique`, `no additional properties`, `default 5`. A `$ref` to a schema with a section shows the
 * constraints of a value schema (a string with a pattern, an enum) and none for an object.
 */
export function constraintsText(schema: JsonValue, ctx: FieldContext): string {
  if (!isRecord(schema)) return '';
  let s = schema as JsonSchema;
  const ref = refName(s);
  if (ref !== null) {
    const resolved = resolve(s, ctx.schemas);
    if (!resolved) return '';
    if (ctx.schemaAnchors.has(ref) && (isObjectSchema(resolved) || isComposite(resolved))) return '';
    s = resolved;
  }
  const out: string[] = [];
  if ('const' in s) out.push(`always ${jsonCode(s['const'])}`);
  const values = s['enum'];
  if (Array.isArray(values)) out.push(`one of ${values.map((v: JsonValue) => jsonCode(v)).join(', ')}`);
  const length = bounds(s['minLength'], s['maxLength'], ['char', 'chars']);
  if (length) out.push(length);
  const announced = s['x-switchboard-limit'];
  if (typeof announced === 'string') out.push(`at most the announced ${code(announced)}`);
  if (typeof s['pattern'] === 'string') out.push(`pattern ${code(s['pattern'])}`);
  if (typeof s['format'] === 'string') out.push(`format ${text(s['format'])}`);
  out.push(...range(s));
  if (typeof s['multipleOf'] === 'number') out.push(`multiple of ${s['multipleOf']}`);
  const items = bounds(s['minItems'], s['maxItems'], ['item', 'items']);
  if (items) out.push(items);
  if (s['uniqueItems'] === true) out.push('unique');
  const props = bounds(s['minProperties'], s['maxProperties'], ['property', 'properties']);
  if (props) out.push(props);
  if (s['additionalProperties'] === false && isObjectSchema(s)) out.push('no additional properties');
  out.push(...dependencies(s));
  if ('default' in s) out.push(`default ${jsonCode(s['default'])}`);
  if (s['deprecated'] === true) out.push('deprecated');
  if (s['readOnly'] === true) out.push('read-only');
  if (s['writeOnly'] === true) out.push('write-only');
  const each = s['items'];
  if (isRecord(each) && refName(each as JsonSchema) === null) {
    const inner = constraintsText(each, ctx);
    if (inner !== '') out.push(`each ${inner}`);
  }
  return out.join(', ');
}

/** Draft 07 `dependencies` (and 2019-09 `dependentRequired`): `room_id requires seq`. */
function dependencies(s: JsonSchema): string[] {
  const out: string[] = [];
  for (const key of ['dependencies', 'dependentRequired', 'dependentSchemas'] as const) {
    const deps = s[key];
    if (!isRecord(deps)) continue;
    for (const [name, dep] of Object.entries(deps as JsonSchema)) {
      out.push(Array.isArray(dep)
        ? `${code(name)} requires ${dep.map((d: JsonValue) => code(String(d))).join(' and ')}`
        : `with ${code(name)}, more rules (see the JSON Schema)`);
    }
  }
  return out;
}

/** `0..100`, `min 1`, `max 9`, `more than 0`, `less than 1` (draft 07 numeric `exclusive*`, or draft 04 booleans). */
function range(s: JsonSchema): string[] {
  const num = (v: JsonValue | undefined) => (typeof v === 'number' ? v : null);
  let min = num(s['minimum']);
  let max = num(s['maximum']);
  let xmin = num(s['exclusiveMinimum']);
  let xmax = num(s['exclusiveMaximum']);
  if (s['exclusiveMinimum'] === true && min !== null) [xmin, min] = [min, null];
  if (s['exclusiveMaximum'] === true && max !== null) [xmax, max] = [max, null];
  if (min !== null && max !== null) return [`${min}..${max}`];
  const out: string[] = [];
  if (min !== null) out.push(`min ${min}`);
  if (xmin !== null) out.push(`more than ${xmin}`);
  if (max !== null) out.push(`max ${max}`);
  if (xmax !== null) out.push(`less than ${xmax}`);
  return out;
}

/**
 * The first sentence of a description: up to the first `. ` outside code spans and brackets that
 * is followed by a capital or a code span. Used where a field borrows the description of the
 * schema it refers to, whose section has the rest.
 */
export function firstSentence(markdown: string): string {
  const flat = markdown.trim().replace(/\s*\n\s*/g, ' ');
  let depth = 0;
  let inCode = false;
  for (let i = 0; i < flat.length; i++) {
    const ch = flat[i];
    if (ch === '`') inCode = !inCode;
    else if (inCode) continue;
    else if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (ch === '.' && depth === 0 && flat[i + 1] === ' ' && /[A-Z`]/.test(flat[i + 2] ?? '')) return flat.slice(0, i + 1);
  }
  return flat;
}

/** A property's description, or the description of the schema it refers to (its first sentence when that schema has a section). */
export function descriptionText(schema: JsonValue, ctx: FieldContext): string {
  if (!isRecord(schema)) return '';
  const own = schema['description'];
  if (typeof own === 'string') return inline(own);
  // A schema with a section of its own has the whole text there; an inlined one has no other place.
  const ref = refName(schema as JsonSchema);
  const target = ref === null ? undefined : ctx.schemas.get(ref)?.schema['description'];
  if (typeof target !== 'string') return '';
  return inline(ref !== null && ctx.schemaAnchors.has(ref) ? firstSentence(target) : target);
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

function join(prefix: string, name: string): string {
  const part = PLAIN_KEY.test(name) ? name : `[${JSON.stringify(name)}]`;
  return prefix === '' ? part : part.startsWith('[') ? `${prefix}${part}` : `${prefix}.${part}`;
}

/** One row per property of `schema`, depth first; inline objects and inlined schemas are expanded in place. */
export function fieldRows(schema: JsonValue, ctx: FieldContext, prefix = ''): FieldRow[] {
  const out: FieldRow[] = [];
  const visit = (node: JsonSchema, at: string, depth: number) => {
    if (depth > 16) return;
    const props = node['properties'];
    const required = Array.isArray(node['required']) ? node['required'] : [];
    const entries: [string, JsonValue, boolean][] = isRecord(props)
      ? Object.entries(props as JsonSchema).map(([name, sub]) => [join(at, name), sub, required.includes(name)])
      : [];
    const extra = node['additionalProperties'];
    if (isRecord(extra)) entries.push([`${at === '' ? '' : `${at}.`}*`, extra, false]);
    for (const [path, sub, isRequired] of entries) {
      out.push({
        path,
        type: typeText(sub, ctx),
        required: isRequired,
        constraints: constraintsText(sub, ctx),
        description: descriptionText(sub, ctx),
      });
      const inner = expandable(sub, ctx);
      if (inner && isRecord(inner['properties'])) visit(inner, path, depth + 1);
      else if (inner && inner['type'] === 'array' && isRecord(inner['items'])) {
        const item = expandable(inner['items'], ctx);
        if (item && isRecord(item['properties'])) visit(item, `${path}[]`, depth + 1);
      }
    }
  };
  const root = expandable(schema, ctx);
  if (root) visit(root, prefix, 0);
  return out;
}

/** A row as Markdown: the path in a code span, `yes`/`no` for required. */
export function fieldRowMarkdown(row: FieldRow): string {
  return tableRow(fieldCells(row));
}

function fieldCells(row: FieldRow): string[] {
  return [code(row.path), row.type, row.required ? 'yes' : 'no', row.constraints, row.description];
}

export function fieldsTable(rows: readonly FieldRow[]): string {
  return table(FIELD_HEADER, rows.map(fieldCells));
}
