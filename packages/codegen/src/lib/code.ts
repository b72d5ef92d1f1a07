/**
 * A tiny expression tree for generated code that must stay readable at any size: calls, objects
 * and arrays print on one line when they fit in the width, else one argument (or member) a line.
 * The TypeScript printer cannot break call arguments over lines, and nested `fc` combinators
 * (`fc.record({ ... }, { requiredKeys })`) are unreadable on one line of 400 characters.
 */

export type Code =
  | { readonly kind: 'raw'; readonly text: string }
  | { readonly kind: 'call'; readonly callee: Code; readonly args: readonly Code[] }
  | { readonly kind: 'member'; readonly target: Code; readonly name: string }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, Code])[] }
  | { readonly kind: 'array'; readonly items: readonly Code[] }
  | { readonly kind: 'arrow'; readonly params: string; readonly body: Code };

/** Source text used as is: an identifier, a literal, an arrow function. */
export function raw(text: string): Code {
  return { kind: 'raw', text };
}

/** `callee(...args)`; `callee` as a string is a dotted name like `fc.record`. */
export function call(callee: string | Code, ...args: readonly Code[]): Code {
  return { kind: 'call', callee: typeof callee === 'string' ? raw(callee) : callee, args };
}

/** `target.name(...args)`, for chains such as `arb.map(f)`. */
export function method(target: Code, name: string, ...args: readonly Code[]): Code {
  return { kind: 'call', callee: { kind: 'member', target, name }, args };
}

/** An object literal; keys are written as given (quote them with `propertyKey`). */
export function object(entries: readonly (readonly [string, Code])[]): Code {
  return { kind: 'object', entries };
}

export function array(items: readonly Code[]): Code {
  return { kind: 'array', items };
}

/** `(params) => body`, the body parenthesised when it is an object literal. */
export function arrow(params: string, body: Code): Code {
  return { kind: 'arrow', params, body };
}

/** A JSON value as a TypeScript literal (strings single-quoted and escaped by `quote`). */
export function json(value: unknown): Code {
  if (typeof value === 'string') return raw(quote(value));
  if (typeof value === 'number') return raw(numberText(value));
  if (typeof value === 'boolean' || value === null) return raw(String(value));
  if (Array.isArray(value)) return array(value.map(json));
  if (typeof value === 'object') return object(Object.entries(value as Record<string, unknown>).map(([k, v]) => [propertyKey(k), json(v)]));
  throw new TypeError(`not a JSON value: ${String(value)}`);
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  return Object.is(n, -0) ? '-0' : String(n);
}

/**
 * A single-quoted string literal. Everything outside printable ASCII is escaped (`\u{1f600}`,
 * `\n`), so generated files are plain ASCII and every character is visible in review.
 */
export function quote(value: string): string {
  let out = "'";
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === "'" || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\u{${cp.toString(16)}}`;
  }
  return `${out}'`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A property name in an object literal: bare when it is an identifier, quoted otherwise, and
 * computed for `__proto__`, which as a plain key would set the prototype instead of a property.
 */
export function propertyKey(name: string): string {
  if (name === '__proto__') return `['__proto__']`;
  return IDENTIFIER.test(name) ? name : quote(name);
}

/**
 * Prints `code` on lines indented by `indent` spaces, its first line starting at column `start`
 * (after `const x = `, say), breaking what does not fit in `width`.
 */
export function printCode(code: Code, indent = 0, width = 110, start = indent): string {
  const flat = printFlat(code);
  if (start + flat.length <= width && !flat.includes('\n')) return flat;
  const pad = ' '.repeat(indent + 2);
  const end = ' '.repeat(indent);
  switch (code.kind) {
    case 'raw':
      return code.text;
    case 'member':
      return `${printCode(code.target, indent, width, start)}.${code.name}`;
    case 'call': {
      const callee = printCode(code.callee, indent, width, start);
      if (code.args.length === 0) return `${callee}()`;
      // Where the callee ends, and the indentation of its last line (a broken chain `a.map(` ends deeper).
      const newline = callee.lastIndexOf('\n');
      const lastLine = callee.slice(newline + 1);
      const column = newline < 0 ? start + callee.length : lastLine.length;
      const base = newline < 0 ? indent : lastLine.length - lastLine.trimStart().length;
      const args = code.args.map((a) => printFlat(a));
      // A lone object or array argument opens on the callee's line: `f({` ... `})`.
      const only = code.args[0];
      if (code.args.length === 1 && only !== undefined && (only.kind === 'object' || only.kind === 'array')) {
        return `${callee}(${printCode(only, base, width, column + 1)})`;
      }
      if (column + args.join(', ').length + 2 <= width) return `${callee}(${args.join(', ')})`;
      const inner = ' '.repeat(base + 2);
      return `${callee}(\n${code.args.map((a) => inner + printCode(a, base + 2, width)).join(',\n')},\n${' '.repeat(base)})`;
    }
    case 'arrow': {
      const head = `(${code.params}) => ${code.body.kind === 'object' ? '(' : ''}`;
      const body = printCode(code.body, indent, width, start + head.length);
      return `${head}${body}${code.body.kind === 'object' ? ')' : ''}`;
    }
    case 'object':
      if (code.entries.length === 0) return '{}';
      return `{\n${code.entries.map(([k, v]) => pad + entry(k, v, (value) => printCode(value, indent + 2, width, indent + 4 + k.length))).join(',\n')},\n${end}}`;
    case 'array':
      if (code.items.length === 0) return '[]';
      return `[\n${code.items.map((i) => pad + printCode(i, indent + 2, width)).join(',\n')},\n${end}]`;
  }
}

function printFlat(code: Code): string {
  switch (code.kind) {
    case 'raw':
      return code.text;
    case 'member':
      return `${printFlat(code.target)}.${code.name}`;
    case 'call':
      return `${printFlat(code.callee)}(${code.args.map(printFlat).join(', ')})`;
    case 'object':
      return code.entries.length === 0 ? '{}' : `{ ${code.entries.map(([k, v]) => entry(k, v, printFlat)).join(', ')} }`;
    case 'array':
      return `[${code.items.map(printFlat).join(', ')}]`;
    case 'arrow':
      return code.body.kind === 'object' ? `(${code.params}) => (${printFlat(code.body)})` : `(${code.params}) => ${printFlat(code.body)}`;
  }
}

/** `key: value`, or the shorthand `key` when the value is the identifier of the same name. */
function entry(key: string, value: Code, print: (value: Code) => string): string {
  return value.kind === 'raw' && value.text === key ? key : `${key}: ${print(value)}`;
}
