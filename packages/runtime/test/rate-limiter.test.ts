import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RATE_LIMIT_OPTIONS,
  SlidingWindowRateLimiter,
  type RateLimitDecision,
  type RateLimitOptions,
  type ViolationResult,
} from '../src/server/rate-limiter.js';

/** Sends `count` messages from `key`, one per `stepMs` from `start`, and returns the decisions. */
function burst(
  limiter: SlidingWindowRateLimiter,
  key: string,
  count: number,
  start = 0,
  stepMs = 0,
): RateLimitDecision[] {
  return Array.from({ length: count }, (_, i) => limiter.consume(key, start + i * stepMs));
}

describe('SlidingWindowRateLimiter: options', () => {
  it('defaults to the limits in asyncapi.yaml', () => {
    expect(DEFAULT_RATE_LIMIT_OPTIONS).toEqual({
      limit: 100,
      windowMs: 60_000,
      banAfterViolations: 5,
      banWindowMs: 60_000,
      banDurationMs: 300_000,
    });
    expect(Object.isFrozen(DEFAULT_RATE_LIMIT_OPTIONS)).toBe(true);
    expect(new SlidingWindowRateLimiter().options).toEqual(DEFAULT_RATE_LIMIT_OPTIONS);
  });

  it('merges partial options over the defaults', () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 3, banDurationMs: 10 });
    expect(limiter.options).toEqual({ ...DEFAULT_RATE_LIMIT_OPTIONS, limit: 3, banDurationMs: 10 });
    expect(Object.isFrozen(limiter.options)).toBe(true);
  });

  it.each<[Partial<RateLimitOptions>, string]>([
    [{ limit: 0 }, 'RateLimitOptions.limit must be a positive integer, got 0'],
    [{ limit: -1 }, 'RateLimitOptions.limit must be a positive integer, got -1'],
    [{ limit: 1.5 }, 'RateLimitOptions.limit must be a positive integer, got 1.5'],
    [{ limit: Number.NaN }, 'RateLimitOptions.limit must be a positive integer, got NaN'],
    [{ limit: Number.POSITIVE_INFINITY }, 'RateLimitOptions.limit must be a positive integer, got Infinity'],
    [{ windowMs: 0 }, 'RateLimitOptions.windowMs must be a positive integer, got 0'],
    [{ windowMs: 0.5 }, 'RateLimitOptions.windowMs must be a positive integer, got 0.5'],
    [{ banAfterViolations: -1 }, 'RateLimitOptions.banAfterViolations must be a non-negative integer, got -1'],
    [{ banAfterViolations: 2.5 }, 'RateLimitOptions.banAfterViolations must be a non-negative integer, got 2.5'],
    [{ banWindowMs: -1 }, 'RateLimitOptions.banWindowMs must be a positive integer, got -1'],
    [{ banWindowMs: 0 }, 'RateLimitOptions.banWindowMs must be a positive integer, got 0'],
    [{ banDurationMs: -5 }, 'RateLimitOptions.banDurationMs must be a positive integer, got -5'],
    [{ banDurationMs: 0 }, 'RateLimitOptions.banDurationMs must be a positive integer, got 0'],
  ])('rejects %o', (options, message) => {
    expect(() => new SlidingWindowRateLimiter(options)).toThrow(new RangeError(message));
  });

  it('accepts banAfterViolations 0', () => {
    expect(new SlidingWindowRateLimiter({ banAfterViolations: 0 }).options.banAfterViolations).toBe(0);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('rejects now = %s', (now) => {
    const limiter = new SlidingWindowRateLimiter();
    const message = `now must be a finite number, got ${String(now)}`;
    expect(() => limiter.consume('u', now)).toThrow(new RangeError(message));
    expect(() => limiter.recordViolation('u', now)).toThrow(new RangeError(message));
    expect(() => limiter.isBanned('u', now)).toThrow(new RangeError(message));
    expect(() => limiter.sweep(now)).toThrow(new RangeError(message));
    expect(limiter.size).toBe(0);
  });
});

