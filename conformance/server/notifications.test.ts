/**
 * "Server-side helpers to emit every notification type": every message the server pushes (not a
 * reply), with every example the spec gives for it, emitted through the reference service's admin
 * endpoint and received by a client, checked against the spec on the way.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLY_TYPES, SERVER_MESSAGE_TYPES } from '@switchboard/protocol';
import { configFromEnv, createService, mintDevToken, type Service } from '@switchboard/server';
import { child, isObject, rawSpec } from '../lib/spec.js';
import { TestClient } from './harness.js';

const SECRET = 'notifications-secret-0123456789abcdef';
const ADMIN = 'admin-token-for-the-test';

const replies = new Set<string>(Object.values(REPLY_TYPES).flat());
const pushed = SERVER_MESSAGE_TYPES.filter((type) => !replies.has(type));

/** Every example `data` of each pushed message, from the spec itself. */
function examples(): [string, string, object][] {
  const cases: [string, string, object][] = [];
  for (const message of Object.values(child(child(rawSpec(), 'components'), 'messages'))) {
    if (!isObject(message) || typeof message['name'] !== 'string' || !pushed.includes(message['name'] as (typeof pushed)[number])) continue;
    const list = Array.isArray(message['examples']) ? message['examples'] : [];
    for (const example of list) {
      const payload = isObject(example) ? example['payload'] : undefined;
      const name = isObject(example) && typeof example['name'] === 'string' ? example['name'] : '?';
      if (isObject(payload) && isObject(payload['data'])) cases.push([message['name'], name, payload['data']]);
    }
  }
  return cases;
}

let service: Service;
let base: string;
let client: TestClient;

beforeAll(async () => {
  service = createService(configFromEnv({ PORT: '0', JWT_SECRET: SECRET, ADMIN_TOKEN: ADMIN }), pino({ level: 'silent' }));
  const { port } = await service.listen();
  base = `127.0.0.1:${port}`;
  client = await TestClient.connect(`ws://${base}/ws`, (await mintDevToken(SECRET, 'ann', 'Ann')).token);
});

afterAll(async () => {
  await client.close();
  await service.close();
});

describe('every pushed message type can be emitted from the admin endpoint', () => {
  const cases = examples();

  it('the spec has an example for every pushed type', () => {
    expect(new Set(cases.map(([type]) => type))).toEqual(new Set(pushed.filter((type) => type !== 'error')));
  });

  it.each(cases)('%s (example %s)', async (type, _name, data) => {
    const response = await fetch(`http://${base}/admin/emit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type, data, to: { user: 'ann' } }),
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    const received = await client.next(type as (typeof pushed)[number], 3000, (m) => m.id === id);
    expect(received.data).toEqual(data);
    expect(client.invalid).toEqual([]);
  });
});
