import { brokerContract } from '../src/broker/contract.js';
import { MemoryBroker } from '../src/broker/memory.js';

// Two "instances" share one MemoryBroker, as two processes would share one Redis.
brokerContract('MemoryBroker', async () => {
  const shared = new MemoryBroker();
  return { brokers: [shared, shared], cleanup: () => shared.close() };
});
