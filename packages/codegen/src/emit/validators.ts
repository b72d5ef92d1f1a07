/**
 * The validators emitter (AsyncAPI 3.0.0 "Schema Object", a superset of JSON Schema draft 07):
 * every message payload compiled by ajv into standalone code at generate time, so nothing
 * compiles a schema at run time, plus a typed wrapper per message and a dispatch on `type`
 * that returns a typed error with a JSON pointer. Writes `src/validators/compiled.ts` (ajv's
 * code, reshaped with ts-morph into an ES module with no CommonJS `require`) and
 * `src/validators.ts` (the typed API).
 */
import { Ajv, _ } from 'ajv';
import addFormatsModule from 'ajv-formats';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import type { Diagnostic } from '../diagnostics.js';
import type { JsonValue, MessageModel, Model, SpecPath } from '../model.js';
import { walkSchema } from '../lib/json-schema.js';
import { COMPONENT_REF_PREFIX, isRecord } from '../load/schemas.js';
import { camelCase, pascalCase, safeIdentifier, typeName } from '../lib/names.js';
import { StructureKind, type FunctionDeclarationStructure } from 'ts-morph';
import { createProject, literal, print } from '../lib/ts.js';
import type { EmitContext, EmitResult, Emitter } from './context.js';

// Both are CommonJS modules whose `module.exports` carries the function as `default` too.
const addFormats = addFormatsModule.default;
const standaloneCode = standaloneCodeModule.default;

const SPEC_ID = 'asyncapi';
/** Schema Object keywords that are not JSON Schema: dropped before ajv sees the schema. */
const NON_JSON_SCHEMA_KEYWORDS = new Set(['discriminator', 'externalDocs', 'xml', 'example']);

export const validatorsEmitter: Emitter = {
  name: 'validators',
  inputs: ['source', 'schemas', 'messages'],
  emit(model: Model, ctx: EmitContext): EmitResult {
    const diagnostics: Diagnostic[] = [];
    const compiled = compileStandalone(model, ctx, diagnostics);
    return {
      files: [
        { path: 'src/validators/compiled.ts', content: compiled.content },
        { path: 'src/validators.ts', content: typedApi(model, compiled.messages, ctx) },
      ],
      diagnostics,
    };
  },
};

/** The exported name of a message's compiled validator inside `compiled.ts`. */
function compiledName(m: MessageModel): string {
  return safeIdentifier(camelCase(m.key));
}

/** ajv as the generated validators need it; strict about schemas, never about what JSON Schema allows. */
function createAjv(validateSchema: boolean): Ajv {
  const ajv = new Ajv({
    strict: true,
    // JSON Schema allows `required` without `properties`, keywords without `type`, open tuples:
    // published documents do all three, and the parser accepts them, so ajv must too.
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    // Without the meta-schema check for the fallback (see compileStandalone): the parser has
    // checked every schema against the AsyncAPI meta-schema already. It stays on otherwise, as it
    // numbers the functions of the module.
    validateSchema,
    allowUnionTypes: true,
    allErrors: false,
    ownProperties: true,
    // Each referenced schema becomes one function instead of a copy at every use: a third less code.
    inlineRefs: false,
    code: { source: true, esm: true, lines: true, formats: _`fullFormats`, optimize: true },
  });
  addFormats(ajv);
  return ajv;
}

/**
 * Keywords ajv does not know (OpenAPI's `nullable`, a vendor's own) are annotations to JSON
 * Schema, and formats it does not know are not checked (JSON Schema says so for unknown formats):
 * both are registered so that strict mode accepts the schema, and each is reported where it is.
 */
