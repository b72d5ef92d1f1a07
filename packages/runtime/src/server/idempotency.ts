/**
 * Idempotent service requests (asyncapi.yaml, `chatSend`): a service-owned request resent with
 * the same envelope `id` by the same user within the window gets the reply the first one got,
 * and its handler does not run again, on whichever instance the resend arrives.
 *
 * The record is a broker record under `request:<user id>/<request id>` (a user id has no `/`),
 * so every instance sees it:
 * - `pending:<claim>` while one copy runs, with the lease as its ttl: if that copy's instance
 *   dies, the record expires and a resend runs the request;
 * - what the reply is made from once it ran (`RequestOutcome.kept`: its data, and its type
 *   unless it is the operation's usual one), for the window; empty when the operation has no
 *   reply. A resend gets a reply made from it: the data the first copy got, in an envelope of
 *   its own. Only that is kept, not the whole frame: every request's record is new memory for
 *   the whole window, and the envelope is half of a frame.
 * A resend that finds a copy running waits for it, polling, and then gets its reply. A request
 * whose handler throws is forgotten: it had no effect, and the client may try again.
 */
import type { Logger } from 'pino';
import type { Broker, LocalClaim } from '../broker/types.js';

/** The reply a request got: what to send for it (`type` and `frame` empty when it has none). */
export interface RequestOutcome {
  readonly type: string;
  readonly frame: string;
  /**
   * What the ledger keeps of it for the window, for `LedgerRequest.replay` to make the reply to a
   * resend from: empty when there is no reply, and never starting with `pending:`.
   */
  readonly kept: string;
}

/**
 * One request as the ledger runs it. The ledger calls `run` at most once, and then exactly one
 * of `answer` and `fail`: it never throws and its promise never rejects, so a caller has nothing
 * to catch and the request costs no promise beyond its handler's.
 */
export interface LedgerRequest<R> {
  readonly userId: string;
  readonly requestId: string;
  /** Runs the handler. */
  run(): R | Promise<R>;
  /** The reply to send and record for what the handler returned. */
  outcome(result: R): RequestOutcome;
  /** The reply to a resend, made from what the first copy's outcome kept. */
  replay(kept: string): RequestOutcome;
  /** Sends a reply: this run's or the first copy's; `null` when the requester left while another copy ran. */
  answer(outcome: RequestOutcome | null): void;
  /** Reports a handler that threw (or a reply that could not be made or sent). */
  fail(error: unknown): void;
  /** Whether the requester is still there: a resend waiting for another copy stops when not. */
  alive(): boolean;
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
  readonly #claimPrefix: string;

  constructor(private readonly options: IdempotencyOptions) {
    this.#claimPrefix = `${PENDING}${options.nodeId}:`;
  }

  /**
   * Runs the request unless it ran (or is running) already, and answers it with this run's
   * reply or the first one's. Returns a promise only while something asynchronous is running.
   */
  once<R>(request: LedgerRequest<R>): Promise<void> | undefined {
    const key = `request:${request.userId}/${request.requestId}`;
    const claim = this.#claimPrefix + String((this.#claims += 1));
    const local = this.options.broker.localRecords;
    if (local === undefined) return this.#onceShared(key, claim, request);
    // The common case, a first copy on a broker in this process, costs no promise of its own.
    let held: string | LocalClaim;
    try {
      held = local.claim(key, claim, this.options.idempotencyLeaseMs);
    } catch (error) {
      request.fail(error);
      return undefined;
    }
    if (typeof held !== 'string') return this.#runClaimed(key, claim, request, held);
    if (held.startsWith(PENDING)) return this.#onceShared(key, claim, request);
    return replayed(request, held);
  }

  /** Claims the request through the broker (waiting while another copy runs), then runs it. */
  async #onceShared<R>(key: string, claim: string, request: LedgerRequest<R>): Promise<void> {
    const { broker, idempotencyLeaseMs } = this.options;
    try {
      for (let wait = FIRST_POLL_MS; ; wait = Math.min(wait * 2, MAX_POLL_MS)) {
        const held = await broker.putRecordIfAbsent(key, claim, idempotencyLeaseMs);
        if (held === null) break;
        if (!held.startsWith(PENDING)) return replayed(request, held);
        if (!request.alive()) return request.answer(null);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    } catch (error) {
      return request.fail(error);
    }
    return this.#runClaimed(key, claim, request);
  }

