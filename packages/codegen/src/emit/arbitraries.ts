/**
 * The arbitraries emitter (AsyncAPI 3.0.0 "Schema Object" and "Message Object"; JSON Schema
 * draft 07 validation keywords): fast-check arbitraries of valid values for every schema and every
 * message, and of invalid values one keyword away, each with the keyword and JSON pointer the
 * generated validators report. The derivation happens here, at generate time; the output is plain
 * fast-check code (`fc.record({ room: Id, text: fc.string(...) }, { requiredKeys: [...] })`), not
 * an interpreter of schemas. Writes `src/arbitraries.ts`, which imports `fast-check`.
 */
import { StructureKind, type StatementStructures, type WriterFunction } from 'ts-morph';
import type { Diagnostic } from '../diagnostics.js';
import type { MessageModel, Model, SchemaModel } from '../model.js';
import { typeName } from '../lib/names.js';
import { arrow, call, object, printCode, quote, raw, type Code } from '../lib/code.js';
import { createProject, literal, print } from '../lib/ts.js';
import type { EmitContext, EmitResult, Emitter } from './context.js';
import { RULE, refsIn, typesOf, type DeriveContext } from './arbitraries/context.js';
import { declarationOrder, endlessCycle, type SchemaGroup } from './arbitraries/order.js';
import { leavesOf, mutations, oneOf, withLeaves } from './arbitraries/invalid.js';
import { checkKeywords, fieldsOf, needsPresenceRules, objectArbitrary, objectShape, validArbitrary } from './arbitraries/valid.js';
import { INVALID_KINDS, helpersFor, type RuntimeHelper } from './arbitraries/runtime.js';

export const arbitrariesEmitter: Emitter = {
  name: 'arbitraries',
  inputs: ['source', 'schemas', 'messages'],
  emit(model: Model, ctx: EmitContext): EmitResult {
    const diagnostics: Diagnostic[] = [];
    const state = createState(model, diagnostics);
    const groups = declarationOrder(model.schemas);
    const validStatements = deriveValid(state, groups);
    const invalidStatements = deriveInvalid(state, groups, model);
    const available = { ...model, schemas: model.schemas.filter((s) => !state.failed.has(s.name)), messages: model.messages.filter((m) => !state.failed.has(m.payloadSchema)) };
    const content = assemble(available, ctx, validStatements, invalidStatements, state.invalidConsts);
    return { files: [{ path: 'src/arbitraries.ts', content }], diagnostics };
  },
};

/** What the derivation of one document's arbitraries keeps track of while it walks the schemas. */
interface State {
  readonly derive: DeriveContext;
  /** The schema being derived, for findings. */
  current: SchemaModel | undefined;
  /** Names bound by `tie` while a recursive group is derived. */
  tied: ReadonlySet<string>;
  /** The recursive group whose invalid values are being derived. */
  sameGroup: ReadonlySet<string>;
  phase: 'valid' | 'invalid';
  /**
   * Schemas whose valid (or, in the second phase, invalid) values cannot be derived: each costs
   * its own arbitrary and those of the schemas that use it, never the file.
   */
  readonly failed: Set<string>;
  readonly invalidFailed: Set<string>;
  /** Schema name -> the const holding its property arbitraries, for objects with presence rules. */
  readonly fieldConsts: Map<string, string>;
  readonly invalidConsts: Map<string, string>;
  readonly invalidLeaves: Map<string, number>;
}

