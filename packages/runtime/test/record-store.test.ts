import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashOf } from '../src/broker/hash-index.js';
import { RecordStore } from '../src/broker/record-store.js';
import type { LocalClaim } from '../src/broker/types.js';

/** A store on a clock the test moves. */
function store(): { records: RecordStore; advance: (ms: number) => void } {
  let now = 1_000_000;
  return { records: new RecordStore(() => now), advance: (ms) => void (now += ms) };
}

describe('RecordStore', () => {
  it('keeps a record until its ttl, to the millisecond', () => {
    const { records, advance } = store();
    records.put('k', 'v', 100);
    advance(99);
    expect(records.get('k')).toBe('v');
    advance(1);
    expect(records.get('k')).toBeNull();
    expect(records.putIfAbsent('k', 'w', 100)).toBeNull();
  });

  it('keeps a claim until its lease, to the millisecond, and forgets it after', () => {
    const { records, advance } = store();
    expect(records.putIfAbsent('k', 'claim', 100)).toBeNull();
    advance(99);
    expect(records.putIfAbsent('k', 'other', 100)).toBe('claim');
    advance(1);
    expect(records.get('k')).toBeNull();
    expect(records.replace('k', 'claim', 'reply', 100)).toBe(false);
    expect(records.putIfAbsent('k', 'next', 100)).toBeNull();
  });

  it('a claim made lasting by put is one record, and claims left behind are swept', () => {
    const { records, advance } = store();
    records.putIfAbsent('k', 'claim', 30_000);
    expect(records.claims).toBe(1);
    records.put('k', 'reply', 300_000);
    expect([records.get('k'), records.size, records.claims]).toEqual(['reply', 1, 0]);
    for (let i = 0; i < 20; i++) records.putIfAbsent(`abandoned${i}`, 'claim', 500);
    advance(1500);
    records.putIfAbsent('fresh', 'claim', 500);
    expect(records.size).toBe(2);
  });

  it('a claim that outlived its lease neither releases nor loses to the claim made after it', () => {
    const { records, advance } = store();
    const first = records.claim('k', 'claim-1', 100);
    advance(100);
    const second = records.claim('k', 'claim-2', 100);
    if (typeof first === 'string' || typeof second === 'string') throw new Error('both claims should be made');
    first.release();
    expect(records.get('k')).toBe('claim-2');
    second.settle('reply', 1000);
    first.release();
    expect([records.get('k'), records.claims]).toEqual(['reply', 0]);
  });

  it('keeps records whose ttls are months apart, each to its own expiry', () => {
    const { records, advance } = store();
    const day = 24 * 3600 * 1000;
    records.put('fifty days', 'a', 50 * day);
    records.put('ninety days', 'b', 90 * day);
    expect([records.get('fifty days'), records.get('ninety days')]).toEqual(['a', 'b']);
    advance(50 * day);
    expect([records.get('fifty days'), records.get('ninety days')]).toEqual([null, 'b']);
    advance(40 * day - 1);
    expect(records.get('ninety days')).toBe('b');
    advance(1);
    expect(records.get('ninety days')).toBeNull();
  });

  it('forgets expired records as new ones are written, without a timer', () => {
    const { records, advance } = store();
    for (let i = 0; i < 50; i++) records.put(`old${i}`, 'v', 10);
    advance(1000);
    records.put('new', 'v', 10);
    expect(records.size).toBe(1);
  });

  it('forgets short-lived records on time behind a long-lived one written first', () => {
    const { records, advance } = store();
    records.put('upload', 'v', 24 * 3600 * 1000);
    for (let i = 0; i < 100; i++) records.put(`request${i}`, 'v', 5000);
    advance(6000);
    records.put('next', 'v', 5000);
    expect(records.size).toBe(2);
    expect(records.get('upload')).toBe('v');
  });

  it('a rewrite renews the ttl: the record outlives its first expiry', () => {
    const { records, advance } = store();
    records.put('k', 'v1', 1000);
    advance(900);
    records.put('k', 'v2', 5000);
    advance(2000);
    records.put('x', 'v', 10);
    expect(records.get('k')).toBe('v2');
    advance(4000);
    records.put('y', 'v', 10);
    expect(records.size).toBe(1);
  });

  it('replaces only the expected value, and deletes with null', () => {
    const { records } = store();
    records.put('k', 'v', 100);
    expect(records.replace('k', 'other', 'w', 100)).toBe(false);
    expect(records.replace('k', 'v', 'w', 100)).toBe(true);
    expect(records.replace('k', 'w', null, 0)).toBe(true);
    expect(records.get('k')).toBeNull();
    expect(records.replace('k', 'w', 'x', 100)).toBe(false);
  });
});

