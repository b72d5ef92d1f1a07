/**
 * A service-owned request resent with the same envelope `id` by the same user within the
 * idempotency window gets the same reply and has no second effect: `chat.send` twice is one
 * `chat.sent` (same `message_id` and `seq`) and one delivery, also when the resend comes from
 * another connection on another instance after a reconnect, and while the first is still running.
 * And `chat.message.data.id` is the server's: two senders' equal envelope ids are two messages.
 */
import { describe, expect, it } from 'vitest';
import type { Handlers } from '@switchboard/protocol/server';
import type { ServerMessageMap } from '@switchboard/protocol';
import { MemoryBroker } from '@switchboard/runtime/server';
import { defaultHandlers, quiet, useFixture, type Running, type TestClient } from './harness.js';
import { useRedisCluster } from './redis-cluster.js';

const fx = useFixture();
const redis = useRedisCluster(fx);
const connect = (on: Running, sub: string) => fx.connect(sub, { name: `${sub} name`, on });

/** Sends a chat.send with this envelope id; resolves its reply (chat.sent or error). */
async function chatSend(client: TestClient, id: string, content: string, room = 'r'): Promise<ServerMessageMap['chat.sent' | 'error']> {
  client.socket.send(JSON.stringify({ type: 'chat.send', id, data: { room_id: room, content } }));
  const deadline = Date.now() + 3000;
  for (;;) {
    const reply = client.received.find((m) => m.correlation_id === id);
    if (reply) {
      client.received.splice(client.received.indexOf(reply), 1);
      if (reply.type !== 'chat.sent' && reply.type !== 'error') throw new Error(`unexpected reply ${reply.type}`);
      return reply;
    }
    if (Date.now() > deadline) throw new Error(`no reply to ${id} within 3000 ms`);
    await quiet(5);
  }
}

const sentData = (reply: ServerMessageMap['chat.sent' | 'error']) => {
  if (reply.type !== 'chat.sent') throw new Error(`expected chat.sent, got ${JSON.stringify(reply.data)}`);
  return reply.data;
};

async function inRoom(clients: readonly TestClient[]): Promise<void> {
  for (const client of clients) expect((await client.request('room.join', { room_id: 'r' })).type).toBe('room.joined');
}

const chatsOf = (client: TestClient) => client.received.filter((m) => m.type === 'chat.message');

/** The reference handlers, with chat.send counted and held for `delayMs` before it runs. */
function counted(delayMs = 0): { handlers: Handlers; runs: () => number } {
  const base = defaultHandlers();
  let runs = 0;
  const handlers: Handlers = {
    ...base,
    async chatSend(message, context) {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return base.chatSend(message, context);
    },
  };
  return { handlers, runs: () => runs };
}

