/**
 * `connection.established.features` tells the truth: every feature the spec's `Feature` enum
 * names is announced exactly when the server serves it, and each announced one is probed over
 * the socket. A protocol without an operation drops the feature from the list.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@switchboard/server';
import { dispatch, serverProtocol, type ServerTypes } from '@switchboard/protocol/server';
import { createServer, type ServerOptions } from '@switchboard/runtime/server';
import { child, rawSpec } from '../lib/spec.js';
import { quiet, SECRET, TestClient, token, useFixture } from './harness.js';

const fixture = useFixture();

/** The spec's `Feature` values, read from the YAML. */
const FEATURES = child(child(child(rawSpec(), 'components'), 'schemas'), 'Feature')['enum'] as readonly string[];
/** Features the reference server does not implement (a MessagePack codec). */
const NOT_IMPLEMENTED = new Set(['msgpack']);

type Probe = (a: TestClient, b: TestClient) => Promise<void>;

/** For each feature, a check over the socket that the server really does it. */
const PROBES: Readonly<Record<string, Probe>> = {
  heartbeat: async (a) => expect((await a.request('ping', { pingId: 'p' })).type).toBe('pong'),
  subscriptions: async (a) => expect((await a.request('subscribe', { events: ['file.ready'] })).type).toBe('subscription.confirmed'),
  rate_limiting: async () => {
    const flooder = await fixture.connect('u_flood');
    const limit = flooder.established?.data.limits.message_rate_limit ?? 0;
    for (let i = 0; i <= limit; i++) flooder.send('ping', {});
    expect((await flooder.next('error', 5000, (m) => m.data.code === 'RATE_LIMIT_EXCEEDED')).data.retry_after).toBeGreaterThan(0);
  },
  rooms: async (a) => expect((await a.request('room.join', { room_id: 'r_probe' })).type).toBe('room.joined'),
  presence: async (a, b) => {
    await a.request('room.join', { room_id: 'r_presence' });
    await b.request('room.join', { room_id: 'r_presence' });
    await a.next('room.update', 3000, (m) => m.data.user_id === 'u_b');
  },
  typing: async (a, b) => {
    await a.request('room.join', { room_id: 'r_typing' });
    await b.request('room.join', { room_id: 'r_typing' });
    a.send('typing', { room_id: 'r_typing', is_typing: true });
    expect((await b.next('user.typing')).data.user_id).toBe('u_a');
  },
  acks: async (a) => {
    a.send('ack', { ids: ['n_unknown'] });
    await quiet();
    expect(a.received.filter((m) => m.type === 'error')).toEqual([]);
  },
  resume: async (a) => expect((await a.request('resume', { last_seq: [] })).type).toBe('resume.completed'),
  offline_queue: async () => {
    await fixture.running.server.toUser('u_offline').emit('file.ready', { file_id: 'f_1', url: 'https://files.example.com/f_1' });
    const late = await fixture.connect('u_offline');
    expect((await late.next('file.ready')).data.file_id).toBe('f_1');
  },
  auth_refresh: async (a) => expect((await a.request('auth.refresh', { token: await token('u_a') })).type).toBe('auth.refreshed'),
};

function features(client: TestClient): readonly string[] {
  if (!client.established) throw new Error('no connection.established');
  return client.established.data.features;
}

describe('connection.established.features', () => {
  it('the reference server announces every feature it implements, and each one works', async () => {
    await fixture.start();
    const expected = FEATURES.filter((feature) => !NOT_IMPLEMENTED.has(feature));
    const announced = features(await fixture.connect('u_first'));
    expect(announced).toEqual(expected);
    const a = await fixture.connect('u_a');
    const b = await fixture.connect('u_b');
    for (const feature of announced) {
      const probe = PROBES[feature];
      if (!probe) throw new Error(`no probe for the announced feature "${feature}"`);
      await probe(a, b);
    }
  });

  it('a server without an offline queue does not announce one, and queues nothing', async () => {
    await fixture.start({ offlineQueueSize: 0 });
    const client = await fixture.connect('u_a');
    expect(features(client)).not.toContain('offline_queue');
    expect(client.established?.data.limits.offline_queue_size).toBe(0);
    await fixture.running.server.toUser('u_away').emit('file.ready', { file_id: 'f_2', url: 'https://files.example.com/f_2' });
    const late = await fixture.connect('u_away');
    await quiet();
    expect(late.received.filter((m) => m.type === 'file.ready')).toEqual([]);
  });

  it('a protocol whose service does not answer typing announces no typing, and refuses it', async () => {
    const services = serverProtocol.services.filter((type) => type !== 'typing');
    const server = createServer<ServerTypes>({ ...serverProtocol, services }, (message, context) => dispatch(createHandlers({ chatEchoToSender: true }), message, context), {
      auth: { secret: SECRET },
    } satisfies ServerOptions);
    const httpServer = http.createServer();
    server.attach(httpServer);
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = httpServer.address() as AddressInfo;
      const client = fixture.track(await TestClient.connect(`ws://127.0.0.1:${port}/ws`, await token('u_a')));
      expect(features(client)).not.toContain('typing');
      await client.request('room.join', { room_id: 'r_1' });
      const reply = await client.request('typing', { room_id: 'r_1', is_typing: true });
      expect(reply.type === 'error' && reply.data.code).toBe('INVALID_MESSAGE_TYPE');
      await client.close();
    } finally {
      await server.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    }
  });
});