describe('SlidingWindowRateLimiter: window', () => {
  it('allows the 100th message in a window and refuses the 101st (defaults)', () => {
    const limiter = new SlidingWindowRateLimiter();
    const decisions = burst(limiter, 'u', 100, 0, 10);
    expect(decisions.every((d) => d.allowed)).toBe(true);
    // The 100th was at 990 ms; the 101st, at 1000 ms, is refused until the first leaves the window.
    expect(limiter.consume('u', 1000)).toEqual({ allowed: false, retryAfterMs: 59_000, banned: false });
  });

  it.each([1, 2, 3, 4, 5, 7, 8, 9, 100])('limit %i: message N allowed, N+1 refused, all at one instant', (limit) => {
    const limiter = new SlidingWindowRateLimiter({ limit, windowMs: 1000 });
    expect(burst(limiter, 'u', limit, 500).every((d) => d.allowed)).toBe(true);
    expect(limiter.consume('u', 500)).toEqual({ allowed: false, retryAfterMs: 1000, banned: false });
  });

  it('allows a message exactly when the oldest leaves the window, and not 1 ms before', () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 3, windowMs: 1000 });
    burst(limiter, 'u', 3, 100, 100); // at 100, 200, 300
    expect(limiter.consume('u', 1099)).toEqual({ allowed: false, retryAfterMs: 1, banned: false });
    expect(limiter.consume('u', 1100)).toEqual({ allowed: true });
    // Now 200, 300, 1100 are in the window: the next slot opens at 200 + 1000.
    expect(limiter.consume('u', 1100)).toEqual({ allowed: false, retryAfterMs: 100, banned: false });
    expect(limiter.consume('u', 1150)).toEqual({ allowed: false, retryAfterMs: 50, banned: false });
    expect(limiter.consume('u', 1200)).toEqual({ allowed: true });
    expect(limiter.consume('u', 1250)).toEqual({ allowed: false, retryAfterMs: 50, banned: false });
    expect(limiter.consume('u', 1300)).toEqual({ allowed: true });
    // 1100, 1200, 1300 in the window.
    expect(limiter.consume('u', 1300)).toEqual({ allowed: false, retryAfterMs: 800, banned: false });
  });

  it('does not count refused messages towards the window', () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 2, windowMs: 1000 });
    burst(limiter, 'u', 2, 0);
    for (let t = 0; t < 1000; t += 10) expect(limiter.consume('u', t).allowed).toBe(false);
    expect(burst(limiter, 'u', 3, 1000)).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: false, retryAfterMs: 1000, banned: false },
    ]);
  });

  it('keeps keys independent', () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 2, windowMs: 1000 });
    burst(limiter, 'alice', 2, 0);
    expect(limiter.consume('alice', 10).allowed).toBe(false);
    expect(burst(limiter, 'bob', 2, 10)).toEqual([{ allowed: true }, { allowed: true }]);
    expect(limiter.consume('bob', 500)).toEqual({ allowed: false, retryAfterMs: 510, banned: false });
    expect(limiter.consume('alice', 500)).toEqual({ allowed: false, retryAfterMs: 500, banned: false });
    expect(limiter.size).toBe(2);
  });

  it('treats a clock step backwards as no time passing', () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 2, windowMs: 1000 });
    burst(limiter, 'u', 2, 5000);
    expect(limiter.consume('u', 4000)).toEqual({ allowed: false, retryAfterMs: 1000, banned: false });
    expect(limiter.consume('u', 6000)).toEqual({ allowed: true });
  });

  it('does not allocate for the whole limit up front', () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 2 ** 40 });
    expect(burst(limiter, 'u', 1000, 0, 1).every((d) => d.allowed)).toBe(true);
  });
});

