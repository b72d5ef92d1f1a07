import net, { type AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisBroker } from '../src/index.js';

/** A port nothing listens on: one the system just handed out and took back. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return port;
}

const maxRetries = 'Reached the max retries per request limit (which is 1). Refer to "maxRetriesPerRequest" option for details.';

describe('RedisBroker without a reachable Redis', () => {
  let client: Redis | null = null;
  afterEach(() => {
    client?.disconnect();
    client = null;
  });

  // ioredis' default (maxRetriesPerRequest: 20) would make each command wait about 10 s before
  // it rejects; the README tells users to pass a client with a small maxRetriesPerRequest.
  it('rejects commands (it does not hang) and reports the failed liveness write', async () => {
    const connectionErrors: Error[] = [];
    client = new Redis({ host: '127.0.0.1', port: await freePort(), maxRetriesPerRequest: 1 });
    client.on('error', (error: Error) => connectionErrors.push(error)); // the client is the test's: its errors too
    const reported: Error[] = [];
    const broker = new RedisBroker({ redis: client, keyPrefix: 'switchboard-test:unreachable:', onError: (e) => reported.push(e) });
    const started = Date.now();
    await expect(broker.ready()).rejects.toThrow(maxRetries);
    await expect(broker.position('r')).rejects.toThrow(maxRetries);
    await expect(broker.acquireConnection('u', 1)).rejects.toThrow(maxRetries);
    await expect(broker.register({ nodeId: 'n', deliver: () => undefined })).rejects.toThrow(maxRetries);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(reported.map((e) => e.message)).toContain(maxRetries); // the constructor's liveness write: no caller to reject
    expect(connectionErrors.map((e) => (e as NodeJS.ErrnoException).code)).toContain('ECONNREFUSED');
    // Never live: close() has no liveness key to delete, and stops everything at once.
    await broker.close();
    await expect(broker.position('r')).rejects.toThrow('the broker is closed');
  });
});
