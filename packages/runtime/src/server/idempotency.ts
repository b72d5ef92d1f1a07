/**
 * Idempotent service requests (asyncapi.yaml, `chatSend`): a service-owned request resent with
 * the same envelope `id` by the same user within the window gets the reply the first one got,
 * and its handler does not run again, on whichever instance the resend arrives.
 *
 * The record is a broker record under `request:<user id>/<request id>` (a user id has no `/`),
 * so every instance sees it:
 * - `pending:<claim>` while one copy runs, with the lease as its ttl: if that copy's instance
 *   dies, the record expires and a resend runs the request;
 * - the reply frame itself once it ran, for the window (empty when the operation has no reply),
 *   sent as it is to a resend. A frame is a JSON object, so it never starts like a claim; and it
 *   is the string the reply was sent as, so keeping it costs no copy (what a record keeps alive
 *   for the window is what the garbage collector pays for on every request).
 * A resend that finds a copy running waits for it, polling, and then gets its reply. A request
 * whose handler throws is forgotten: it had no effect, and the client may try again.
 */
import type { Logger } from 'pino';
import type { Broker } from '../broker/types.js';

/** The reply a request got: what to send for it (`type` and `frame` empty when it has none). */
export interface RequestOutcome {
  readonly type: string;
  readonly frame: string;
}

export interface IdempotencyOptions {
  readonly broker: Broker;
  readonly logger: Logger;
  readonly nodeId: string;
  readonly idempotencyWindowMs: number;
  readonly idempotencyLeaseMs: number;
}

const PENDING = 'pending:';
/** Polling a running copy starts this often and slows down to `MAX_POLL_MS`. */
const FIRST_POLL_MS = 10;
const MAX_POLL_MS = 200;

export class RequestLedger {
  #claims = 0;

  constructor(private readonly options: IdempotencyOptions) {}

  /**
   * Runs `run` unless this request ran (or is running) already, and resolves the outcome to
   * answer with: this run's, or the first one's. Resolves `null` when `alive()` turned false
   * while waiting for another copy (nobody is left to answer).
   */
  once(userId: string, requestId: string, run: () => Promise<RequestOutcome>, alive: () => boolean): Promise<RequestOutcome | null> {
    const key = `request:${userId}/${requestId}`;
    const claim = `${PENDING}${this.options.nodeId}:${(this.#claims += 1)}`;
    const local = this.options.broker.localRecords;
    if (local === undefined) return this.#onceShared(key, claim, run, alive);
    // The common case, a first copy on a broker in this process, costs no promise of its own.
    let held: string | null;
    try {
      held = local.putIfAbsent(key, claim, this.options.idempotencyLeaseMs);
      if (held !== null && !held.startsWith(PENDING)) return Promise.resolve(outcomeOf(held));
    } catch (error) {
      return Promise.reject(error);
    }
    return held === null ? this.#runClaimed(key, claim, run) : this.#onceShared(key, claim, run, alive);
  }

  /** Claims the request through the broker (waiting while another copy runs), then runs it. */
  async #onceShared(key: string, claim: string, run: () => Promise<RequestOutcome>, alive: () => boolean): Promise<RequestOutcome | null> {
    const { broker, idempotencyLeaseMs } = this.options;
    for (let wait = FIRST_POLL_MS; ; wait = Math.min(wait * 2, MAX_POLL_MS)) {
      const held = await broker.putRecordIfAbsent(key, claim, idempotencyLeaseMs);
      if (held === null) break;
      if (!held.startsWith(PENDING)) return outcomeOf(held);
      if (!alive()) return null;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    return this.#runClaimed(key, claim, run);
  }

  /**
   * Runs a claimed request and records its reply. The reply goes out without waiting for its
   * record: a resend that comes in between finds the claim and waits for the record. A record
   * that cannot be written is logged; a resend then runs the request again once the lease ends.
   */
  #runClaimed(key: string, claim: string, run: () => Promise<RequestOutcome>): Promise<RequestOutcome> {
    let running: Promise<RequestOutcome>;
    try {
      running = run();
    } catch (error) {
      running = Promise.reject(error);
    }
    return running.then(
      (outcome) => {
        this.#record(key, outcome.frame);
        return outcome;
      },
      (error: unknown) => this.#forget(key, claim).then(() => Promise.reject(error)),
    );
  }

  #record(key: string, frame: string): void {
    const { broker, idempotencyWindowMs } = this.options;
    const logFailure = (error: unknown): void => {
      this.options.logger.error({ err: error, key }, 'could not record the reply of an idempotent request');
    };
    if (broker.localRecords === undefined) {
      broker.putRecord(key, frame, idempotencyWindowMs).catch(logFailure);
      return;
    }
    try {
      broker.localRecords.put(key, frame, idempotencyWindowMs);
    } catch (error) {
      logFailure(error);
    }
  }

  /** Drops the claim of a request that failed; a failure to do so only delays a retry until the lease ends. */
  async #forget(key: string, claim: string): Promise<void> {
    try {
      await this.options.broker.replaceRecord(key, claim, null, 0);
    } catch (error) {
      this.options.logger.error({ err: error, key }, 'could not release the idempotency claim of a failed request');
    }
  }
}

/** The outcome a stored reply frame stands for: its type is the envelope's first key (outbound.ts `encode`). */
function outcomeOf(frame: string): RequestOutcome {
  if (frame === '') return { type: '', frame };
  const type = /^\{"type":"([^"\\]+)"/.exec(frame)?.[1];
  if (type === undefined) throw new Error(`malformed idempotency record: not a reply frame: "${frame.slice(0, 40)}"`);
  return { type, frame };
}
