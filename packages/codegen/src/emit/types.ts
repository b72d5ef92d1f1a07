/**
 * The types emitter (AsyncAPI 3.0.0 "Schema Object", "Message Object"): TypeScript types for every
 * schema, built by @asyncapi/modelina (interfaces, unions for enums; property names and string
 * literals printed by our preset and constraints), then reworked with ts-morph: exported, open
 * objects given an index signature, empty closed objects made `Record<string, never>`,
 * and a const object beside each enum so its members are values too (`ErrorCode.INVALID_MESSAGE`).
 * Writes `src/types.ts`.
 */
import { TypeScriptGenerator, TS_DESCRIPTION_PRESET, type OutputModel, type TypeScriptPreset } from '@asyncapi/modelina';
import {
  Node, StructureKind, SyntaxKind,
  type InterfaceDeclarationStructure, type SourceFile, type StatementStructures,
  type TypeAliasDeclarationStructure, type WriterFunction,
} from 'ts-morph';
import type { Diagnostic } from '../diagnostics.js';
import type { JsonSchema, JsonValue, Model, SchemaModel } from '../model.js';
import { COMPONENT_REF_PREFIX, isRecord } from '../load/schemas.js';
import { constantCase, typeName } from '../lib/names.js';
import { constObject, createProject, docText, literal, print, propertyName } from '../lib/ts.js';
import type { EmitContext, EmitResult, Emitter } from './context.js';
import { interfaceMembers, statesType, typeExpression } from './type-expression.js';
import { walkSchema } from '../lib/json-schema.js';

const ROOT_ID = '__SwitchboardModelinaRoot';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export const typesEmitter: Emitter = {
  name: 'types',
  inputs: ['source', 'schemas'],
  async emit(model: Model, ctx: EmitContext): Promise<EmitResult> {
    const diagnostics: Diagnostic[] = [];
    const outputs = await runModelina(model);
    const project = createProject();
    const closedEmpty = new Set(model.schemas.filter((s) => isClosedEmptyObject(s.schema)).map((s) => typeName(s.name)));
    const enums = new Map(model.schemas.map((s) => [typeName(s.name), s] as const));
    // All of modelina's output is parsed once, and read as structures.
    const models = outputs.filter((out) => out.modelName !== typeName(ROOT_ID));
    const scratch = project.createSourceFile('models.ts', models.map((out) => out.result).join('\n\n'));
    replaceAny(scratch, model, diagnostics);
    const statements: (StatementStructures | WriterFunction)[] = [];
    const declared = new Set<string>();
    for (const structure of reshape(scratch, closedEmpty)) {
      statements.push(structure);
      declared.add(structure.name);
      const schema = enums.get(structure.name);
      const constant = schema && structure.kind === StructureKind.TypeAlias && enumConstant(structure.name, schema);
      if (constant) statements.push(constant);
    }
    // modelina inlines unions, primitives and arrays; every schema still gets a type of its name.
    for (const s of model.schemas) {
      const name = typeName(s.name);
      if (declared.has(name)) continue;
      statements.push(aliasOf(name, s));
      declared.add(name);
    }
    const file = project.createSourceFile('types.ts');
    file.addStatements(statements);
    return { files: [{ path: 'src/types.ts', content: print(file, ctx.source) }], diagnostics };
  },
};

/**
 * `export interface Name { ... }` for a plain object schema, else `export type Name = <expression>;`,
 * with the schema's description as its doc comment.
 */
function aliasOf(name: string, s: SchemaModel): WriterFunction {
  const members = interfaceMembers(s.schema);
  const description = s.schema['description'];
  const doc = typeof description === 'string' ? docText(description) : undefined;
  return (writer) => {
    writer.blankLineIfLastNot();
    if (doc) writer.writeLine(`/** ${doc.replace(/\n/g, ' ')} */`);
    if (members === null || members.length === 0) {
      writer.writeLine(`export type ${name} = ${typeExpression(s.schema)};`);
      return;
    }
    writer.write(`export interface ${name}`).block(() => {
      for (const m of members) writer.writeLine(`${m};`);
    });
  };
}

/**
 * modelina says `any` where a schema has no type it models: a property gets the type its schema
 * states (`type: 'null'`, a tuple, an untyped schema is `unknown`), any other `any` becomes
 * `unknown`. A fallback to `unknown` where the schema did constrain the value is reported.
 */
