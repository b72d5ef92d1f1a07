/**
 * Where a generated `types.ts` says `unknown`, and whether the schema behind each one says nothing
 * about the value (`{}`, `true`, only annotations, an absent `additionalProperties`) or a `not`
 * whose complement is every JSON type: anything else is a fallback the corpus test fails on.
 * Each `unknown` is traced from its declaration (a schema's type, or a nested object modelina
 * named after its property) through properties, items, index signatures and `Record`s.
 */
import ts from 'typescript';
import type { JsonSchema, JsonValue, Model } from '../src/index.js';
import { pascalCase, typeName } from '../src/index.js';

export interface UnknownReport {
  /** Schemas whose whole type is `unknown`. */
  readonly schemas: number;
  /** Properties (and their items or values) typed `unknown`. */
  readonly properties: number;
  /** Index signatures of open objects typed `unknown` (JSON Schema's default for other keys). */
  readonly indexSignatures: number;
  /** Each `unknown` whose schema says something about the value, or that could not be traced. */
  readonly fallbacks: readonly string[];
}

const ANNOTATIONS = new Set(['title', 'description', 'examples', 'example', 'default', '$comment', '$schema', '$id', 'deprecated', 'readOnly', 'writeOnly', 'externalDocs', 'xml', 'discriminator']);

const isRecord = (v: unknown): v is Record<string, JsonValue> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether `schema` allows any value, as far as a TypeScript type can tell. */
function saysNothing(schema: JsonValue | undefined): boolean {
  if (schema === undefined || schema === true) return true;
  if (!isRecord(schema)) return false;
  const keys = Object.keys(schema).filter((k) => !ANNOTATIONS.has(k) && !k.startsWith('x-'));
  if (keys.length === 0) return true;
  // `not` of integers leaves every JSON type, non-integer numbers included: TypeScript cannot say less.
  const not = schema['not'];
  return keys.length === 1 && isRecord(not) && Object.keys(not).every((k) => k === 'type') && (not['type'] === 'integer' || (Array.isArray(not['type']) && not['type'].every((t) => t === 'integer')));
}

/**
 * Every schema of the model by the type name it gets, with the nested objects modelina names
 * after where they sit: `<Parent><Property>`, `<Parent>Item`, `<Parent>OneOf<i>`.
 */
function schemasByName(model: Model): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  const visit = (name: string, schema: JsonValue): void => {
    if (!isRecord(schema) || out.has(name)) return;
    out.set(name, schema as JsonSchema);
    for (const [p, sub] of Object.entries(isRecord(schema['properties']) ? schema['properties'] : {})) visit(`${name}${pascalCase(p)}`, sub);
    if (isRecord(schema['items'])) visit(`${name}Item`, schema['items']);
    for (const key of ['oneOf', 'anyOf', 'allOf']) {
      const list = schema[key];
      if (Array.isArray(list)) list.forEach((branch, i) => visit(`${name}${pascalCase(key)}${i}`, branch));
    }
  };
  for (const s of model.schemas) visit(typeName(s.name), s.schema);
  return out;
}

/** The schema a type node inside `node`'s declaration stands for, walking from the declaration down to `unknown`. */
function schemaAt(unknown: ts.Node, top: ts.Node, schema: JsonValue | undefined): { kind: 'schema' | 'property' | 'index'; schema: JsonValue | undefined } {
  const chain: ts.Node[] = [];
  for (let n: ts.Node | undefined = unknown; n && n !== top; n = n.parent) chain.unshift(n);
  let current = schema;
  let kind: 'schema' | 'property' | 'index' = 'schema';
  for (const [i, n] of chain.entries()) {
    const s = isRecord(current) ? current : {};
    const tuple = Array.isArray(s['prefixItems']) ? s['prefixItems'] : Array.isArray(s['items']) ? s['items'] : null;
    if (ts.isPropertySignature(n)) {
      const name = ts.isStringLiteral(n.name) ? n.name.text : n.name.getText();
      current = isRecord(s['properties']) ? s['properties'][name] : undefined;
      kind = 'property';
    } else if (ts.isIndexSignatureDeclaration(n)) {
      current = s['additionalProperties'];
      kind = 'index';
    } else if (ts.isTupleTypeNode(n)) {
      const element = chain[i + 1];
      const index = element === undefined ? -1 : n.elements.indexOf(element as ts.TypeNode);
      current = element !== undefined && ts.isRestTypeNode(element) ? (Array.isArray(s['items']) ? s['additionalItems'] : s['items']) : tuple?.[index];
    } else if (ts.isArrayTypeNode(n) && !ts.isRestTypeNode(n.parent)) {
      current = s['items'];
    } else if (ts.isTypeReferenceNode(n) && n.typeName.getText() === 'Record') {
      current = s['additionalProperties'];
    }
  }
  return { kind, schema: current };
}

export function unknownReport(doc: string, types: string, model: Model): UnknownReport {
  const file = ts.createSourceFile('types.ts', types, ts.ScriptTarget.Latest, true);
  const byName = schemasByName(model);
  const counts = { schema: 0, property: 0, index: 0 };
  const fallbacks: string[] = [];
  for (const statement of file.statements) {
    if (!ts.isInterfaceDeclaration(statement) && !ts.isTypeAliasDeclaration(statement)) continue;
    const name = statement.name.text;
    const owner = byName.get(name);
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.UnknownKeyword) {
        if (owner === undefined) {
          fallbacks.push(`${doc}: ${name}: unknown in a declaration no schema is named for`);
          return;
        }
        const at = schemaAt(n, statement, owner);
        counts[at.kind]++;
        if (!saysNothing(at.schema)) fallbacks.push(`${doc}: ${name}: unknown (${at.kind}) for ${JSON.stringify(at.schema)?.slice(0, 120)}`);
      }
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(statement, visit);
  }
  return { schemas: counts.schema, properties: counts.property, indexSignatures: counts.index, fallbacks };
}
