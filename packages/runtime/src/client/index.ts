/** `@switchboard/runtime/client`: the client core, for browsers and Node. */
export { ClientCore } from './core.js';
export type { RequestOptions } from './core.js';
export { backoffDelay, FINAL_CLOSE_CODES, isReconnectableClose } from './backoff.js';
export type { ClientDiagnostic } from './diagnostics.js';
export type { Unsubscribe } from './listeners.js';
export { DEFAULT_CLIENT_OPTIONS } from './options.js';
export type { ClientOptions, ReconnectOptions } from './options.js';
export { SendQueueFullError } from './send-queue.js';
export type { ClientState, StateChange } from './state.js';
export { BEARER_PREFIX, SUBPROTOCOL } from './transport.js';
export type { TokenProvider, TokenTransport, WebSocketLike, WebSocketLikeConstructor } from './transport.js';
