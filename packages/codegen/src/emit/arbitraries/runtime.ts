/**
 * The small functions the generated arbitraries call (fast-check combinators under a name that
 * says what they build), as source text. Only those a file uses are emitted, in this order.
 * They know nothing of schemas: every decision is made at generate time and written into the
 * call (`chars('abc')`, `dateTime(0, 19)`, `inProperty(base, 'data', ...)`).
 */

export interface RuntimeHelper {
  readonly name: string;
  /** Helpers this one calls. */
  readonly uses: readonly string[];
  readonly code: string;
}

export const INVALID_KINDS: readonly string[] = [
  'missing-required', 'extra-property', 'too-few-properties', 'wrong-type', 'enum-violation', 'const-violation',
  'above-maximum', 'below-minimum', 'not-multiple-of', 'too-long', 'too-short', 'pattern-mismatch', 'bad-format',
  'too-many-items', 'too-few-items', 'duplicate-items', 'matches-not',
];

export const RUNTIME_HELPERS: readonly RuntimeHelper[] = [
  {
    name: 'chars',
    uses: [],
    code: `/** One code point of \`set\`. */
function chars(set: string): fc.Arbitrary<string> {
  return fc.constantFrom(...set);
}`,
  },
  {
    name: 'charExcept',
    uses: [],
    code: `/** One code point of any plane, except those in \`excluded\`, which become \`instead\`. */
function charExcept(excluded: string, instead: string): fc.Arbitrary<string> {
  return fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).map((c) => (excluded.includes(c) ? instead : c));
}`,
  },
  {
    name: 'joined',
    uses: [],
    code: `/** One value of each part, concatenated. */
function joined(...parts: fc.Arbitrary<string>[]): fc.Arbitrary<string> {
  return fc.tuple(...parts).map((values) => values.join(''));
}`,
  },
  {
    name: 'repeated',
    uses: [],
    code: `/** \`minLength\` to \`maxLength\` values of \`part\`, concatenated. */
function repeated(part: fc.Arbitrary<string>, constraints: fc.ArrayConstraints): fc.Arbitrary<string> {
  return fc.array(part, constraints).map((values) => values.join(''));
}`,
  },
  {
    name: 'dateTime',
    uses: ['chars'],
    code: `/**
 * RFC 3339 date-times in UTC, years 0000 to 9999, with \`minDigits\` to \`maxDigits\` fraction digits
 * (none when 0): \`2025-01-08T10:30:00Z\` is 20 characters, each digit adds one, the dot one more.
 */
function dateTime(minDigits: number, maxDigits: number): fc.Arbitrary<string> {
  const dates = fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });
  const digits = fc.string({ unit: chars('0123456789'), minLength: minDigits, maxLength: maxDigits });
  return fc.tuple(dates, digits).map(([date, fraction]) => date.toISOString().slice(0, 19) + (fraction === '' ? '' : '.' + fraction) + 'Z');
}`,
  },
  {
    name: 'someProperties',
    uses: [],
    code: `/**
 * Objects with the required properties, any of the others, every property a present one depends
 * on (draft-07 \`dependencies\`), and at least \`minProperties\` properties.
 */
function someProperties<T extends object, K extends keyof T>(
  fields: { readonly [P in keyof T]: fc.Arbitrary<T[P]> },
  rules: {
    readonly required: readonly K[];
    readonly dependencies: { readonly [P in keyof NoInfer<T>]?: readonly (keyof NoInfer<T>)[] };
    readonly minProperties: number;
  },
): fc.Arbitrary<Partial<T> & Pick<T, K>> {
  const keys = Object.keys(fields) as (keyof T)[];
  const all = fc.record(fields as { [P in keyof T]: fc.Arbitrary<T[P]> }) as fc.Arbitrary<T>;
  return fc.tuple(all, fc.subarray(keys)).map(([values, chosen]) => {
    const present = new Set<keyof T>();
    const add = (key: keyof T): void => {
      if (present.has(key)) return;
      present.add(key);
      for (const dependency of rules.dependencies[key] ?? []) add(dependency);
    };
    for (const key of [...rules.required, ...chosen]) add(key);
    for (const key of keys) if (present.size < rules.minProperties) add(key);
    const value: Partial<T> = {};
    for (const key of keys) if (present.has(key)) value[key] = values[key];
    return value as Partial<T> & Pick<T, K>;
  });
}`,
  },
  {
    name: 'canonical',
    uses: [],
    code: `/** JSON with sorted keys: equal for values JSON Schema deems equal, so \`uniqueItems\` holds. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}`,
  },
  {
    name: 'pointerTo',
    uses: [],
    code: `/** The JSON pointer segment (RFC 6901) of a property. */
function pointerTo(key: string | number): string {
  return '/' + String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}`,
  },
  {
    name: 'copy',
    uses: [],
    code: `/** A plain copy of an object's own properties (records may have a null prototype). */
function copy(value: object): Record<string, unknown> {
  return { ...value };
}`,
  },
  {
    name: 'invalid',
    uses: [],
    code: `/** \`values\`, each invalid as \`kind\`, reported as \`keyword\` at the value itself. */
function invalid(kind: InvalidKind, keyword: string, values: fc.Arbitrary<unknown>): fc.Arbitrary<InvalidValue> {
  return values.map((value) => ({ value, kind, pointer: '', keyword }));
}`,
  },
  {
    name: 'wrongType',
    uses: ['invalid'],
    code: `/** Values of none of the \`allowed\` JSON types; \`fraction\`, a non-integer no other keyword rejects, for integers. */
function wrongType(allowed: readonly JsonType[], fraction?: number): fc.Arbitrary<InvalidValue> {
  const others: fc.Arbitrary<unknown>[] = [];
  const numeric = allowed.includes('number') || allowed.includes('integer');
  if (!allowed.includes('string')) others.push(fc.string({ unit: 'binary', maxLength: 8 }));
  if (!numeric) others.push(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  if (!allowed.includes('number') && fraction !== undefined) others.push(fc.constant(fraction));
  if (!allowed.includes('boolean')) others.push(fc.boolean());
  if (!allowed.includes('null')) others.push(fc.constant(null));
  if (!allowed.includes('array')) others.push(fc.array(fc.integer(), { maxLength: 3 }));
  if (!allowed.includes('object')) others.push(fc.record({ a: fc.integer() }, { requiredKeys: [] }));
  return invalid('wrong-type', 'type', fc.oneof(...others));
}`,
  },
  {
    name: 'withoutProperty',
    uses: ['copy', 'pointerTo'],
    code: `/** Valid objects without \`key\`, which \`required\` (or \`dependencies\`) reports as missing. */
function withoutProperty(base: fc.Arbitrary<object>, key: string, keyword: 'required' | 'dependencies'): fc.Arbitrary<InvalidValue> {
  return base.map((valid) => {
    const value = copy(valid);
    delete value[key];
    return { value, kind: 'missing-required', pointer: pointerTo(key), keyword };
  });
}`,
  },
  {
    name: 'withExtraProperty',
    uses: ['copy', 'pointerTo'],
    code: `/** Valid objects with one property too many (\`additionalProperties: false\`), named one of \`keys\`. */
function withExtraProperty(base: fc.Arbitrary<object>, keys: readonly string[]): fc.Arbitrary<InvalidValue> {
  return fc.tuple(base, fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 1 })).map(([valid, key, extra]) => ({
    value: { ...copy(valid), [key]: extra },
    kind: 'extra-property',
    pointer: pointerTo(key),
    keyword: 'additionalProperties',
  }));
}`,
  },
  {
    name: 'pickProperties',
    uses: ['copy'],
    code: `/** Valid objects cut down to \`keys\`: one property fewer than \`minProperties\`. */
function pickProperties(base: fc.Arbitrary<object>, keys: readonly string[]): fc.Arbitrary<InvalidValue> {
  return base.map((valid) => {
    const all = copy(valid);
    return { value: Object.fromEntries(keys.map((key) => [key, all[key]])), kind: 'too-few-properties', pointer: '', keyword: 'minProperties' };
  });
}`,
  },
  {
    name: 'inProperty',
    uses: ['copy', 'pointerTo'],
    code: `/** Valid objects whose \`key\` holds an invalid value instead. */
function inProperty(base: fc.Arbitrary<object>, key: string, values: fc.Arbitrary<InvalidValue>): fc.Arbitrary<InvalidValue> {
  return fc.tuple(base, values).map(([valid, bad]) => ({
    ...bad,
    value: { ...copy(valid), [key]: bad.value },
    pointer: pointerTo(key) + bad.pointer,
  }));
}`,
  },
  {
    name: 'inItem',
    uses: ['pointerTo'],
    code: `/** Valid non-empty arrays with one item replaced by an invalid value. */
function inItem(base: fc.Arbitrary<readonly unknown[]>, values: fc.Arbitrary<InvalidValue>): fc.Arbitrary<InvalidValue> {
  return fc.tuple(base, values, fc.nat()).map(([valid, bad, n]) => {
    const index = n % valid.length;
    const value = [...valid];
    value[index] = bad.value;
    return { ...bad, value, pointer: pointerTo(index) + bad.pointer };
  });
}`,
  },
  {
    name: 'withDuplicateItem',
    uses: [],
    code: `/** Valid non-empty arrays with a copy of one of their items appended (\`uniqueItems\`). */
function withDuplicateItem(base: fc.Arbitrary<readonly unknown[]>): fc.Arbitrary<InvalidValue> {
  return fc.tuple(base, fc.nat()).map(([valid, n]) => ({
    value: [...valid, valid[n % valid.length]],
    kind: 'duplicate-items',
    pointer: '',
    keyword: 'uniqueItems',
  }));
}`,
  },
  {
    name: 'withFirstChar',
    uses: [],
    code: `/** Valid non-empty strings whose first code point is one the pattern cannot start with. */
function withFirstChar(base: fc.Arbitrary<string>, first: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(base, first).map(([valid, c]) => c + Array.from(valid).slice(1).join(''));
}`,
  },
  {
    name: 'idnHostnames',
    uses: ['chars'],
    code: `/**
 * IDNA2008 host names (RFC 5890): one to four labels of letters and digits of several scripts
 * (left-to-right ones only, so no bidi rule applies), hyphens only inside, never two in a row;
 * a label has at most 7 code points, so its ASCII form stays far below 63 octets.
 */
function idnHostnames(): fc.Arbitrary<string> {
  const run = fc.string({ unit: chars('abcdefghijklmnopqrstuvwxyz0123456789éüßøçñπλдж中文字あいう한국'), minLength: 1, maxLength: 3 });
  const label = fc.array(run, { minLength: 1, maxLength: 2 }).map((runs) => runs.join('-'));
  return fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
}`,
  },
  {
    name: 'idnEmails',
    uses: ['chars', 'idnHostnames'],
    code: `/** RFC 6531 mailboxes: a dot-string local part (non-ASCII letters included) at an IDNA2008 domain. */
function idnEmails(): fc.Arbitrary<string> {
  const atom = fc.string({ unit: chars("abcxyz0189!#$%&'*+/=?^_\\\`{|}~-éßπд中한"), minLength: 1, maxLength: 6 });
  const local = fc.array(atom, { minLength: 1, maxLength: 3 }).map((atoms) => atoms.join('.'));
  return fc.tuple(local, idnHostnames()).map(([name, domain]) => name + '@' + domain);
}`,
  },
  {
    name: 'iris',
    uses: ['chars', 'idnHostnames'],
    code: `/**
 * IRIs (RFC 3987): a scheme and an authority or a rootless path, then a path, a query and a
 * fragment of unreserved code points (beyond ASCII too), sub-delimiters and percent-encodings.
 * With \`relative\`, also the relative references: a network path, an absolute or a relative
 * path (whose first segment has no \`:\`, or it would read as a scheme), or nothing.
 */
function iris(relative: boolean): fc.Arbitrary<string> {
  const pct = fc.tuple(chars('0123456789ABCDEFabcdef'), chars('0123456789ABCDEFabcdef')).map(([a, b]) => '%' + a + b);
  const noColon = fc.oneof({ weight: 4, arbitrary: chars("azAZ09-._~!$&'()*+,;=@éüßπд中한\\u{1f600}") }, { weight: 1, arbitrary: pct });
  const pchar = fc.oneof({ weight: 6, arbitrary: noColon }, { weight: 1, arbitrary: fc.constant(':') });
  const segment = fc.string({ unit: pchar, maxLength: 5 });
  const path = fc.array(segment, { maxLength: 3 }).map((segments) => segments.map((s) => '/' + s).join(''));
  const query = fc.option(fc.string({ unit: fc.oneof(pchar, chars('/?\\u{e000}')), maxLength: 6 })).map((q) => (q === null ? '' : '?' + q));
  const fragment = fc.option(fc.string({ unit: fc.oneof(pchar, chars('/?')), maxLength: 6 })).map((f) => (f === null ? '' : '#' + f));
  const suffix = fc.tuple(query, fragment).map(([q, f]) => q + f);
  const tail = fc.tuple(path, suffix).map(([p, s]) => p + s);
  const port = fc.option(fc.integer({ min: 0, max: 65535 })).map((n) => (n === null ? '' : ':' + n));
  const authority = fc.tuple(idnHostnames(), port).map(([host, p]) => '//' + host + p);
  const rootless = fc.tuple(fc.string({ unit: pchar, minLength: 1, maxLength: 5 }), tail).map(([first, rest]) => first + rest);
  const scheme = fc.constantFrom('http', 'https', 'urn', 'tag', 'x-a.b+c');
  const absolute = fc.tuple(scheme, fc.oneof(fc.tuple(authority, tail).map(([a, t]) => a + t), rootless)).map(([s, rest]) => s + ':' + rest);
  if (!relative) return absolute;
  const noScheme = fc.tuple(fc.string({ unit: noColon, minLength: 1, maxLength: 5 }), tail).map(([first, rest]) => first + rest);
  const absolutePath = rootless.map((rest) => '/' + rest);
  return fc.oneof(absolute, fc.tuple(authority, tail).map(([a, t]) => a + t), absolutePath, noScheme, suffix);
}`,
  },
  {
    name: 'badDateTime',
    uses: [],
    code: `/** Date-times of the same length with month 13. */
function badDateTime(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return base.map((valid) => valid.slice(0, 5) + '13' + valid.slice(7));
}`,
  },
  {
    name: 'isOneOf',
    uses: ['canonical'],
    code: `/** Whether \`value\` has one of \`types\` (when given) and equals one of \`values\` (when given), as JSON Schema compares. */
function isOneOf(value: unknown, types: readonly JsonType[] | null, values: readonly unknown[] | null): boolean {
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const typed = types === null || types.some((t) => t === type || (t === 'integer' && Number.isInteger(value)));
  return typed && (values === null || values.some((v) => canonical(v) === canonical(value)));
}`,
  },
  {
    name: 'otherTypes',
    uses: [],
    code: `/** The TypeScript type of the values of JSON types \`T\`. */
type ValueOf<T extends JsonType> = T extends 'string' ? string : T extends 'integer' | 'number' ? number : T extends 'boolean' ? boolean
  : T extends 'null' ? null : T extends 'array' ? unknown[] : Record<string, unknown>;

/** Any JSON value of none of the \`excluded\` types (a non-integer number when only \`integer\` is). */
function otherTypes<const E extends readonly JsonType[]>(
  excluded: E,
): fc.Arbitrary<ValueOf<Exclude<JsonType, E[number] | ('number' extends E[number] ? 'integer' : never)>>> {
  const any = fc.jsonValue({ maxDepth: 2 });
  const others: fc.Arbitrary<unknown>[] = [];
  if (!excluded.includes('string')) others.push(fc.string({ unit: 'binary' }));
  if (!excluded.includes('number')) {
    const doubles = fc.double({ noNaN: true, noDefaultInfinity: true });
    others.push(excluded.includes('integer') ? doubles.filter((n) => !Number.isInteger(n)) : fc.oneof(fc.maxSafeInteger(), doubles));
  }
  if (!excluded.includes('boolean')) others.push(fc.boolean());
  if (!excluded.includes('null')) others.push(fc.constant(null));
  if (!excluded.includes('array')) others.push(fc.array(any, { maxLength: 3 }));
  if (!excluded.includes('object')) others.push(fc.dictionary(fc.string(), any, { maxKeys: 3 }));
  // Each arbitrary pushed above is of a type \`excluded\` leaves: their union is that type.
  return fc.oneof(...others) as fc.Arbitrary<ValueOf<Exclude<JsonType, E[number] | ('number' extends E[number] ? 'integer' : never)>>>;
}`,
  },
  {
    name: 'noneOf',
    uses: ['isOneOf'],
    code: `/** \`values\` without those equal to one of \`excluded\` (a \`not\` of constants). */
function noneOf<T>(values: fc.Arbitrary<T>, excluded: readonly unknown[]): fc.Arbitrary<T> {
  return values.filter((value) => !isOneOf(value, null, excluded));
}`,
  },
  {
    name: 'outside',
    uses: ['isOneOf'],
    code: `/**
 * The invalid values that a \`not\` beside the broken keyword still accepts: those that are not of
 * \`types\` or not among \`values\`, so that the one change breaks one keyword.
 */
function outside(invalids: fc.Arbitrary<InvalidValue>, types: readonly JsonType[] | null, values: readonly unknown[] | null): fc.Arbitrary<InvalidValue> {
  return invalids.filter((i) => !isOneOf(i.value, types, values));
}`,
  },
];

/** The helpers `code` refers to (calls or passes, as `selector: canonical`), with those they call, in declaration order. */
export function helpersFor(code: string): RuntimeHelper[] {
  const used = new Set<string>();
  const visit = (name: string): void => {
    if (used.has(name)) return;
    used.add(name);
    for (const dep of RUNTIME_HELPERS.find((h) => h.name === name)?.uses ?? []) visit(dep);
  };
  for (const h of RUNTIME_HELPERS) if (new RegExp(`\\b${h.name}\\b`).test(code)) visit(h.name);
  return RUNTIME_HELPERS.filter((h) => used.has(h.name));
}
