/**
 * The parts of a server that the inbound pipeline and the built-ins work with, made and wired
 * by server.ts. They read this interface, never the server itself, so every import runs one way:
 * server.ts -> inbound.ts -> builtins.ts -> the parts.
 */
import type { ProtocolTypes, ServerProtocol } from '../protocol.js';
import type { TokenVerifier } from './auth.js';
import type { Courier } from './courier.js';
import type { ResolvedServerOptions } from './options.js';
import type { SlidingWindowRateLimiter } from './rate-limiter.js';
import type { Registry } from './registry.js';
import type { Rooms } from './rooms.js';
import type { Sessions } from './sessions.js';
import type { Senders } from './types.js';
import type { Typing } from './typing.js';

export interface ServerParts<P extends ProtocolTypes> {
  readonly protocol: ServerProtocol<P>;
  readonly options: ResolvedServerOptions;
  /** Verifies a token and checks the identity it carries. */
  readonly verify: TokenVerifier;
  readonly limiter: SlidingWindowRateLimiter;
  /** This instance's connections, by user, room and event. */
  readonly registry: Registry;
  /** Every send: replies, errors and broadcasts. */
  readonly courier: Courier;
  readonly rooms: Rooms;
  readonly sessions: Sessions<P>;
  readonly typing: Typing;
  /** The typed senders handlers get. */
  readonly senders: Senders<P>;
}