describe('chat.send is idempotent', () => {
  it('a resend with the same id gets the same chat.sent and is delivered once', async () => {
    const { handlers, runs } = counted();
    const server = await fx.start({}, handlers);
    const ann = await connect(server, 'ann');
    const bob = await connect(server, 'bob');
    await inRoom([ann, bob]);
    const first = sentData(await chatSend(ann, 'msg-1', 'hello'));
    const again = sentData(await chatSend(ann, 'msg-1', 'hello'));
    expect(again).toEqual(first);
    const delivered = await bob.next('chat.message');
    expect([delivered.data.id, delivered.data.seq]).toEqual([first.message_id, first.seq]);
    await quiet();
    expect(chatsOf(bob)).toEqual([]);
    expect(runs()).toBe(1);
  });

  it('a resend while the first is still running waits for it and gets its reply (two tabs, two instances)', async () => {
    const { handlers, runs } = counted(300);
    const broker = new MemoryBroker();
    const one = await fx.start({ broker, nodeId: 'one' }, handlers);
    const two = await fx.start({ broker, nodeId: 'two' }, handlers);
    const tab1 = await connect(one, 'ann');
    const tab2 = await connect(two, 'ann');
    const bob = await connect(two, 'bob');
    await inRoom([tab1, tab2, bob]);
    const [a, b] = await Promise.all([chatSend(tab1, 'msg-1', 'hello'), chatSend(tab2, 'msg-1', 'hello')]);
    expect(sentData(b)).toEqual(sentData(a));
    await bob.next('chat.message');
    await quiet();
    expect(chatsOf(bob)).toEqual([]);
    expect(runs()).toBe(1);
  });

  it('on another instance after a reconnect (Redis): the same chat.sent, one delivery', async () => {
    const { servers } = await redis.start(2);
    const [one, two] = servers as [Running, Running];
    const ann = await connect(one, 'ann');
    const bob = await connect(two, 'bob');
    await inRoom([ann, bob]);
    const first = sentData(await chatSend(ann, 'msg-1', 'hello'));
    await ann.close();
    const back = await connect(two, 'ann');
    await inRoom([back]);
    expect(sentData(await chatSend(back, 'msg-1', 'hello'))).toEqual(first);
    expect((await bob.next('chat.message')).data.id).toBe(first.message_id);
    await quiet();
    expect(chatsOf(bob)).toEqual([]);
  });

  it('a copy that runs past the lease is taken for lost: a resend then runs the request again', async () => {
    const { handlers, runs } = counted(400);
    const server = await fx.start({ idempotencyLeaseMs: 100 }, handlers);
    const tab1 = await connect(server, 'ann');
    const tab2 = await connect(server, 'ann');
    await inRoom([tab1, tab2]);
    const first = chatSend(tab1, 'msg-1', 'hello');
    await quiet(200);
    const second = sentData(await chatSend(tab2, 'msg-1', 'hello'));
    expect(second.seq).not.toBe(sentData(await first).seq);
    expect(runs()).toBe(2);
  });

  it('the same id from another user is another request', async () => {
    const server = await fx.start();
    const ann = await connect(server, 'ann');
    const bob = await connect(server, 'bob');
    await inRoom([ann, bob]);
    const fromAnn = sentData(await chatSend(ann, 'msg-1', 'from ann'));
    const fromBob = sentData(await chatSend(bob, 'msg-1', 'from bob'));
    expect(fromBob.seq).toBe(fromAnn.seq + 1);
    expect(fromBob.message_id).not.toBe(fromAnn.message_id);
  });

  it('a request that failed is not remembered: after joining, the same id is sent', async () => {
    const server = await fx.start();
    const ann = await connect(server, 'ann');
    const refused = await chatSend(ann, 'msg-1', 'too early');
    expect(refused.type === 'error' && refused.data.code).toBe('NOT_IN_ROOM');
    await inRoom([ann]);
    expect((await chatSend(ann, 'msg-1', 'now')).type).toBe('chat.sent');
  });

  it('holds within the window and not after it', async () => {
    const server = await fx.start({ idempotencyWindowMs: 300 });
    const ann = await connect(server, 'ann');
    await inRoom([ann]);
    const first = sentData(await chatSend(ann, 'msg-1', 'hello'));
    await quiet(100);
    expect(sentData(await chatSend(ann, 'msg-1', 'hello'))).toEqual(first);
    await quiet(400);
    const later = sentData(await chatSend(ann, 'msg-1', 'hello'));
    expect(later.seq).toBe(first.seq + 1);
    expect(later.message_id).not.toBe(first.message_id);
  });
});

describe('chat message ids are the server\'s', () => {
  it('two senders\' equal envelope ids become two messages with distinct ids, and receivers get both', async () => {
    const server = await fx.start();
    const ann = await connect(server, 'ann');
    const bob = await connect(server, 'bob');
    const carol = await connect(server, 'carol');
    await inRoom([ann, bob, carol]);
    const fromAnn = sentData(await chatSend(ann, 'msg-1', 'from ann'));
    const fromBob = sentData(await chatSend(bob, 'msg-1', 'from bob'));
    const received = [await carol.next('chat.message'), await carol.next('chat.message')];
    expect(received.map((m) => [m.data.id, m.data.content])).toEqual([
      [fromAnn.message_id, 'from ann'],
      [fromBob.message_id, 'from bob'],
    ]);
    expect(new Set([fromAnn.message_id, fromBob.message_id, 'msg-1']).size).toBe(3);
  });
});
