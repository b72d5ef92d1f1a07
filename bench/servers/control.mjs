/**
 * The side channel between the harness and a server under test, the same for all three servers
 * so that none of them is measured differently: one `ready` line on stdout with the real port,
 * then line commands on stdin (`mem`: garbage-collect when allowed, answer with
 * `process.memoryUsage()`; `stop`: close and exit). Enabled by BENCH_CONTROL=1 only, so a server
 * started by hand behaves like a plain service.
 */
import { createInterface } from 'node:readline';

/**
 * @param {number} port
 * @param {() => Promise<void>} close closes the server (connections first)
 */
export function serveControl(port, close) {
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    // A server that cannot close within 5 s is killed by the harness anyway; exit regardless.
    const hard = setTimeout(() => process.exit(0), 5000);
    hard.unref();
    close().then(
      () => process.exit(0),
      (error) => {
        process.stderr.write(`close failed: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  if (process.env['BENCH_CONTROL'] !== '1') return;
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const command = line.trim();
    if (command === 'mem') {
      if (typeof globalThis.gc === 'function') {
        // Twice: the first full GC can leave weakly held objects for the second one.
        globalThis.gc();
        globalThis.gc();
      }
      const usage = process.memoryUsage();
      write({ event: 'mem', gc: typeof globalThis.gc === 'function', ...usage });
    } else if (command === 'stop') {
      stop();
    }
  });
  // The harness went away: do not outlive it.
  lines.on('close', stop);
  write({ event: 'ready', port, pid: process.pid });
}

/** @param {object} value */
function write(value) {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/**
 * The baselines' copy of Switchboard's `POST /admin/emit`: checks the bearer token, parses the
 * JSON body, hands the message to `emit` and answers 202 with the id `emit` returns.
 * @param {string} adminToken
 * @param {(message: any) => string} emit
 * @returns {import('node:http').RequestListener}
 */
export function adminEmitHandler(adminToken, emit) {
  return (request, response) => {
    if (request.method !== 'POST' || request.url !== '/admin/emit') return void response.writeHead(404).end();
    if (adminToken === '' || request.headers.authorization !== `Bearer ${adminToken}`) return void response.writeHead(401).end();
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      /** @type {any} */
      let message;
      try {
        message = JSON.parse(body);
      } catch {
        return void response.writeHead(400).end();
      }
      const id = emit(message);
      response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id, seq: null }));
    });
  };
}
