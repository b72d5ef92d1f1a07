/** Naming helpers shared by the emitters, so a name is derived the same way everywhere. */

/** `chat.send` -> `ChatSend`, `user_status-changed` -> `UserStatusChanged`, `chatSend` -> `ChatSend`. */
export function pascalCase(input: string): string {
  return input
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
    .replace(/^(\d)/, '_$1');
}

/** `chat.send` -> `chatSend`. */
export function camelCase(input: string): string {
  const p = pascalCase(input);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

/** `info` -> `INFO`, `client-joined` -> `CLIENT_JOINED`, `chatSend` -> `CHAT_SEND`. */
export function constantCase(input: string): string {
  return input
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .join('_')
    .toUpperCase()
    .replace(/^(\d)/, '_$1');
}

/**
 * Names a generated type may not take: TypeScript keywords and the globals generated code (or
 * code that imports it) relies on. A schema with such a name gets a `Schema` suffix, so
 * `components.schemas.Error` becomes `ErrorSchema` instead of shadowing the global `Error`.
 */
const RESERVED_TYPE_NAMES = new Set([
  // keywords and primitive type names
  'Any', 'Boolean', 'Never', 'Number', 'Object', 'String', 'Symbol', 'Unknown', 'Void', 'Undefined', 'Null', 'BigInt',
  // globals
  'Array', 'ArrayBuffer', 'Date', 'Error', 'Event', 'EventTarget', 'Function', 'Iterator', 'JSON', 'Map', 'Math',
  'Promise', 'Proxy', 'ReadonlyArray', 'Record', 'Reflect', 'RegExp', 'Set', 'URL', 'WeakMap', 'WeakSet', 'WebSocket',
  'Partial', 'Required', 'Readonly', 'Pick', 'Omit', 'Exclude', 'Extract', 'NonNullable', 'ReturnType', 'Uint8Array',
  'Buffer', 'Blob', 'File', 'Headers', 'Request', 'Response', 'MessageEvent', 'CloseEvent', 'Element', 'Node', 'Window',
]);

/** The TypeScript type name for a schema name: PascalCase, never a keyword or a global. */
export function typeName(schemaName: string): string {
  const name = pascalCase(schemaName) || 'Schema';
  return RESERVED_TYPE_NAMES.has(name) ? `${name}Schema` : name;
}

/** Words a `const`/`function` may not be named (ECMAScript reserved words, strict mode included). */
const RESERVED_WORDS = new Set([
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else',
  'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'implements', 'import', 'in',
  'instanceof', 'interface', 'let', 'new', 'null', 'package', 'private', 'protected', 'public', 'return', 'static',
  'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
  'arguments', 'eval', 'undefined', 'NaN', 'Infinity',
]);

/** `name` as a binding name: a reserved word gets a trailing `_` (`delete` -> `delete_`). */
export function safeIdentifier(name: string): string {
  return RESERVED_WORDS.has(name) ? `${name}_` : name;
}
