/**
 * The per-user message rate limit and temporary ban of asyncapi.yaml, "Limits": 100 messages per
 * 60 s sliding window, `RATE_LIMIT_EXCEEDED` with `retry_after` above it, and a ban (close 4008)
 * after repeated violations.
 *
 * Pure and clock-injected: every call takes `now` in milliseconds and nothing runs on a timer, so
 * the server decides when to sweep and tests are deterministic. `now` should come from a
 * monotonic clock (`performance.now()`); a step backwards is treated as no time passing.
 */

/** Options of {@link SlidingWindowRateLimiter}. */
export interface RateLimitOptions {
  /**
   * Messages allowed per window.
   * @default 100
   */
  readonly limit: number;
  /**
   * Length of the sliding window in milliseconds.
   * @default 60000
   */
  readonly windowMs: number;
  /**
   * Violations within `banWindowMs` that cause a ban; `0` disables bans. A violation is a refused
   * message that the caller answered with `RATE_LIMIT_EXCEEDED` (see
   * {@link SlidingWindowRateLimiter.recordViolation}).
   * @default 5
   */
  readonly banAfterViolations: number;
  /**
   * Length of the sliding window over violations in milliseconds.
   * @default 60000
   */
  readonly banWindowMs: number;
  /**
   * How long a ban lasts in milliseconds.
   * @default 300000
   */
  readonly banDurationMs: number;
}

/** The limits the spec states as defaults. */
export const DEFAULT_RATE_LIMIT_OPTIONS: Readonly<RateLimitOptions> = Object.freeze({
  limit: 100,
  windowMs: 60_000,
  banAfterViolations: 5,
  banWindowMs: 60_000,
  banDurationMs: 300_000,
});

/** What {@link SlidingWindowRateLimiter.consume} decided about one message. */
export type RateLimitDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      /** Milliseconds until a message from this key would be allowed (always > 0). */
      readonly retryAfterMs: number;
      /** The key is banned; `retryAfterMs` is the time left on the ban. */
      readonly banned: boolean;
    };

/** What {@link SlidingWindowRateLimiter.recordViolation} did. */
export interface ViolationResult {
  readonly banned: boolean;
  /** End of the ban when `banned`, otherwise `null`. */
  readonly bannedUntil: number | null;
}

const ALLOWED: RateLimitDecision = Object.freeze({ allowed: true });
const NOT_BANNED: ViolationResult = Object.freeze({ banned: false, bannedUntil: null });

/**
 * Timestamps, oldest first, keeping at most `max`; a push beyond that overwrites the oldest.
 * Storage starts at 4 slots and doubles up to `max`, so a key that sends one message costs 32
 * bytes of timestamps, not `8 * limit`, and a large configured `limit` does not allocate up front.
 */
class TimestampRing {
  private buf: Float64Array;
  private head = 0;
  count = 0;

  constructor(private readonly max: number) {
    this.buf = new Float64Array(Math.min(max, 4));
  }

  get full(): boolean {
    return this.count === this.max;
  }

  /** Only meaningful when `count > 0`. */
  oldest(): number {
    return this.buf[this.head] ?? Number.NEGATIVE_INFINITY;
  }

  /** Only meaningful when `count > 0`. */
  newest(): number {
    return this.buf[(this.head + this.count - 1) % this.buf.length] ?? Number.NEGATIVE_INFINITY;
  }

  push(t: number): void {
    if (this.count === this.max) {
      this.buf[this.head] = t;
      this.head = (this.head + 1) % this.max;
      return;
    }
    if (this.count === this.buf.length) this.grow();
    this.buf[(this.head + this.count) % this.buf.length] = t;
    this.count++;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }

  private grow(): void {
    // A plain copy is enough: `head` only moves once the ring is full, and a full ring never grows.
    const next = new Float64Array(Math.min(this.max, this.buf.length * 2));
    next.set(this.buf);
    this.buf = next;
  }
}

interface KeyState {
  readonly messages: TimestampRing;
  /** `null` while bans are disabled or the key has not offended yet. */
  violations: TimestampRing | null;
  /** `0` when not banned; a past value is an expired ban. */
  bannedUntil: number;
  /** Latest `now` seen for the key, to keep the rings sorted if the clock steps back. */
  lastNow: number;
}

function positiveInteger(name: keyof RateLimitOptions, value: number): void {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError(`RateLimitOptions.${name} must be a positive integer, got ${String(value)}`);
  }
}

/**
 * Merges `options` over {@link DEFAULT_RATE_LIMIT_OPTIONS} and validates the result.
 * @throws RangeError when a value is out of range.
 */
export function resolveRateLimitOptions(options: Partial<RateLimitOptions> = {}): Readonly<RateLimitOptions> {
  const resolved: RateLimitOptions = { ...DEFAULT_RATE_LIMIT_OPTIONS, ...options };
  positiveInteger('limit', resolved.limit);
  positiveInteger('windowMs', resolved.windowMs);
  const { banAfterViolations } = resolved;
  if (!Number.isSafeInteger(banAfterViolations) || banAfterViolations < 0) {
    throw new RangeError(
      `RateLimitOptions.banAfterViolations must be a non-negative integer, got ${String(banAfterViolations)}`,
    );
  }
  // Zero would not disable bans but make them silently impossible (window) or instantly over
  // (duration); `banAfterViolations: 0` is the one way to disable them.
  positiveInteger('banWindowMs', resolved.banWindowMs);
  positiveInteger('banDurationMs', resolved.banDurationMs);
  return Object.freeze(resolved);
}

