import { describe, expect, it } from 'vitest';
import { RecordStore } from '../src/broker/record-store.js';

/** A store on a clock the test moves. */
function store(): { records: RecordStore; advance: (ms: number) => void } {
  let now = 1_000;
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

  it('forgets expired records as new ones are written, without a timer', () => {
    const { records, advance } = store();
    for (let i = 0; i < 50; i++) records.put(`old${i}`, 'v', 10);
    advance(10);
    records.put('new', 'v', 10);
    expect(records.size).toBe(1);
  });

  it('sweeps a bounded number per write, and the rest on the next writes', () => {
    const { records, advance } = store();
    for (let i = 0; i < 200; i++) records.put(`old${i}`, 'v', 10);
    advance(10);
    records.put('a', 'v', 1000);
    expect(records.size).toBe(200 - 64 + 1);
    records.put('b', 'v', 1000);
    records.put('c', 'v', 1000);
    records.put('d', 'v', 1000);
    expect(records.size).toBe(4);
  });

  it('a rewrite moves a record to the back and renews its ttl', () => {
    const { records, advance } = store();
    records.put('k', 'v1', 10);
    records.put('other', 'v', 10);
    advance(5);
    records.put('k', 'v2', 10);
    advance(5);
    records.put('x', 'v', 10);
    expect([records.get('k'), records.get('other')]).toEqual(['v2', null]);
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
