/**
 * The subset of ECMAScript regular expressions (JSON Schema `pattern`, matched with the `u` flag as
 * ajv does) that generators can be derived from: `^`/`$` at the ends, literal characters and
 * escapes, `.`, classes (`[A-Za-z0-9_.:-]`, `[^/\\]`), `\d \w \s \D \W \S`, groups without
 * alternation, and the quantifiers `* + ? {n} {n,} {n,m}`. Anything else (alternation,
 * look-around, back-references, `\b`) is reported, never approximated.
 */

/** Sorted, disjoint, non-adjacent ranges of code points, both ends included. */
export type CharRanges = readonly (readonly [number, number])[];

export type RegexNode =
  | { readonly kind: 'chars'; readonly set: CharRanges; readonly min: number; readonly max: number }
  | { readonly kind: 'group'; readonly body: readonly RegexNode[]; readonly min: number; readonly max: number };

export interface RegexSubset {
  readonly anchoredStart: boolean;
  readonly anchoredEnd: boolean;
  readonly body: readonly RegexNode[];
}

export const MAX_CODE_POINT = 0x10ffff;
/** Every code point a generated string may hold: lone surrogates are never generated. */
export const ANY: CharRanges = [[0, 0xd7ff], [0xe000, MAX_CODE_POINT]];
const LINE_TERMINATORS: CharRanges = normalize([[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]]);
const DIGIT: CharRanges = [[0x30, 0x39]];
const WORD: CharRanges = normalize([[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]]);
/** `\s` with the `u` flag: WhiteSpace and LineTerminator of ECMA-262. */
export const WHITESPACE: CharRanges = normalize([
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029],
  [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
]);

export function normalize(ranges: readonly (readonly [number, number])[]): CharRanges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** The code points of `ANY` not in `set`. */
export function complement(set: CharRanges): CharRanges {
  return intersect(ANY, invert(set));
}

function invert(set: CharRanges): CharRanges {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

export function intersect(a: CharRanges, b: CharRanges): CharRanges {
  const out: [number, number][] = [];
  for (const [alo, ahi] of a) {
    for (const [blo, bhi] of b) {
      const lo = Math.max(alo, blo);
      const hi = Math.min(ahi, bhi);
      if (lo <= hi) out.push([lo, hi]);
    }
  }
  return normalize(out);
}

export function size(set: CharRanges): number {
  return set.reduce((n, [lo, hi]) => n + hi - lo + 1, 0);
}

export function contains(set: CharRanges, codePoint: number): boolean {
  return set.some(([lo, hi]) => codePoint >= lo && codePoint <= hi);
}

/** The code points of a small set as a string, in order. */
export function setText(set: CharRanges): string {
  let out = '';
  for (const [lo, hi] of set) for (let c = lo; c <= hi; c++) out += String.fromCodePoint(c);
  return out;
}

/** Parses `source`, or returns why it is outside the subset. */
export function parseRegexSubset(source: string): RegexSubset | { readonly error: string } {
  try {
    const chars = Array.from(source);
    let start = 0;
    let end = chars.length;
    const anchoredStart = chars[0] === '^';
    if (anchoredStart) start = 1;
    const anchoredEnd = end > start && chars[end - 1] === '$' && !escapedAt(chars, end - 1);
    if (anchoredEnd) end -= 1;
    const parser = new Parser(chars.slice(start, end));
    const body = parser.sequence(false);
    return { anchoredStart, anchoredEnd, body };
  } catch (error) {
    if (error instanceof PatternError) return { error: error.message };
    throw error;
  }
}

function escapedAt(chars: readonly string[], i: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= 0 && chars[j] === '\\'; j--) n++;
  return n % 2 === 1;
}

class PatternError extends Error {}

class Parser {
  #i = 0;
  constructor(private readonly chars: readonly string[]) {}