function replaceAny(scratch: SourceFile, model: Model, diagnostics: Diagnostic[]): void {
  for (const any of scratch.getDescendantsOfKind(SyntaxKind.AnyKeyword).reverse()) {
    const owner = any.getFirstAncestor((n) => Node.isInterfaceDeclaration(n) || Node.isTypeAliasDeclaration(n));
    const ownerName = owner && (Node.isInterfaceDeclaration(owner) || Node.isTypeAliasDeclaration(owner)) ? owner.getName() : '?';
    const schema = model.schemas.find((s) => typeName(s.name) === ownerName);
    const prop = any.getFirstAncestorByKind(SyntaxKind.PropertySignature);
    const propName = prop ? propertyNameOf(prop.getNameNode()) : null;
    const properties = schema?.schema['properties'];
    const propSchema = propName !== null && isRecord(properties) ? (properties as Record<string, JsonValue>)[propName] : undefined;
    const whole = propSchema !== undefined && prop?.getTypeNode()?.getKind() === SyntaxKind.AnyKeyword;
    const stated = whole ? typeExpression(propSchema) : 'unknown';
    any.replaceWithText(stated);
    if (stated === 'unknown' && whole && statesType(propSchema) && schema) {
      diagnostics.push(unknownFallback(model, schema, propName));
    }
  }
}

/** The JSON name of a property, from its name as printed (bare, or a string literal). */
function propertyNameOf(name: Node): string {
  return Node.isStringLiteral(name) ? name.getLiteralValue() : name.getText();
}

function unknownFallback(model: Model, schema: SchemaModel, propName: string | null): Diagnostic {
  const where = propName ? ` property "${propName}"` : '';
  return {
    severity: 'warning',
    rule: 'switchboard/unknown-type',
    message: `schema ${schema.name}${where} constrains its value in a way TypeScript cannot state; it is typed \`unknown\` and its validator checks it`,
    file: model.source,
    line: 0,
    column: 0,
    path: propName ? [...schema.path, 'properties', propName] : schema.path,
  };
}

/** Runs modelina on one JSON Schema whose `definitions` are the model's schemas, named by `$id`. */
async function runModelina(model: Model): Promise<OutputModel[]> {
  const definitions: Record<string, JsonValue> = {};
  for (const s of model.schemas) {
    if (!modelinaPrints(s.schema)) continue;
    // Our `$id` last: modelina names a model by it, and the schema's own `$id` is not its name here.
    definitions[s.name] = { ...(rewriteRefs(s.schema) as Record<string, JsonValue>), $id: s.name };
  }
  const input = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: ROOT_ID,
    definitions,
    oneOf: Object.keys(definitions).map((name) => ({ $ref: `#/definitions/${name}` })),
  };
  const generator = new TypeScriptGenerator({
    modelType: 'interface',
    enumType: 'union',
    // JSON objects, not Maps: a dictionary is `Record<string, T>` (see openObject for open objects).
    mapType: 'record',
    rawPropertyNames: true,
    presets: [INTERFACE_PROPERTIES, TS_DESCRIPTION_PRESET],
    constraints: {
      modelName: ({ modelName }) => typeName(modelName),
      // String constants printed as TypeScript literals (single quotes, escapes); modelina's own
      // defaults wrap the raw text in double quotes (enums) or single quotes (consts) as it is.
      enumValue: ({ enumValue }) => (typeof enumValue === 'string' || typeof enumValue === 'number' ? literal(enumValue) : JSON.stringify(enumValue)),
      constant: ({ constrainedMetaModel }) => {
        const value: unknown = constrainedMetaModel.options.const?.originalInput;
        return typeof value === 'string' ? literal(value) : undefined;
      },
    },
  });
  return generator.generate(input);
}

/**
 * An interface property as modelina renders it (`?` when optional, a `const` as its literal type),
 * its name written as TypeScript would: bare when it is an identifier, else quoted.
 * (`rawPropertyNames` keeps JSON names, which is what the types must say, but quotes every one.)
 */
const INTERFACE_PROPERTIES: TypeScriptPreset = {
  interface: {
    property({ property }) {
      const optional = property.required === false ? '?' : '';
      const constant = property.property.options.const?.value;
      return `${propertyName(property.unconstrainedPropertyName)}${optional}: ${typeof constant === 'string' ? constant : property.property.type};`;
    },
  },
};

/**
 * modelina prints an enum member that is `null`, a boolean or an object as a string ('null',
 * 'true'): such a schema is typed by typeExpression instead. String constants of any text print
 * right through the enumValue and constant constraints.
 */
function modelinaPrints(schema: JsonValue): boolean {
  let prints = true;
  walkSchema(schema, [], (node) => {
    const values = [...(Array.isArray(node['enum']) ? node['enum'] : []), ...('const' in node ? [node['const']] : [])];
    if (values.some((v) => v === null || typeof v === 'boolean' || typeof v === 'object')) prints = false;
  });
  return prints;
}

