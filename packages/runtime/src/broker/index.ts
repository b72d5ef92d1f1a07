/** `@switchboard/runtime/broker`: the broker contract and the in-memory default. */
export { MemoryBroker } from './memory.js';
export type {
  Broadcast,
  Broker,
  BrokerNode,
  HistoryEntry,
  LocalClaim,
  LocalRecords,
  MembershipChange,
  QueuedMessage,
  RoomHistory,
  RoomMemberRecord,
  RoomPosition,
  SequencedBroadcast,
  Target,
} from './types.js';
