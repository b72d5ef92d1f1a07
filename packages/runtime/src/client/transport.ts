/**
 * The little of the WebSocket API the client uses, written structurally so both the browser's
 * `WebSocket` and the `ws` package's class fit without an adapter, and how a token rides along
 * (asyncapi.yaml, "Authentication").
 */

/** What the client needs of a socket: the browser API's common subset with `ws`. */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed (the standard values; statics are not relied on). */
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { readonly code: number; readonly reason: string }) => void): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
}

/** A `WebSocket` class: `globalThis.WebSocket` in browsers (and Node 22+), `ws`'s in older Node. */
export type WebSocketLikeConstructor = new (url: string, protocols: string[]) => WebSocketLike;

export const READY_STATE = Object.freeze({ CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 } as const);

/** The JSON subprotocol; the server must select it (an offered list answered with none fails the handshake). */
export const SUBPROTOCOL = 'switchboard.v1';

/** The prefix of the subprotocol entry that carries the token; the server never selects it. */
export const BEARER_PREFIX = 'bearer.';

/** Returns the token for the next connection attempt; called on every connect and reconnect. */
export type TokenProvider = () => string | Promise<string>;

/** The token for one attempt: the static one, or a fresh one from the provider. */
export async function resolveToken(token: string | TokenProvider | undefined): Promise<string | undefined> {
  if (typeof token !== 'function') return token;
  const value: unknown = await token();
  // The value itself stays out of the message: it may be a token in the wrong wrapper.
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`the token provider must return a non-empty string, got ${value === '' ? 'an empty string' : typeof value}`);
  }
  return value;
}

/**
 * How a token travels: in the upgrade (`'query'`, `'subprotocol'`), or in an `auth` message sent
 * as the first frame once the socket is open (`'message'`).
 */
export type TokenTransport = 'query' | 'subprotocol' | 'message';

/** The message that carries a token after the upgrade (asyncapi.yaml, operation `auth`). */
export const AUTH_TYPE = 'auth';

/** Where to dial and which subprotocols to offer for one attempt. */
export interface ConnectionTarget {
  readonly url: string;
  readonly protocols: string[];
}

/** @param token undefined for an upgrade without a token (none configured, or `'message'`). */
export function connectionTarget(url: string, token: string | undefined, transport: TokenTransport): ConnectionTarget {
  if (token === undefined || transport === 'message') return { url, protocols: [SUBPROTOCOL] };
  if (transport === 'subprotocol') return { url, protocols: [SUBPROTOCOL, `${BEARER_PREFIX}${token}`] };
  const target = new URL(url);
  target.searchParams.set('token', token);
  return { url: target.toString(), protocols: [SUBPROTOCOL] };
}
