/** `@switchboard/redis`: the Redis broker, the `Broker` contract across instances sharing one Redis. */
export { RedisBroker } from './redis-broker.js';
export { DEFAULT_REDIS_BROKER_OPTIONS } from './options.js';
export type { RedisBrokerOptions, ResolvedRedisBrokerOptions } from './options.js';
