/**
 * Development helpers, never served in production: `GET /dev/token?user=alice&name=Alice` mints
 * an HS256 token with the service's secret, and `GET /` serves a page that connects with one and
 * shows the connection state and every incoming message.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { SignJWT } from 'jose';
import { isUserId } from '@switchboard/runtime/server';

const TOKEN_LIFETIME_SECONDS = 3600;
const PAGE = new URL('../public/index.html', import.meta.url);

export async function mintDevToken(secret: string, user: string, name: string | null): Promise<{ token: string; expires_at: string }> {
  const exp = Math.floor(Date.now() / 1000) + TOKEN_LIFETIME_SECONDS;
  const token = await new SignJWT(name ? { name } : {})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));
  return { token, expires_at: new Date(exp * 1000).toISOString() };
}

/** Handles `/` and `/dev/token`; returns false for other requests. */
export function handleDev(secret: string, request: IncomingMessage, response: ServerResponse, onError: (error: unknown) => void): boolean {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (request.method !== 'GET') return false;
  if (url.pathname === '/dev/token') {
    const user = url.searchParams.get('user') ?? '';
    if (!isUserId(user)) {
      response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'user must be 1-255 of A-Z a-z 0-9 _ . : @ | + -' }));
      return true;
    }
    mintDevToken(secret, user, url.searchParams.get('name')).then(
      (body) => response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body)),
      (error: unknown) => {
        response.writeHead(500).end();
        onError(error);
      },
    );
    return true;
  }
  if (url.pathname === '/' || url.pathname === '/index.html') {
    readFile(PAGE).then(
      (html) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
      (error: unknown) => {
        response.writeHead(500).end();
        onError(error);
      },
    );
    return true;
  }
  return false;
}
