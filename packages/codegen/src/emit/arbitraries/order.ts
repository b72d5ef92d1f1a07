/**
 * The order schemas are declared in: every schema after the schemas it refers to, so each
 * arbitrary is a plain `const`; schemas that refer to each other (a recursive group) are declared
 * together through `fc.letrec`. Groups keep the spec's order where references allow it.
 */
import type { JsonSchema, JsonValue, SchemaModel } from '../../model.js';
import { isRecord, refName } from '../../load/schemas.js';
import { refsIn } from './context.js';

/** Groups of schemas in declaration order; a group of several (or of one referring to itself) is recursive. */
export interface SchemaGroup {
  readonly schemas: readonly SchemaModel[];
  readonly recursive: boolean;
}

/** Tarjan's algorithm over `$ref`s: groups come out dependencies first, and deterministically. */
export function declarationOrder(schemas: readonly SchemaModel[]): SchemaGroup[] {
  const byName = new Map(schemas.map((s) => [s.name, s]));
  const edges = new Map(schemas.map((s) => [s.name, refsIn(s.schema).filter((r) => byName.has(r))]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: SchemaGroup[] = [];
  let next = 0;
  const connect = (name: string): void => {
    index.set(name, next);
    low.set(name, next);
    next++;
    stack.push(name);
    onStack.add(name);
    for (const to of edges.get(name) ?? []) {
      if (!index.has(to)) {
        connect(to);
        low.set(name, Math.min(low.get(name) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) {
        low.set(name, Math.min(low.get(name) ?? 0, index.get(to) ?? 0));
      }
    }
    if (low.get(name) !== index.get(name)) return;
    const members: string[] = [];
    for (;;) {
      const top = stack.pop() as string;
      onStack.delete(top);
      members.push(top);
      if (top === name) break;
    }
    const order = schemas.filter((s) => members.includes(s.name));
    const recursive = members.length > 1 || (edges.get(name) ?? []).includes(name);
    out.push({ schemas: order, recursive });
  };
  for (const s of schemas) if (!index.has(s.name)) connect(s.name);
  return out;
}

/**
 * For a recursive group, a cycle of references no value can end (`A` requires a `B`, which
 * requires an `A`), as the names along it; `null` when every cycle passes through an optional
 * property, an array that may be empty, or a union with a branch outside the group.
 */
export function endlessCycle(group: SchemaGroup): string[] | null {
  const names = new Set(group.schemas.map((s) => s.name));
  const mandatory = new Map(group.schemas.map((s) => [s.name, mandatoryRefs(s.schema, names)]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (name: string): string[] | null => {
    state.set(name, 'open');
    path.push(name);
    for (const to of mandatory.get(name) ?? []) {
      if (state.get(to) === 'open') return [...path.slice(path.indexOf(to)), to];
      if (!state.has(to)) {
        const found = visit(to);
        if (found) return found;
      }
    }
    path.pop();
    state.set(name, 'done');
    return null;
  };
  for (const s of group.schemas) {
    if (!state.has(s.name)) {
      const found = visit(s.name);
      if (found) return found;
    }
  }
  return null;
}

/** The group members every value of `schema` must contain. */
function mandatoryRefs(schema: JsonValue, group: ReadonlySet<string>): string[] {
  if (!isRecord(schema)) return [];
  const s = schema as JsonSchema;
  const ref = refName(s);
  if (ref !== null) return group.has(ref) ? [ref] : [];
  for (const keyword of ['oneOf', 'anyOf']) {
    const branches = s[keyword];
    if (!Array.isArray(branches)) continue;
    const each = branches.map((b) => mandatoryRefs(b, group));
    // One branch that needs no group member can end the recursion.
    if (each.some((refs) => refs.length === 0)) return [];
    return [...new Set(each.flat())];
  }
  const out: string[] = [];
  const props = s['properties'];
  const required = Array.isArray(s['required']) ? s['required'] : [];
  if (isRecord(props)) {
    for (const [key, sub] of Object.entries(props as Record<string, JsonValue>)) {
      if (required.includes(key)) out.push(...mandatoryRefs(sub, group));
    }
  }
  const minItems = s['minItems'];
  if (typeof minItems === 'number' && minItems > 0 && s['items'] !== undefined) out.push(...mandatoryRefs(s['items'] ?? null, group));
  return [...new Set(out)];
}