function admitUnknowns(ajv: Ajv, model: Model, diagnostics: Diagnostic[]): void {
  for (const s of model.schemas) {
    walkSchema(forAjv(s.schema), s.path, (node, at) => {
      for (const key of Object.keys(node)) {
        if (ajv.RULES.keywords[key] === true || ajv.RULES.all[key] !== undefined || key === 'definitions') continue;
        ajv.addKeyword({ keyword: key });
        diagnostics.push(emitterWarning(model, 'unknown-keyword', `keyword "${key}" is not JSON Schema; the validators ignore it`, [...at, key]));
      }
      const format = node['format'];
      if (typeof format === 'string' && !(format in ajv.formats)) {
        ajv.addFormat(format, true);
        diagnostics.push(emitterWarning(model, 'unknown-format', `format "${format}" is unknown; the validators accept any string for it`, [...at, 'format']));
      }
    });
  }
}

function emitterWarning(model: Model, rule: string, message: string, path: SpecPath): Diagnostic {
  return { severity: 'warning', rule: `switchboard/${rule}`, message, file: model.source, line: 0, column: 0, path };
}

/** A fresh ajv holding every schema of the model, ready to compile any of them. */
function ajvFor(model: Model, diagnostics: Diagnostic[], validateSchema = true): Ajv {
  const ajv = createAjv(validateSchema);
  admitUnknowns(ajv, model, diagnostics);
  const definitions: Record<string, JsonValue> = {};
  for (const s of model.schemas) definitions[s.name] = forAjv(s.schema);
  ajv.addSchema({ $id: SPEC_ID, definitions }, SPEC_ID);
  return ajv;
}

/**
 * ajv's module with one export per message. Messages that share a payload schema share its
 * function: ajv would print one copy per export name, under the same function name.
 */
function standaloneOf(ajv: Ajv, messages: readonly MessageModel[]): string {
  const refs: Record<string, string> = {};
  const first = new Map<string, string>();
  const aliases: string[] = [];
  for (const m of messages) {
    const shared = first.get(m.payloadSchema);
    if (shared === undefined) {
      first.set(m.payloadSchema, compiledName(m));
      refs[compiledName(m)] = `${SPEC_ID}#/definitions/${m.payloadSchema}`;
    } else {
      aliases.push(`export const ${compiledName(m)} = ${shared};`);
    }
  }
  const code = standaloneCode(ajv, refs);
  return aliases.length === 0 ? code : `${code}\n${aliases.join('\n')}\n`;
}

/**
 * The messages whose payload ajv compiles, found on a scratch instance (compiling there first
 * would renumber the functions of the real module); each one refused is reported at its payload.
 */
function compilable(model: Model): { messages: MessageModel[]; refused: Diagnostic[] } {
  const ajv = ajvFor(model, [], false);
  const refused: Diagnostic[] = [];
  const messages = model.messages.filter((m) => {
    try {
      ajv.getSchema(`${SPEC_ID}#/definitions/${m.payloadSchema}`);
      return true;
    } catch (error) {
      refused.push({
        severity: 'error',
        rule: 'switchboard/validator-compile',
        message: `ajv cannot compile the payload of message "${m.key}": ${(error as Error).message}; it has no validator`,
        file: model.source,
        line: 0,
        column: 0,
        path: [...m.path, 'payload'],
      });
      return false;
    }
  });
  return { messages, refused };
}

/** ajv's standalone module for the messages it compiles, and those messages. */
function compileStandalone(model: Model, ctx: EmitContext, diagnostics: Diagnostic[]): { content: string; messages: MessageModel[] } {
  try {
    const ajv = ajvFor(model, diagnostics);
    const code = standaloneOf(ajv, model.messages);
    checkExamples(ajv, model, model.messages, diagnostics);
    return { content: reshapeModule(code, model, ctx, diagnostics), messages: [...model.messages] };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    // One schema ajv refuses costs only the messages that use it.
    const { messages, refused } = compilable(model);
    diagnostics.push(...refused);
    const ajv = ajvFor(model, [], false);
    const code = standaloneOf(ajv, messages);
    checkExamples(ajv, model, messages, diagnostics);
    return { content: reshapeModule(code, model, ctx, diagnostics), messages };
  }
}

