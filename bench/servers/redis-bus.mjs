/**
 * The raw ws floor's cross-instance fan-out (scenario 7): the least a hand-written server must do
 * to carry a room across instances through Redis. The room's `seq` is one `INCR` shared by every
 * instance (as Switchboard's is; Socket.IO's adapter has no shared seq), and each chat message is
 * one `PUBLISH` of `<instance>\n<room>\n<frame>` on one channel. Every instance subscribes and
 * delivers what other instances published to its own members of the room. No history, no
 * presence, no liveness, and no order across instances (the INCR and the PUBLISH are two
 * commands, so two instances can publish seqs out of order): a floor, not a broker.
 *
 * Environment: REDIS_URL, REDIS_KEY_PREFIX (default `bench:`).
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * @param {string} url
 * @param {string} prefix
 * @param {(room: string, frame: string) => void} deliver called for messages of other instances
 */
export async function startBus(url, prefix, deliver) {
  const instance = randomUUID();
  const channel = `${prefix}raw-bus`;
  const pub = new Redis(url, { enableAutoPipelining: true, lazyConnect: true });
  const sub = new Redis(url, { lazyConnect: true });
  await Promise.all([pub.connect(), sub.connect()]);
  sub.on('message', (_channel, /** @type {string} */ message) => {
    const first = message.indexOf('\n');
    const second = message.indexOf('\n', first + 1);
    if (first < 0 || second < 0) throw new Error(`malformed bus message: ${message.slice(0, 80)}`);
    if (message.slice(0, first) === instance) return;
    deliver(message.slice(first + 1, second), message.slice(second + 1));
  });
  await sub.subscribe(channel);
  return {
    /** @param {string} room */
    nextSeq: (room) => pub.incr(`${prefix}seq:${room}`),
    /**
     * @param {string} room
     * @param {string} frame
     */
    publish: (room, frame) => pub.publish(channel, `${instance}\n${room}\n${frame}`),
    close: async () => {
      await Promise.all([pub.quit(), sub.quit()]);
    },
  };
}
