/**
 * The hold on a room during a resume (server/held-room.ts): where a sequenced frame's epoch and
 * seq are read from, and which live broadcasts are kept, dropped as already replayed, or sent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryBroker } from '../src/broker/memory.js';
import type { Broadcast, BrokerNode } from '../src/broker/types.js';
import { HeldRoom, positionOfFrame } from '../src/server/held-room.js';

const SEQUENCED = new Set(['chat.message']);

function frame(epoch: string, seq: number, extra = ''): string {
  return `{"type":"chat.message","data":{"content":"${extra}","epoch":"${epoch}","seq":${seq}}}`;
}

function broadcast(frameText: string, type = 'chat.message'): Broadcast {
  return { targets: [{ kind: 'room', room: 'r' }], except: [], type, id: 'i', frame: frameText, volatile: false };
}

describe('positionOfFrame', () => {
  it('reads back the epoch and seq the broker put into any data, whatever its strings hold', async () => {
    const broker = new MemoryBroker();
    const received: Broadcast[] = [];
    const node: BrokerNode = { nodeId: 'n', deliver: (b) => received.push(b) };
    await broker.register(node);
    const data = fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 5 });
    await fc.assert(
      fc.asyncProperty(data, async (value) => {
        const { epoch: _epoch, seq: _seq, ...rest } = value;
        const encoded = JSON.stringify({ type: 'chat.message', data: rest });
        const head = Object.keys(rest).length === 0 ? encoded.slice(0, -2) : `${encoded.slice(0, -2)},`;
        const position = await broker.publishSequenced({ room: 'r', except: [], type: 'chat.message', id: 'i', head, tail: '}}', volatile: false }, 10);
        const sent = received[received.length - 1]?.frame ?? '';
        expect(positionOfFrame(sent)).toEqual(position);
        // Compared as JSON carries it: -0 is written as 0.
        const want: unknown = JSON.parse(JSON.stringify({ ...rest, epoch: position.epoch, seq: position.seq }));
        expect((JSON.parse(sent) as { data: unknown }).data).toEqual(want);
      }),
    );
    await broker.close();
  });

  it('is null for a frame without a position', () => {
    expect(positionOfFrame('{"type":"user.typing","data":{"room_id":"r"}}')).toBeNull();
    expect(positionOfFrame('{"data":{"seq":3}}')).toBeNull();
  });
});

describe('HeldRoom', () => {
  it('keeps everything while held; released, sends what the replay did not, in order', () => {
    const held = new HeldRoom(SEQUENCED);
    const kept = [frame('e', 4), frame('e', 5), frame('e', 6), frame('e', 7)].map((f) => broadcast(f));
    const typing = broadcast('{"type":"user.typing","data":{}}', 'user.typing');
    for (const b of [...kept.slice(0, 2), typing, ...kept.slice(2)]) expect(held.take(b)).toBe('taken');
    expect(held.release('e', 5).map((b) => b.frame)).toEqual([typing.frame, frame('e', 6), frame('e', 7)]);
    expect(held.through).toBe(7);
  });

  it('after the release, drops replayed messages that arrive late, until a later one or a new epoch', () => {
    const held = new HeldRoom(SEQUENCED);
    expect(held.release('e', 9)).toEqual([]);
    expect(held.take(broadcast(frame('e', 8)))).toBe('taken');
    expect(held.take(broadcast(frame('e', 9)))).toBe('taken');
    expect(held.take(broadcast('{"type":"user.typing","data":{}}', 'user.typing'))).toBe('send');
    expect(held.take(broadcast(frame('e', 10)))).toBe('caught-up');
    const reset = new HeldRoom(SEQUENCED);
    reset.release('e', 9);
    expect(reset.take(broadcast(frame('f', 1)))).toBe('caught-up');
  });
});
