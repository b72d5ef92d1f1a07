import { WebSocket as NodeWebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { Backoff, backoffDelay, FINAL_CLOSE_CODES, isReconnectableClose } from '../src/client/backoff.js';
import { createEnvelope, newId, protocolErrorFrom } from '../src/client/envelope.js';
import {
  ClientCore,
  DEFAULT_CLIENT_OPTIONS,
  type ClientOptions,
  type StateChange,
  type WebSocketLikeConstructor,
} from '../src/client/index.js';
import { PendingRequests, type Schedule } from '../src/client/pending.js';
import { RecentIds } from '../src/client/recent-ids.js';
import { SendQueue, SendQueueFullError } from '../src/client/send-queue.js';
import { StateMachine } from '../src/client/state.js';
import { connectionTarget } from '../src/client/transport.js';
import { ProtocolError, TimeoutError } from '../src/errors.js';
import type { Envelope } from '../src/protocol.js';
import { testProtocol } from './client-harness.js';

// Both WebSocket classes the client is meant to run on fit the structural type (checked by tsc).
const browserSocket: WebSocketLikeConstructor | undefined = typeof WebSocket === 'undefined' ? undefined : WebSocket;
const nodeSocket: WebSocketLikeConstructor = NodeWebSocket;

describe('client options', () => {
  it('exports its defaults, frozen', () => {
    expect(DEFAULT_CLIENT_OPTIONS).toEqual({
      tokenTransport: 'subprotocol',
      requestTimeoutMs: 10_000,
      reconnect: { enabled: true, minDelayMs: 500, maxDelayMs: 30_000, maxAttempts: Infinity },
      sendQueueLimit: 1000,
    });
    expect(Object.isFrozen(DEFAULT_CLIENT_OPTIONS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CLIENT_OPTIONS.reconnect)).toBe(true);
    expect(browserSocket === undefined || typeof browserSocket === 'function').toBe(true);
  });

  const url = 'ws://127.0.0.1:1/ws';
  // Values a JavaScript caller can pass; the casts stand in for a caller without the types.
  const cases: ReadonlyArray<readonly [string, Partial<ClientOptions> & Record<string, unknown>, Error]> = [
    ['a URL that is not ws:', { url: 'http://x/ws' }, new TypeError('ClientOptions.url must be a ws: or wss: URL, got "http://x/ws"')],
    ['an unparseable URL', { url: 'not a url' }, new TypeError('ClientOptions.url must be a ws: or wss: URL, got "not a url"')],
    ['a token of the wrong type', { token: 42 as unknown as string }, new TypeError('ClientOptions.token must be a string or a function returning one')],
    ['an empty token', { token: '' }, new TypeError('ClientOptions.token must not be empty')],
    [
      'an unknown transport',
      { tokenTransport: 'header' as 'query' },
      new TypeError(`ClientOptions.tokenTransport must be 'query', 'subprotocol' or 'message', got "header"`),
    ],
    [
      'a zero request timeout',
      { requestTimeoutMs: 0 },
      new RangeError('ClientOptions.requestTimeoutMs must be an integer between 1 and 2147483647, got 0'),
    ],
    [
      'a negative minDelayMs',
      { reconnect: { minDelayMs: -1 } },
      new RangeError('ClientOptions.reconnect.minDelayMs must be an integer between 0 and 2147483647, got -1'),
    ],
    [
      'maxDelayMs below minDelayMs',
      { reconnect: { minDelayMs: 100, maxDelayMs: 10 } },
      new RangeError('ClientOptions.reconnect.maxDelayMs (10) must not be less than minDelayMs (100)'),
    ],
    [
      'a fractional maxAttempts',
      { reconnect: { maxAttempts: 1.5 } },
      new RangeError('ClientOptions.reconnect.maxAttempts must be a non-negative integer or Infinity, got 1.5'),
    ],
    [
      'a negative sendQueueLimit',
      { sendQueueLimit: -1 },
      new RangeError('ClientOptions.sendQueueLimit must be a non-negative integer, got -1'),
    ],
    ['an onDiagnostic that is not a function', { onDiagnostic: 'log' as unknown as () => void }, new TypeError('ClientOptions.onDiagnostic must be a function')],
  ];

  it.each(cases)('rejects %s', (_, options, error) => {
    expect(() => new ClientCore(testProtocol, { url, WebSocket: nodeSocket, ...options })).toThrow(error);
  });

  it('requires a WebSocket class where the platform has none', () => {
    if (typeof globalThis.WebSocket === 'function') return; // Node 22+ and browsers have one
    expect(() => new ClientCore(testProtocol, { url })).toThrow(
      new TypeError(
        "ClientOptions.WebSocket is required where globalThis.WebSocket is undefined (in Node 20, pass the 'ws' package's WebSocket)",
      ),
    );
  });

  it('starts closed with no session', () => {
    const client = new ClientCore(testProtocol, { url, WebSocket: nodeSocket });
    expect(client.state).toBe('closed');
    expect(client.session).toBeNull();
  });
});

describe('backoff', () => {
  it.each([
    // attempt, min, max, random, delay
    [0, 500, 30_000, 0, 0],
    [0, 500, 30_000, 0.5, 250],
    [1, 500, 30_000, 0.5, 500],
    [3, 500, 30_000, 0.5, 2000],
    [6, 500, 30_000, 0.5, 15_000],
    [7, 500, 30_000, 0.5, 15_000], // 64 000 capped at 30 000
    [2000, 500, 30_000, 0.999, 29_970], // a huge exponent neither overflows nor goes NaN
    [2000, 0, 30_000, 0.5, 0],
  ])('attempt %i with min %i, max %i and random %d waits %i ms', (attempt, min, max, random, want) => {
    expect(backoffDelay(attempt, min, max, () => random)).toBe(want);
  });

  it('stays in [0, min(max, min * 2^attempt)) for any draw', () => {
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const ceiling = Math.min(30_000, 500 * 2 ** attempt);
      for (const draw of [0, 0.1, 0.5, 0.9, 0.999_999]) {
        const delay = backoffDelay(attempt, 500, 30_000, () => draw);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
      }
    }
  });

  it('counts attempts up to maxAttempts and starts over on reset', () => {
    const backoff = new Backoff({ minDelayMs: 100, maxDelayMs: 1000, maxAttempts: 2 }, () => 0.5);
    expect([backoff.next(), backoff.next(), backoff.next()]).toEqual([50, 100, null]);
    expect(backoff.attempts).toBe(2);
    backoff.reset();
    expect(backoff.next()).toBe(50);
  });

  it.each([
    [1000, true],
    [1001, true],
    [1006, true],
    [1011, true],
    [1013, true],
    [4002, true],
    [4003, true],
    [4004, true],
    [1008, false],
    [4001, false],
    [4005, false],
    [4008, false],
    [4009, false],
  ])('close code %i is reconnectable: %s', (code, want) => {
    expect(isReconnectableClose(code)).toBe(want);
  });

  it('lists exactly the final codes of asyncapi.yaml', () => {
    expect([...FINAL_CLOSE_CODES].sort()).toEqual([1008, 4001, 4005, 4008, 4009]);
  });
});

