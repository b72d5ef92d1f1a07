/**
 * When and whether to reconnect: full-jitter exponential backoff, and the close codes after which
 * a reconnect cannot help (asyncapi.yaml, `CloseCode`).
 */

/**
 * Close codes that end the session: retrying would fail the same way (1008 bad token, 4001
 * expired token) or is refused by design (4005 too many connections, 4008 banned, 4009 kicked).
 * Every other code, 1000 from the server included, is followed by a reconnect with backoff.
 */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([1008, 4001, 4005, 4008, 4009]);

export function isReconnectableClose(code: number): boolean {
  return !FINAL_CLOSE_CODES.has(code);
}

// 2^30 times any sane minimum is far past any maximum; capping the exponent keeps a 0 minimum
// from turning into 0 * Infinity = NaN after a thousand attempts.
const MAX_EXPONENT = 30;

/**
 * Full jitter (AWS architecture blog, "Exponential Backoff and Jitter"): a uniform draw in
 * `[0, min(maxDelayMs, minDelayMs * 2^attempt))`, so a server restart is not met by every client
 * reconnecting in lockstep.
 *
 * @param attempt 0 for the first retry after a drop.
 * @param random a source in `[0, 1)`, `Math.random` outside tests.
 */
export function backoffDelay(attempt: number, minDelayMs: number, maxDelayMs: number, random: () => number): number {
  const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** Math.min(attempt, MAX_EXPONENT));
  return Math.floor(random() * ceiling);
}

export interface BackoffOptions {
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
  /** Retries allowed since the last success. */
  readonly maxAttempts: number;
}

/** Counts retries since the last success and draws each one's delay. */
export class Backoff {
  readonly #options: BackoffOptions;
  readonly #random: () => number;
  #attempts = 0;

  constructor(options: BackoffOptions, random: () => number) {
    this.#options = options;
    this.#random = random;
  }

  /** Retries drawn since the last `reset`. */
  get attempts(): number {
    return this.#attempts;
  }

  /** The next retry's delay, counting it as made; null once `maxAttempts` are used up. */
  next(): number | null {
    const { minDelayMs, maxDelayMs, maxAttempts } = this.#options;
    if (this.#attempts >= maxAttempts) return null;
    const delay = backoffDelay(this.#attempts, minDelayMs, maxDelayMs, this.#random);
    this.#attempts += 1;
    return delay;
  }

  reset(): void {
    this.#attempts = 0;
  }
}
