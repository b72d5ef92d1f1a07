/**
 * `@switchboard/runtime/channels`: a server and a client for any WebSocket AsyncAPI document,
 * driven by the `WireProtocol` generated code describes it with.
 */
export { createChannelServer, DEFAULT_CHANNEL_SERVER_OPTIONS } from './server.js';
export { connectChannel, DEFAULT_CHANNEL_CLIENT_OPTIONS } from './client.js';
export { REJECT_CLOSE_CODES } from './reject.js';
export type { RejectReason, Rejection } from './reject.js';
export { JSON_CODEC } from './wire.js';
export type { ApiTypes, ChannelParams, FrameCodec, ParamsOf, Scalar, WireChannel, WireDirection, WireMessage, WireOperation, WireProtocol } from './wire.js';
export type { ChannelConnection, ChannelServer, ChannelServerOptions, ReceiveContext, ReceiveHandlers, ServerAnswer, ServerRequests } from './server-types.js';
export type { Answer, AnswersOn, ChannelClientOptions, ChannelSocket, OperationsOn, RequestsOn, ServerMessagesOf } from './client-types.js';
export type { AnswerProblem } from './client-answers.js';
export { payloadPath } from './pointer.js';
export { AnswerError } from './pending.js';