describe('state machine', () => {
  it('emits each change once, ignores a repeat, and refuses transitions the state machine does not have', () => {
    const changes: StateChange[] = [];
    const machine = new StateMachine((error) => {
      throw error;
    });
    machine.subscribe((change) => changes.push(change));
    machine.set('connecting');
    machine.set('connecting');
    machine.set('reconnecting', 1006, '');
    expect(changes).toEqual([
      { oldState: 'closed', newState: 'connecting' },
      { oldState: 'connecting', newState: 'reconnecting', code: 1006, reason: '' },
    ]);
    expect(() => machine.set('connecting')).toThrow(new Error("ClientCore bug: no transition from 'reconnecting' to 'connecting'"));
  });
});

describe('recent ids', () => {
  it('forgets the least recently seen id past its capacity', () => {
    const recent = new RecentIds(3);
    expect(['a', 'b', 'c'].map((id) => recent.check(id))).toEqual([false, false, false]);
    expect(recent.check('a')).toBe(true); // refreshes a: b is now the oldest
    expect(recent.check('d')).toBe(false); // evicts b
    expect(recent.size).toBe(3);
    expect(recent.check('b')).toBe(false);
    expect(recent.check('a')).toBe(true);
  });
});

describe('send queue', () => {
  it('keeps order, refuses past its limit and can take one out', () => {
    const queue = new SendQueue(2);
    queue.push({ id: '1', type: 't', frame: 'one' });
    queue.push({ id: '2', type: 't', frame: 'two' });
    expect(() => queue.push({ id: '3', type: 't', frame: 'three' })).toThrow(SendQueueFullError);
    expect(queue.remove('1')).toBe(true);
    queue.push({ id: '3', type: 't', frame: 'three' });
    expect(queue.drain().map((frame) => frame.id)).toEqual(['2', '3']);
    expect(queue.size).toBe(0);
  });
});

