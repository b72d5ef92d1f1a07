/**
 * What every generated validator module shares, written and type-checked once here instead of
 * being printed into each: the result and error types, the step from ajv's first error to a
 * {@link ValidationError} with a JSON pointer, the `type` routing helpers, and the replacements
 * for ajv's CommonJS run-time modules (`ucs2length`, `equal`) and the allocation-free
 * "date-time" check. Imported as `@switchboard/runtime/validation`: it imports nothing, so a
 * browser bundle of the validators takes this file and nothing else of the runtime.
 */

/** An error as ajv reports it. */
export interface CompiledError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** A validator compiled by ajv: returns whether `data` is valid and leaves the first error in `errors`. */
export interface CompiledValidator {
  (data: unknown): boolean;
  readonly errors?: readonly CompiledError[] | null;
}

/**
 * Why a message was rejected. `code` is the protocol's error code: `INVALID_MESSAGE_TYPE` when
 * `type` names no message of this direction, `INVALID_MESSAGE` for anything else.
 */
export interface ValidationError {
  readonly code: 'INVALID_MESSAGE' | 'INVALID_MESSAGE_TYPE';
  /** JSON pointer (RFC 6901) to the offending value, e.g. `/data/content`; `''` is the whole message. */
  readonly pointer: string;
  /** The JSON Schema keyword that failed, e.g. `required`, `maxLength`, `additionalProperties`. */
  readonly keyword: string;
  /** What is wrong, in words, e.g. `must NOT have more than 4000 characters`. */
  readonly message: string;
  /** The keyword's parameters, e.g. `{ limit: 4000 }` for maxLength. */
  readonly params: Readonly<Record<string, unknown>>;
}

/** The outcome of a validation: the typed message, or the first thing wrong with it. */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ValidationError };

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** ajv's first error as a {@link ValidationError}; a missing or extra property is pointed at itself, not its parent. */
export function toValidationError(error: CompiledError | undefined): ValidationError {
  if (error === undefined) {
    return { code: 'INVALID_MESSAGE', pointer: '', keyword: 'schema', message: 'is invalid', params: {} };
  }
  const params = error.params;
  let pointer = error.instancePath;
  if ((error.keyword === 'required' || error.keyword === 'dependencies') && typeof params['missingProperty'] === 'string') {
    pointer += '/' + escapePointer(params['missingProperty']);
  } else if (error.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') {
    pointer += '/' + escapePointer(params['additionalProperty']);
  }
  return { code: 'INVALID_MESSAGE', pointer, keyword: error.keyword, message: error.message ?? 'is invalid', params };
}

/** Runs a compiled validator: `input` as a `T` when it passes, else its first error. */
export function validateWith<T>(validate: CompiledValidator, input: unknown): ValidationResult<T> {
  if (validate(input)) return { ok: true, value: input as T };
  return { ok: false, error: toValidationError(validate.errors?.[0]) };
}

/** The own `type` property of an object, or `undefined`. */
export function messageTypeOf(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  return Object.prototype.hasOwnProperty.call(input, 'type') ? (input as { type?: unknown }).type : undefined;
}

/** The error for input whose `type` (read by {@link messageTypeOf}) routes to no message. */
export function unroutable(input: unknown, type: unknown): ValidationResult<never> {
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
  return { ok: false, error: { code: 'INVALID_MESSAGE_TYPE', pointer: '/type', keyword: 'enum', message: `unknown message type "${shown}"`, params: {} } };
}

/** Length in Unicode code points, as JSON Schema counts minLength and maxLength (a surrogate pair is one). */
export function ucs2length(str: string): number {
  let length = 0;
  for (let i = 0; i < str.length; i++) {
    length++;
    const code = str.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < str.length && (str.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return length;
}

/** Structural equality of two JSON values, for const, enum and uniqueItems over objects. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, key) || !deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** A string format as ajv runs it. */
export interface StringFormat {
  validate(str: string): boolean;
}

/** Matches the usual RFC 3339 shape; the digits are checked by {@link fastDateTime}. */
const USUAL_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The decimal number of `length` ASCII digits at `at`. */
function digits(str: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) n = n * 10 + str.charCodeAt(i) - 48;
  return n;
}

/**
 * The "date-time" format, deciding exactly as `full` (ajv-formats' RFC 3339 check, a time zone
 * required): `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)` is checked here without
 * allocating (the full check splits the string and runs two capturing regular expressions, a
 * third of a small envelope's validation); any other shape, and a second of 60, goes to `full`.
 */
export function fastDateTime(full: StringFormat): StringFormat {
  return {
    validate(str: string): boolean {
      if (!USUAL_DATE_TIME.test(str)) return full.validate(str);
      const year = digits(str, 0, 4);
      const month = digits(str, 5, 2);
      const day = digits(str, 8, 2);
      if (month < 1 || month > 12 || day < 1) return false;
      const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
      if (day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month] ?? 0))) return false;
      if (str.charCodeAt(str.length - 1) !== 90 /* Z */) {
        const zone = str.length - 5;
        if (digits(str, zone, 2) > 23 || digits(str, zone + 3, 2) > 59) return false;
      }
      if (digits(str, 11, 2) <= 23 && digits(str, 14, 2) <= 59 && digits(str, 17, 2) <= 59) return true;
      return full.validate(str);
    },
  };
}