function createState(model: Model, diagnostics: Diagnostic[]): State {
  const reported = new Set<string>();
  const state: State = {
    current: undefined, tied: new Set(), sameGroup: new Set(), phase: 'valid',
    failed: new Set(), invalidFailed: new Set(), fieldConsts: new Map(), invalidConsts: new Map(), invalidLeaves: new Map(),
    derive: {
      schemas: new Map(model.schemas.map((s) => [s.name, s])),
      ref: (name) => (state.tied.has(name) ? call('tie', raw(quote(typeName(name)))) : raw(typeName(name))),
      invalidRef: (name) => {
        const c = state.sameGroup.has(name) ? undefined : state.invalidConsts.get(name);
        return c === undefined ? null : withLeaves(raw(c), state.invalidLeaves.get(name) ?? 1);
      },
      unsupported: (at, message) => {
        if (state.current) (state.phase === 'valid' ? state.failed : state.invalidFailed).add(state.current.name);
        const path = [...(state.current?.path ?? []), ...at];
        const key = JSON.stringify([path, message]);
        if (reported.has(key)) return;
        reported.add(key);
        const what = state.phase === 'valid' ? 'it and the schemas using it have no arbitrary' : 'it has no invalid values';
        diagnostics.push({ severity: 'warning', rule: RULE, message: `schema ${state.current?.name ?? '?'}: ${message}; ${what}`, file: model.source, line: 0, column: 0, path });
      },
    },
  };
  return state;
}

/** The valid arbitraries, in declaration order, without those of failed schemas and their dependents. */
function deriveValid(state: State, groups: readonly SchemaGroup[]): Declaration[] {
  const derived: { readonly names: readonly string[]; readonly declaration: Declaration }[] = [];
  for (const group of groups) {
    if (group.recursive) {
      derived.push({ names: group.schemas.map((s) => s.name), declaration: recursiveGroup(state, group) });
      continue;
    }
    const s = group.schemas[0] as SchemaModel;
    state.current = s;
    const t = typeName(s.name);
    const fields = presenceFields(s, state.derive);
    if (fields) {
      const name = `${t.charAt(0).toLowerCase()}${t.slice(1)}Properties`;
      state.fieldConsts.set(s.name, name);
      derived.push({ names: [s.name], declaration: constant(name, null, fields, 'The arbitrary of each property, for objects that need them all at once.') });
    }
    const valid = fields ? objectArbitrary(s.schema, [], state.derive, raw(state.fieldConsts.get(s.name) ?? '')) : validArbitrary(s.schema, [], state.derive);
    if (valid) derived.push({ names: [s.name], declaration: constant(t, `fc.Arbitrary<types.${t}>`, valid) });
  }
  failDependents([...state.derive.schemas.values()], state.failed);
  return derived.filter((d) => d.names.every((n) => !state.failed.has(n))).map((d) => d.declaration);
}

/** Schemas that refer to each other, declared together through `fc.letrec`; one failing fails them all. */
function recursiveGroup(state: State, group: SchemaGroup): Declaration {
  state.tied = new Set(group.schemas.map((s) => s.name));
  const entries: [string, Code][] = [];
  const cycle = endlessCycle(group);
  state.current = group.schemas[0];
  if (cycle) state.derive.unsupported([], `the references ${cycle.join(' -> ')} never end: every value would be infinite`);
  for (const s of group.schemas) {
    state.current = s;
    const valid = validArbitrary(s.schema, [], state.derive);
    if (valid) entries.push([typeName(s.name), valid]);
  }
  state.tied = new Set();
  const names = group.schemas.map((s) => typeName(s.name));
  const letrec = call(raw(`fc.letrec<{ ${names.map((n) => `${n}: types.${n}`).join('; ')} }>`), arrow('tie', object(entries)));
  if (group.schemas.some((s) => state.failed.has(s.name))) for (const s of group.schemas) state.failed.add(s.name);
  return constant(`{ ${names.join(', ')} }`, null, letrec);
}

