/**
 * What the server and client emitters derive for a WebSocket document that is not our envelope
 * (src/emit/server/wire.ts, discriminator.ts): given a small document, want these endpoints,
 * discriminators, correlation paths and findings.
 */
import { describe, expect, it } from 'vitest';
import { load } from '../src/index.js';
import { deriveWire } from '../src/emit/server/wire.js';
import { specFile } from './helpers.js';

/** A ws document with one channel per entry of `channels` and the given messages (payload schemas inline). */
function doc(parts: {
  channels: Record<string, { address: string; messages: Record<string, object> }>;
  operations: Record<string, { action: 'send' | 'receive'; channel: string; messages: string[]; reply?: string[] }>;
}): string {
  const channels = Object.entries(parts.channels).map(([key, c]) =>
    `  ${key}:\n    address: '${c.address}'\n    messages:\n${Object.entries(c.messages).map(([m, payload]) => `      ${m}:\n        payload: ${JSON.stringify(payload)}`).join('\n')}`);
  const ref = (channel: string, m: string) => `{ $ref: '#/channels/${channel}/messages/${m}' }`;
  const operations = Object.entries(parts.operations).map(([key, op]) =>
    `  ${key}:\n    action: ${op.action}\n    channel: { $ref: '#/channels/${op.channel}' }\n    messages: [${op.messages.map((m) => ref(op.channel, m)).join(', ')}]` +
    (op.reply ? `\n    reply:\n      channel: { $ref: '#/channels/${op.channel}' }\n      messages: [${op.reply.map((m) => ref(op.channel, m)).join(', ')}]` : ''));
  return `asyncapi: 3.0.0\ninfo: { title: T, version: 1.0.0 }\nservers:\n  main: { host: example.test, protocol: wss }\nchannels:\n${channels.join('\n')}\noperations:\n${operations.join('\n')}\n`;
}

async function derive(name: string, text: string) {
  const { model } = await load(await specFile(name, text));
  const { wire, diagnostics } = deriveWire(model, 'websocket');
  return {
    endpoints: wire.endpoints.map((e) => ({
      key: e.key,
      client: [e.fromClient.discriminator, ...e.fromClient.messages.map((w) => `${w.message.key}=${JSON.stringify(w.value)}`)],
      server: [e.fromServer.discriminator, ...e.fromServer.messages.map((w) => `${w.message.key}=${JSON.stringify(w.value)}`)],
    })),
    findings: diagnostics.map((d) => d.rule),
  };
}

const closed = (props: object, required: string[]) => ({ type: 'object', additionalProperties: false, required, properties: props });

describe('deriving the wire of a WebSocket document', () => {
  it('picks a required single-value property as the discriminator, preferring the usual names, and groups channels by address', async () => {
    const text = doc({
      channels: {
        a: { address: '/', messages: { hello: closed({ kind: { const: 'x' }, event: { const: 'hello' } }, ['kind', 'event']) } },
        b: { address: '/', messages: { bye: closed({ kind: { const: 'y' }, event: { enum: ['bye'] } }, ['kind', 'event']) } },
      },
      operations: { hello: { action: 'receive', channel: 'a', messages: ['hello'] }, bye: { action: 'receive', channel: 'b', messages: ['bye'] } },
    });
    expect(await derive('wire-usual.yaml', text)).toEqual({
      endpoints: [{ key: 'a', client: ['event', 'hello="hello"', 'bye="bye"'], server: [null] }],
      findings: [],
    });
  });

  it('falls back to validator order without a shared required discriminator, and warns when two payloads can match one value', async () => {
    const text = doc({
      channels: {
        c: {
          address: '/c',
          messages: {
            // `op` is not required in `other`, so it cannot discriminate; `other` is kept apart from
            // `strict` by its `op`, but `loose` is not.
            strict: closed({ op: { const: 's' }, n: { type: 'integer' } }, ['op', 'n']),
            other: { type: 'object', properties: { op: { const: 'o' } } },
            loose: { type: 'object', properties: { n: { type: 'integer' } } },
            text: { type: 'string' },
          },
        },
      },
      operations: { all: { action: 'receive', channel: 'c', messages: ['strict', 'other', 'loose', 'text'] } },
    });
    expect(await derive('wire-order.yaml', text)).toEqual({
      endpoints: [{ key: 'c', client: [null, 'strict=undefined', 'other=undefined', 'loose=undefined', 'text=undefined'], server: [null] }],
      // { op: 's', n: 1 } is a strict and a loose; {} is an other and a loose; a string is only a text.
      findings: ['switchboard/ambiguous-messages', 'switchboard/ambiguous-messages'],
    });
  });
});

describe('findings of the wire derivation', () => {
  it('warns of a correlation id in a header and of a channel without an address, where they are', async () => {
    const text = `asyncapi: 3.0.0
info: { title: T, version: 1.0.0 }
servers:
  main: { host: example.test, protocol: ws }
channels:
  rpc:
    address: /rpc
    messages:
      call:
        correlationId: { location: '$message.header#/requestId' }
        headers: { type: object, properties: { requestId: { type: string } } }
        payload: { type: object }
  anywhere:
    address: null
    messages:
      note:
        payload: { type: string }
operations:
  call:
    action: receive
    channel: { $ref: '#/channels/rpc' }
    messages: [{ $ref: '#/channels/rpc/messages/call' }]
  note:
    action: send
    channel: { $ref: '#/channels/anywhere' }
    messages: [{ $ref: '#/channels/anywhere/messages/note' }]
`;
    const { model } = await load(await specFile('wire-findings.yaml', text));
    const { wire, diagnostics } = deriveWire(model, 'websocket');
    expect({
      endpoints: wire.endpoints.map((e) => e.key),
      operations: wire.operations.map((op) => op.model.key),
      findings: diagnostics.map((d) => [d.rule, d.path.join('.')]),
    }).toEqual({
      endpoints: ['rpc'],
      operations: ['call'],
      findings: [
        ['switchboard/channel-without-address', 'channels.anywhere'],
        ['switchboard/header-correlation', 'channels.rpc.messages.call.correlationId'],
      ],
    });
  });
});

describe('asyncapi.yaml through the same seam', () => {
  it('is one endpoint told apart by `type` both ways, requests correlated at /id and replies at /correlation_id', async () => {
    const { model } = await load(new URL('../../../asyncapi.yaml', import.meta.url).pathname);
    const { wire, diagnostics } = deriveWire(model, 'websocket');
    const [ws] = wire.endpoints;
    const correlations = (side: 'fromClient' | 'fromServer') => [...new Set(ws?.[side].messages.map((w) => JSON.stringify(w.correlation)))].sort();
    expect({
      endpoints: wire.endpoints.map((e) => `${e.key} ${e.address}`),
      discriminators: [ws?.fromClient.discriminator, ws?.fromServer.discriminator],
      client: correlations('fromClient'),
      server: correlations('fromServer'),
      findings: diagnostics.map((d) => d.rule),
    }).toEqual({
      endpoints: ['ws /ws'],
      discriminators: ['type', 'type'],
      client: ['["id"]'],
      // Server pushes that answer nothing carry no correlation id.
      server: ['["correlation_id"]', 'null'],
      findings: [],
    });
  });
});
