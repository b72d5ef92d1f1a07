/**
 * The MemoryBroker's room history (broker/frame-log.ts): the last `limit` entries, oldest first,
 * with their text intact (multi-byte UTF-8 included) across chunk boundaries and limit changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameLog } from '../src/broker/frame-log.js';
import type { HistoryEntry } from '../src/broker/types.js';

const entry = (seq: number, frame = `{"seq":${seq}}`): HistoryEntry => ({ seq, frame });

describe('FrameLog', () => {
  it('keeps N entries and drops the oldest at N+1', () => {
    const log = new FrameLog();
    for (const n of [1, 2, 3]) log.push(entry(n), 3);
    expect(log.toArray()).toEqual([entry(1), entry(2), entry(3)]);
    log.push(entry(4), 3);
    expect(log.toArray()).toEqual([entry(2), entry(3), entry(4)]);
    expect(log.length).toBe(3);
  });

  it('returns only the entries after a seq', () => {
    const log = new FrameLog();
    for (const n of [1, 2, 3, 4, 5]) log.push(entry(n), 10);
    expect(log.after(3)).toEqual([entry(4), entry(5)]);
    expect(log.after(5)).toEqual([]);
    expect(log.after(0)).toHaveLength(5);
  });

  it('follows a limit that changes between pushes', () => {
    const log = new FrameLog();
    for (const n of [1, 2, 3, 4]) log.push(entry(n), 4);
    log.push(entry(5), 2);
    expect(log.toArray()).toEqual([entry(4), entry(5)]);
    log.push(entry(6), 3);
    expect(log.toArray()).toEqual([entry(4), entry(5), entry(6)]);
    log.push(entry(7), 0);
    expect(log.toArray()).toEqual([]);
    expect(log.length).toBe(0);
  });

  it('keeps texts larger than a chunk, and many small ones across chunks', () => {
    const log = new FrameLog();
    const big = 'x'.repeat(200_000);
    log.push(entry(1, big), 1000);
    for (let n = 2; n <= 900; n++) log.push(entry(n, `{"n":${n},"text":"${'é'.repeat(n % 300)}"}`), 1000);
    const all = log.toArray();
    expect(all).toHaveLength(900);
    expect(all[0]).toEqual(entry(1, big));
    expect(all[899]).toEqual(entry(900, `{"n":900,"text":"${'é'.repeat(0)}"}`));
    expect(all.every((e, i) => e.seq === i + 1)).toBe(true);
  });

  it('always holds the last `limit` entries pushed, oldest first, text intact (against a plain array)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: 'grapheme', maxLength: 2000 }), fc.integer({ min: 0, max: 6 })), { maxLength: 60 }),
        (pushes) => {
          const log = new FrameLog();
          let model: HistoryEntry[] = [];
          pushes.forEach(([text, limit], seq) => {
            log.push(entry(seq, text), limit);
            model = limit === 0 ? [] : [...model, entry(seq, text)].slice(-limit);
            expect(log.toArray()).toEqual(model);
          });
        },
      ),
    );
  });
});

describe('FrameLog chunks recycled between rooms', () => {
  it('two busy rooms that overwrite their history keep exactly their last entries (against plain arrays)', () => {
    const frames = fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 6000 }), fc.constantFrom('a', 'é', '€', '😀')), { minLength: 200, maxLength: 1500 });
    fc.assert(
      fc.property(frames, fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 80 }), (pushes, limitA, limitB) => {
        const rooms = [
          { log: new FrameLog(), model: [] as HistoryEntry[], limit: limitA },
          { log: new FrameLog(), model: [] as HistoryEntry[], limit: limitB },
        ];
        pushes.forEach(([second, length, unit], seq) => {
          const room = rooms[second ? 1 : 0];
          if (room === undefined) return;
          const pushed = entry(seq, `{"seq":${seq},"text":"${unit.repeat(Math.ceil(length / unit.length / 3))}"}`);
          room.log.push(pushed, room.limit);
          room.model = [...room.model, pushed].slice(-room.limit);
        });
        for (const room of rooms) expect(room.log.toArray()).toEqual(room.model);
      }),
      { numRuns: 30 },
    );
  });
});
