/**
 * `src/validators/compiled.ts`: ajv's standalone module made a plain ES module. Where ajv's code
 * `require`s its CommonJS run-time modules, or takes ajv-formats' "date-time" check, it gets
 * the typed replacements `@switchboard/runtime/validation` exports instead, and the formats
 * ajv-formats lacks come from `@switchboard/runtime/validation/formats`, so no helper is printed
 * into the module and the compiler checks them once, in the runtime.
 */
import { EXTRA_FORMATS } from '@switchboard/runtime/validation/formats';
import type { Diagnostic } from '../../diagnostics.js';
import type { Model } from '../../model.js';
import { createProject, print } from '../../lib/ts.js';
import type { EmitContext } from '../context.js';

export const RUNTIME_VALIDATION = '@switchboard/runtime/validation';
export const RUNTIME_FORMATS = '@switchboard/runtime/validation/formats';

/** ajv's run-time modules, by the path its code `require`s, and what the runtime exports in their place. */
const RUNTIME_HELPERS: Readonly<Record<string, string>> = {
  'ajv/dist/runtime/ucs2length': 'ucs2length',
  'ajv/dist/runtime/equal': 'deepEqual',
};

/**
 * ajv-formats checks wrapped by a faster one that decides the same: the full "date-time" check
 * splits the string and runs two capturing regular expressions for every message's `timestamp`.
 * Equivalence with the full check is a property test in conformance/validators/date-time.test.ts.
 */
const FAST_FORMATS: Readonly<Record<string, string>> = {
  'date-time': 'fastDateTime',
};

/** ajv's module made an ES module with typed exports, importing the runtime helpers it uses. */
export function reshapeModule(code: string, model: Model, ctx: EmitContext, diagnostics: Diagnostic[]): string {
  const helpers = new Set<string>();
  const formats = new Set<string>();
  const reshaped = reshapeCompiled(code, { helpers, formats }, (module) => {
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
  if (/\bfullFormats\b/.test(reshaped)) {
    preamble.addImportDeclaration({ moduleSpecifier: 'ajv-formats/dist/formats.js', namedImports: ['fullFormats'] });
  }
  preamble.addImportDeclaration({
    moduleSpecifier: RUNTIME_VALIDATION,
    namedImports: [{ name: 'CompiledValidator', isTypeOnly: true }, ...[...helpers].sort()],
  });
  if (formats.size > 0) preamble.addImportDeclaration({ moduleSpecifier: RUNTIME_FORMATS, namedImports: [...formats].sort() });
  const head = print(preamble, ctx.source, [
    '// @ts-nocheck -- ajv standalone code (one statement per line, as ajv prints it), compiled from the',
    '// schemas at generate time; typed in ../validators.ts',
  ]);
  return `${head}
${reshaped}`;
}

/**
 * ajv's standalone module (with `code.lines`, one statement per line) needs two changes:
 * `const funcN = require("<ajv runtime>").default;` becomes the runtime's helper, so the module
 * is a plain ES module for Node and bundlers alike, and each `export const <name> = validateN;`
 * is typed `CompiledValidator`. Both are whole-line forms ajv emits at the top level, rewritten
 * by matching those exact lines; any `require` left afterwards is reported, never shipped.
 * (Parsing and re-printing several hundred kB of ajv's code with the TypeScript API cost a
 * second of a five-second budget, for nothing but indentation.)
 */
function reshapeCompiled(code: string, used: Used, unsupported: (module: string) => void): string {
  const lines = code.replace(/^"use strict";/, '').split('\n');
  const out = lines.map((line) => reshapeLine(line, used));
  for (const line of out) {
    const left = /\brequire\("([^"]+)"\)/.exec(line);
    if (left) unsupported(left[1] ?? '?');
  }
  return out.join('\n').trim() + '\n';
}

/** The names a reshaped module imports: from the runtime's validation helpers, and from its formats. */
interface Used {
  readonly helpers: Set<string>;
  readonly formats: Set<string>;
}

function reshapeLine(line: string, used: Used): string {
  const req = /^const (\w+) = require\("([^"]+)"\)\.default;$/.exec(line);
  if (req) {
    const helper = RUNTIME_HELPERS[req[2] ?? ''];
    if (helper === undefined) return line;
    used.helpers.add(helper);
    return `const ${req[1]} = ${helper};`;
  }
  // ajv names a format `fullFormats["date-time"]`, or `fullFormats.email` when its name is an identifier.
  const format = /^const (\w+) = fullFormats(?:\["([\w-]+)"\]|\.(\w+));$/.exec(line);
  const name = format?.[2] ?? format?.[3] ?? '';
  const extra = Object.hasOwn(EXTRA_FORMATS, name) ? EXTRA_FORMATS[name] : undefined;
  if (format && extra) {
    used.formats.add(extra.exportName);
    return `const ${format[1]} = ${extra.exportName};`;
  }
  const fast = FAST_FORMATS[name];
  if (format && fast) {
    used.helpers.add(fast);
    return `const ${format[1]} = ${fast}(fullFormats[${JSON.stringify(name)}]);`;
  }
  const exported = /^export const (\w+) = (validate\d+);$/.exec(line);
  return exported ? `export const ${exported[1]}: CompiledValidator = ${exported[2]};` : line;
}
