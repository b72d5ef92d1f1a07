/** `@switchboard/runtime/server`: the server core on `ws`, for generated servers to bind to. */
export { createServer, SUBPROTOCOL } from './server.js';
export type { SwitchboardServer } from './server.js';
export type { HealthReport } from './http.js';
export { DEFAULT_SERVER_OPTIONS, resolveServerOptions } from './options.js';
export type { Authorizer, ResolvedServerOptions, ServerOptions } from './options.js';
export type { AuthOptions, JwtAlgorithm, VerifiedToken } from './auth.js';
export type { RateLimitOptions } from './rate-limiter.js';
export { createServerMetrics } from './metrics.js';
export { isUserId } from './identity.js';
export { clientAddress, trustedProxyMatcher } from './client-address.js';
export type { AddressMatcher } from './client-address.js';
export { isoNow } from './outbound.js';
export type { ServerMetrics } from './metrics.js';
export type {
  BroadcastOperator,
  ConnectionInfo,
  Delivery,
  EmitData,
  HandlerContext,
  Reply,
  Senders,
  ServiceDispatch,
  User,
} from './types.js';
export { CloseCodes, ProtocolError } from '../errors.js';
export type { CloseCode, RuntimeErrorCode } from '../errors.js';
export { MemoryBroker } from '../broker/memory.js';
export type { Broker } from '../broker/types.js';
