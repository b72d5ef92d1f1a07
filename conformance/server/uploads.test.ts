/**
 * `upload.cancel` of an upload that does not exist, is not the user's or has finished is answered
 * `FORBIDDEN` (`details.upload_id`) and broadcasts nothing. An upload is the user's once the
 * service has told that user about it (uploads.ts in the reference service); through the
 * reference service, that is an upload notification sent to the user by the admin endpoint, and
 * the record is shared by every instance.
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv, createService, type Service } from '@switchboard/server';
import { quiet, SECRET, TestClient, token, useFixture, type Running } from './harness.js';
import { deleteKeys, REDIS_URL } from './redis-cluster.js';

const fx = useFixture();
const connect = (on: Running, sub: string) => fx.connect(sub, { on });

const progress = (uploadId: string) => ({ upload_id: uploadId, progress: 10, bytes_uploaded: 10, total_bytes: 100 });

async function forbidden(client: TestClient, uploadId: string): Promise<void> {
  const reply = await client.request('upload.cancel', { upload_id: uploadId });
  expect(reply.type === 'error' && [reply.data.code, reply.data.details?.upload_id]).toEqual(['FORBIDDEN', uploadId]);
}

const cancelledOf = (client: TestClient) => client.received.filter((m) => m.type === 'upload.cancelled');

describe('upload.cancel', () => {
  it('cancels a running upload of the user\'s: the reply, and the user\'s other tab hears it', async () => {
    const server = await fx.start();
    await server.uploads.noted('ann', 'upload.progress', progress('up_1'));
    const tab1 = await connect(server, 'ann');
    const tab2 = await connect(server, 'ann');
    const reply = await tab1.request('upload.cancel', { upload_id: 'up_1', reason: 'changed my mind' });
    const expected = { upload_id: 'up_1', cancelled_by: 'ann', reason: 'changed my mind' };
    expect(reply.type === 'upload.cancelled' && reply.data).toEqual(expected);
    expect((await tab2.next('upload.cancelled')).data).toEqual(expected);
  });

  it('refuses an unknown upload, someone else\'s, a finished one and a second cancel with FORBIDDEN, broadcasting nothing', async () => {
    const server = await fx.start();
    await server.uploads.noted('ann', 'upload.progress', progress('up_ann'));
    await server.uploads.noted('ann', 'upload.completed', { upload_id: 'up_done' });
    // A later notification to someone else does not make it theirs.
    await server.uploads.noted('bob', 'upload.progress', progress('up_ann'));
    const ann = await connect(server, 'ann');
    const annTab = await connect(server, 'ann');
    const bob = await connect(server, 'bob');
    const bobTab = await connect(server, 'bob');
    await forbidden(bob, 'up_ann');
    await forbidden(ann, 'up_unknown');
    await forbidden(ann, 'up_done');
    expect((await ann.request('upload.cancel', { upload_id: 'up_ann' })).type).toBe('upload.cancelled');
    await annTab.next('upload.cancelled');
    await forbidden(ann, 'up_ann');
    // A progress after the cancel does not bring it back.
    await server.uploads.noted('ann', 'upload.progress', progress('up_ann'));
    await forbidden(annTab, 'up_ann');
    await quiet();
    for (const client of [ann, annTab, bob, bobTab]) expect(cancelledOf(client)).toEqual([]);
  });

  it('of two cancels at once, from two tabs, one succeeds', async () => {
    const server = await fx.start();
    await server.uploads.noted('ann', 'upload.progress', progress('up_1'));
    const tab1 = await connect(server, 'ann');
    const tab2 = await connect(server, 'ann');
    const replies = await Promise.all([tab1.request('upload.cancel', { upload_id: 'up_1' }), tab2.request('upload.cancel', { upload_id: 'up_1' })]);
    expect(replies.map((r) => (r.type === 'error' ? r.data.code : r.type)).sort()).toEqual(['FORBIDDEN', 'upload.cancelled']);
  });
});

describe('upload.cancel through the reference service on two instances sharing Redis', () => {
  const services: Service[] = [];
  const prefixes: string[] = [];
  afterEach(async () => {
    for (const service of services.splice(0)) await service.close();
    await deleteKeys(prefixes.splice(0));
  });

  async function instance(prefix: string): Promise<string> {
    const env = { PORT: '0', JWT_SECRET: SECRET, ADMIN_TOKEN: 'admin-token', REDIS_URL, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'silent' };
    const service = createService(configFromEnv(env), pino({ level: 'silent' }));
    services.push(service);
    const { port } = await service.listen();
    return `127.0.0.1:${port}`;
  }

  it('an upload.progress the admin endpoint sends to ann on one instance lets ann, and only ann, cancel it on the other', async () => {
    const prefix = `sbtest:${randomBytes(6).toString('hex')}:`;
    prefixes.push(prefix);
    const one = await instance(prefix);
    const two = await instance(prefix);
    const emitted = await fetch(`http://${one}/admin/emit`, {
      method: 'POST',
      headers: { authorization: 'Bearer admin-token', 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'upload.progress', data: progress('up_7'), to: { user: 'ann' } }),
    });
    expect(emitted.status).toBe(202);
    const bob = fx.track(await TestClient.connect(`ws://${two}/ws`, await token('bob')));
    const ann = fx.track(await TestClient.connect(`ws://${two}/ws`, await token('ann')));
    await forbidden(bob, 'up_7');
    const reply = await ann.request('upload.cancel', { upload_id: 'up_7' });
    expect(reply.type === 'upload.cancelled' && reply.data).toEqual({ upload_id: 'up_7', cancelled_by: 'ann' });
  });
});
