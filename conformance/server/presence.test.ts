/**
 * Presence is per user: a user's second connection joining a room they are already in announces
 * nothing, leaving (or closing) while another of their connections stays announces nothing, and
 * `member_count` counts distinct users. Driven as a model (fc.commands) over tabs of two users on
 * two instances, with the members in a MemoryBroker both share and in Redis.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryBroker, type Broker } from '@switchboard/runtime/server';
import type { ServerMessageMap } from '@switchboard/protocol';
import { useFixture, type Running, type TestClient } from './harness.js';
import { useRedisCluster } from './redis-cluster.js';

const fx = useFixture();
/** The observer sends a chat message per command: far more than the default rate limit allows. */
const options = { rateLimit: { limit: 100_000 } };
const redis = useRedisCluster(fx);

interface Tab {
  readonly user: string;
  readonly on: Running;
  client: TestClient;
}

/** The system: an observer in the room (its own user), and the tabs. */
interface World {
  readonly observer: TestClient;
  readonly tabs: readonly Tab[];
  readonly room: string;
  readonly broker: Broker;
  barriers: number;
}

/** The model: which tabs are in the room. */
class Model {
  readonly inRoom = new Set<number>();

  users(tabs: readonly Tab[]): Set<string> {
    return new Set([...this.inRoom].map((i) => tabs[i]?.user ?? '?'));
  }
}

interface Update {
  readonly event: string;
  readonly user_id: string;
  readonly member_count: number | undefined;
}

/**
 * The room.update messages the observer got since the last call: a chat message the observer
 * sends after the command takes a later seq than anything the command announced, so once it is
 * back every announcement of the command has arrived.
 */
async function announced(world: World): Promise<Update[]> {
  const content = `barrier ${(world.barriers += 1)}`;
  world.observer.send('chat.send', { room_id: world.room, content });
  await world.observer.next('chat.message', 3000, (m) => m.data.room_id === world.room && m.data.content === content);
  const updates = world.observer.received.filter((m): m is ServerMessageMap['room.update'] => m.type === 'room.update' && m.data.room_id === world.room);
  for (const update of updates) world.observer.received.splice(world.observer.received.indexOf(update), 1);
  return updates.map(({ data: { event, user_id, member_count } }) => ({ event, user_id, member_count }));
}

/** Distinct users in the room per the model, the observer included. */
const expectedCount = (model: Model, world: World): number => model.users(world.tabs).size + 1;

class Join implements fc.AsyncCommand<Model, World> {
  constructor(readonly tab: number) {}
  check = (model: Readonly<Model>): boolean => !model.inRoom.has(this.tab);
  async run(model: Model, world: World): Promise<void> {
    const tab = world.tabs[this.tab] as Tab;
    const userWasIn = model.users(world.tabs).has(tab.user);
    model.inRoom.add(this.tab);
    const reply = await tab.client.request('room.join', { room_id: world.room });
    expect(reply.type === 'room.joined' && reply.data.member_count).toBe(expectedCount(model, world));
    const updates = await announced(world);
    expect(updates).toEqual(userWasIn ? [] : [{ event: 'client_joined', user_id: tab.user, member_count: expectedCount(model, world) }]);
  }
  toString = (): string => `join(${this.tab})`;
}

class Leave implements fc.AsyncCommand<Model, World> {
  constructor(readonly tab: number) {}
  check = (model: Readonly<Model>): boolean => model.inRoom.has(this.tab);
  async run(model: Model, world: World): Promise<void> {
    const tab = world.tabs[this.tab] as Tab;
    model.inRoom.delete(this.tab);
    expect((await tab.client.request('room.leave', { room_id: world.room })).type).toBe('room.left');
    const userStays = model.users(world.tabs).has(tab.user);
    expect(await announced(world)).toEqual(userStays ? [] : [{ event: 'client_left', user_id: tab.user, member_count: expectedCount(model, world) }]);
  }
  toString = (): string => `leave(${this.tab})`;
}

