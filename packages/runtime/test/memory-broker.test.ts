import { describe, expect, it } from 'vitest';
import { brokerContract } from '../src/broker/contract.js';
import { MemoryBroker } from '../src/broker/memory.js';

// Two "instances" share one MemoryBroker, as two processes would share one Redis.
brokerContract('MemoryBroker', async () => {
  const shared = new MemoryBroker();
  return { brokers: [shared, shared], cleanup: () => shared.close() };
});

describe('MemoryBroker epochs', () => {
  it('a new broker (a restart) starts every room in a new epoch, from seq 1 again', async () => {
    const sequenced = { room: 'r', except: [], type: 'chat.message', id: 'm', head: '{', tail: '}', volatile: false };
    const before = new MemoryBroker();
    await before.publishSequenced(sequenced, 10);
    const old = await before.publishSequenced(sequenced, 10);
    await before.close();
    const after = new MemoryBroker();
    const fresh = await after.publishSequenced(sequenced, 10);
    expect(old.seq).toBe(2);
    expect(fresh.seq).toBe(1);
    expect(fresh.epoch).not.toBe(old.epoch);
    expect(await after.history('r', 2, old.epoch)).toEqual({
      epoch: fresh.epoch,
      seq: 1,
      entries: [{ seq: 1, frame: `{"epoch":"${fresh.epoch}","seq":1}` }],
      complete: false,
    });
    await after.close();
  });
});
