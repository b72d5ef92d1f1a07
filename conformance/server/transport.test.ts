/**
 * The transport is a seam: the same server runs over connections that are not TCP sockets. Here
 * an in-memory stream pair carries the upgrade and every frame, so no port is opened, and the
 * clients see exactly what they see over a socket (checked against the spec, as everywhere).
 */
import { describe, expect, it } from 'vitest';
import { createServer } from '@switchboard/protocol/server';
import { validateServerMessage } from '@switchboard/protocol/validators';
import type { ServerMessage } from '@switchboard/protocol';
import type { WebSocket } from 'ws';
import { memoryHost } from '../lib/memory-transport.js';
import { defaultHandlers, SECRET, token } from './harness.js';

/** Messages that failed the spec's validator, from every socket of the test: must stay empty. */
const invalid: string[] = [];

/** Every message a socket receives, validated; `next(type)` takes the first of that type. */
function inbox(socket: WebSocket): (type: ServerMessage['type']) => Promise<ServerMessage> {
  const received: ServerMessage[] = [];
  const waiting: { type: string; resolve: (m: ServerMessage) => void }[] = [];
  socket.on('message', (data) => {
    const result = validateServerMessage(JSON.parse(String(data)));
    if (!result.ok) return void invalid.push(`${result.error.pointer} ${result.error.message}`);
    const waiter = waiting.findIndex((w) => w.type === result.value.type);
    if (waiter >= 0) waiting.splice(waiter, 1)[0]?.resolve(result.value);
    else received.push(result.value);
  });
  return (type) => {
    const index = received.findIndex((m) => m.type === type);
    if (index >= 0) return Promise.resolve(received.splice(index, 1)[0] as ServerMessage);
    return new Promise((resolve) => waiting.push({ type, resolve }));
  };
}

describe('the server over an in-memory transport', () => {
  it('authenticates, joins and delivers room chat with no TCP socket at all', async () => {
    const server = createServer(defaultHandlers(), { auth: { secret: SECRET } });
    const host = memoryHost((request, response) => void (server.handleRequest(request, response) || response.writeHead(404).end()));
    server.attach(host.http);
    try {
      const ann = host.connect(`/ws?token=${await token('ann')}`);
      const bob = host.connect(`/ws?token=${await token('bob')}`);
      const annNext = inbox(ann);
      const bobNext = inbox(bob);
      await Promise.all([annNext('connection.established'), bobNext('connection.established')]);
      for (const socket of [ann, bob]) socket.send(JSON.stringify({ type: 'room.join', id: `j_${socket === ann ? 'a' : 'b'}`, data: { room_id: 'r_mem' } }));
      await Promise.all([annNext('room.joined'), bobNext('room.joined')]);
      ann.send(JSON.stringify({ type: 'chat.send', id: 'c_mem_1', data: { room_id: 'r_mem', content: 'over memory' } }));
      const [sent, heard] = await Promise.all([annNext('chat.sent'), bobNext('chat.message')]);
      expect(sent.type === 'chat.sent' && sent.data.seq).toBeGreaterThan(0);
      expect(heard.type === 'chat.message' && heard.data.content).toBe('over memory');
      expect(host.http.listening).toBe(false);
      expect(server.connectionCount).toBe(2);
      expect(invalid).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
