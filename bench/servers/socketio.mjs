/**
 * Socket.IO 4.8 under test, doing Switchboard's job the Socket.IO way: websocket transport only,
 * the JWT (HS256, jose) checked in a middleware from `handshake.auth.token`, requests as events
 * with an acknowledgement (`ping` -> pong data, `room.join` -> joined data, `chat.send` ->
 * chat.sent data), rooms as Socket.IO rooms, a chat message broadcast with
 * `socket.to(room).emit('chat.message', data)` (or `io.to(room)` with CHAT_ECHO_TO_SENDER=true).
 * `subscribe` joins a room per event, and `POST /admin/emit` (Bearer ADMIN_TOKEN) emits
 * `{type, data}` to `to.subscribers`, as Switchboard's admin endpoint does. The data objects
 * carry the same fields as Switchboard's, so every server does comparable work.
 *
 * With REDIS_URL (scenario 7), the instances share rooms through Socket.IO's own Redis adapter
 * (@socket.io/redis-adapter on ioredis), the way its documentation sets it up. Its `seq` stays
 * per instance: the adapter has nothing shared to count with, and adding an `INCR` would be doing
 * Socket.IO's job for it.
 *
 * Environment: JWT_SECRET (required), ADMIN_TOKEN, CHAT_ECHO_TO_SENDER (default false), REDIS_URL,
 * REDIS_KEY_PREFIX, BENCH_CONTROL=1.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { jwtVerify } from 'jose';
import { Server } from 'socket.io';
import { adminEmitHandler, serveControl } from './control.mjs';

const secret = process.env['JWT_SECRET'];
if (!secret) throw new Error('JWT_SECRET is required');
const key = new TextEncoder().encode(secret);
const echo = process.env['CHAT_ECHO_TO_SENDER'] === 'true';
const adminToken = process.env['ADMIN_TOKEN'] ?? '';

// Engine.IO answers its own path (/socket.io/) before this handler sees a request.
const httpServer = http.createServer(
  adminEmitHandler(adminToken, (message) => {
    io.to(`event:${String(message.to?.subscribers)}`).emit(String(message.type), message.data);
    return randomUUID();
  }),
);
const io = new Server(httpServer, {
  transports: ['websocket'],
  serveClient: false,
  perMessageDeflate: false,
  maxHttpBufferSize: 256 * 1024,
});
/** @type {Map<string, number>} */
const seqs = new Map();
/** @type {Redis[]} */
const redis = [];
if (process.env['REDIS_URL']) {
  const pub = new Redis(process.env['REDIS_URL']);
  redis.push(pub, pub.duplicate());
  io.adapter(createAdapter(redis[0], redis[1], { key: `${process.env['REDIS_KEY_PREFIX'] ?? 'bench:'}socket.io` }));
}

io.use((socket, next) => {
  const token = socket.handshake.auth['token'];
  jwtVerify(typeof token === 'string' ? token : '', key, { algorithms: ['HS256'] }).then(
    ({ payload }) => {
      if (typeof payload.sub !== 'string' || payload.sub === '') return next(new Error('unauthorized'));
      socket.data.user = { id: payload.sub, name: typeof payload['name'] === 'string' ? payload['name'] : payload.sub };
      next();
    },
    () => next(new Error('unauthorized')),
  );
});

io.on('connection', (socket) => {
  /** @type {{ id: string, name: string }} */
  const user = socket.data.user;
  socket.on('ping', (data, ack) => {
    if (typeof ack !== 'function') return;
    const pingId = data?.pingId;
    ack(pingId === undefined ? { timestamp: new Date().toISOString() } : { pingId, timestamp: new Date().toISOString() });
  });
  socket.on('room.join', (data, ack) => {
    const room = String(data?.room_id);
    socket.join(room);
    if (typeof ack === 'function') ack({ room_id: room, member_count: io.sockets.adapter.rooms.get(room)?.size ?? 1, last_seq: seqs.get(room) ?? 0 });
  });
  socket.on('subscribe', (data, ack) => {
    const events = Array.isArray(data?.events) ? data.events.map(String) : [];
    for (const event of events) socket.join(`event:${event}`);
    if (typeof ack === 'function') ack({ events, subscriptions: [...socket.rooms].filter((r) => r.startsWith('event:')).map((r) => r.slice(6)) });
  });
  socket.on('chat.send', (data, ack) => {
    const room = String(data?.room_id);
    if (!socket.rooms.has(room)) {
      if (typeof ack === 'function') ack({ error: { code: 'NOT_IN_ROOM', message: `not in room "${room}"` } });
      return;
    }
    const seq = (seqs.get(room) ?? 0) + 1;
    seqs.set(room, seq);
    const timestamp = new Date().toISOString();
    const id = randomUUID();
    const message = { id, room_id: room, user_id: user.id, username: user.name, content: data.content, timestamp, seq };
    (echo ? io.to(room) : socket.to(room)).emit('chat.message', message);
    if (typeof ack === 'function') ack({ message_id: id, room_id: room, seq, timestamp });
  });
});

httpServer.listen(0, '127.0.0.1', () => {
  const address = httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  serveControl(address.port, async () => {
    io.disconnectSockets(true);
    await new Promise((resolve) => io.close(() => resolve(undefined)));
    await Promise.all(redis.map((client) => client.quit()));
  });
});
