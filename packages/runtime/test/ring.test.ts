import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ring } from '../src/broker/ring.js';

describe('Ring', () => {
  it('keeps N items and drops the oldest at N+1', () => {
    const ring = new Ring<number>();
    for (const n of [1, 2, 3]) ring.push(n, 3);
    expect(ring.toArray()).toEqual([1, 2, 3]);
    ring.push(4, 3);
    expect(ring.toArray()).toEqual([2, 3, 4]);
    expect(ring.length).toBe(3);
  });

  it('follows a limit that changes between pushes', () => {
    const ring = new Ring<number>();
    for (const n of [1, 2, 3, 4]) ring.push(n, 4);
    ring.push(5, 2);
    expect(ring.toArray()).toEqual([4, 5]);
    ring.push(6, 3);
    expect(ring.toArray()).toEqual([4, 5, 6]);
    ring.push(7, 0);
    expect(ring.toArray()).toEqual([]);
  });

  it('always holds the last `limit` items pushed, oldest first (against a plain array)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer(), fc.integer({ min: 0, max: 6 }))), (pushes) => {
        const ring = new Ring<number>();
        let model: number[] = [];
        for (const [item, limit] of pushes) {
          ring.push(item, limit);
          model = limit === 0 ? [] : [...model, item].slice(-limit);
          expect(ring.toArray()).toEqual(model);
        }
      }),
    );
  });
});
