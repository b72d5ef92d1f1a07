/**
 * Strings (JSON Schema validation, "Validation Keywords for Strings" and "format"): arbitraries of
 * strings whose length in code points (as JSON Schema and the validators count it) is within
 * `minLength`..`maxLength`, that match `pattern` or have a `format`, and the invalid strings one
 * keyword away: one code point too long or too short, a first character the pattern cannot start
 * with, a malformed date-time.
 */
import type { JsonSchema, JsonValue, SpecPath } from '../../model.js';
import { call, json, object, quote, raw, type Code } from '../../lib/code.js';
import {
  ANY, complement, contains, firstChars, maxMatchLength, minMatchLength, parseRegexSubset, setText, size,
  type CharRanges, type RegexNode, type RegexSubset,
} from '../../lib/regex-subset.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { EXTRA_FORMATS } from '@switchboard/runtime/validation/formats';
import { countRange, type CountRange, type DeriveContext } from './context.js';

/**
 * The `format` the validators check: one neither ajv-formats nor the runtime knows is accepted
 * as any string (the validators emitter reports it), so for arbitraries it is no format at all.
 */
function checkedFormat(format: JsonValue | undefined): JsonValue | undefined {
  return typeof format === 'string' && !(format in fullFormats) && !Object.hasOwn(EXTRA_FORMATS, format) ? undefined : format;
}

/** Formats with a generator; any other `format` is reported. */
export const FORMATS: ReadonlySet<string> = new Set(['date-time', 'date', 'uri', 'email', 'uuid', 'iri', 'iri-reference', 'idn-hostname', 'idn-email']);
/** Sets up to this many code points are listed (`chars('...')`); larger ones must be the complement of a small one. */
const MAX_LISTED = 256;
/**
 * Shortest string each format's generator produces (`fc.webUrl()`, `fc.emailAddress()`, the
 * `iris`, `idnHostnames` and `idnEmails` helpers), and the longest limit that still rarely filters one out.
 */
const SHORTEST: Readonly<Record<string, number>> = { 'uri': 11, 'email': 6, 'uuid': 36, 'iri': 5, 'iri-reference': 0, 'idn-hostname': 1, 'idn-email': 3 };
/** The helper call generating each format that fast-check has no arbitrary for. */
const HELPERS: Readonly<Record<string, Code>> = {
  'iri': call('iris', raw('false')),
  'iri-reference': call('iris', raw('true')),
  'idn-hostname': call('idnHostnames'),
  'idn-email': call('idnEmails'),
};
/**
 * Code points no IRI has anywhere (RFC 3987 leaves them out of every production), and code points
 * that make a host name invalid as its first (a hyphen, an empty label, STD3's excluded ASCII).
 */
const NEVER_IN_IRI = [' ', '<', '>', '"', '{', '}', '|', '\\', '^', '`'];
const NEVER_FIRST_IN_HOSTNAME = ['-', '.', ' ', '_'];
const FILTER_FLOOR = 64;
/** Characters a mismatching first character is chosen from (ASCII, Latin-1, astral), when the pattern cannot start with them. */
const MISFITS = [' ', '\u00e9', '\u{1f600}', '!', '~', 'x', '0', '/'];

/** A string's length range, in code points. */
export type Lengths = CountRange;

export function lengthsOf(schema: JsonSchema, at: SpecPath, ctx: DeriveContext): Lengths {
  return countRange(schema, 'minLength', 'maxLength', at, ctx);
}

/** Valid strings; `lengths` overrides the schema's, e.g. one past `maxLength` for a mutation. `null` when none exist. */
export function stringArbitrary(schema: JsonSchema, at: SpecPath, ctx: DeriveContext, lengths: Lengths, report = true): Code | null {
  const fail = (keyword: string, message: string): null => {
    if (report) ctx.unsupported([...at, keyword], message);
    return null;
  };
  if (lengths.min > lengths.max) return fail('minLength', `minLength ${lengths.min} is above maxLength ${lengths.max}`);
  const format = checkedFormat(schema['format']);
  const pattern = schema['pattern'];
  if (format !== undefined && pattern !== undefined) return fail('pattern', 'a string with both pattern and format is not supported');
  if (format !== undefined) {
    if (typeof format !== 'string' || !FORMATS.has(format)) return fail('format', `format ${JSON.stringify(format)} is not supported (supported: ${[...FORMATS].join(', ')})`);
    const arb = formatArbitrary(format, lengths);
    return typeof arb === 'string' ? fail('format', arb) : arb;
  }
  if (pattern !== undefined) {
    const parsed = typeof pattern === 'string' ? parseRegexSubset(pattern) : { error: 'pattern must be a string' };
    if ('error' in parsed) return fail('pattern', `pattern ${JSON.stringify(pattern)}: ${parsed.error}`);
    return patternArbitrary(parsed, lengths) ?? fail('pattern', `pattern ${JSON.stringify(pattern)} matches no string of ${describe(lengths)} code points the generator can build`);
  }
  return stringOf(raw("'binary'"), lengths.min, lengths.max);
}

