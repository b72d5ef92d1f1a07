/**
 * The server's Prometheus metrics (prom-client). Every server gets its own `Registry` unless one
 * is passed in, because prom-client's default is a process-global registry on which a second
 * server (or a test) creating the same metric names would throw.
 */
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/** `result` label of `connections_total`. */
export type ConnectionResult = 'accepted' | 'rejected';

/** `reason` label of `dropped_total`: why a message was not delivered. */
export type DropReason = 'volatile_backpressure' | 'offline_queue_overflow' | 'rate_limited';

/** The label values known up front, exported with zero so that `rate()` sees the series from the start. */
const CONNECTION_RESULTS: readonly ConnectionResult[] = ['accepted', 'rejected'];
const DROP_REASONS: readonly DropReason[] = ['volatile_backpressure', 'offline_queue_overflow', 'rate_limited'];

/** The metrics one server updates. Names below are with the default prefix `switchboard_`. */
export interface ServerMetrics {
  readonly registry: Registry;
  /** `switchboard_connections`: open connections. */
  readonly connections: Gauge<never>;
  /** `switchboard_connections_total{result}`: upgrade attempts, by {@link ConnectionResult}. */
  readonly connectionsTotal: Counter<'result'>;
  /** `switchboard_disconnects_total{code}`: closed connections, by close code. */
  readonly disconnects: Counter<'code'>;
  /**
   * `switchboard_messages_in_total{type}`: messages received. Pass `'unknown'` for a type the
   * protocol does not define, so a client cannot grow the label set without bound.
   */
  readonly messagesIn: Counter<'type'>;
  /** `switchboard_messages_out_total{type}`: messages sent (once per message, not per receiver). */
  readonly messagesOut: Counter<'type'>;
  /**
   * Counts one message received into `messagesIn`, for the hot path: `Counter.inc` with a label
   * hashes and validates the labels object on every call, while this adds to a plain map that
   * goes into the counter whenever it is read (a scrape, or `get()`).
   */
  readonly countIn: (type: string) => void;
  /** Counts one message sent into `messagesOut`, as `countIn` does. */
  readonly countOut: (type: string) => void;
  /** `switchboard_deliveries_total`: frames written to sockets. */
  readonly deliveries: Counter<never>;
  /** `switchboard_dropped_total{reason}`: messages not delivered, by {@link DropReason}. */
  readonly drops: Counter<'reason'>;
  /** `switchboard_rejected_messages_total{code}`: errors sent for bad input, by error code. */
  readonly rejected: Counter<'code'>;
  /** `switchboard_rate_limit_hits_total`: messages refused by the rate limiter. */
  readonly rateLimitHits: Counter<never>;
  /** `switchboard_auth_failures_total{reason}`: failed authentications, by error code. */
  readonly authFailures: Counter<'reason'>;
  /** `switchboard_offline_queue_messages`: messages queued for offline users. */
  readonly queueSize: Gauge<never>;
  /** `switchboard_resumes_total`: `resume` requests served. */
  readonly resumes: Counter<never>;
  /** `switchboard_handler_errors_total{type}`: handlers that threw, by message type. */
  readonly handlerErrors: Counter<'type'>;
}

/** Options of {@link createServerMetrics}. */
export interface ServerMetricsOptions {
  /**
   * Registry to register on, e.g. one shared with the application's own metrics. Two servers
   * sharing a registry need different `prefix`es.
   * @default a new `Registry` per call
   */
  readonly registry?: Registry;
  /**
   * Prepended to every metric name, including the default metrics when `collectDefaults` is set.
   * @default 'switchboard_'
   * @example 'chat_switchboard_'
   */
  readonly prefix?: string;
  /**
   * Also register prom-client's process metrics (CPU, memory, event loop lag, GC) on the
   * registry. Off by default here, as an application that brings its own registry usually
   * collects them once itself; a server that makes its own metrics turns them on.
   * @default false
   */
  readonly collectDefaults?: boolean;
}

/** The options a call to {@link createServerMetrics} without arguments uses. */
export const DEFAULT_SERVER_METRICS_OPTIONS = Object.freeze({ prefix: 'switchboard_', collectDefaults: false });

// Prometheus' metric name syntax; the empty prefix is allowed.
const PREFIX = /^(?:[a-zA-Z_:][a-zA-Z0-9_:]*)?$/;

