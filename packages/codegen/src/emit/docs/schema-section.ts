/**
 * Sections for the shared component schemas (AsyncAPI 3.0.0 "Components Object" `schemas`,
 * "Schema Object"): objects with a fields table, enums with a value table (names from
 * `x-enum-varnames`, meanings from `x-enum-descriptions`), unions with their branches, and
 * value schemas with their constraints. The `ErrorCode` and `CloseCode` enums, when the spec has
 * them, get top-level sections of their own.
 */
import type { JsonSchema, JsonValue, SchemaModel } from '../../model.js';
import { block, code, heading, inline, jsonCode, list, table, text } from '../../lib/markdown.js';
import { CLOSE_CODE_SCHEMA, ERROR_CODE_SCHEMA, type Catalog, type SectionId } from './catalog.js';
import { constraintsText, fieldRows, fieldsTable, typeText, type FieldContext } from './fields.js';
import { messageLink } from './message-section.js';

/** An enum schema: a non-empty `enum` list. */
export function isEnumSchema(schema: JsonSchema | undefined): boolean {
  return !!schema && Array.isArray(schema['enum']) && schema['enum'].length > 0;
}

/** The schemas with a top-level section instead of one under Schemas, by section. */
export function promotedSchemas(cat: Catalog): Map<SectionId, SchemaModel> {
  const out = new Map<SectionId, SchemaModel>();
  for (const [section, name] of [['error-codes', ERROR_CODE_SCHEMA], ['close-codes', CLOSE_CODE_SCHEMA]] as const) {
    const s = cat.schemas.get(name);
    if (s && cat.anchors.schema.has(name) && isEnumSchema(s.schema)) out.set(section, s);
  }
  return out;
}

function strings(value: JsonValue | undefined, length: number): (string | null)[] | null {
  if (!Array.isArray(value)) return null;
  return Array.from({ length }, (_, i) => {
    const v: JsonValue | undefined = value[i];
    return typeof v === 'string' ? v : null;
  });
}

/**
 * The value table of an enum: value, name (`x-enum-varnames`) and description
 * (`x-enum-descriptions`), the last two only when the spec gives them. `raw` shows values as
 * codes (`FORBIDDEN`, `4001`) rather than as JSON (`"FORBIDDEN"`).
 */
export function enumTable(schema: JsonSchema, valueHeader: string, raw: boolean): string {
  const values = (schema['enum'] as JsonValue[] | undefined) ?? [];
  const names = strings(schema['x-enum-varnames'], values.length);
  const descriptions = strings(schema['x-enum-descriptions'], values.length);
  const header = [valueHeader, ...(names ? ['name'] : []), ...(descriptions ? ['description'] : [])];
  const rows = values.map((v, i) => [
    raw && (typeof v === 'string' || typeof v === 'number') ? code(String(v)) : jsonCode(v),
    ...(names ? [names[i] ? code(names[i] ?? '') : ''] : []),
    ...(descriptions ? [descriptions[i] ? inline(descriptions[i] ?? '') : ''] : []),
  ]);
  return table(header, rows);
}

function withoutEnum(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([k]) => k !== 'enum'));
}

function usedByLine(s: SchemaModel, cat: Catalog): string | null {
  const users = cat.usedBy.get(s.name) ?? [];
  if (users.length === 0) return null;
  const all = users.length > 1 && users.length === cat.model.messages.length;
  return `- **Used by:** ${all ? 'every message' : users.map((m) => messageLink(m, cat)).join(', ')}`;
}

/** The body of a schema's section, after its heading. */
function schemaBody(s: SchemaModel, cat: Catalog, fields: FieldContext, codes: boolean): string[] {
  const schema = s.schema;
  const parts: string[] = [];
  const description = schema['description'];
  if (typeof description === 'string') parts.push(block(description, codes ? 2 : 3));
  const isEnum = isEnumSchema(schema);
  const facts = [`- **Type:** ${typeText(schema, fields)}`];
  const constraints = constraintsText(isEnum ? withoutEnum(schema) : schema, fields);
  if (constraints !== '') facts.push(`- **Constraints:** ${constraints}`);
  const discriminator = schema['discriminator'];
  if (typeof discriminator === 'string') facts.push(`- **Discriminator:** ${code(discriminator)}`);
  const examples = schema['examples'];
  if (Array.isArray(examples) && examples.length > 0) {
    facts.push(`- **Examples:** ${examples.map((e: JsonValue) => jsonCode(e)).join(', ')}`);
  }
  const used = usedByLine(s, cat);
  if (used !== null) facts.push(used);
  parts.push(facts.join('\n'));

  if (isEnum) parts.push(enumTable(schema, codes ? 'code' : 'value', codes));
  const rows = fieldRows(schema, fields);
  if (rows.length > 0) parts.push(fieldsTable(rows));
  // The branches again, with their constraints, when the type line cannot show those.
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const branches = schema[key];
    if (!Array.isArray(branches)) continue;
    const items = branches.map((b: JsonValue) => {
      const c = constraintsText(b, fields);
      return { type: typeText(b, fields), constraints: c };
    });
    if (items.every((i) => i.constraints === '')) continue;
    const lead = key === 'allOf' ? 'Matches all of:' : key === 'oneOf' ? 'Matches exactly one of:' : 'Matches at least one of:';
    parts.push(`${lead}\n\n${list(items.map((i) => `${i.type}${i.constraints === '' ? '' : ` (${i.constraints})`}`))}`);
  }
  return parts;
}

/** A schema's section under Schemas: `### Name` with its anchor. */
export function schemaSection(s: SchemaModel, cat: Catalog, fields: FieldContext): string {
  return [heading(3, text(s.name), [cat.anchors.schema.get(s.name) ?? '']), ...schemaBody(s, cat, fields, false)].join('\n\n');
}

/** A top-level codes section (Error codes, Close codes): the section's anchor and the schema's. */
export function codesSection(section: SectionId, title: string, s: SchemaModel, cat: Catalog, fields: FieldContext): string {
  const anchors = [cat.anchors.section.get(section) ?? section, cat.anchors.schema.get(s.name) ?? ''];
  return [heading(2, title, anchors), ...schemaBody(s, cat, fields, true)].join('\n\n');
}
