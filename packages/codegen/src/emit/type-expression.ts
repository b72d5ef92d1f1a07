/**
 * A TypeScript type expression for a schema (JSON Schema draft 07 / AsyncAPI Schema Object), for
 * the schemas modelina does not declare by name: it inlines unions, primitives and arrays where
 * they are used. The types emitter declares them as aliases (`export type Shape = Circle | Square`)
 * so that every schema, and every message payload, has a type of its own name.
 */
import type { JsonSchema, JsonValue } from '../model.js';
import { isRecord, refName } from '../load/schemas.js';
import { typeName } from '../lib/names.js';
import { literal } from '../lib/ts.js';

/** `null` when the schema has no type TypeScript can state (it would be `any`). */
export function typeExpression(schema: JsonValue): string | null {
  if (schema === true) return null;
  if (schema === false) return 'never';
  if (!isRecord(schema)) return null;
  const s = schema as JsonSchema;
  const ref = refName(s);
  if (ref !== null) return typeName(ref);
  if ('const' in s) return valueLiteral(s['const'] ?? null);
  const values = s['enum'];
  if (Array.isArray(values)) return union(values.map(valueLiteral));
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = s[key];
    if (Array.isArray(list)) {
      const parts = list.map(typeExpression);
      return parts.every((p): p is string => p !== null) ? union(parts) : null;
    }
  }
  const all = s['allOf'];
  if (Array.isArray(all)) {
    const parts = all.map(typeExpression);
    return parts.every((p): p is string => p !== null) ? parts.map(paren).join(' & ') : null;
  }
  const type = s['type'];
  if (Array.isArray(type)) return union(type.map((t) => primitive(String(t), s)).filter((t): t is string => t !== null));
  return typeof type === 'string' ? primitive(type, s) : null;
}

function primitive(type: string, s: JsonSchema): string | null {
  switch (type) {
    case 'string': return 'string';
    case 'integer':
    case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'null': return 'null';
    case 'array': {
      const items = s['items'];
      if (items === undefined) return null;
      const item = Array.isArray(items) ? null : typeExpression(items);
      return item === null ? null : `${paren(item)}[]`;
    }
    case 'object': {
      const props = s['properties'];
      const closed = s['additionalProperties'] === false;
      return closed && (!isRecord(props) || Object.keys(props).length === 0) ? 'Record<string, never>' : null;
    }
    default: return null;
  }
}

function valueLiteral(value: JsonValue): string {
  if (typeof value === 'string') return literal(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return JSON.stringify(value);
}

function union(parts: readonly string[]): string {
  const unique = [...new Set(parts)];
  return unique.length === 0 ? 'never' : unique.join(' | ');
}

function paren(expr: string): string {
  return /[|&]/.test(expr) ? `(${expr})` : expr;
}
