/**
 * A user banned for repeated rate-limit violations is refused at the door, on every instance:
 * HTTP 429 with `Retry-After` when the token comes with the upgrade, and the ban error (with
 * `retry_after`) then close 4008 when it comes in an `auth` message. The ban lives in the broker,
 * so a second instance sharing the real Redis at 127.0.0.1:6379 refuses the user too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerOptions } from '@switchboard/runtime/server';
import { closeAll, knock } from './door.js';
import { quiet, token, useFixture, type Running, type TestClient } from './harness.js';
import { useRedisCluster } from './redis-cluster.js';

const fx = useFixture();
afterEach(closeAll);
const redis = useRedisCluster(fx);

const BAN_MS = 3000;
/** Two messages a minute, banned at the first violation. */
const STRICT: Partial<ServerOptions> = { rateLimit: { limit: 2, windowMs: 60_000, banAfterViolations: 1, banDurationMs: BAN_MS } };

/** Gets `sub` banned on `on`: the third message in the window is a violation, which bans. */
async function getBanned(on: Running, sub: string): Promise<void> {
  const client = await fx.connect(sub, { on });
  client.send('ping', {});
  client.send('ping', {});
  client.send('ping', {});
  const error = await client.next('error');
  expect(error.data).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', close_code: 4008 });
  expect(error.data.retry_after).toBe(BAN_MS / 1000);
  expect((await client.closed).code).toBe(4008);
}

/** Sends `auth` first on a token-less socket; expects the ban error with retry_after, then 4008. */
async function expectBannedAuth(on: Running, sub: string): Promise<void> {
  const client: TestClient = await fx.open(on.url());
  client.send('auth', { token: await token(sub) });
  const error = await client.next('error');
  expect(error.data).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', close_code: 4008 });
  expect(error.data.retry_after).toBeGreaterThanOrEqual(1);
  expect(error.data.retry_after).toBeLessThanOrEqual(BAN_MS / 1000);
  expect((await client.closed).code).toBe(4008);
}

async function expectRefusedUpgrade(on: Running, sub: string): Promise<void> {
  const answer = await knock(`${on.url()}?token=${await token(sub)}`);
  expect(answer.status).toBe(429);
  const seconds = Number(answer.retryAfter);
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(BAN_MS / 1000);
}

describe('a banned user at the door (one instance)', () => {
  it('is refused at the upgrade with 429 and Retry-After while the ban lasts, and admitted after it', async () => {
    const server = await fx.start(STRICT);
    await getBanned(server, 'flooder');
    await expectRefusedUpgrade(server, 'flooder');
    // Another user is not affected.
    await fx.connect('bystander');
    await quiet(BAN_MS);
    await fx.connect('flooder');
  });

  it('gets the ban error with retry_after for a first-message auth, then close 4008', async () => {
    const server = await fx.start(STRICT);
    await getBanned(server, 'flooder');
    await expectBannedAuth(server, 'flooder');
  });
});

describe('a banned user at the door (two instances sharing Redis)', () => {
  async function cluster(): Promise<[Running, Running]> {
    return (await redis.start(2, STRICT)).servers as [Running, Running];
  }

  it('banned on one instance, is refused by the other: 429 at the upgrade, the ban error and 4008 after auth', async () => {
    const [one, two] = await cluster();
    await getBanned(one, 'flooder');
    await expectRefusedUpgrade(two, 'flooder');
    await expectBannedAuth(two, 'flooder');
    await fx.connect('bystander', { on: two });
  });
});
