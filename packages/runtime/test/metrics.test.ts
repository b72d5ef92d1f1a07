import { Counter, Gauge, Registry, register as globalRegistry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_METRICS_OPTIONS, createServerMetrics, type ServerMetrics } from '../src/server/metrics.js';

type MetricKey = Exclude<keyof ServerMetrics, 'registry' | 'countIn' | 'countOut'>;

/** Every metric: its field, name without prefix, type, label names and help text. */
const METRICS: readonly (readonly [MetricKey, string, 'counter' | 'gauge', readonly string[], string])[] = [
  ['connections', 'connections', 'gauge', [], 'Open WebSocket connections.'],
  ['connectionsTotal', 'connections_total', 'counter', ['result'], 'WebSocket connection attempts, by result.'],
  ['disconnects', 'disconnects_total', 'counter', ['code'], 'Closed WebSocket connections, by close code.'],
  ['messagesIn', 'messages_in_total', 'counter', ['type'], 'Messages received from clients, by type.'],
  ['messagesOut', 'messages_out_total', 'counter', ['type'], 'Messages sent to clients, by type, once per message.'],
  ['deliveries', 'deliveries_total', 'counter', [], 'Frames written to sockets.'],
  ['drops', 'dropped_total', 'counter', ['reason'], 'Messages not delivered, by reason.'],
  [
    'rejected',
    'rejected_messages_total',
    'counter',
    ['code'],
    'Error messages sent for bad client input, by error code.',
  ],
  ['rateLimitHits', 'rate_limit_hits_total', 'counter', [], 'Client messages refused by the rate limiter.'],
  ['authFailures', 'auth_failures_total', 'counter', ['reason'], 'Failed authentications, by reason.'],
  ['queueSize', 'offline_queue_messages', 'gauge', [], 'Messages queued for offline users.'],
  ['resumes', 'resumes_total', 'counter', [], 'Resume requests served.'],
  ['handlerErrors', 'handler_errors_total', 'counter', ['type'], 'Handlers that threw, by message type.'],
];

/** The exposition of a fresh instance: series with known label values start at zero. */
function freshExposition(prefix: string): string {
  const initial: Partial<Record<MetricKey, string[]>> = {
    connections: [''],
    connectionsTotal: ['{result="accepted"}', '{result="rejected"}'],
    deliveries: [''],
    drops: ['{reason="volatile_backpressure"}', '{reason="offline_queue_overflow"}', '{reason="rate_limited"}'],
    rateLimitHits: [''],
    queueSize: [''],
    resumes: [''],
  };
  return METRICS.map(([key, name, type, , help]) =>
    [
      `# HELP ${prefix}${name} ${help}`,
      `# TYPE ${prefix}${name} ${type}`,
      ...(initial[key] ?? []).map((labels) => `${prefix}${name}${labels} 0`),
      '',
    ].join('\n'),
  ).join('\n');
}