/** The invalid arbitraries of every schema that has valid ones and mutations. */
function deriveInvalid(state: State, groups: readonly SchemaGroup[], model: Model): Declaration[] {
  state.phase = 'invalid';
  const discriminators = new Map(model.messages.filter((m) => m.type !== null).map((m) => [m.payloadSchema, 'type']));
  const invalidStatements: Declaration[] = [];
  for (const group of groups) {
    state.sameGroup = group.recursive ? new Set(group.schemas.map((s) => s.name)) : new Set();
    for (const s of group.schemas) {
      if (state.failed.has(s.name)) continue;
      state.current = s;
      const t = typeName(s.name);
      const types = typesOf(s.schema);
      const isObject = types?.length === 1 && types[0] === 'object';
      const fields = state.fieldConsts.get(s.name);
      const list = mutations(s.schema, [], state.derive, {
        ...(discriminators.has(s.name) ? { discriminator: 'type' } : {}),
        ...(isObject ? { self: raw(t) } : {}),
        ...(fields ? { fields: raw(fields) } : {}),
      });
      if (list.length === 0 || state.invalidFailed.has(s.name)) continue;
      const all = oneOf(list);
      state.invalidConsts.set(s.name, `invalid${t}`);
      state.invalidLeaves.set(s.name, leavesOf(all));
      invalidStatements.push(constant(`invalid${t}`, 'fc.Arbitrary<InvalidValue>', all));
    }
  }
  state.sameGroup = new Set();
  return invalidStatements;
}

/** Adds to `failed` every schema that refers, directly or not, to one in it. */
function failDependents(schemas: readonly SchemaModel[], failed: Set<string>): void {
  for (let grew = failed.size > 0; grew;) {
    grew = false;
    for (const s of schemas) {
      if (!failed.has(s.name) && refsIn(s.schema).some((r) => failed.has(r))) {
        failed.add(s.name);
        grew = true;
      }
    }
  }
}

/** The property arbitraries of an object schema with presence rules, declared once for the valid and the invalid values. */
function presenceFields(s: SchemaModel, derive: DeriveContext): Code | null {
  const types = typesOf(s.schema);
  if (types?.length !== 1 || types[0] !== 'object' || '$ref' in s.schema || 'enum' in s.schema || 'const' in s.schema) return null;
  if (['oneOf', 'anyOf', 'not', 'if'].some((k) => k in s.schema)) return null;
  const shape = objectShape(s.schema, [], derive);
  if (!shape || !needsPresenceRules(shape)) return null;
  checkKeywords(s.schema, [], derive); // validArbitrary, which checks them otherwise, is not called for this schema
  return fieldsOf(shape, [], derive);
}

const blankLine: WriterFunction = (writer) => {
  writer.blankLineIfLastNot();
};

/** A declaration's text, and the writer that adds it; the texts tell which helpers the file needs. */
interface Declaration {
  readonly text: string;
  readonly write: WriterFunction;
}

/** `[export] const name: type = code;`, printed to fit the line width, with an optional doc comment. */
function constant(name: string, type: string | null, code: Code, doc?: string, isExported = false): Declaration {
  const head = `${isExported ? 'export ' : ''}const ${name}${type ? `: ${type}` : ''} = `;
  const text = head + printCode(code, 0, 110, head.length) + ';';
  return {
    text,
    write: (writer) => {
      writer.blankLineIfLastNot();
      if (doc) writer.writeLine(`/** ${doc} */`);
      writer.write(text).newLine();
    },
  };
}

function exported(name: string, type: string, code: Code, doc: string): Declaration {
  return constant(name, type, code, doc, true);
}

type Routed = MessageModel & { readonly type: string };

/** The messages routed by `type`, grouped by it and by direction, with the helpers the exports are written with. */
interface Routing {
  readonly byType: ReadonlyMap<string, readonly Routed[]>;
  readonly client: readonly Routed[];
  readonly server: readonly Routed[];
}

function routingOf(model: Model): Routing {
  const routed = model.messages.filter((m): m is Routed => m.type !== null);
  const byType = new Map<string, Routed[]>();
  for (const m of routed) byType.set(m.type, [...(byType.get(m.type) ?? []), m]);
  return { byType, client: routed.filter((m) => m.directions.fromClient), server: routed.filter((m) => m.directions.fromServer) };
}