/** Strings of `min` to `max` units; the unit itself for exactly one (unless it is a predefined unit), `''` for none. */
function stringOf(unitCode: Code, min: number, max: number): Code {
  if (max === 0) return call('fc.constant', raw("''"));
  if (min === 1 && max === 1 && unitCode.kind === 'call') return unitCode;
  return call('fc.string', object([['unit', unitCode], ...lengthOptions(min, max)]));
}

function describe(l: Lengths): string {
  return l.max === Infinity ? `${l.min} or more` : l.min === l.max ? `${l.min}` : `${l.min} to ${l.max}`;
}

function lengthOptions(min: number, max: number): [string, Code][] {
  const out: [string, Code][] = [];
  if (min > 0) out.push(['minLength', json(min)]);
  if (max !== Infinity) out.push(['maxLength', json(max)]);
  return out;
}

/** Strings of a format within `l`, or why there are none the generator can build. */
function formatArbitrary(format: string, l: Lengths): Code | string {
  if (format === 'date-time') {
    // `YYYY-MM-DDTHH:mm:ss` (19), then `.` and k fraction digits when k > 0, then `Z`: 20 or 21 + k.
    const minDigits = l.min <= 20 ? 0 : Math.max(1, l.min - 21);
    const maxDigits = l.max === Infinity ? minDigits + 9 : l.max >= 22 ? l.max - 21 : l.max >= 20 ? 0 : -1;
    return minDigits <= maxDigits ? call('dateTime', json(minDigits), json(maxDigits)) : `no date-time string has ${describe(l)} code points`;
  }
  if (format === 'date') {
    // RFC 3339 full-date, `YYYY-MM-DD`: days of real calendar dates, years 1 to 9999.
    if (l.min > 10 || l.max < 10) return `a date has 10 code points, not ${describe(l)}`;
    const dates = call('fc.date', object([
      ['min', raw("new Date('0001-01-01T00:00:00.000Z')")], ['max', raw("new Date('9999-12-31T23:59:59.999Z')")], ['noInvalidDate', raw('true')],
    ]));
    return { kind: 'call', callee: { kind: 'member', target: dates, name: 'map' }, args: [raw('(d) => d.toISOString().slice(0, 10)')] };
  }
  const shortest = SHORTEST[format] ?? 0;
  const longest = format === 'uuid' ? 36 : FILTER_FLOOR;
  if (l.min > shortest || l.max < longest) {
    return format === 'uuid'
      ? `a uuid has 36 code points, not ${describe(l)}`
      : `format ${format} is supported with minLength up to ${shortest} and maxLength from ${longest} (generated values are filtered by length), not ${describe(l)}`;
  }
  const base = HELPERS[format] ?? (format === 'uri' ? call('fc.webUrl', object([['withQueryParameters', raw('true')], ['withFragments', raw('true')]]))
    : format === 'email' ? call('fc.emailAddress') : call('fc.uuid'));
  if (l.max === Infinity || format === 'uuid') return base;
  // The limit is far above what they produce; the internationalized ones count code points, the others are ASCII.
  const length = format in HELPERS ? 'Array.from(s).length' : 's.length';
  return { kind: 'call', callee: { kind: 'member', target: base, name: 'filter' }, args: [raw(`(s) => ${length} <= ${l.max}`)] };
}

/**
 * One code point of a set: listed when small (`chars('abc')`), else any code point but a small
 * excluded set (`charExcept('/\\', 'x')`), `null` when neither is small.
 */
