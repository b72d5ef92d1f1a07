/**
 * Delivery: per-user sends, the offline queue (bounded, kept until acknowledged), resume with
 * replay of what was missed (asyncapi.yaml "Delivery").
 */
import { describe, expect, it } from 'vitest';
import { quiet, useFixture, type Fixture } from './harness.js';

const fx = useFixture();
const start = (options: Parameters<Fixture['start']>[0] = {}) => fx.start(options);
const connect = (sub: string) => fx.connect(sub);

const notice = (message: string) => ({ message, level: 'info' as const });

describe('to a user', () => {
  it('upload.cancel is answered on every connection of that user, and nobody else', async () => {
    const server = await start();
    await server.uploads.noted('ann', 'upload.progress', { upload_id: 'up_9' });
    const tab1 = await connect('ann');
    const tab2 = await connect('ann');
    const bob = await connect('bob');
    tab1.send('upload.cancel', { upload_id: 'up_9' });
    for (const tab of [tab1, tab2]) expect((await tab.next('upload.cancelled')).data).toEqual({ upload_id: 'up_9', cancelled_by: 'ann' });
    await quiet();
    expect(bob.received).toEqual([]);
  });
});

describe('offline queue', () => {
  it('queues for a user with no connection and delivers after connection.established, until acknowledged', async () => {
    const server = await start();
    const sent = await server.server.toUser('ann').emit('system.notification', notice('while you were away'));
    const ann = await connect('ann');
    const queued = await ann.next('system.notification');
    expect(queued.id).toBe(sent.id);
    expect(queued.data.message).toBe('while you were away');
    await ann.close();
    // Not acknowledged: delivered again (at-least-once; the client deduplicates by id).
    const again = await connect('ann');
    expect((await again.next('system.notification')).id).toBe(sent.id);
    const metrics = async () => (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    expect(await metrics()).toMatch(/^switchboard_offline_queue_messages 1$/m);
    again.send('ack', { ids: [sent.id] });
    await quiet(50);
    expect(await metrics()).toMatch(/^switchboard_offline_queue_messages 0$/m);
    await again.close();
    const third = await connect('ann');
    await quiet();
    expect(third.received).toEqual([]);
  });

  it('keeps N messages and drops the oldest at N+1', async () => {
    const server = await start({ offlineQueueSize: 3 });
    for (let i = 1; i <= 4; i++) await server.server.toUser('ann').emit('system.notification', notice(`n${i}`));
    const ann = await connect('ann');
    const got: string[] = [];
    for (let i = 0; i < 3; i++) got.push((await ann.next('system.notification')).data.message);
    expect(got).toEqual(['n2', 'n3', 'n4']);
    const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    expect(text).toMatch(/switchboard_dropped_total\{reason="offline_queue_overflow"\} 1/);
  });

  it('does not queue volatile messages', async () => {
    const server = await start();
    await server.server.toUser('ann').emit('upload.progress', { upload_id: 'u1', progress: 50, bytes_uploaded: 5, total_bytes: 10 });
    const ann = await connect('ann');
    await quiet();
    expect(ann.received).toEqual([]);
  });

  it('resume.last_notification_id acknowledges everything up to it', async () => {
    const server = await start();
    const first = await server.server.toUser('ann').emit('system.notification', notice('one'));
    await server.server.toUser('ann').emit('system.notification', notice('two'));
    const ann = await connect('ann');
    await ann.next('system.notification');
    await ann.next('system.notification');
    await ann.request('resume', { last_seq: [], last_notification_id: first.id });
    await ann.close();
    const back = await connect('ann');
    expect((await back.next('system.notification')).data.message).toBe('two');
  });
});

describe('resume', () => {
  it('re-joins the rooms, replays what was missed in order with the original ids, then resume.completed', async () => {
    await start();
    const ann = await connect('ann');
    const bob = await connect('bob');
    await ann.request('room.join', { room_id: 'r' }); // seq 1
    await bob.request('room.join', { room_id: 'r' }); // seq 2
    await bob.request('chat.send', { room_id: 'r', content: 'seen' }); // seq 3
    const seen = await ann.next('chat.message');
    await ann.close();
    await bob.next('room.update'); // ann left: seq 4
    await bob.request('chat.send', { room_id: 'r', content: 'missed 1' }); // seq 5
    await bob.request('chat.send', { room_id: 'r', content: 'missed 2' }); // seq 6
    const back = await connect('ann');
    const done = back.request('resume', { last_seq: [{ room_id: 'r', seq: seen.data.seq }] });
    // The rejoin is a room event (seq 7, to bob); from it on ann is live, so 4, 5, 6 are replayed.
    const replayed = [];
    for (let i = 0; i < 3; i++) replayed.push(await back.next(i === 0 ? 'room.update' : 'chat.message'));
    const completed = await done;
    expect(completed.type === 'resume.completed' && completed.data).toEqual({ replayed: 3, complete: true, rooms: [{ room_id: 'r', epoch: seen.data.epoch, seq: 7 }] });
    expect(replayed.map((m) => m.data.seq)).toEqual([4, 5, 6]);
    // Live again: new messages arrive without another join.
    await bob.request('chat.send', { room_id: 'r', content: 'live' });
    expect((await back.next('chat.message')).data.content).toBe('live');
  });

  it('says complete: false when the room no longer keeps everything that was missed', async () => {
    await start({ roomHistorySize: 3 });
    const bob = await connect('bob');
    await bob.request('room.join', { room_id: 'r' });
    for (let i = 0; i < 5; i++) await bob.request('chat.send', { room_id: 'r', content: `m${i}` });
    const ann = await connect('ann');
    // bob's join + 5 chat messages = seq 1..6, of which 4, 5 and 6 are kept: the history is read
    // before ann's rejoin (seq 7) takes a place in it.
    const completed = await ann.request('resume', { last_seq: [{ room_id: 'r', seq: 1 }] });
    expect(completed.type === 'resume.completed' && completed.data).toMatchObject({ replayed: 3, complete: false });
  });
});