const payloads = (list: readonly Routed[]): string[] => [...new Set(list.map((m) => typeName(m.payloadSchema)))];
const anyOf = (names: readonly string[]): Code => (names.length === 1 ? raw(names[0] as string) : call('fc.oneof', ...names.map(raw)));

/** The exports of valid values: by schema, by message `type`, and per direction. */
function validApi(model: Model, routing: Routing): (StatementStructures | Declaration)[] {
  const { byType, client, server } = routing;
  const api: (StatementStructures | Declaration)[] = [];
  api.push({
    kind: StructureKind.Interface,
    name: 'SchemaArbitraries',
    isExported: true,
    docs: ['An arbitrary of valid values for each schema of the spec, by type name.'],
    properties: model.schemas.map((s) => ({ name: typeName(s.name), isReadonly: true, type: `fc.Arbitrary<types.${typeName(s.name)}>` })),
  });
  api.push(exported('arbitraries', 'SchemaArbitraries', object(model.schemas.map((s) => [typeName(s.name), raw(typeName(s.name))])),
    'Valid values of every schema: shrinkable, and within every bound the validators check.'));
  api.push({
    kind: StructureKind.Interface,
    name: 'MessageArbitraries',
    isExported: true,
    docs: ['An arbitrary of valid messages for each message `type`.'],
    properties: [...byType].map(([type, list]) => ({ name: literal(type), isReadonly: true, type: `fc.Arbitrary<${payloads(list).map((t) => `types.${t}`).join(' | ')}>` })),
  });
  api.push(exported('messageArbitraries', 'MessageArbitraries', object([...byType].map(([type, list]) => [literal(type), anyOf(payloads(list))])),
    'Valid messages by `type`: whole envelopes, as they travel on the wire.'));
  if (client.length > 0) api.push(exported('clientMessage', 'fc.Arbitrary<ClientMessage>', anyOf(payloads(client)), 'Any valid message a client sends.'));
  if (server.length > 0) api.push(exported('serverMessage', 'fc.Arbitrary<ServerMessage>', anyOf(payloads(server)), 'Any valid message the server sends.'));
  return api;
}

/** The exports of invalid values: by schema, by message `type`, and per direction. */
function invalidApi(model: Model, routing: Routing, invalidConsts: ReadonlyMap<string, string>): (StatementStructures | Declaration)[] {
  const { byType, client, server } = routing;
  const api: (StatementStructures | Declaration)[] = [];
  const withInvalid = model.schemas.filter((s) => invalidConsts.has(s.name));
  api.push({
    kind: StructureKind.Interface,
    name: 'InvalidSchemaArbitraries',
    isExported: true,
    docs: ['Invalid values for each schema that has any, by type name; pointers are relative to the value.'],
    properties: withInvalid.map((s) => ({ name: typeName(s.name), isReadonly: true, type: 'fc.Arbitrary<InvalidValue>' })),
  });
  api.push(exported('invalidArbitraries', 'InvalidSchemaArbitraries', object(withInvalid.map((s) => [typeName(s.name), raw(invalidConsts.get(s.name) ?? '')])),
    'Invalid values of every schema, each one change away from a valid value.'));
  const invalidOf = (list: readonly Routed[]): string[] => [...new Set(list.map((m) => invalidConsts.get(m.payloadSchema)).filter((c): c is string => c !== undefined))];
  const invalidTypes = [...byType].filter(([, list]) => invalidOf(list).length > 0);
  api.push({
    kind: StructureKind.Interface,
    name: 'InvalidMessageArbitraries',
    isExported: true,
    docs: ['Invalid messages for each message `type`.'],
    properties: invalidTypes.map(([type]) => ({ name: literal(type), isReadonly: true, type: 'fc.Arbitrary<InvalidValue>' })),
  });
  api.push(exported('invalidMessageArbitraries', 'InvalidMessageArbitraries', object(invalidTypes.map(([type, list]) => [literal(type), anyOf(invalidOf(list))])),
    'Invalid messages by `type`, each rejected by the validators with `INVALID_MESSAGE`, its `keyword` and its `pointer`. The `type` keeps its value: another one routes the message elsewhere.'));
  if (invalidOf(client).length > 0) api.push(exported('invalidClientMessage', 'fc.Arbitrary<InvalidValue>', anyOf(invalidOf(client)), 'Any invalid message a client could send.'));
  if (invalidOf(server).length > 0) api.push(exported('invalidServerMessage', 'fc.Arbitrary<InvalidValue>', anyOf(invalidOf(server)), 'Any invalid message the server could send.'));
  return api;
}

