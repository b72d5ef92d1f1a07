/**
 * The floor: a minimal hand-written `ws` server doing Switchboard's job by hand, with the same
 * wire format (envelope `{type, id, timestamp, data}`, `?token=`, `connection.established`
 * first). The JWT is verified with jose at the upgrade; frames are JSON-parsed and answered;
 * rooms (and event subscriptions) are `Map<string, Set<WebSocket>>`; a broadcast is stringified
 * once. `POST /admin/emit` (Bearer ADMIN_TOKEN) sends `{type, data}` to `to.subscribers`, as
 * Switchboard's admin endpoint does.
 *
 * RAW_BROADCAST=preframed frames a broadcast once (`Sender.frame`) and writes the same buffers to
 * every socket: the "pre-framed floor" of the broadcast target. It reaches into ws's
 * private `_socket`, which is acceptable for a floor and nothing else.
 *
 * With REDIS_URL (scenario 7), rooms reach other instances through redis-bus.mjs: the room's seq
 * is an `INCR` shared by the instances and each chat message one `PUBLISH`.
 *
 * Environment: JWT_SECRET (required), ADMIN_TOKEN, CHAT_ECHO_TO_SENDER (default false), RAW_BROADCAST
 * (loop | preframed, default loop), REDIS_URL, REDIS_KEY_PREFIX, BENCH_CONTROL=1.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { jwtVerify } from 'jose';
// @ts-expect-error: ws's ESM entry exports Sender (wrapper.mjs); @types/ws does not declare it there
import { Sender, WebSocket, WebSocketServer } from 'ws';
import { adminEmitHandler, serveControl } from './control.mjs';
import { startBus } from './redis-bus.mjs';

const secret = process.env['JWT_SECRET'];
if (!secret) throw new Error('JWT_SECRET is required');
const key = new TextEncoder().encode(secret);
const echo = process.env['CHAT_ECHO_TO_SENDER'] === 'true';
const preframed = process.env['RAW_BROADCAST'] === 'preframed';

const adminToken = process.env['ADMIN_TOKEN'] ?? '';

/** @typedef {{ id: string, name: string, rooms: Set<string>, events: Set<string> }} Peer */
/** @type {Map<string, Set<WebSocket>>} */
const rooms = new Map();
/** @type {Map<string, Set<WebSocket>>} */
const subscribers = new Map();
/** @type {Map<string, number>} */
const seqs = new Map();
/** @type {WeakMap<WebSocket, Peer>} */
const peers = new WeakMap();

const bus = process.env['REDIS_URL']
  ? await startBus(process.env['REDIS_URL'], process.env['REDIS_KEY_PREFIX'] ?? 'bench:', (room, frame) => {
      const members = rooms.get(room);
      if (members) broadcast(members, null, frame);
    })
  : null;

const wss = new WebSocketServer({ noServer: true, clientTracking: true, perMessageDeflate: false, maxPayload: 256 * 1024 });
const server = http.createServer(
  adminEmitHandler(adminToken, (message) => {
    const id = randomUUID();
    const frame = JSON.stringify({ type: String(message.type), id, timestamp: new Date().toISOString(), data: message.data });
    const targets = subscribers.get(String(message.to?.subscribers));
    if (targets) broadcast(targets, null, frame);
    return id;
  }),
);

server.on('upgrade', (request, socket, head) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== '/ws') return reject(socket, 404, 'Not Found');
  const token = url.searchParams.get('token') ?? '';
  jwtVerify(token, key, { algorithms: ['HS256'] }).then(
    ({ payload }) => {
      if (typeof payload.sub !== 'string' || payload.sub === '') return reject(socket, 401, 'Unauthorized');
      const name = typeof payload['name'] === 'string' ? payload['name'] : payload.sub;
      wss.handleUpgrade(request, socket, head, (ws) => accept(ws, { id: payload.sub ?? '', name, rooms: new Set(), events: new Set() }));
    },
    () => reject(socket, 401, 'Unauthorized'),
  );
});

/**
 * @param {import('node:stream').Duplex} socket
 * @param {number} status
 * @param {string} text
 */