type Operation =
  | { readonly kind: 'put'; readonly key: string; readonly value: string; readonly ttl: number }
  | { readonly kind: 'putIfAbsent'; readonly key: string; readonly value: string; readonly ttl: number }
  | { readonly kind: 'claim'; readonly key: string; readonly value: string; readonly ttl: number }
  | { readonly kind: 'settle'; readonly pick: number; readonly value: string; readonly ttl: number }
  | { readonly kind: 'release'; readonly pick: number }
  | { readonly kind: 'replace'; readonly key: string; readonly expected: string; readonly value: string | null; readonly ttl: number }
  | { readonly kind: 'advance'; readonly ms: number };

/** Texts of every size: empty, short, and longer than a chunk of the log; any well-formed unicode. */
const text = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), weight: 4 },
  { arbitrary: fc.constant(''), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 900, maxLength: 70_000 }), weight: 1 },
);
const KEYS = ['a', 'request:u1/r1', 'ü'];
const key = fc.constantFrom(...KEYS);
const ttl = fc.integer({ min: 1, max: 5000 });
const pick = fc.nat(20);
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('put' as const), key, value: text, ttl }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('putIfAbsent' as const), key, value: text, ttl }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('claim' as const), key, value: text, ttl }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('settle' as const), pick, value: text, ttl }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('release' as const), pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('replace' as const), key, expected: text, value: fc.option(text, { nil: null }), ttl }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 3000 }) }), weight: 1 },
);

/**
 * The store and a model of it side by side: a map of values and expiry times, where a claim is
 * its key and value, settling it is `put`, and releasing it deletes the key while the claim holds it.
 */
function modelled(): { apply: (op: Operation) => void; check: () => void } {
  const { records, advance, now } = clockedStore();
  const model = new Map<string, { value: string; expiresAt: number; claim?: LocalClaim }>();
  const claims: { claim: LocalClaim; key: string }[] = [];
  const read = (k: string): string | null => {
    const held = model.get(k);
    return held && held.expiresAt > now() ? held.value : null;
  };
  const write = (k: string, value: string, ms: number, claim?: LocalClaim): void => {
    model.set(k, claim === undefined ? { value, expiresAt: now() + ms } : { value, expiresAt: now() + ms, claim });
  };
  const apply = (op: Operation): void => {
    if (op.kind === 'advance') return advance(op.ms);
    if (op.kind === 'put') {
      records.put(op.key, op.value, op.ttl);
      return write(op.key, op.value, op.ttl);
    }
    if (op.kind === 'putIfAbsent' || op.kind === 'claim') {
      const held = read(op.key);
      const got = op.kind === 'claim' ? records.claim(op.key, op.value, op.ttl) : records.putIfAbsent(op.key, op.value, op.ttl);
      expect(typeof got === 'string' ? got : null).toBe(held);
      const claim = typeof got === 'object' && got !== null ? got : undefined;
      if (claim !== undefined) claims.push({ claim, key: op.key });
      if (held === null) write(op.key, op.value, op.ttl, claim);
      return;
    }
    if (op.kind === 'settle' || op.kind === 'release') {
      const made = claims[op.pick % Math.max(1, claims.length)];
      if (made === undefined) return;
      if (op.kind === 'settle') {
        made.claim.settle(op.value, op.ttl);
        return write(made.key, op.value, op.ttl);
      }
      if (model.get(made.key)?.claim === made.claim) model.delete(made.key);
      return made.claim.release();
    }
    const matches = read(op.key) === op.expected;
    expect(records.replace(op.key, op.expected, op.value, op.ttl)).toBe(matches);
    if (matches && op.value === null) model.delete(op.key);
    else if (matches && op.value !== null) write(op.key, op.value, op.ttl);
  };
  const check = (): void => {
    for (const k of KEYS) expect(records.get(k)).toBe(read(k));
  };
  return { apply, check };
}

describe('RecordStore against a map of values and expiry times', () => {
  it('answers every read as the model does, through claims, rewrites, deletes and expiry', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        const { apply, check } = modelled();
        for (const op of operations) {
          apply(op);
          check();
        }
      }),
      { numRuns: 400 },
    );
  });
});

/** A store on a clock the test moves. */
function clockedStore(): { records: RecordStore; advance: (ms: number) => void; now: () => number } {
  let time = 5_000_000;
  const now = (): number => time;
  return { records: new RecordStore(now), advance: (ms) => void (time += ms), now };
}