/** The imports, the `InvalidKind` and `InvalidValue` types, and `JsonType` when a helper needs it. */
function fileHead(routing: Routing, used: readonly RuntimeHelper[]): (StatementStructures | WriterFunction)[] {
  const unions = [routing.client.length > 0 ? 'ClientMessage' : null, routing.server.length > 0 ? 'ServerMessage' : null].filter((n): n is string => n !== null);
  const head: (StatementStructures | WriterFunction)[] = [
    { kind: StructureKind.ImportDeclaration, defaultImport: 'fc', moduleSpecifier: 'fast-check' },
    ...(unions.length > 0 ? [{ kind: StructureKind.ImportDeclaration, isTypeOnly: true, namedImports: unions, moduleSpecifier: './messages.js' } as const] : []),
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, namespaceImport: 'types', moduleSpecifier: './types.js' },
    (writer) => {
      writer.blankLine().writeLine('/** What makes an invalid value invalid: the one change made to a valid value. */');
      writer.writeLine('export type InvalidKind =');
      writer.indent(() => INVALID_KINDS.forEach((k, i) => writer.writeLine(`| ${quote(k)}${i === INVALID_KINDS.length - 1 ? ';' : ''}`)));
    },
    blankLine,
    {
      kind: StructureKind.Interface,
      name: 'InvalidValue',
      isExported: true,
      docs: ['A value that breaks exactly one keyword of its schema, and what a validator reports about it.'],
      properties: [
        { name: 'value', type: 'unknown', isReadonly: true, docs: ['The value: valid but for one change.'] },
        { name: 'kind', type: 'InvalidKind', isReadonly: true },
        { name: 'pointer', type: 'string', isReadonly: true, docs: ['JSON pointer (RFC 6901) to the changed value; for a missing or extra property, to that property.'] },
        { name: 'keyword', type: 'string', isReadonly: true, docs: ['The JSON Schema keyword that fails, e.g. `maxLength`, `required`, `dependencies`.'] },
      ],
    },
  ];
  if (used.some((h) => h.name === 'wrongType' || h.name === 'isOneOf' || h.name === 'otherTypes')) {
    head.push(blankLine, { kind: StructureKind.TypeAlias, name: 'JsonType', type: "'string' | 'integer' | 'number' | 'boolean' | 'null' | 'array' | 'object'" });
  }
  return head;
}

function assemble(
  model: Model,
  ctx: EmitContext,
  validStatements: readonly Declaration[],
  invalidStatements: readonly Declaration[],
  invalidConsts: ReadonlyMap<string, string>,
): string {
  const routing = routingOf(model);
  const api = [...validApi(model, routing), ...invalidApi(model, routing, invalidConsts)];
  const declarations = [...validStatements, ...invalidStatements, ...api].filter((d): d is Declaration => 'text' in d);
  const used = helpersFor(declarations.map((d) => d.text).join('\n'));
  const file = createProject().createSourceFile('arbitraries.ts');
  const helpers = used.map((h): WriterFunction => (writer) => writer.blankLineIfLastNot().write(h.code).newLine());
  const statements = (list: readonly (StatementStructures | Declaration)[]) => list.map((d) => ('write' in d ? d.write : d));
  file.addStatements([...fileHead(routing, used), ...helpers, ...statements(validStatements), ...statements(invalidStatements), ...statements(api).flatMap((a) => [blankLine, a])]);
  return print(file, ctx.source);
}