  /**
   * Runs a claimed request; its reply is recorded, then sent. `local` is the claim when the
   * broker made it in this process: recording or dropping it then needs no lookup of its key.
   */
  #runClaimed<R>(key: string, claim: string, request: LedgerRequest<R>, local?: LocalClaim): Promise<void> | undefined {
    let result: R | Promise<R>;
    try {
      result = request.run();
    } catch (error) {
      return this.#failed(key, claim, request, error, local);
    }
    if (!(result instanceof Promise)) return this.#ran(key, claim, request, result, local);
    return result.then(
      (value) => this.#ran(key, claim, request, value, local),
      (error: unknown) => this.#failed(key, claim, request, error, local),
    );
  }

  /**
   * Records the reply, then sends it. The record comes first, so a resend that arrives once the
   * client has its reply finds it; a record that cannot be written is logged, and a resend then
   * runs the request again once the lease ends.
   */
  #ran<R>(key: string, claim: string, request: LedgerRequest<R>, result: R, local: LocalClaim | undefined): Promise<void> | undefined {
    let outcome: RequestOutcome;
    try {
      outcome = request.outcome(result);
      if (outcome.kept.startsWith(PENDING)) throw new Error(`a request's kept outcome must not start with "${PENDING}"`);
    } catch (error) {
      return this.#failed(key, claim, request, error, local);
    }
    this.#record(key, outcome.kept, local);
    return answer(request, outcome);
  }

  #record(key: string, kept: string, local: LocalClaim | undefined): void {
    const { broker, idempotencyWindowMs } = this.options;
    if (local === undefined && broker.localRecords === undefined) {
      broker.putRecord(key, kept, idempotencyWindowMs).catch((error: unknown) => this.#recordFailed(key, error));
      return;
    }
    try {
      if (local !== undefined) local.settle(kept, idempotencyWindowMs);
      else broker.localRecords?.put(key, kept, idempotencyWindowMs);
    } catch (error) {
      this.#recordFailed(key, error);
    }
  }

  #recordFailed(key: string, error: unknown): void {
    this.options.logger.error({ err: error, key }, 'could not record the reply of an idempotent request');
  }

  /**
   * A request whose handler threw had no effect: its claim is dropped (the client may try
   * again), then the failure is reported. A claim that cannot be dropped only delays a retry
   * until the lease ends.
   */
  #failed<R>(key: string, claim: string, request: LedgerRequest<R>, error: unknown, local: LocalClaim | undefined): Promise<void> | undefined {
    const { broker, logger } = this.options;
    const logFailure = (cause: unknown): void => {
      logger.error({ err: cause, key }, 'could not release the idempotency claim of a failed request');
    };
    if (local === undefined && broker.localRecords === undefined) {
      return broker
        .replaceRecord(key, claim, null, 0)
        .then(() => undefined, logFailure)
        .then(() => request.fail(error));
    }
    try {
      if (local !== undefined) local.release();
      else broker.localRecords?.replace(key, claim, null, 0);
    } catch (cause) {
      logFailure(cause);
    }
    request.fail(error);
    return undefined;
  }
}

/** Runs a request that is not recorded (it has no reply): answered or failed, like `once`. */
export function runUnrecorded<R>(request: LedgerRequest<R>): Promise<void> | undefined {
  let result: R | Promise<R>;
  try {
    result = request.run();
  } catch (error) {
    request.fail(error);
    return undefined;
  }
  if (!(result instanceof Promise)) return answerWith(request, result);
  return result.then(
    (value) => answerWith(request, value),
    (error: unknown) => request.fail(error),
  );
}

function answerWith<R>(request: LedgerRequest<R>, result: R): undefined {
  let outcome: RequestOutcome;
  try {
    outcome = request.outcome(result);
  } catch (error) {
    request.fail(error);
    return undefined;
  }
  return answer(request, outcome);
}

/** Sends the reply; a reply that cannot be sent is reported as the request's failure. */
function answer<R>(request: LedgerRequest<R>, outcome: RequestOutcome): undefined {
  try {
    request.answer(outcome);
  } catch (error) {
    request.fail(error);
  }
  return undefined;
}

/** Answers a resend with the reply made from what the first copy kept. */
function replayed<R>(request: LedgerRequest<R>, kept: string): undefined {
  let outcome: RequestOutcome;
  try {
    outcome = request.replay(kept);
  } catch (error) {
    request.fail(error);
    return undefined;
  }
  return answer(request, outcome);
}