describe('createServerMetrics', () => {
  it('uses the documented defaults', () => {
    expect(DEFAULT_SERVER_METRICS_OPTIONS).toEqual({ prefix: 'switchboard_', collectDefaults: false });
    expect(Object.isFrozen(DEFAULT_SERVER_METRICS_OPTIONS)).toBe(true);
  });

  it.each(METRICS)('registers %s as switchboard_%s (%s, labels %j)', async (key, name, type, labelNames, help) => {
    const metrics = createServerMetrics();
    // One signature all thirteen share, so the table can call `inc` on any of them.
    const metric: { inc(labels: Readonly<Record<string, string>>): void } = metrics[key];
    expect(metrics.registry.getSingleMetric(`switchboard_${name}`)).toBe(metric);
    expect(metric).toBeInstanceOf(type === 'counter' ? Counter : Gauge);
    const [json] = (await metrics.registry.getMetricsAsJSON()).filter((m) => m.name === `switchboard_${name}`);
    expect(json).toMatchObject({ name: `switchboard_${name}`, help, type });
    // prom-client checks label names at runtime; the declared set must be exactly these.
    const labels = Object.fromEntries(labelNames.map((l) => [l, 'x']));
    expect(() => metric.inc(labels)).not.toThrow();
    expect(() => metric.inc({ ...labels, extra: 'x' })).toThrow(/Added label "extra" is not included/);
  });

  it('exports exactly the expected text before anything happens', async () => {
    const metrics = createServerMetrics();
    expect(await metrics.registry.metrics()).toBe(freshExposition('switchboard_'));
  });

  it('exports the expected lines after updates', async () => {
    const metrics = createServerMetrics();
    metrics.connections.inc();
    metrics.connections.inc();
    metrics.connections.dec();
    metrics.connectionsTotal.inc({ result: 'accepted' }, 2);
    metrics.connectionsTotal.inc({ result: 'rejected' });
    metrics.disconnects.inc({ code: 1000 });
    metrics.disconnects.inc({ code: '4008' });
    metrics.messagesIn.inc({ type: 'chat.send' }, 2);
    metrics.countIn('chat.send');
    metrics.messagesIn.inc({ type: 'unknown' });
    metrics.messagesOut.inc({ type: 'chat.message' });
    metrics.deliveries.inc(5);
    metrics.drops.inc({ reason: 'rate_limited' });
    metrics.rejected.inc({ code: 'INVALID_MESSAGE' });
    metrics.rateLimitHits.inc();
    metrics.authFailures.inc({ reason: 'TOKEN_EXPIRED' });
    metrics.queueSize.set(7);
    metrics.resumes.inc();
    metrics.handlerErrors.inc({ type: 'chat.send' });
    const lines = (await metrics.registry.metrics()).split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(lines).toEqual([
      'switchboard_connections 1',
      'switchboard_connections_total{result="accepted"} 2',
      'switchboard_connections_total{result="rejected"} 1',
      'switchboard_disconnects_total{code="1000"} 1',
      'switchboard_disconnects_total{code="4008"} 1',
      'switchboard_messages_in_total{type="chat.send"} 3',
      'switchboard_messages_in_total{type="unknown"} 1',
      'switchboard_messages_out_total{type="chat.message"} 1',
      'switchboard_deliveries_total 5',
      'switchboard_dropped_total{reason="volatile_backpressure"} 0',
      'switchboard_dropped_total{reason="offline_queue_overflow"} 0',
      'switchboard_dropped_total{reason="rate_limited"} 1',
      'switchboard_rejected_messages_total{code="INVALID_MESSAGE"} 1',
      'switchboard_rate_limit_hits_total 1',
      'switchboard_auth_failures_total{reason="TOKEN_EXPIRED"} 1',
      'switchboard_offline_queue_messages 7',
      'switchboard_resumes_total 1',
      'switchboard_handler_errors_total{type="chat.send"} 1',
    ]);
  });

  it('adds what countIn and countOut counted at every read, once', async () => {
    const metrics = createServerMetrics();
    for (let i = 0; i < 3; i++) metrics.countIn('ping');
    metrics.countOut('pong');
    expect((await metrics.messagesIn.get()).values).toEqual([{ value: 3, labels: { type: 'ping' } }]);
    metrics.countIn('ping');
    const text = await metrics.registry.metrics();
    expect(text).toContain('\nswitchboard_messages_in_total{type="ping"} 4\n');
    expect(text).toContain('\nswitchboard_messages_out_total{type="pong"} 1\n');
    expect(await metrics.registry.metrics()).toContain('\nswitchboard_messages_in_total{type="ping"} 4\n');
  });

  it('gives each instance its own registry, and leaves the global one alone', async () => {
    const a = createServerMetrics();
    const b = createServerMetrics();
    expect(a.registry).not.toBe(b.registry);
    a.deliveries.inc(3);
    b.deliveries.inc();
    expect(await a.registry.metrics()).toContain('\nswitchboard_deliveries_total 3\n');
    expect(await b.registry.metrics()).toContain('\nswitchboard_deliveries_total 1\n');
    expect(globalRegistry.getSingleMetric('switchboard_deliveries_total')).toBeUndefined();
  });

  it('registers on a given registry, where a second server needs another prefix', async () => {
    const registry = new Registry();
    const a = createServerMetrics({ registry });
    expect(a.registry).toBe(registry);
    expect(() => createServerMetrics({ registry })).toThrow(
      new Error('A metric with the name switchboard_connections has already been registered.'),
    );
    // The failed call registered nothing, so the prefixed one fits.
    const b = createServerMetrics({ registry, prefix: 'second_' });
    b.resumes.inc();
    const second = freshExposition('second_').replace('second_resumes_total 0', 'second_resumes_total 1');
    expect(await registry.metrics()).toBe(`${freshExposition('switchboard_')}\n${second}`);
  });

  it.each(['', 'app_', 'ns:sub_', '_'])('applies the prefix %j to every name', async (prefix) => {
    const metrics = createServerMetrics({ prefix });
    expect(await metrics.registry.metrics()).toBe(freshExposition(prefix));
  });

  it.each(['1abc_', 'a-b_', 'a b', 'é_'])('rejects the prefix %j', (prefix) => {
    expect(() => createServerMetrics({ prefix })).toThrow(
      new RangeError(`prefix must match ^(?:[a-zA-Z_:][a-zA-Z0-9_:]*)?$, got ${JSON.stringify(prefix)}`),
    );
  });

  it('collects the process metrics, prefixed, only when asked', async () => {
    const without = createServerMetrics();
    expect((await without.registry.getMetricsAsJSON()).map((m) => m.name)).toHaveLength(METRICS.length);
    const metrics = createServerMetrics({ collectDefaults: true, prefix: 'sb_' });
    const names = (await metrics.registry.getMetricsAsJSON()).map((m) => m.name);
    expect(names).toContain('sb_process_cpu_user_seconds_total');
    expect(names).toContain('sb_nodejs_heap_size_used_bytes');
    expect(names.every((n) => n.startsWith('sb_'))).toBe(true);
  });

  it('types the label names of labelled metrics exactly', () => {
    const metrics = createServerMetrics();
    metrics.drops.inc({ reason: 'rate_limited' });
    // @ts-expect-error: `type` is not a label of dropped_total
    expect(() => metrics.drops.inc({ type: 'x' })).toThrow(/Added label "type"/);
    // @ts-expect-error: nor is an extra label next to `reason`
    expect(() => metrics.drops.inc({ reason: 'rate_limited', code: 'x' })).toThrow(/Added label "code"/);
    // prom-client types "no labels" as `{}`, which TypeScript lets any object through; only the
    // runtime check catches this one.
    expect(() => metrics.deliveries.inc({ reason: 'x' })).toThrow(/Added label "reason"/);
  });
});
