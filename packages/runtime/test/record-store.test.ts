import { describe, expect, it } from 'vitest';
import { RecordStore } from '../src/broker/record-store.js';

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