/** The tab's connection closes (it leaves every room), and the tab connects again. */
class Reconnect implements fc.AsyncCommand<Model, World> {
  constructor(readonly tab: number) {}
  check = (): boolean => true;
  async run(model: Model, world: World): Promise<void> {
    const tab = world.tabs[this.tab] as Tab;
    const wasIn = model.inRoom.delete(this.tab);
    await tab.client.close();
    // The server cleans up after the socket closed: wait until the broker lists what the model says.
    const expected = [...model.inRoom].filter((i) => world.tabs[i]?.user === tab.user).length;
    const deadline = Date.now() + 3000;
    while ((await world.broker.members(world.room)).filter((m) => m.userId === tab.user).length !== expected) {
      if (Date.now() > deadline) throw new Error(`the closed connection of ${tab.user} stayed a member of ${world.room}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const userStays = model.users(world.tabs).has(tab.user);
    expect(await announced(world)).toEqual(!wasIn || userStays ? [] : [{ event: 'client_left', user_id: tab.user, member_count: expectedCount(model, world) }]);
    tab.client = await fx.connect(tab.user, { on: tab.on });
  }
  toString = (): string => `reconnect(${this.tab})`;
}

/** Two users with two tabs each, one tab on each instance; the observer on the first. */
async function world(servers: readonly [Running, Running], broker: Broker): Promise<Omit<World, 'room'>> {
  const [one, two] = servers;
  const observer = await fx.connect('observer', { on: one });
  const tabs: Tab[] = [];
  for (const [user, on] of [['u1', one], ['u1', two], ['u2', two], ['u2', one]] as const) tabs.push({ user, on, client: await fx.connect(user, { on }) });
  return { observer, tabs, broker, barriers: 0 };
}

const commands = fc.commands(
  [0, 1, 2, 3].flatMap((tab) => [fc.constant(new Join(tab)), fc.constant(new Leave(tab)), fc.constant(new Reconnect(tab))]),
  { maxCommands: 12 },
);

async function property(setup: Omit<World, 'room'>, numRuns: number): Promise<void> {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(commands, async (cmds) => {
      const room = `presence-${(run += 1)}`;
      const system: World = { ...setup, room };
      expect((await setup.observer.request('room.join', { room_id: room })).type).toBe('room.joined');
      await fc.asyncModelRun(() => ({ model: new Model(), real: system }), cmds);
      // What the tabs got is not checked (only that it is valid, by the harness): keep it from piling up.
      for (const tab of setup.tabs) tab.client.received.splice(0);
    }),
    { numRuns },
  );
}

describe('presence is per user', () => {
  it('a user\'s second tab joining or leaving announces nothing; member_count counts users (two instances, one MemoryBroker)', async () => {
    const broker = new MemoryBroker();
    const one = await fx.start({ ...options, broker, nodeId: 'one' });
    const two = await fx.start({ ...options, broker, nodeId: 'two' });
    await property(await world([one, two], broker), 25);
  });

  it('the same across two instances sharing Redis', async () => {
    const { servers, brokers } = await redis.start(2, options);
    const [one, two] = servers as [Running, Running];
    await property(await world([one, two], brokers[0] as Broker), 10);
  });

  it('a tab that comes back with resume while another tab of the user stayed announces nothing and gets what it missed once', async () => {
    const server = await fx.start();
    const stays = await fx.connect('ann', { on: server });
    const bob = await fx.connect('bob', { on: server });
    await stays.request('room.join', { room_id: 'r' }); // seq 1
    await bob.request('room.join', { room_id: 'r' }); // seq 2
    const leaving = await fx.connect('ann', { on: server });
    await leaving.request('room.join', { room_id: 'r' }); // the user is in already: no seq
    await leaving.close();
    for (const content of ['one', 'two']) await bob.request('chat.send', { room_id: 'r', content }); // seqs 3, 4
    const back = await fx.connect('ann', { on: server });
    const completed = await back.request('resume', { last_seq: [{ room_id: 'r', seq: 2 }] });
    expect(completed.type === 'resume.completed' && completed.data).toMatchObject({ replayed: 2, complete: true });
    expect(back.received.filter((m) => m.type === 'chat.message').map((m) => m.type === 'chat.message' && m.data.seq)).toEqual([3, 4]);
    await bob.request('chat.send', { room_id: 'r', content: 'three' });
    expect((await back.next('chat.message', 3000, (m) => m.data.content === 'three')).data.seq).toBe(5);
    expect(bob.received.filter((m) => m.type === 'room.update')).toEqual([]);
  });

  it('room.joined lists a user once, with the number of their connections in the room', async () => {
    const server = await fx.start();
    const tab1 = await fx.connect('ann', { on: server });
    const tab2 = await fx.connect('ann', { on: server });
    await tab1.request('room.join', { room_id: 'r' });
    const joined = await tab2.request('room.join', { room_id: 'r' });
    expect(joined.type === 'room.joined' && [joined.data.member_count, joined.data.members.map((m) => [m.user_id, m.connections])]).toEqual([1, [['ann', 2]]]);
  });
});