/**
 * Creates and registers the server metrics.
 * @throws RangeError when `prefix` cannot start a metric name.
 * @throws Error (prom-client) when `registry` already holds a metric of the same name.
 * @example
 * const metrics = createServerMetrics();
 * metrics.messagesIn.inc({ type: 'chat.send' });
 * // in the /metrics handler:
 * res.setHeader('Content-Type', metrics.registry.contentType);
 * res.end(await metrics.registry.metrics());
 */
export function createServerMetrics(options: ServerMetricsOptions = {}): ServerMetrics {
  const registry = options.registry ?? new Registry();
  const prefix = options.prefix ?? DEFAULT_SERVER_METRICS_OPTIONS.prefix;
  const collectDefaults = options.collectDefaults ?? DEFAULT_SERVER_METRICS_OPTIONS.collectDefaults;
  if (!PREFIX.test(prefix)) {
    throw new RangeError(`prefix must match ${PREFIX.source}, got ${JSON.stringify(prefix)}`);
  }
  // Without `registers`, prom-client registers on its global registry.
  const registers = [registry];
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> =>
    new Counter<L>({ name: prefix + name, help, labelNames, registers });
  const gauge = (name: string, help: string): Gauge<never> =>
    new Gauge<never>({ name: prefix + name, help, labelNames: [], registers });

  // Registered in this order, which is the order of the exported text.
  const connections = gauge('connections', 'Open WebSocket connections.');
  const connectionsTotal = counter('connections_total', 'WebSocket connection attempts, by result.', ['result']);
  const disconnects = counter('disconnects_total', 'Closed WebSocket connections, by close code.', ['code']);
  const messagesIn = tallied(prefix + 'messages_in_total', registers, 'Messages received from clients, by type.');
  const messagesOut = tallied(prefix + 'messages_out_total', registers, 'Messages sent to clients, by type, once per message.');
  const metrics: ServerMetrics = {
    registry,
    connections,
    connectionsTotal,
    disconnects,
    messagesIn: messagesIn.counter,
    messagesOut: messagesOut.counter,
    countIn: messagesIn.count,
    countOut: messagesOut.count,
    deliveries: counter('deliveries_total', 'Frames written to sockets.', []),
    drops: counter('dropped_total', 'Messages not delivered, by reason.', ['reason']),
    rejected: counter('rejected_messages_total', 'Error messages sent for bad client input, by error code.', [
      'code',
    ]),
    rateLimitHits: counter('rate_limit_hits_total', 'Client messages refused by the rate limiter.', []),
    authFailures: counter('auth_failures_total', 'Failed authentications, by reason.', ['reason']),
    queueSize: gauge('offline_queue_messages', 'Messages queued for offline users.'),
    resumes: counter('resumes_total', 'Resume requests served.', []),
    handlerErrors: counter('handler_errors_total', 'Handlers that threw, by message type.', ['type']),
  };
  for (const result of CONNECTION_RESULTS) metrics.connectionsTotal.inc({ result }, 0);
  for (const reason of DROP_REASONS) metrics.drops.inc({ reason }, 0);
  if (collectDefaults) {
    const shared = processMetrics(prefix);
    for (const { name } of shared.getMetricsAsArray()) {
      const metric = shared.getSingleMetric(name);
      if (metric) registry.registerMetric(metric);
    }
  }
  return metrics;
}

/**
 * prom-client's process metrics (CPU, memory, heap, event-loop lag, GC, handles), collected once
 * per process and prefix: every registry that asks gets the same collectors, so servers made
 * by the hundred (tests, workers) do not each start an event-loop monitor and a GC observer.
 */
/**
 * A counter by message type, and the cheap way to count into it: a plain map whose tally goes
 * into the counter whenever the counter is read (a scrape, or `get()`).
 */
function tallied(name: string, registers: Registry[], help: string): { counter: Counter<'type'>; count: (type: string) => void } {
  const pending = new Map<string, number>();
  const counter = new Counter<'type'>({
    name,
    help,
    labelNames: ['type'],
    registers,
    collect() {
      for (const [type, count] of pending) this.inc({ type }, count);
      pending.clear();
    },
  });
  return { counter, count: (type) => void pending.set(type, (pending.get(type) ?? 0) + 1) };
}

const processRegistries = new Map<string, Registry>();

function processMetrics(prefix: string): Registry {
  let registry = processRegistries.get(prefix);
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix });
    processRegistries.set(prefix, registry);
  }
  return registry;
}