function rewriteRefs(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (!isRecord(value)) return value;
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(value as Record<string, JsonValue>)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith(COMPONENT_REF_PREFIX)
      ? `#/definitions/${v.slice(COMPONENT_REF_PREFIX.length)}`
      : rewriteRefs(v);
  }
  return out;
}

/**
 * modelina's declarations, as structures: exported, and an empty closed object as
 * `Record<string, never>` (an empty interface would accept any value).
 */
function reshape(scratch: SourceFile, closedEmpty: ReadonlySet<string>): (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] {
  const out: (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] = [];
  for (const statement of scratch.getStatements()) {
    if (Node.isInterfaceDeclaration(statement)) {
      const structure = statement.getStructure();
      if (closedEmpty.has(structure.name) && statement.getMembers().length === 0) {
        out.push({
          kind: StructureKind.TypeAlias,
          name: structure.name,
          isExported: true,
          type: 'Record<string, never>',
          docs: structure.docs ?? [],
        });
        continue;
      }
      out.push(openObject({ ...structure, isExported: true }));
    } else if (Node.isTypeAliasDeclaration(statement)) {
      out.push({ ...statement.getStructure(), isExported: true });
    } else {
      throw new Error(`unexpected ${statement.getKindName()} in modelina output`);
    }
  }
  return out;
}

/**
 * modelina models the keys an object allows beyond its properties (JSON Schema's default, or an
 * `additionalProperties` schema) as a property `additionalProperties: Map<string, T>`, which
 * is not what the JSON looks like: the keys sit beside the others. It becomes an index signature
 * whose type admits T and every declared property's type.
 */
function openObject(structure: InterfaceDeclarationStructure): InterfaceDeclarationStructure {
  const properties = structure.properties ?? [];
  const extra = properties.find((p) => p.name === 'additionalProperties' && typeof p.type === 'string' && /^Record<string, .*>$/s.test(p.type));
  if (!extra || typeof extra.type !== 'string') return structure;
  const declared = properties.filter((p) => p !== extra);
  const types = [extra.type.slice('Record<string, '.length, -1), ...declared.map((p) => (typeof p.type === 'string' ? p.type : 'unknown'))];
  const optional = declared.some((p) => p.hasQuestionToken === true);
  const parts = [...new Set(types.flatMap((t) => t.split(' | ')))];
  const keyType = parts.includes('unknown') || parts.includes('any') ? 'unknown' : [...parts, ...(optional && !parts.includes('undefined') ? ['undefined'] : [])].join(' | ');
  return {
    ...structure,
    properties: declared,
    indexSignatures: [...(structure.indexSignatures ?? []), { keyName: 'key', keyType: 'string', returnType: keyType }],
  };
}

function isClosedEmptyObject(schema: JsonSchema): boolean {
  const props = schema['properties'];
  return schema['type'] === 'object' && schema['additionalProperties'] === false &&
    (!isRecord(props) || Object.keys(props).length === 0);
}

/**
 * For an enum schema, a const object of its members to place right after its union type, so
 * `ErrorCode.RATE_LIMIT_EXCEEDED` is a value and `ErrorCode` stays the type. Member names come
 * from `x-enum-varnames` when given, else from the values (string enums only); descriptions from
 * `x-enum-descriptions`.
 */
function enumConstant(name: string, schema: SchemaModel): WriterFunction | null {
  const members = enumMembers(schema);
  if (!members) return null;
  return constObject(
    name,
    `Members of {@link ${name}}, by name.`,
    members.map((m) => ({ key: propertyName(m.name), value: literal(m.value), doc: docText(m.description) })),
    ' as const',
  );
}

interface EnumMember { readonly name: string; readonly value: string | number; readonly description: string | null }

function enumMembers(s: SchemaModel): EnumMember[] | null {
  const values = s.schema['enum'];
  if (!Array.isArray(values) || values.length === 0) return null;
  if (!values.every((v) => typeof v === 'string' || typeof v === 'number')) return null;
  const varnames = s.schema['x-enum-varnames'];
  const descriptions = s.schema['x-enum-descriptions'];
  const names = Array.isArray(varnames) && varnames.length === values.length && varnames.every((v) => typeof v === 'string' && IDENTIFIER.test(v))
    ? (varnames as string[])
    : values.every((v) => typeof v === 'string') ? (values as string[]).map(constantCase) : null;
  if (!names || new Set(names).size !== names.length || names.some((n) => n === '')) return null;
  return values.map((value, i) => ({
    name: names[i] as string,
    value: value as string | number,
    description: Array.isArray(descriptions) && typeof descriptions[i] === 'string' ? (descriptions[i] as string) : null,
  }));
}
