/**
 * `POST /admin/emit`: emit any server message from outside, protected by its own bearer token
 * (`ADMIN_TOKEN`), never by a user JWT. The body is checked against the spec before anything is
 * sent: `{ "type": "system.notification", "data": {...}, "to": { "user": "u_42" } }` with `to`
 * one of `user`, `room`, `connection`, `subscribers` (an event name) or `all: true`. An upload
 * notification sent to a user makes the upload that user's (uploads.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { serverProtocol, type ServerTypes } from '@switchboard/protocol/server';
import { validateServerMessage } from '@switchboard/protocol/validators';
import type { EventName, ServerMessageMap } from '@switchboard/protocol';
import type { BroadcastOperator, SwitchboardServer } from '@switchboard/runtime/server';
import type { UploadLedger } from './uploads.js';

const MAX_BODY = 256 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function authorized(request: IncomingMessage, adminToken: string): boolean {
  const header = request.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(adminToken);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY) throw new HttpError(413, `body over ${MAX_BODY} bytes`);
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw new HttpError(400, `body is not JSON: ${error.message}`);
    throw error;
  }
}

function target(server: SwitchboardServer<ServerTypes>, to: unknown): BroadcastOperator<ServerTypes> {
  if (typeof to !== 'object' || to === null) throw new HttpError(400, '"to" must be an object: {user}, {room}, {connection}, {subscribers} or {all: true}');
  const entries = Object.entries(to);
  const [key, value] = entries[0] ?? [];
  if (entries.length !== 1 || (key !== 'all' && typeof value !== 'string') || (key === 'all' && value !== true)) {
    throw new HttpError(400, '"to" must have exactly one of user, room, connection, subscribers (strings) or all: true');
  }
  const name = value as string;
  switch (key) {
    case 'user': return server.toUser(name);
    case 'room': return server.toRoom(name);
    case 'connection': return server.toConnection(name);
    case 'subscribers': return server.toSubscribers(name as EventName);
    case 'all': return server.toAll();
    default: throw new HttpError(400, `unknown target "${String(key)}"`);
  }
}

/** Handles the admin endpoint; returns false for other requests. */
export function handleAdmin(
  server: SwitchboardServer<ServerTypes>,
  uploads: UploadLedger,
  adminToken: string | null,
  request: IncomingMessage,
  response: ServerResponse,
): boolean {
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (pathname !== '/admin/emit') return false;
  const reply = (status: number, body: object): void => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify(body));
  };
  void (async () => {
    if (adminToken === null) throw new HttpError(404, 'the admin endpoint is disabled (set ADMIN_TOKEN)');
    if (!authorized(request, adminToken)) throw new HttpError(401, 'admin token required');
    if (request.method !== 'POST') throw new HttpError(405, 'use POST');
    const body = await readJson(request);
    if (typeof body !== 'object' || body === null) throw new HttpError(400, 'body must be an object');
    const { type, data, to } = body as Record<string, unknown>;
    // Check the message exactly as a client would receive it (the runtime adds `seq` and `epoch` where due).
    const probe = { type, id: 'admin', timestamp: new Date().toISOString(), data: withSeq(type, data) };
    const result = validateServerMessage(probe);
    if (!result.ok) throw new HttpError(400, `${result.error.pointer || 'message'}: ${result.error.message}`);
    const operator = target(server, to);
    const message = result.value as ServerMessageMap[keyof ServerMessageMap];
    // Telling a user about an upload makes it theirs (uploads.ts), before they can hear of it.
    const user = (to as Record<string, unknown>)['user'];
    if (typeof user === 'string') await uploads.noted(user, message.type, data);
    const delivery = await operator.emit(message.type, data as never);
    reply(202, { id: delivery.id, seq: delivery.seq });
  })().catch((error: unknown) => {
    if (error instanceof HttpError) reply(error.status, { error: error.message });
    else {
      response.destroyed || reply(500, { error: 'internal error' });
      throw error;
    }
  }).catch((error: unknown) => server.options.logger.error({ err: error }, 'admin emit failed'));
  return true;
}

/** Sequenced types get their `seq` and `epoch` from the runtime; validate them with placeholders. */
function withSeq(type: unknown, data: unknown): unknown {
  const sequenced = (serverProtocol.sequenced as readonly unknown[]).includes(type);
  if (sequenced && typeof data === 'object' && data !== null && !Array.isArray(data)) return { epoch: 'e', seq: 1, ...data };
  return data;
}