describe('RecordStore with many keys', () => {
  it('keeps every record through the index growing and shrinking, with deletes between', () => {
    const writes = fc.array(fc.record({ n: fc.nat(3000), value: fc.option(fc.string({ maxLength: 8 }), { nil: null }) }), { minLength: 1, maxLength: 2000 });
    fc.assert(
      fc.property(writes, (ops) => {
        const { records } = clockedStore();
        const model = new Map<string, string>();
        for (const { n, value } of ops) {
          const key = `request:u${n % 7}/${n}`;
          const held = model.get(key);
          if (value === null && held !== undefined) {
            expect(records.replace(key, held, null, 0)).toBe(true);
            model.delete(key);
          } else if (value !== null) {
            records.put(key, value, 60_000);
            model.set(key, value);
          }
        }
        expect(records.size).toBe(model.size);
        for (const { n } of ops) expect(records.get(`request:u${n % 7}/${n}`)).toBe(model.get(`request:u${n % 7}/${n}`) ?? null);
      }),
      { numRuns: 40 },
    );
  });

  it('tells apart keys whose hashes are equal', () => {
    const [first, second] = collidingKeys();
    expect(hashOf(first)).toBe(hashOf(second));
    const { records } = clockedStore();
    records.put(first, 'one', 1000);
    expect(records.get(second)).toBeNull();
    expect(records.putIfAbsent(second, 'claim', 1000)).toBeNull();
    records.put(second, 'two', 1000);
    expect([records.get(first), records.get(second)]).toEqual(['one', 'two']);
    expect(records.replace(first, 'one', null, 0)).toBe(true);
    expect([records.get(first), records.get(second)]).toEqual([null, 'two']);
  });
});

/** Two different keys with the same 32-bit hash, found by the birthday bound (about 2^16 tries). */
function collidingKeys(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const key = `request:u1/${i}`;
    const other = seen.get(hashOf(key));
    if (other !== undefined) return [other, key];
    seen.set(hashOf(key), key);
  }
}

describe('RecordStore memory', () => {
  /** A chunk of the log: the most a store holds beyond its records is one being filled and one ending. */
  const CHUNK = 256 * 1024;

  it('holds what the ttl allows of a steady stream of writes, however long it runs', () => {
    const stream = fc.record({
      perSecond: fc.integer({ min: 500, max: 2000 }),
      ttlSeconds: fc.integer({ min: 1, max: 8 }),
      valueLength: fc.integer({ min: 100, max: 300 }),
    });
    fc.assert(
      fc.property(stream, ({ perSecond, ttlSeconds, valueLength }) => {
        const { records, advance } = clockedStore();
        const value = 'v'.repeat(valueLength);
        const recordBytes = 24 + 'request:u/00000000'.length + valueLength + 8;
        const bound = perSecond * (ttlSeconds + 1) * recordBytes + 2 * CHUNK;
        let written = 0;
        for (let second = 0; second < 3 * ttlSeconds + 30; second++) {
          for (let i = 0; i < perSecond; i++) {
            records.put(`request:u/${String(written++).padStart(8, '0')}`, value, ttlSeconds * 1000);
            advance(1000 / perSecond);
          }
          expect(records.bytes).toBeLessThanOrEqual(bound);
        }
        // What a store that kept everything would hold is well past the bound.
        expect(written * recordBytes).toBeGreaterThan(2 * bound);
        advance(ttlSeconds * 1000 + 1000);
        records.put('last', value, 1000);
        expect([records.size, records.get('last')]).toEqual([1, value]);
        expect(records.bytes).toBeLessThanOrEqual(CHUNK);
      }),
      { numRuns: 8 },
    );
  });

  it('keeps a value larger than a chunk, next to small ones, through a rewrite and a delete', () => {
    const { records } = clockedStore();
    const big = `${'€'.repeat(100_000)}${'x'.repeat(60_000)}`;
    records.put('small-1', 'one', 60_000);
    records.put('big', big, 60_000);
    records.put('small-2', 'two', 60_000);
    expect([records.get('small-1'), records.get('big'), records.get('small-2')]).toEqual(['one', big, 'two']);
    records.put('big', `${big}!`, 60_000);
    records.put('small-3', 'three', 60_000);
    expect([records.get('big'), records.get('small-3')]).toEqual([`${big}!`, 'three']);
    expect(records.replace('big', `${big}!`, null, 0)).toBe(true);
    expect([records.get('big'), records.get('small-1'), records.size]).toEqual([null, 'one', 3]);
    expect(records.bytes).toBeLessThan(CHUNK);
  });
});