  sequence(inGroup: boolean): RegexNode[] {
    const out: RegexNode[] = [];
    while (this.#i < this.chars.length) {
      const c = this.chars[this.#i] as string;
      if (c === ')') {
        if (!inGroup) throw new PatternError('unbalanced ")"');
        return out;
      }
      if (c === '|') throw new PatternError('alternation "|" is not supported');
      if (c === '^' || c === '$') throw new PatternError(`"${c}" is only supported at the ends of the pattern`);
      if (c === '*' || c === '+' || c === '?' || c === '{') throw new PatternError(`nothing to repeat before "${c}"`);
      let atom: { set: CharRanges } | { body: RegexNode[] };
      if (c === '(') {
        this.#i++;
        if (this.chars[this.#i] === '?') {
          if (this.chars[this.#i + 1] !== ':') throw new PatternError('look-around and named groups are not supported');
          this.#i += 2;
        }
        const body = this.sequence(true);
        if (this.chars[this.#i] !== ')') throw new PatternError('unbalanced "("');
        this.#i++;
        atom = { body };
      } else if (c === '[') {
        atom = { set: this.charClass() };
      } else if (c === '.') {
        this.#i++;
        atom = { set: complement(LINE_TERMINATORS) };
      } else if (c === '\\') {
        atom = { set: this.escape(false) };
      } else {
        this.#i++;
        atom = { set: single(c) };
      }
      const [min, max] = this.quantifier();
      if ('set' in atom) out.push({ kind: 'chars', set: atom.set, min, max });
      else if (min === 1 && max === 1) out.push(...atom.body);
      else out.push({ kind: 'group', body: atom.body, min, max });
    }
    if (inGroup) throw new PatternError('unbalanced "("');
    return out;
  }

  quantifier(): [number, number] {
    const c = this.chars[this.#i];
    let q: [number, number];
    if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '?') q = [0, 1];
    else if (c === '{') {
      const rest = this.chars.slice(this.#i).join('');
      const m = /^\{(\d+)(,(\d*))?\}/.exec(rest);
      if (!m) throw new PatternError('a literal "{" is not supported; escape it');
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' || m[3] === undefined ? Infinity : Number(m[3]);
      if (max < min) throw new PatternError(`quantifier {${min},${max}} is out of order`);
      this.#i += Array.from(m[0]).length - 1;
      q = [min, max];
    } else return [1, 1];
    this.#i++;
    if (this.chars[this.#i] === '?') this.#i++; // lazy or greedy: the same strings match
    return q;
  }

  charClass(): CharRanges {
    this.#i++; // [
    const negated = this.chars[this.#i] === '^';
    if (negated) this.#i++;
    const ranges: (readonly [number, number])[] = [];
    while (this.#i < this.chars.length && this.chars[this.#i] !== ']') {
      const lo = this.classAtom();
      if (this.chars[this.#i] === '-' && this.chars[this.#i + 1] !== ']' && this.#i + 1 < this.chars.length) {
        this.#i++;
        const hi = this.classAtom();
        if (typeof lo !== 'number' || typeof hi !== 'number') throw new PatternError('a class escape cannot bound a range');
        if (hi < lo) throw new PatternError('a character range is out of order');
        ranges.push([lo, hi]);
      } else {
        if (typeof lo === 'number') ranges.push([lo, lo]);
        else ranges.push(...lo);
      }
    }
    if (this.chars[this.#i] !== ']') throw new PatternError('unterminated character class');
    this.#i++;
    const set = normalize(ranges);
    return negated ? complement(set) : intersect(set, ANY);
  }

  /** One member of a class: a code point, or the ranges of a class escape such as `\d`. */
  classAtom(): number | CharRanges {
    const c = this.chars[this.#i] as string;
    if (c !== '\\') {
      this.#i++;
      return c.codePointAt(0) ?? 0;
    }
    const set = this.escape(true);
    return set.length === 1 && set[0] && set[0][0] === set[0][1] ? set[0][0] : set;
  }

  escape(inClass: boolean): CharRanges {
    this.#i++; // backslash
    const c = this.chars[this.#i];
    if (c === undefined) throw new PatternError('a pattern cannot end with "\\"');
    this.#i++;
    switch (c) {
      case 'd': return DIGIT;
      case 'D': return complement(DIGIT);
      case 'w': return WORD;
      case 'W': return complement(WORD);
      case 's': return WHITESPACE;
      case 'S': return complement(WHITESPACE);
      case 'n': return single('\n');
      case 'r': return single('\r');
      case 't': return single('\t');
      case 'f': return single('\f');
      case 'v': return single('\v');
      case '0': return [[0, 0]];
      case 'u': {
        const cp = this.unicodeEscape();
        return [[cp, cp]];
      }
      case 'x': {
        const hex = this.chars.slice(this.#i, this.#i + 2).join('');
        if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw new PatternError('"\\x" needs two hex digits');
        this.#i += 2;
        const cp = parseInt(hex, 16);
        return [[cp, cp]];
      }
      default:
        if (c === '-' && inClass) return single('-');
        // With the `u` flag only syntax characters and `/` may be escaped as themselves.
        if ('^$\\.*+?()[]{}|/'.includes(c)) return single(c);
        throw new PatternError(`escape "\\${c}" is not supported`);
    }
  }

  unicodeEscape(): number {
    const rest = this.chars.slice(this.#i).join('');
    const m = /^\{([0-9A-Fa-f]{1,6})\}|^([0-9A-Fa-f]{4})/.exec(rest);
    if (!m) throw new PatternError('"\\u" needs four hex digits or {hex}');
    this.#i += m[0].length;
    const cp = parseInt(m[1] ?? m[2] ?? '', 16);
    if (cp > MAX_CODE_POINT || (cp >= 0xd800 && cp <= 0xdfff)) throw new PatternError('"\\u" escapes a surrogate or no code point');
    return cp;
  }
}

function single(c: string): CharRanges {
  const cp = c.codePointAt(0) ?? 0;
  return [[cp, cp]];
}

/** Fewest code points a sequence matches. */
export function minMatchLength(nodes: readonly RegexNode[]): number {
  return nodes.reduce((n, node) => n + node.min * (node.kind === 'chars' ? 1 : minMatchLength(node.body)), 0);
}

/** Most code points a sequence matches (`Infinity` when unbounded). */
export function maxMatchLength(nodes: readonly RegexNode[]): number {
  return nodes.reduce((n, node) => {
    const one = node.kind === 'chars' ? 1 : maxMatchLength(node.body);
    return n + (one === 0 ? 0 : node.max * one);
  }, 0);
}

/** The code points a non-empty match of the sequence can start with. */
export function firstChars(nodes: readonly RegexNode[]): CharRanges {
  const out: (readonly [number, number])[] = [];
  for (const node of nodes) {
    if (node.max === 0) continue;
    out.push(...(node.kind === 'chars' ? node.set : firstChars(node.body)));
    const nullable = node.min === 0 || (node.kind === 'group' && minMatchLength(node.body) === 0);
    if (!nullable) break;
  }
  return normalize(out);
}