function unit(set: CharRanges): Code | null {
  const missing = complement(set);
  if (missing.length === 0) return raw("'binary'");
  if (size(set) <= MAX_LISTED) return call('chars', raw(quote(setText(set))));
  if (size(missing) > MAX_LISTED) return null;
  const instead = ['x', 'a', '0', '_', '\u00e9'].find((c) => contains(set, c.codePointAt(0) ?? 0));
  return instead === undefined ? null : call('charExcept', raw(quote(setText(missing))), raw(quote(instead)));
}

/** A pattern's strings within `l`, unanchored ends padded with any code points. */
export function patternArbitrary(p: RegexSubset, l: Lengths): Code | null {
  const any: RegexNode = { kind: 'chars', set: ANY, min: 0, max: Infinity };
  const nodes = [...(p.anchoredStart ? [] : [any]), ...p.body, ...(p.anchoredEnd ? [] : [any])];
  const parts = sequence(nodes, l.min, l.max);
  if (parts === null) return null;
  const merged: Code[] = [];
  let literal = '';
  for (const part of parts) {
    if (typeof part === 'string') literal += part;
    else {
      if (literal !== '') merged.push(call('fc.constant', raw(quote(literal))));
      literal = '';
      merged.push(part);
    }
  }
  if (literal !== '' || merged.length === 0) merged.push(call('fc.constant', raw(quote(literal))));
  return merged.length === 1 ? (merged[0] as Code) : call('joined', ...merged);
}

/**
 * Arbitraries for the nodes of a sequence (a string for a fixed literal) whose lengths always
 * add up to `min`..`max`: each node gets bounds at generate time, the lower ones raised to reach
 * `min` and the room up to `max` shared out, so no value is ever filtered out.
 */
function sequence(nodes: readonly RegexNode[], min: number, max: number): (Code | string)[] | null {
  const natural = nodes.map((n) => ({ lo: minMatchLength([n]), hi: maxMatchLength([n]) }));
  const lo = natural.map((n) => n.lo);
  const hi = natural.map((n) => n.hi);
  let deficit = min - lo.reduce((a, b) => a + b, 0);
  // Raise the lower bounds of character runs (not groups: their lengths are not contiguous).
  nodes.forEach((node, i) => {
    if (deficit <= 0 || node.kind !== 'chars') return;
    const raise = Math.min(deficit, (hi[i] as number) - (lo[i] as number));
    lo[i] = (lo[i] as number) + raise;
    deficit -= raise;
  });
  if (deficit > 0) return null;
  if (max !== Infinity) {
    let room = max - lo.reduce((a, b) => a + b, 0);
    if (room < 0) return null;
    const variable = nodes.map((_, i) => i).filter((i) => (hi[i] as number) > (lo[i] as number));
    const cap = variable.map((i) => lo[i] as number);
    // Share the room evenly; what a node cannot take goes round to the others.
    let open = variable.filter((_, k) => (cap[k] as number) < (hi[variable[k] as number] as number));
    while (room > 0 && open.length > 0) {
      const share = Math.max(1, Math.floor(room / open.length));
      for (const i of open) {
        const k = variable.indexOf(i);
        const take = Math.min(share, room, (hi[i] as number) - (cap[k] as number));
        cap[k] = (cap[k] as number) + take;
        room -= take;
      }
      open = open.filter((i) => (cap[variable.indexOf(i)] as number) < (hi[i] as number));
    }
    variable.forEach((i, k) => { hi[i] = cap[k] as number; });
  }
  const out: (Code | string)[] = [];
  for (const [i, node] of nodes.entries()) {
    const part = nodeArbitrary(node, lo[i] as number, hi[i] as number);
    if (part === null) return null;
    out.push(part);
  }
  return out;
}