describe('SlidingWindowRateLimiter: bans', () => {
  const options = { limit: 1, windowMs: 1000, banAfterViolations: 3, banWindowMs: 10_000, banDurationMs: 60_000 };

  it('bans on exactly the banAfterViolations-th violation in the ban window', () => {
    const limiter = new SlidingWindowRateLimiter(options);
    const notBanned: ViolationResult = { banned: false, bannedUntil: null };
    expect(limiter.recordViolation('u', 1000)).toEqual(notBanned);
    expect(limiter.recordViolation('u', 2000)).toEqual(notBanned);
    expect(limiter.isBanned('u', 2000)).toBeNull();
    expect(limiter.recordViolation('u', 10_999)).toEqual({ banned: true, bannedUntil: 70_999 });
    expect(limiter.isBanned('u', 10_999)).toBe(70_999);
  });

  it('does not ban when the oldest violation is exactly banWindowMs old', () => {
    const limiter = new SlidingWindowRateLimiter(options);
    limiter.recordViolation('u', 1000);
    limiter.recordViolation('u', 2000);
    expect(limiter.recordViolation('u', 11_000)).toEqual({ banned: false, bannedUntil: null });
    // 2000, 11000 and this one are within 10 s.
    expect(limiter.recordViolation('u', 11_999)).toEqual({ banned: true, bannedUntil: 71_999 });
  });

  it('refuses every message during the ban with the time left, then lets the ban expire', () => {
    const limiter = new SlidingWindowRateLimiter(options);
    for (const t of [0, 1, 2]) limiter.recordViolation('u', t);
    expect(limiter.consume('u', 2)).toEqual({ allowed: false, retryAfterMs: 60_000, banned: true });
    expect(limiter.consume('u', 60_001)).toEqual({ allowed: false, retryAfterMs: 1, banned: true });
    expect(limiter.isBanned('u', 60_001)).toBe(60_002);
    expect(limiter.isBanned('u', 60_002)).toBeNull();
    expect(limiter.consume('u', 60_002)).toEqual({ allowed: true });
    expect(limiter.consume('u', 60_003)).toEqual({ allowed: false, retryAfterMs: 999, banned: false });
  });

  it('neither extends a ban nor counts violations recorded during it', () => {
    const limiter = new SlidingWindowRateLimiter(options);
    for (const t of [0, 1, 2]) limiter.recordViolation('u', t);
    expect(limiter.recordViolation('u', 30_000)).toEqual({ banned: true, bannedUntil: 60_002 });
    // After the ban the count starts afresh: two more are not enough.
    expect(limiter.recordViolation('u', 60_002)).toEqual({ banned: false, bannedUntil: null });
    expect(limiter.recordViolation('u', 60_003)).toEqual({ banned: false, bannedUntil: null });
    expect(limiter.recordViolation('u', 60_004)).toEqual({ banned: true, bannedUntil: 120_004 });
  });

  it('keeps bans per key', () => {
    const limiter = new SlidingWindowRateLimiter(options);
    for (const t of [0, 1, 2]) limiter.recordViolation('alice', t);
    expect(limiter.isBanned('alice', 3)).toBe(60_002);
    expect(limiter.isBanned('bob', 3)).toBeNull();
    expect(limiter.consume('bob', 3)).toEqual({ allowed: true });
  });

  it('never bans when banAfterViolations is 0', () => {
    const limiter = new SlidingWindowRateLimiter({ ...options, banAfterViolations: 0 });
    for (let t = 0; t < 100; t++) {
      expect(limiter.recordViolation('u', t)).toEqual({ banned: false, bannedUntil: null });
    }
    expect(limiter.isBanned('u', 100)).toBeNull();
    expect(limiter.size).toBe(0);
  });

  it('bans on the first violation when banAfterViolations is 1', () => {
    const limiter = new SlidingWindowRateLimiter({ ...options, banAfterViolations: 1 });
    expect(limiter.recordViolation('u', 5)).toEqual({ banned: true, bannedUntil: 60_005 });
  });
});

describe('SlidingWindowRateLimiter: sweep', () => {
  const options = { limit: 2, windowMs: 1000, banAfterViolations: 2, banWindowMs: 5000, banDurationMs: 20_000 };

  it('drops exactly the keys with no message, violation or ban in force', () => {
    const limiter = new SlidingWindowRateLimiter(options);
    limiter.consume('idle', 0);
    limiter.consume('active', 500);
    limiter.recordViolation('offender', 0);
    limiter.recordViolation('banned', 0);
    limiter.recordViolation('banned', 0);
    expect(limiter.size).toBe(4);
    expect(limiter.sweep(999)).toBe(0);
    expect(limiter.sweep(1000)).toBe(1); // 'idle': its message left the window
    expect(limiter.size).toBe(3);
    expect(limiter.sweep(1500)).toBe(1); // 'active'
    expect(limiter.sweep(5000)).toBe(1); // 'offender': its violation left the ban window
    expect(limiter.sweep(19_999)).toBe(0);
    expect(limiter.isBanned('banned', 19_999)).toBe(20_000);
    expect(limiter.sweep(20_000)).toBe(1);
    expect(limiter.size).toBe(0);
  });

  it('changes no decision', () => {
    const limiter = new SlidingWindowRateLimiter(options);
    burst(limiter, 'u', 2, 0, 100); // at 0 and 100
    expect(limiter.sweep(1000)).toBe(0); // the message at 100 is still in the window
    expect(limiter.consume('u', 1000)).toEqual({ allowed: true });
    expect(limiter.consume('u', 1000)).toEqual({ allowed: false, retryAfterMs: 100, banned: false });
  });
});

/** The naive reference: keeps every allowed timestamp and every violation, and filters them. */
class ReferenceLimiter {
  private readonly allowed = new Map<string, number[]>();
  private readonly violations = new Map<string, number[]>();
  private readonly bannedUntil = new Map<string, number>();

  constructor(private readonly o: RateLimitOptions) {}