describe('pending requests', () => {
  /** A schedule whose timers fire only when the test says so. */
  function manualSchedule(): { readonly schedule: Schedule; readonly fireAll: () => void; readonly active: () => number } {
    const timers = new Set<() => void>();
    return {
      schedule: (callback) => {
        timers.add(callback);
        return () => {
          timers.delete(callback);
        };
      },
      fireAll: () => {
        for (const callback of [...timers]) {
          timers.delete(callback);
          callback();
        }
      },
      active: () => timers.size,
    };
  }

  const request = { id: 'r1', type: 'ping', replies: ['pong'], timeoutMs: 50, signal: undefined };

  it('removes the entry on timeout and reports the abandoned id', async () => {
    const timers = manualSchedule();
    const abandoned: string[] = [];
    const pending = new PendingRequests<Envelope>(timers.schedule, (id) => abandoned.push(id));
    const reply = pending.add(request);
    expect(pending.size).toBe(1);
    timers.fireAll();
    await expect(reply).rejects.toThrow(new TimeoutError("request 'ping' (r1) got no reply within 50 ms"));
    expect(pending.size).toBe(0);
    expect(abandoned).toEqual(['r1']);
    expect(pending.match({ type: 'pong', id: 's1', correlation_id: 'r1', data: {} })).toBe('unmatched');
  });

  it('cancels the timer when the reply comes', async () => {
    const timers = manualSchedule();
    const pending = new PendingRequests<Envelope>(timers.schedule, () => undefined);
    const reply = pending.add(request);
    const pong: Envelope = { type: 'pong', id: 's1', correlation_id: 'r1', data: {} };
    expect(pending.match({ type: 'other', id: 's0', correlation_id: 'r1', data: {} })).toBe('unexpected');
    expect(pending.match(pong)).toBe('resolved');
    expect(await reply).toBe(pong);
    expect(timers.active()).toBe(0);
  });

  it('rejects only sent requests when their connection is lost', async () => {
    const pending = new PendingRequests<Envelope>(manualSchedule().schedule, () => undefined);
    const sent = pending.add(request);
    const queued = pending.add({ ...request, id: 'r2' });
    pending.markSent('r1');
    pending.rejectSent(() => new Error('gone'));
    await expect(sent).rejects.toThrow('gone');
    expect(pending.typeOf('r2')).toBe('ping');
    pending.rejectAll(() => new Error('closed'));
    await expect(queued).rejects.toThrow('closed');
  });
});

describe('envelopes', () => {
  it('builds ids as v4 UUIDs, also without crypto.randomUUID (insecure browser contexts)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newId()).toMatch(uuid);
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 100 }, () => newId()));
      expect(ids.size).toBe(100);
      for (const id of ids) expect(id).toMatch(uuid);
    } finally {
      Reflect.deleteProperty(crypto, 'randomUUID');
    }
    expect(typeof crypto.randomUUID).toBe('function');
  });

  it('stamps the envelope with an ISO timestamp', () => {
    const envelope = createEnvelope('chat.send', { content: 'x' });
    expect(new Date(envelope.timestamp).toISOString()).toBe(envelope.timestamp);
  });

  it('reads every field of an error message, ignoring malformed ones', () => {
    const full = protocolErrorFrom({
      type: 'error',
      id: 's1',
      data: { code: 'CONNECTION_LIMIT', message: 'too many', retry_after: 5, close_code: 4005, details: { limit: 5, x: {} } },
    });
    expect(full).toBeInstanceOf(ProtocolError);
    expect(full).toMatchObject({ code: 'CONNECTION_LIMIT', message: 'too many', retryAfter: 5, closeCode: 4005, details: { limit: 5 } });
    const bare = protocolErrorFrom({ type: 'error', id: 's2', data: { close_code: 1234 } });
    expect(bare).toMatchObject({
      code: 'INTERNAL_ERROR',
      message: 'server error without a message (INTERNAL_ERROR)',
      retryAfter: undefined,
      closeCode: undefined,
    });
  });
});

describe('connection target', () => {
  it.each([
    [undefined, 'subprotocol', 'ws://h/ws', ['switchboard.v1']],
    ['t.k.n', 'subprotocol', 'ws://h/ws', ['switchboard.v1', 'bearer.t.k.n']],
    ['t.k.n', 'query', 'ws://h/ws?token=t.k.n', ['switchboard.v1']],
    ['t.k.n', 'message', 'ws://h/ws', ['switchboard.v1']],
  ] as const)('token %s over %s', (token, transport, wantUrl, wantProtocols) => {
    expect(connectionTarget('ws://h/ws', token, transport)).toEqual({ url: wantUrl, protocols: wantProtocols });
  });
});