function nodeArbitrary(node: RegexNode, lo: number, hi: number): Code | string | null {
  if (hi === 0) return '';
  if (node.kind === 'chars') {
    if (lo === hi && size(node.set) === 1) return setText(node.set).repeat(lo);
    const u = unit(node.set);
    return u === null ? null : stringOf(u, lo, hi);
  }
  // A repeated group: bound the repetitions and each one's length so that their product fits.
  const gmin = minMatchLength(node.body);
  const gmax = maxMatchLength(node.body);
  let each = gmax;
  let times = node.max;
  if (hi !== Infinity) {
    each = Math.min(gmax, Math.max(gmin, Math.floor(Math.sqrt(hi)), 1));
    if (node.min > 0) each = Math.min(each, Math.floor(hi / node.min));
    if (each < Math.max(gmin, 1)) return null;
    times = Math.min(node.max, Math.floor(hi / each));
  }
  if (times < node.min) return null;
  const body = sequence(node.body, gmin, each);
  if (body === null) return null;
  const parts = body.map((b) => (typeof b === 'string' ? call('fc.constant', raw(quote(b))) : b));
  const one = parts.length === 1 ? (parts[0] as Code) : call('joined', ...parts);
  return call('repeated', one, object(lengthOptions(node.min, times).map(([k, v]) => [k, v] as [string, Code])));
}

/** Invalid strings of a string schema, each violating one keyword: `[kind, keyword, values]`. */
export function stringMutations(schema: JsonSchema, at: SpecPath, ctx: DeriveContext): [string, string, Code][] {
  const l = lengthsOf(schema, at, ctx);
  const out: [string, string, Code][] = [];
  const exactly = (n: number): Code | null => stringArbitrary(schema, at, ctx, { min: n, max: n }, false);
  if (l.max !== Infinity) {
    const tooLong = exactly(l.max + 1);
    if (tooLong) out.push(['too-long', 'maxLength', tooLong]);
  }
  if (l.min > 0) {
    const tooShort = exactly(l.min - 1);
    if (tooShort) out.push(['too-short', 'minLength', tooShort]);
  }
  const pattern = schema['pattern'];
  const format = checkedFormat(schema['format']);
  if (typeof pattern === 'string' && format === undefined) {
    const mismatch = patternMismatch(pattern, l);
    if (mismatch) out.push(['pattern-mismatch', 'pattern', mismatch]);
  }
  if (typeof format === 'string' && pattern === undefined) {
    const bad = badFormat(format, l);
    if (bad) out.push(['bad-format', 'format', bad]);
  }
  return out;
}

/**
 * A string of the right length that the pattern does not match: for a pattern anchored at the
 * start, a valid non-empty string whose first code point the pattern cannot start with; for an
 * unanchored single character run (`\S`), a string of only the characters it excludes.
 */
function patternMismatch(pattern: string, l: Lengths): Code | null {
  const p = parseRegexSubset(pattern);
  if ('error' in p) return null;
  const only = p.body[0];
  if (!p.anchoredStart && !p.anchoredEnd && p.body.length === 1 && only?.kind === 'chars' && only.min === 1) {
    const u = unit(complement(only.set));
    return u && stringOf(u, l.min, l.max);
  }
  if (!p.anchoredStart) return null;
  if (!p.anchoredEnd && minMatchLength(p.body) === 0) return null;
  const first = firstChars(p.body);
  const misfits = MISFITS.filter((c) => !contains(first, c.codePointAt(0) ?? 0)).slice(0, 3);
  const valid = patternArbitrary(p, { min: Math.max(l.min, 1), max: l.max });
  if (misfits.length === 0 || valid === null || l.max < 1) return null;
  return call('withFirstChar', valid, call('fc.constantFrom', ...misfits.map((c) => raw(quote(c)))));
}

/** Strings of the right length that are not of the format. */
function badFormat(format: string, l: Lengths): Code | null {
  if (format === 'date-time') {
    const valid = formatArbitrary(format, l);
    return typeof valid === 'string' ? null : call('badDateTime', valid); // month 13
  }
  if (!FORMATS.has(format) || l.max < Math.max(l.min, 1)) return null;
  // No `:` (uri and iri need a scheme), no `@` (email, idn-email), no `-` (uuid).
  const plain = stringOf(call('chars', raw(quote('abcdefghijklmnopqrstuvwxyz0123456789'))), Math.max(l.min, 1), Math.min(l.max, Math.max(l.min, 1) + 40));
  // Such a string is a relative reference and a host name: a code point they never start with makes it neither.
  const first = format === 'iri-reference' ? NEVER_IN_IRI : format === 'idn-hostname' ? NEVER_FIRST_IN_HOSTNAME : null;
  return first === null ? plain : call('withFirstChar', plain, call('fc.constantFrom', ...first.map((c) => raw(quote(c)))));
}
