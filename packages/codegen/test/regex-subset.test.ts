/**
 * The pattern subset arbitraries are derived from, and the literals generated code is written
 * with: given a pattern, want its shape (or why it is outside the subset).
 */
import { describe, expect, it } from 'vitest';
import { firstChars, maxMatchLength, minMatchLength, parseRegexSubset, setText, size } from '../src/lib/regex-subset.js';
import { propertyKey, quote } from '../src/lib/code.js';

function shape(pattern: string): string {
  const p = parseRegexSubset(pattern);
  if ('error' in p) return `error: ${p.error}`;
  const first = firstChars(p.body);
  const firstText = size(first) <= 20 ? JSON.stringify(setText(first)) : `${size(first)} code points`;
  return `${p.anchoredStart ? '^' : ''}${p.body.length} nodes${p.anchoredEnd ? '$' : ''}, ${minMatchLength(p.body)}..${maxMatchLength(p.body)}, first ${firstText}`;
}

describe('parseRegexSubset: given a pattern, want its shape', () => {
  it.each([
    ['^[A-Za-z0-9_.:-]+$', '^1 nodes$, 1..Infinity, first 66 code points'],
    ['^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*$', '^5 nodes$, 3..Infinity, first 64 code points'],
    ['^[0-9]+\\.[0-9]+\\.[0-9]+$', '^5 nodes$, 5..Infinity, first "0123456789"'],
    ['\\S', '1 nodes, 1..1, first 1112039 code points'],
    ['^[^/\\\\]+$', '^1 nodes$, 1..Infinity, first 1112062 code points'],
    ['^(/[^/]*)*$', '^1 nodes$, 0..Infinity, first "/"'],
    ['^Bearer [a-z]{2,4}$', '^8 nodes$, 9..11, first "B"'],
    ['^(?:ab)?c{3}$', '^2 nodes$, 3..5, first "ac"'],
    ['^\\u00e9\\u{1F600}.$', '^3 nodes$, 3..3, first "\u00e9"'],
    ['^a|b$', 'error: alternation "|" is not supported'],
    ['^(?=a)$', 'error: look-around and named groups are not supported'],
    ['^a\\bb$', 'error: escape "\\b" is not supported'],
    ['^a{2,1}$', 'error: quantifier {2,1} is out of order'],
    ['^[z-a]$', 'error: a character range is out of order'],
    ['^(a$', 'error: unbalanced "("'],
    ['^a^b$', 'error: "^" is only supported at the ends of the pattern'],
  ])('%s -> %s', (pattern, want) => {
    expect(shape(pattern)).toBe(want);
  });
});

describe('literals in generated code', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's \\ here", "'it\\'s \\\\ here'"],
    ['tab\tnew\nline', "'tab\\tnew\\nline'"],
    ['\u00e9\u{1f600}\u0000', "'\\u00e9\\u{1f600}\\u0000'"],
  ])('quote(%j) is %s', (value, want) => {
    expect(quote(value)).toBe(want);
  });

  it.each([
    ['room_id', 'room_id'],
    ['Sec-WebSocket-Protocol', "'Sec-WebSocket-Protocol'"],
    ['__proto__', "['__proto__']"],
    ['1st', "'1st'"],
  ])('propertyKey(%j) is %s', (name, want) => {
    expect(propertyKey(name)).toBe(want);
  });
});
