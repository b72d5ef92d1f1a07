/** `@switchboard/runtime`: the types shared by the server and client cores. */
export type {
  BuiltinMismatches,
  CheckedServerProtocol,
  ClientProtocol,
  DataOf,
  Envelope,
  MessageMap,
  ProtocolTypes,
  ServerProtocol,
  Validation,
  ValidationIssue,
  Validator,
} from './protocol.js';
export { CloseCodes, ConnectionClosedError, ProtocolError, TimeoutError } from './errors.js';
export type { CloseCode, ProtocolErrorOptions, RuntimeErrorCode } from './errors.js';
export type { BuiltinMessages, BuiltinRequests, RuntimeFeature } from './builtin-messages.js';
