/**
 * Strings built for a string schema (`minLength`, `maxLength`, `pattern`, `format: date-time`):
 * of an exact length in code points and valid, or valid except for one keyword. Everything is
 * derived from the schema and an example value, never typed in per field.
 */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from '@switchboard/codegen';
import { codePoints } from './json.js';

const addFormats = addFormatsModule.default;

const formats = new Ajv({ strict: true });
addFormats(formats);
const formatCheckers = new Map<string, (text: string) => boolean>();
/** ajv-formats' check of a `format` (full mode, as the generated validators use). */
function formatChecker(format: string): (text: string) => boolean {
  let check = formatCheckers.get(format);
  if (check === undefined) {
    const validate = formats.compile({ type: 'string', format });
    check = (text) => validate(text);
    formatCheckers.set(format, check);
  }
  return check;
}

/** Characters tried, in order, to fill or pad a string. */
const FILLERS = ['a', '0', 'A', '_', '-', '.', ':', '/', ' '];
/** Characters tried, in order, to break a pattern. */
const BREAKERS = [' ', '/', '!', '#', '\\', 'a', '0', '.', '\u00e9', '\n'];
/** Characters that vary a string into distinct values. */
const ALPHABET = [...'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
/** One code point, two UTF-16 code units. */
export const ASTRAL = '\u{1F600}';

export interface StringRules {
  readonly minLength: number;
  readonly maxLength: number;
  readonly pattern: RegExp | null;
  readonly format: string | null;
  /** The `format` check, or `null` when the schema has no `format`. */
  readonly formatOk: ((text: string) => boolean) | null;
}

export function stringRules(schema: JsonSchema): StringRules {
  const pattern = schema['pattern'];
  const format = typeof schema['format'] === 'string' ? schema['format'] : null;
  const num = (key: string, fallback: number): number => (typeof schema[key] === 'number' ? (schema[key] as number) : fallback);
  return {
    minLength: num('minLength', 0),
    maxLength: num('maxLength', Number.POSITIVE_INFINITY),
    // JSON Schema patterns are ECMA-262 regular expressions, matched anywhere, with Unicode semantics.
    pattern: typeof pattern === 'string' ? new RegExp(pattern, 'u') : null,
    format,
    formatOk: format === null ? null : formatChecker(format),
  };
}

/** Which of the string keywords `text` violates, in ajv's order of evaluation. */
export function stringViolations(rules: StringRules, text: string): string[] {
  const n = codePoints(text);
  const out: string[] = [];
  if (n > rules.maxLength) out.push('maxLength');
  if (n < rules.minLength) out.push('minLength');
  if (rules.pattern !== null && !rules.pattern.test(text)) out.push('pattern');
  if (rules.formatOk !== null && !rules.formatOk(text)) out.push('format');
  return out;
}

/** Whether `text` satisfies everything but (possibly) the length keywords. */
function shapeOk(rules: StringRules, text: string): boolean {
  return (rules.pattern === null || rules.pattern.test(text)) && (rules.formatOk === null || rules.formatOk(text));
}

/** Candidate strings of exactly `length` code points built from `fillers` and the example `base`. */
function* candidates(length: number, base: string, fillers: readonly string[]): Generator<string> {
  for (const c of fillers) yield c.repeat(length);
  const chars = [...base];
  if (length >= chars.length) {
    const pad = length - chars.length;
    const pads = [...new Set([...fillers, ...chars])];
    for (const c of pads) {
      for (let at = chars.length; at >= 0; at--) yield [...chars.slice(0, at), c.repeat(pad), ...chars.slice(at)].join('');
    }
  } else {
    const cut = chars.length - length;
    for (let at = chars.length - cut; at >= 0; at--) yield [...chars.slice(0, at), ...chars.slice(at + cut)].join('');
  }
}

/** A date-time of exactly `length` characters (20, or 22 and more: fractional seconds), or null. */
function dateTimeOfLength(length: number): string | null {
  if (length === 20) return '2025-01-08T10:30:00Z';
  if (length < 22) return null;
  return `2025-01-08T10:30:00.${'1'.repeat(length - 21)}Z`;
}

/**
 * A string of exactly `length` code points that satisfies the schema's `pattern` and `format`
 * (its length keywords are the caller's business), or `null` when none is found. With
 * `astral`, made only of a character outside the BMP (two UTF-16 units per code point).
 */
export function stringOfLength(rules: StringRules, length: number, base: string, astral = false): string | null {
  if (!astral && rules.format === 'date-time') {
    const text = dateTimeOfLength(length);
    return text !== null && shapeOk(rules, text) ? text : null;
  }
  const found = astral ? [ASTRAL.repeat(length)] : candidates(length, base, FILLERS);
  for (const text of found) {
    if (codePoints(text) === length && shapeOk(rules, text)) return text;
  }
  return null;
}

/** `base` with one code point (or all of them) replaced so that it fails `pattern` and nothing else. */
export function patternViolation(rules: StringRules, base: string): string | null {
  if (rules.pattern === null) return null;
  const chars = [...base];
  const tries = [
    ...chars.flatMap((_, at) => BREAKERS.map((c) => [...chars.slice(0, at), c, ...chars.slice(at + 1)].join(''))),
    ...BREAKERS.map((c) => c.repeat(chars.length)),
  ];
  return tries.find((text) => arrayEq(stringViolations(rules, text), ['pattern'])) ?? null;
}

/** Strings of the example's length that fail `format` and nothing else, with what is wrong with each. */
export function formatViolations(rules: StringRules, base: string): { readonly what: string; readonly text: string }[] {
  if (rules.format === null) return [];
  const only = (text: string): boolean => text !== base && arrayEq(stringViolations(rules, text), ['format']);
  if (rules.format === 'date-time') {
    return [
      { what: 'month 13', text: base.replace(/^(\d{4}-)\d\d/, '$113') },
      { what: 'hour 25', text: base.replace(/T\d\d:/, 'T25:') },
      { what: 'no time separator', text: base.replace('T', 'x') },
      { what: 'February 30', text: base.replace(/^(\d{4})-\d\d-\d\d/, '$1-02-30') },
    ].filter(({ text }) => only(text));
  }
  const chars = [...base];
  const text = chars
    .flatMap((_, at) => BREAKERS.map((c) => [...chars.slice(0, at), c, ...chars.slice(at + 1)].join('')))
    .find(only);
  return text === undefined ? [] : [{ what: `a character replaced`, text }];
}

/**
 * `count` distinct strings valid for `rules`, made from `base` by changing characters in place
 * (so the length stays valid), or `null` when they cannot be found.
 */
export function distinctStrings(rules: StringRules, base: string, count: number): string[] | null {
  const chars = [...base];
  // For each position, the characters that keep the string valid on their own.
  const options = chars.map((_, at) =>
    ALPHABET.filter((c) => shapeOk(rules, [...chars.slice(0, at), c, ...chars.slice(at + 1)].join(''))),
  );
  const positions = options.map((o, at) => ({ at, o })).filter(({ o }) => o.length > 1);
  const out = new Set<string>();
  const limit = count * 50;
  for (let i = 0; out.size < count && i < limit; i++) {
    const next = [...chars];
    let rest = i;
    for (const { at, o } of positions) {
      next[at] = o[rest % o.length] as string;
      rest = Math.floor(rest / o.length);
    }
    if (rest > 0) break; // every combination was tried
    const text = next.join('');
    if (stringViolations(rules, text).length === 0) out.add(text);
  }
  return out.size === count ? [...out] : null;
}

function arrayEq(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