function checkNow(now: number): void {
  if (!Number.isFinite(now)) throw new RangeError(`now must be a finite number, got ${String(now)}`);
}

/**
 * An exact sliding-window limiter per key (user id): a message is allowed when fewer than `limit`
 * messages were allowed in the preceding `windowMs` (the window is `(now - windowMs, now]`).
 * Memory is O(min(limit, messages in the window)) per key; {@link sweep} drops idle keys.
 *
 * @example
 * const limiter = new SlidingWindowRateLimiter({ limit: 100, windowMs: 60_000 });
 * const decision = limiter.consume(user.id, performance.now());
 * if (!decision.allowed && !decision.banned && canSendErrorNow) {
 *   sendError('RATE_LIMIT_EXCEEDED', Math.ceil(decision.retryAfterMs / 1000));
 *   if (limiter.recordViolation(user.id, performance.now()).banned) closeAllOf(user, 4008);
 * }
 */
export class SlidingWindowRateLimiter {
  /** The options in force, for announcing in `connection.established.data.limits`. */
  readonly options: Readonly<RateLimitOptions>;
  private readonly keys = new Map<string, KeyState>();

  /** @throws RangeError when an option is out of range. */
  constructor(options: Partial<RateLimitOptions> = {}) {
    this.options = resolveRateLimitOptions(options);
  }

  /** Keys held (active or not yet swept). */
  get size(): number {
    return this.keys.size;
  }

  /**
   * Decides about one message from `key` and, when allowed, counts it. A refused message does not
   * count towards the window, so a client that keeps sending while limited is not locked out
   * for longer than `windowMs`.
   */
  consume(key: string, now: number): RateLimitDecision {
    const state = this.advance(key, now);
    const t = state.lastNow;
    if (state.bannedUntil > t) return { allowed: false, retryAfterMs: state.bannedUntil - t, banned: true };
    const { messages } = state;
    // The ring holds the last `limit` allowed messages; when the oldest of them is still inside
    // the window, all of them are, so this one would be message limit+1.
    if (messages.full) {
      const reopensAt = messages.oldest() + this.options.windowMs;
      if (t < reopensAt) return { allowed: false, retryAfterMs: reopensAt - t, banned: false };
    }
    messages.push(t);
    return ALLOWED;
  }

  /**
   * Records a violation by `key` and bans it when this is the `banAfterViolations`-th within
   * `banWindowMs`. The spec sends at most one `RATE_LIMIT_EXCEEDED` per second per connection and
   * drops the other excess messages silently, so the caller records a violation only when it
   * actually sends that error; otherwise a burst would ban in milliseconds.
   */
  recordViolation(key: string, now: number): ViolationResult {
    checkNow(now);
    const n = this.options.banAfterViolations;
    if (n === 0) return NOT_BANNED;
    const state = this.advance(key, now);
    const t = state.lastNow;
    if (state.bannedUntil > t) return { banned: true, bannedUntil: state.bannedUntil };
    state.violations ??= new TimestampRing(n);
    const { violations } = state;
    violations.push(t);
    if (!violations.full || t - violations.oldest() >= this.options.banWindowMs) return NOT_BANNED;
    // A fresh count after the ban: the violations that caused it are paid for.
    violations.clear();
    state.bannedUntil = t + this.options.banDurationMs;
    return { banned: true, bannedUntil: state.bannedUntil };
  }

  /** The end of `key`'s ban, or `null` when it is not banned at `now`. */
  isBanned(key: string, now: number): number | null {
    checkNow(now);
    const state = this.keys.get(key);
    return state !== undefined && state.bannedUntil > now ? state.bannedUntil : null;
  }

  /**
   * Forgets keys whose state can no longer affect a decision: no message in the window, no
   * violation in the ban window, no ban in force. Dropping them changes no future decision, so
   * call it from a periodic sweep at any interval. Returns how many keys were dropped.
   */
  sweep(now: number): number {
    checkNow(now);
    const { windowMs, banWindowMs } = this.options;
    let dropped = 0;
    for (const [key, state] of this.keys) {
      if (state.bannedUntil > now) continue;
      if (state.messages.count > 0 && now - state.messages.newest() < windowMs) continue;
      const v = state.violations;
      if (v !== null && v.count > 0 && now - v.newest() < banWindowMs) continue;
      this.keys.delete(key);
      dropped++;
    }
    return dropped;
  }

  /** The state of `key`, created on first use, with its clock moved to `now` (never back). */
  private advance(key: string, now: number): KeyState {
    checkNow(now);
    const state = this.keys.get(key);
    if (state === undefined) {
      const created: KeyState = {
        messages: new TimestampRing(this.options.limit),
        violations: null,
        bannedUntil: 0,
        lastNow: now,
      };
      this.keys.set(key, created);
      return created;
    }
    if (now > state.lastNow) state.lastNow = now;
    return state;
  }
}
