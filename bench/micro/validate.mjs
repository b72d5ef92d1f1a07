/**
 * Scenario 6a, micro: per client message type, the first example of asyncapi.yaml through
 *
 * - `validate`: the generated `validateClientMessage` on the parsed object;
 * - `validate+dispatch`: that, then the routing the runtime does (inbound.ts): a built-in is a
 *   table lookup and call (a no-op here), a service type goes through the generated `dispatch`
 *   to stub handlers, awaited as the runtime awaits it (it is an async function);
 * - `parse+validate+dispatch`: the same from the frame's text, with `JSON.parse` first.
 *
 * One core, in this process (the harness starts it as a child). Prints one JSON line.
 * Argument: milliseconds per measurement (default 300); the best of its five slices counts.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { validateClientMessage } from '../../generated/dist/index.js';
import { dispatch, serverProtocol } from '../../generated/dist/server.js';

const budgetMs = Number(process.argv[2] ?? 300);
const root = new URL('../../', import.meta.url);
const spec = parse(readFileSync(new URL('asyncapi.yaml', root), 'utf8'));
const index = JSON.parse(readFileSync(new URL('generated/schemas/index.json', root), 'utf8'));

/** @type {{ type: string, key: string, direction: string }[]} */
const clientTypes = index.messages.filter((/** @type {any} */ m) => m.direction === 'client-to-server');

const builtins = new Map(serverProtocol.builtins.map((type) => [type, () => undefined]));
const context = /** @type {any} */ ({ connection: { id: 'c_bench' }, user: { id: 'u', name: 'u' } });
const handlers = /** @type {any} */ ({
  chatSend: (/** @type {any} */ m) => ({ message_id: m.id, room_id: m.data.room_id, seq: 1, timestamp: '2025-01-08T10:30:00Z' }),
  typing: () => undefined,
  uploadCancel: (/** @type {any} */ m) => ({ upload_id: m.data.upload_id, cancelled_by: 'u' }),
});

/** @param {any} message */
function route(message) {
  const builtin = builtins.get(message.type);
  if (builtin) return builtin();
  return dispatch(handlers, message, context);
}

/**
 * Runs `fn` in batches of 1000 for the budget, split into five slices, and returns the best
 * slice's operations per second: on a shared machine, interference only ever slows a slice down.
 * @param {() => unknown} fn
 */
async function measure(fn) {
  // Warm-up, so the JIT has seen the path.
  for (let i = 0; i < 2000; i += 1) await fn();
  let best = 0;
  for (let slice = 0; slice < 5; slice += 1) {
    let ops = 0;
    const start = performance.now();
    let now = start;
    while (now - start < budgetMs / 5) {
      for (let i = 0; i < 1000; i += 1) {
        const out = fn();
        if (out instanceof Promise) await out;
      }
      ops += 1000;
      now = performance.now();
    }
    best = Math.max(best, ops / ((now - start) / 1000));
  }
  return best;
}

const results = [];
for (const { type, key } of clientTypes) {
  const example = spec.components.messages[key]?.examples?.[0]?.payload;
  if (example === undefined) {
    results.push({ type, error: 'no example in the spec' });
    continue;
  }
  const frame = JSON.stringify(example);
  const check = validateClientMessage(example);
  if (!check.ok) {
    results.push({ type, error: `example is invalid: ${check.error.pointer} ${check.error.message}` });
    continue;
  }
  results.push({
    type,
    bytes: Buffer.byteLength(frame),
    validatePerSec: await measure(() => validateClientMessage(example).ok),
    validateDispatchPerSec: await measure(() => {
      const result = validateClientMessage(example);
      return result.ok ? route(result.value) : undefined;
    }),
    parseValidateDispatchPerSec: await measure(() => {
      const result = validateClientMessage(JSON.parse(frame));
      return result.ok ? route(result.value) : undefined;
    }),
  });
}
process.stdout.write(`${JSON.stringify({ budgetMs, results })}\n`);