function reject(socket, status, text) {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * @param {string} type
 * @param {object} data
 * @param {string} [correlationId]
 */
function envelope(type, data, correlationId) {
  return JSON.stringify(
    correlationId === undefined
      ? { type, id: randomUUID(), timestamp: new Date().toISOString(), data }
      : { type, id: randomUUID(), timestamp: new Date().toISOString(), correlation_id: correlationId, data },
  );
}

/**
 * @param {WebSocket} ws
 * @param {Peer} peer
 */
function accept(ws, peer) {
  peers.set(ws, peer);
  ws.send(envelope('connection.established', { connection_id: `c_${randomUUID()}`, user_id: peer.id, username: peer.name, server_time: new Date().toISOString() }));
  ws.on('message', (raw, isBinary) => onMessage(ws, peer, raw, isBinary));
  ws.on('error', () => undefined);
  ws.on('close', () => {
    for (const room of peer.rooms) {
      const members = rooms.get(room);
      members?.delete(ws);
      if (members?.size === 0) rooms.delete(room);
    }
    for (const event of peer.events) subscribers.get(event)?.delete(ws);
  });
}

/**
 * @param {WebSocket} ws
 * @param {Peer} peer
 * @param {import('ws').RawData} raw
 * @param {boolean} isBinary
 */
function onMessage(ws, peer, raw, isBinary) {
  /** @type {any} */
  let message;
  try {
    if (isBinary) throw new SyntaxError('binary');
    message = JSON.parse(raw.toString());
  } catch {
    ws.send(envelope('error', { code: 'INVALID_MESSAGE', message: 'not valid JSON' }));
    return;
  }
  const id = typeof message?.id === 'string' ? message.id : undefined;
  const data = message?.data ?? {};
  switch (message?.type) {
    case 'ping': {
      const pong = data.pingId === undefined ? { timestamp: new Date().toISOString() } : { pingId: data.pingId, timestamp: new Date().toISOString() };
      ws.send(envelope('pong', pong, id));
      return;
    }
    case 'room.join': {
      const room = String(data.room_id);
      let members = rooms.get(room);
      if (!members) rooms.set(room, (members = new Set()));
      members.add(ws);
      peer.rooms.add(room);
      ws.send(envelope('room.joined', { room_id: room, member_count: members.size, last_seq: seqs.get(room) ?? 0 }, id));
      return;
    }
    case 'subscribe': {
      const events = Array.isArray(data.events) ? data.events.map(String) : [];
      for (const event of events) {
        let set = subscribers.get(event);
        if (!set) subscribers.set(event, (set = new Set()));
        set.add(ws);
        peer.events.add(event);
      }
      ws.send(envelope('subscription.confirmed', { events, subscriptions: [...peer.events] }, id));
      return;
    }
    case 'chat.send': {
      const room = String(data.room_id);
      const members = rooms.get(room);
      if (!members?.has(ws)) {
        ws.send(envelope('error', { code: 'NOT_IN_ROOM', message: `not in room "${room}"`, correlation_id: id }, id));
        return;
      }
      const post = (/** @type {number} */ seq) => {
        const timestamp = new Date().toISOString();
        const messageId = id ?? randomUUID();
        const frame = envelope('chat.message', { id: messageId, room_id: room, user_id: peer.id, username: peer.name, content: data.content, timestamp, seq });
        broadcast(members, echo ? null : ws, frame);
        ws.send(envelope('chat.sent', { message_id: messageId, room_id: room, seq, timestamp }, id));
        return frame;
      };
      if (!bus) {
        const seq = (seqs.get(room) ?? 0) + 1;
        seqs.set(room, seq);
        post(seq);
        return;
      }
      bus.nextSeq(room).then(
        (seq) => bus.publish(room, post(seq)),
        (error) => ws.send(envelope('error', { code: 'INTERNAL_ERROR', message: String(error), correlation_id: id }, id)),
      );
      return;
    }
    default:
      ws.send(envelope('error', { code: 'INVALID_MESSAGE_TYPE', message: `unknown type "${String(message?.type)}"`, correlation_id: id }, id));
  }
}

/**
 * @param {Set<WebSocket>} members
 * @param {WebSocket | null} except
 * @param {string} frame
 */
function broadcast(members, except, frame) {
  if (!preframed) {
    for (const member of members) if (member !== except && member.readyState === WebSocket.OPEN) member.send(frame);
    return;
  }
  // Frame once (unmasked server frame), write the same buffers to every socket.
  const parts = Sender.frame(Buffer.from(frame), { fin: true, rsv1: false, opcode: 1, mask: false, readOnly: true });
  for (const member of members) {
    if (member === except || member.readyState !== WebSocket.OPEN) continue;
    /** @type {import('node:net').Socket} */
    const socket = /** @type {any} */ (member)._socket;
    socket.cork();
    for (const part of parts) socket.write(part);
    socket.uncork();
  }
}

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  serveControl(address.port, async () => {
    for (const ws of wss.clients) ws.terminate();
    await new Promise((resolve) => server.close(() => resolve(undefined)));
    await bus?.close();
  });
});