/**
 * Every example of a message against its payload schema (AsyncAPI 3.x does not require the
 * parser to check them): one that breaks its own schema is reported with the JSON pointer and
 * the keyword that fail, and generation goes on. Runs after the module is printed, so the
 * functions compiled here do not renumber it.
 */
function checkExamples(ajv: Ajv, model: Model, messages: readonly MessageModel[], diagnostics: Diagnostic[]): void {
  for (const m of messages) {
    const validate = m.examples.length > 0 ? ajv.getSchema(`${SPEC_ID}#/definitions/${m.payloadSchema}`) : undefined;
    m.examples.forEach((example, i) => {
      if (!validate || validate(example.payload)) return;
      const error = validate.errors?.[0];
      const pointer = error?.instancePath || '/';
      diagnostics.push(emitterWarning(model, 'example-mismatch',
        `example ${example.name === null ? i : JSON.stringify(example.name)} of message "${m.key}" breaks its payload schema at ${pointer}: ${error?.message ?? 'invalid'} (${error?.keyword ?? 'schema'})`,
        [...m.path, 'examples', i, 'payload']));
    });
  }
}

/** ajv's module made an ES module with typed exports, after a preamble of the helpers it uses. */
function reshapeModule(code: string, model: Model, ctx: EmitContext, diagnostics: Diagnostic[]): string {
  const helpers = new Set<string>();
  const reshaped = reshapeCompiled(code, helpers, (module) => {
    diagnostics.push({
      severity: 'error',
      rule: 'switchboard/unsupported-keyword',
      message: `a schema needs ajv's run-time module ${module}, which the generated validators do not provide`,
      file: model.source,
      line: 0,
      column: 0,
      path: ['components', 'schemas'],
    });
  });

  const project = createProject();
  const preamble = project.createSourceFile('preamble.ts');
  // The fast "date-time" check falls back to the full one for unusual shapes.
  if (/\bfullFormats\b/.test(reshaped) || helpers.has('switchboard/date-time')) {
    preamble.addImportDeclaration({ moduleSpecifier: 'ajv-formats/dist/formats.js', namedImports: ['fullFormats'] });
  }
  preamble.addInterface({
    name: 'CompiledError',
    isExported: true,
    docs: ['An error as ajv reports it.'],
    properties: [
      { name: 'instancePath', type: 'string' },
      { name: 'schemaPath', type: 'string' },
      { name: 'keyword', type: 'string' },
      { name: 'params', type: 'Readonly<Record<string, unknown>>' },
      { name: 'message', type: 'string', hasQuestionToken: true },
    ],
  });
  preamble.addInterface({
    name: 'CompiledValidator',
    isExported: true,
    docs: ['A validator compiled by ajv: returns whether `data` is valid and leaves the first error in `errors`.'],
    callSignatures: [{ parameters: [{ name: 'data', type: 'unknown' }], returnType: 'boolean' }],
    properties: [{ name: 'errors', type: 'readonly CompiledError[] | null', hasQuestionToken: true }],
  });
  for (const module of [...helpers].sort()) {
    const helper = RUNTIME_HELPERS[module];
    if (helper) preamble.addStatements(helper.code);
  }
  const head = print(preamble, ctx.source, [
    '// @ts-nocheck -- ajv standalone code (one statement per line, as ajv prints it), compiled from the',
    '// schemas at generate time; typed in ../validators.ts',
  ]);
  return `${head}
${reshaped}`;
}

/**
 * ajv's standalone module (with `code.lines`, one statement per line) needs two changes:
 * `const funcN = require("<ajv runtime>").default;` becomes a local helper, so the module is a
 * plain ES module for Node and bundlers alike, and each `export const <name> = validateN;` is
 * typed `CompiledValidator`. Both are whole-line forms ajv emits at the top level, rewritten by
 * matching those exact lines; any `require` left afterwards is reported, never shipped. (Parsing
 * and re-printing several hundred kB of ajv's code with the TypeScript API cost a second of a
 * five-second budget, for nothing but indentation.)
 */