  consume(key: string, now: number): RateLimitDecision {
    const until = this.bannedUntil.get(key) ?? 0;
    if (until > now) return { allowed: false, retryAfterMs: until - now, banned: true };
    const all = this.allowed.get(key) ?? [];
    this.allowed.set(key, all);
    const inWindow = all.filter((t) => now - t < this.o.windowMs);
    if (inWindow.length < this.o.limit) {
      all.push(now);
      return { allowed: true };
    }
    const oldest = inWindow[inWindow.length - this.o.limit] ?? Number.NaN;
    return { allowed: false, retryAfterMs: oldest + this.o.windowMs - now, banned: false };
  }

  recordViolation(key: string, now: number): ViolationResult {
    if (this.o.banAfterViolations === 0) return { banned: false, bannedUntil: null };
    const until = this.bannedUntil.get(key) ?? 0;
    if (until > now) return { banned: true, bannedUntil: until };
    const all = [...(this.violations.get(key) ?? []), now];
    this.violations.set(key, all);
    if (all.filter((t) => now - t < this.o.banWindowMs).length < this.o.banAfterViolations) {
      return { banned: false, bannedUntil: null };
    }
    this.violations.set(key, []);
    this.bannedUntil.set(key, now + this.o.banDurationMs);
    return { banned: true, bannedUntil: now + this.o.banDurationMs };
  }

  isBanned(key: string, now: number): number | null {
    const until = this.bannedUntil.get(key) ?? 0;
    return until > now ? until : null;
  }
}

const keyArb = fc.constantFrom('a', 'b', 'c');

describe('SlidingWindowRateLimiter: properties', () => {
  it('never allows more than limit in any window, and always allows below it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 100 }),
        fc.array(fc.record({ key: keyArb, gap: fc.nat({ max: 60 }) }), { maxLength: 300 }),
        (limit, windowMs, arrivals) => {
          const limiter = new SlidingWindowRateLimiter({ limit, windowMs, banAfterViolations: 0 });
          const allowed = new Map<string, number[]>();
          let now = 0;
          for (const { key, gap } of arrivals) {
            now += gap;
            const times = allowed.get(key) ?? [];
            allowed.set(key, times);
            const recent = times.filter((t) => now - t < windowMs).length;
            const decision = limiter.consume(key, now);
            // Below the limit in the preceding window: must be allowed; at it: must be refused.
            expect(decision.allowed).toBe(recent < limit);
            if (decision.allowed) times.push(now);
          }
          for (const times of allowed.values()) {
            // Any limit+1 allowed messages span at least windowMs.
            for (let i = 0; i + limit < times.length; i++) {
              expect((times[i + limit] ?? Number.NaN) - (times[i] ?? Number.NaN)).toBeGreaterThanOrEqual(windowMs);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with the reference model on every call, with bans and sweeps interleaved', () => {
    // Small times and windows, so that arrivals land exactly on window edges often.
    const step = (kind: 'consume' | 'violation' | 'sweep') =>
      fc.record({ kind: fc.constant(kind), key: keyArb, gap: fc.nat({ max: 8 }) });
    const op = fc.oneof(
      { weight: 8, arbitrary: step('consume') },
      { weight: 3, arbitrary: step('violation') },
      { weight: 2, arbitrary: step('sweep') },
    );
    const optionsArb = fc.record({
      limit: fc.integer({ min: 1, max: 10 }),
      windowMs: fc.integer({ min: 1, max: 30 }),
      banAfterViolations: fc.integer({ min: 0, max: 4 }),
      banWindowMs: fc.integer({ min: 1, max: 30 }),
      banDurationMs: fc.integer({ min: 1, max: 30 }),
    });
    fc.assert(
      fc.property(optionsArb, fc.array(op, { maxLength: 300 }), (options, ops) => {
        const limiter = new SlidingWindowRateLimiter(options);
        const model = new ReferenceLimiter(options);
        let now = 0;
        for (const { kind, key, gap } of ops) {
          now += gap;
          if (kind === 'consume') expect(limiter.consume(key, now)).toEqual(model.consume(key, now));
          else if (kind === 'violation') {
            expect(limiter.recordViolation(key, now)).toEqual(model.recordViolation(key, now));
          } else limiter.sweep(now);
          expect(limiter.isBanned(key, now)).toBe(model.isBanned(key, now));
          expect(limiter.size).toBeLessThanOrEqual(3);
        }
        // Whatever has gone quiet for longer than every window is swept.
        const quiet = now + options.windowMs + options.banWindowMs + options.banDurationMs;
        limiter.sweep(quiet);
        expect(limiter.size).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
});