function reshapeCompiled(code: string, helpers: Set<string>, unsupported: (module: string) => void): string {
  const lines = code.replace(/^"use strict";/, '').split('\n');
  const out = lines.map((line) => {
    const req = /^const (\w+) = require\("([^"]+)"\)\.default;$/.exec(line);
    if (req) {
      const [, name, module] = req;
      const helper = module === undefined ? undefined : RUNTIME_HELPERS[module];
      if (helper && module !== undefined) {
        helpers.add(module);
        return `const ${name} = ${helper.name};`;
      }
      return line;
    }
    const format = /^const (\w+) = fullFormats\["([\w-]+)"\];$/.exec(line);
    const fast = format?.[2] === undefined ? undefined : FAST_FORMATS[format[2]];
    if (format && fast) {
      helpers.add(fast.helper);
      return `const ${format[1]} = ${fast.name};`;
    }
    const exported = /^export const (\w+) = (validate\d+);$/.exec(line);
    return exported ? `export const ${exported[1]}: CompiledValidator = ${exported[2]};` : line;
  });
  for (const line of out) {
    const left = /\brequire\("([^"]+)"\)/.exec(line);
    if (left) unsupported(left[1] ?? '?');
  }
  return out.join('\n').trim() + '\n';
}

/**
 * ajv-formats checks that every message's `timestamp` goes through, replaced by a check that
 * gives the same answer without allocating for the usual shape: the full "date-time" check
 * splits the string and runs two capturing regular expressions on it (a third of the time of a
 * small envelope's validation, and garbage for every message). Equivalence with the full check
 * is a property test in conformance/validators/date-time.test.ts.
 */
const FAST_FORMATS: Readonly<Record<string, { name: string; helper: string }>> = {
  'date-time': { name: 'dateTimeFormat', helper: 'switchboard/date-time' },
};

const RUNTIME_HELPERS: Readonly<Record<string, { name: string; code: string }>> = {
  'switchboard/date-time': {
    name: 'dateTimeFormat',
    code: `/** Matches the usual RFC 3339 shape; the digits are checked by dateTimeFormat. */
const USUAL_DATE_TIME = /^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:\\d\\d)$/;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** The decimal number of \`length\` ASCII digits at \`at\`. */
function digits(str, at, length) {
  let n = 0;
  for (let i = at; i < at + length; i++) n = n * 10 + str.charCodeAt(i) - 48;
  return n;
}
/**
 * The "date-time" format, deciding exactly as ajv-formats' full check (RFC 3339, a time zone
 * required): \`YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)\` is checked here without
 * allocating; any other shape, and a second of 60, goes to the full check.
 */
const dateTimeFormat = {
  validate(str) {
    if (!USUAL_DATE_TIME.test(str)) return fullFormats['date-time'].validate(str);
    const year = digits(str, 0, 4);
    const month = digits(str, 5, 2);
    const day = digits(str, 8, 2);
    if (month < 1 || month > 12 || day < 1) return false;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month])) return false;
    if (str.charCodeAt(str.length - 1) !== 90 /* Z */) {
      const zone = str.length - 5;
      if (digits(str, zone, 2) > 23 || digits(str, zone + 3, 2) > 59) return false;
    }
    if (digits(str, 11, 2) <= 23 && digits(str, 14, 2) <= 59 && digits(str, 17, 2) <= 59) return true;
    return fullFormats['date-time'].validate(str);
  },
};`,
  },
  'ajv/dist/runtime/ucs2length': {
    name: 'ucs2length',
    code: `/** Length in Unicode code points, as JSON Schema counts minLength and maxLength (a surrogate pair is one). */
function ucs2length(str) {
  let length = 0;
  for (let i = 0; i < str.length; i++) {
    length++;
    const code = str.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < str.length && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return length;
}`,
  },
  'ajv/dist/runtime/equal': {
    name: 'deepEqual',
    code: `/** Structural equality of two JSON values, for const, enum and uniqueItems over objects. */
function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, key) || !deepEqual(a[key], b[key])) return false;
  }
  return true;
}`,
  },
};

/** The schema as ajv should see it: refs into `definitions`, extensions and non-JSON-Schema keywords dropped. */
function forAjv(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(forAjv);
  if (!isRecord(value)) return value;
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(value as Record<string, JsonValue>)) {
    if (k.startsWith('x-') || NON_JSON_SCHEMA_KEYWORDS.has(k)) continue;
    // `$id` would move the base of the `#/definitions/...` references; `$schema` names a meta-schema ajv may not have.
    if (k === '$id' || k === '$schema') continue;
    if (k === '$ref' && typeof v === 'string' && v.startsWith(COMPONENT_REF_PREFIX)) {
      out[k] = `#/definitions/${v.slice(COMPONENT_REF_PREFIX.length)}`;
    } else if (k === 'enum' || k === 'const' || k === 'examples' || k === 'default') {
      out[k] = v;
    } else {
      out[k] = forAjv(v);
    }
  }
  return out;
}

/**
 * The part of `src/validators.ts` that is the same for every document: the error and result
 * types, and the functions the per-message validators share.
 */
const VALIDATION_HELPERS = `
/**
 * Why a message was rejected. \`code\` is the protocol's error code: \`INVALID_MESSAGE_TYPE\` when
 * \`type\` names no message of this direction, \`INVALID_MESSAGE\` for anything else.
 */
export interface ValidationError {
  readonly code: 'INVALID_MESSAGE' | 'INVALID_MESSAGE_TYPE';
  /** JSON pointer (RFC 6901) to the offending value, e.g. \`/data/content\`; \`''\` is the whole message. */
  readonly pointer: string;
  /** The JSON Schema keyword that failed, e.g. \`required\`, \`maxLength\`, \`additionalProperties\`. */
  readonly keyword: string;
  /** What is wrong, in words, e.g. \`must NOT have more than 4000 characters\`. */
  readonly message: string;
  /** The keyword's parameters, e.g. \`{ limit: 4000 }\` for maxLength. */
  readonly params: Readonly<Record<string, unknown>>;
}

/** The outcome of a validation: the typed message, or the first thing wrong with it. */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ValidationError };

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\\//g, '~1');
}

function toValidationError(error: CompiledError | undefined): ValidationError {
  if (error === undefined) {
    return { code: 'INVALID_MESSAGE', pointer: '', keyword: 'schema', message: 'is invalid', params: {} };
  }
  const params = error.params;
  let pointer = error.instancePath;
  // For a missing property (required, or required by another through dependencies) point at it, not at its parent.
  if ((error.keyword === 'required' || error.keyword === 'dependencies') && typeof params['missingProperty'] === 'string') {
    pointer += '/' + escapePointer(params['missingProperty']);
  } else if (error.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') {
    pointer += '/' + escapePointer(params['additionalProperty']);
  }
  return { code: 'INVALID_MESSAGE', pointer, keyword: error.keyword, message: error.message ?? 'is invalid', params };
}

function run<T>(validate: CompiledValidator, input: unknown): ValidationResult<T> {
  if (validate(input)) return { ok: true, value: input as T };
  return { ok: false, error: toValidationError(validate.errors?.[0]) };
}

/** The own \`type\` property of an object, or \`undefined\`. */
function typeOf(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  return Object.prototype.hasOwnProperty.call(input, 'type') ? (input as { type?: unknown }).type : undefined;
}

/** The error for input whose \`type\` routes to no message. */
function unroutable(input: unknown, type: unknown): ValidationResult<never> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: { code: 'INVALID_MESSAGE', pointer: '', keyword: 'type', message: 'must be object', params: { type: 'object' } } };
  }
  if (type === undefined) {
    return { ok: false, error: { code: 'INVALID_MESSAGE', pointer: '/type', keyword: 'required', message: "must have required property 'type'", params: { missingProperty: 'type' } } };
  }
  if (typeof type !== 'string') {
    return { ok: false, error: { code: 'INVALID_MESSAGE', pointer: '/type', keyword: 'type', message: 'must be string', params: { type: 'string' } } };
  }
  const chars = Array.from(type); // code points, so an emoji is never cut in half
  const shown = chars.length > 64 ? chars.slice(0, 64).join('') + '...' : type;
  return { ok: false, error: { code: 'INVALID_MESSAGE_TYPE', pointer: '/type', keyword: 'enum', message: \`unknown message type "\${shown}"\`, params: {} } };
}
`;

/** `validateClientMessage` / `validateServerMessage`: a `switch` on `type` to the message's validator. */
function dispatchFunction(name: 'Client' | 'Server', list: readonly MessageModel[]): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name: `validate${name}Message`,
    isExported: true,
    docs: [
      `Validates anything parsed from the wire as a {@link ${name}Message}: routes on \`type\`, then checks the whole message against its schema.`,
    ],
    parameters: [{ name: 'input', type: 'unknown' }],
    returnType: `ValidationResult<${name}Message>`,
    statements: (writer) => {
      writer.writeLine('const type = typeOf(input);');
      writer.write('switch (type)').block(() => {
        for (const m of list) {
          writer.writeLine(`case ${literal(m.type ?? '')}: return validate${pascalCase(m.key)}(input);`);
        }
        writer.writeLine('default: return unroutable(input, type);');
      });
    },
  };
}

/** `src/validators.ts`: one typed function per message and a `type` dispatch per direction. */
function typedApi(model: Model, messages: readonly MessageModel[], ctx: EmitContext): string {
  const project = createProject();
  const file = project.createSourceFile('validators.ts');
  const routed = messages.filter((m) => m.type !== null);
  const client = routed.filter((m) => m.directions.fromClient);
  const server = routed.filter((m) => m.directions.fromServer);
  const payloadTypes = [...new Set(messages.map((m) => typeName(m.payloadSchema)))].sort();

  if (payloadTypes.length > 0) file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: './types.js', namedImports: payloadTypes });
  const unions = [client.length > 0 ? 'ClientMessage' : null, server.length > 0 ? 'ServerMessage' : null].filter((n): n is string => n !== null);
  if (unions.length > 0) file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: './messages.js', namedImports: unions });
  file.addImportDeclaration({ moduleSpecifier: './validators/compiled.js', namespaceImport: 'compiled' });
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: './validators/compiled.js', namedImports: ['CompiledError', 'CompiledValidator'] });


  // One insertion for all functions: ts-morph re-parses the file on every add.
  const functions: FunctionDeclarationStructure[] = messages.map((m) => {
    const t = typeName(m.payloadSchema);
    return {
      kind: StructureKind.Function,
      name: `validate${pascalCase(m.key)}`,
      isExported: true,
      docs: [`Validates ${m.type !== null ? `${/^[aeiou]/i.test(m.type) ? 'an' : 'a'} \`${m.type}\` message` : `the payload of message \`${m.key}\``} against {@link ${t}}.`],
      parameters: [{ name: 'input', type: 'unknown' }],
      returnType: `ValidationResult<${t}>`,
      statements: `return run<${t}>(compiled.${compiledName(m)}, input);`,
    };
  });
  for (const [name, list] of [['Client', client], ['Server', server]] as const) {
    if (list.length > 0) functions.push(dispatchFunction(name, list));
  }
  file.addStatements([VALIDATION_HELPERS, ...functions]);

  return print(file, ctx.source);
}
