import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, createClient, delay, diagnosticsOf, startServer, waitFor, type TestInbound } from './client-harness.js';

afterEach(closeAll);

async function connected() {
  const server = await startServer();
  const test = createClient(server.url);
  await test.client.connect();
  const peer = await server.peers.next();
  return { server, peer, ...test };
}

describe('ClientCore: inbound messages', () => {
  it('delivers a redelivered id only once', async () => {
    const { peer, messages, diagnostics } = await connected();
    const first = peer.send({ type: 'chat.message', id: 'dup-1', data: { content: 'hello' } });
    peer.send({ type: 'chat.message', id: 'dup-1', data: { content: 'hello' } });
    const marker = peer.send({ type: 'chat.message', data: { content: 'marker' } });
    await waitFor(() => messages.some((message) => message.id === marker.id));
    expect(messages.filter((message) => message.id === 'dup-1')).toEqual([first]);
    expect(diagnosticsOf(diagnostics, 'duplicate')).toEqual([{ kind: 'duplicate', id: 'dup-1', type: 'chat.message' }]);
  });

  it('deduplicates across a reconnect (at-least-once redelivery)', async () => {
    const { server, peer, client, messages } = await connected();
    peer.send({ type: 'chat.message', id: 'n-1', data: { content: 'queued notification' } });
    await waitFor(() => messages.some((message) => message.id === 'n-1'));
    peer.socket.terminate();
    const next = await server.peers.next();
    await waitFor(() => client.state === 'open');
    next.send({ type: 'chat.message', id: 'n-1', data: { content: 'queued notification' } });
    const marker = next.send({ type: 'chat.message', data: { content: 'marker' } });
    await waitFor(() => messages.some((message) => message.id === marker.id));
    expect(messages.filter((message) => message.id === 'n-1')).toHaveLength(1);
  });

  it('drops what fails the validator, bad JSON and binary frames, reporting each', async () => {
    const { peer, messages, diagnostics } = await connected();
    const before = messages.length;
    peer.socket.send(JSON.stringify({ type: 'chat.message', data: { content: 'no id' } }));
    peer.socket.send(JSON.stringify({ type: 'chat.message', id: 'x', data: null }));
    peer.socket.send('{not json');
    peer.socket.send(Buffer.from([1, 2, 3]));
    const marker = peer.send({ type: 'chat.message', data: { content: 'marker' } });
    await waitFor(() => messages.some((message) => message.id === marker.id));

    expect(messages.slice(before)).toEqual([marker]);
    expect(diagnosticsOf(diagnostics, 'invalid-message').map((event) => event.message)).toEqual([
      { type: 'chat.message', data: { content: 'no id' } },
      { type: 'chat.message', id: 'x', data: null },
    ]);
    expect(diagnosticsOf(diagnostics, 'invalid-message')[0]?.issue).toMatchObject({ code: 'INVALID_MESSAGE', pointer: '' });
    expect(diagnosticsOf(diagnostics, 'invalid-json')).toEqual([{ kind: 'invalid-json', frame: '{not json', error: expect.any(SyntaxError) }]);
    expect(diagnosticsOf(diagnostics, 'unsupported-frame')).toHaveLength(1);
  });

  it('an invalid id is not remembered, so a valid message with that id still arrives', async () => {
    const { peer, messages } = await connected();
    peer.socket.send(JSON.stringify({ type: 'chat.message', id: 'same', data: 'not an object' }));
    const valid = peer.send({ type: 'chat.message', id: 'same', data: { content: 'ok' } });
    await waitFor(() => messages.some((message) => message.id === 'same'));
    expect(messages.filter((message) => message.id === 'same')).toEqual([valid]);
  });

  it('on() delivers only its type, typed; unsubscribe stops it and is idempotent', async () => {
    const { client, peer, messages } = await connected();
    const contents: string[] = [];
    const pongs: TestInbound[] = [];
    const unsubscribe = client.on('chat.message', (message) => {
      contents.push(message.data.content); // typed as the chat.message member
    });
    client.on('pong', (message) => {
      pongs.push(message);
    });
    peer.send({ type: 'chat.message', data: { content: 'one' } });
    const pong = peer.send({ type: 'pong', data: {} });
    await waitFor(() => messages.some((message) => message.id === pong.id));
    expect(contents).toEqual(['one']);
    expect(pongs).toEqual([pong]);

    unsubscribe();
    unsubscribe();
    const marker = peer.send({ type: 'chat.message', data: { content: 'two' } });
    await waitFor(() => messages.some((message) => message.id === marker.id));
    expect(contents).toEqual(['one']);
  });

  it('the same function subscribed twice is two subscriptions, each removed by its own unsubscribe', async () => {
    const { client, peer, messages } = await connected();
    let calls = 0;
    const handler = (): void => {
      calls += 1;
    };
    const first = client.onMessage(handler);
    client.onMessage(handler);
    first();
    const marker = peer.send({ type: 'chat.message', data: { content: 'x' } });
    await waitFor(() => messages.some((message) => message.id === marker.id));
    expect(calls).toBe(1);
  });

  it('runs on() handlers before onMessage() handlers', async () => {
    const { client, peer } = await connected();
    const order: string[] = [];
    client.onMessage(() => order.push('message'));
    client.on('chat.message', () => order.push('typed'));
    peer.send({ type: 'chat.message', data: { content: 'x' } });
    await waitFor(() => order.length === 2);
    expect(order).toEqual(['typed', 'message']);
  });

  it('isolates a throwing listener: the others still run and the error is reported', async () => {
    const { client, peer, messages, diagnostics } = await connected();
    const boom = new Error('listener bug');
    const seen: string[] = [];
    client.on('chat.message', () => {
      throw boom;
    });
    client.on('chat.message', (message) => {
      seen.push(message.data.content);
    });
    client.onStateChange(() => {
      throw boom;
    });
    const sent = peer.send({ type: 'chat.message', data: { content: 'still delivered' } });
    await waitFor(() => messages.some((message) => message.id === sent.id));
    expect(seen).toEqual(['still delivered']);
    expect(diagnosticsOf(diagnostics, 'listener-error')).toEqual([{ kind: 'listener-error', event: 'chat.message', error: boom }]);

    await client.close();
    expect(client.state).toBe('closed'); // a throwing state listener does not stop the transition
    expect(diagnosticsOf(diagnostics, 'listener-error').at(-1)).toEqual({ kind: 'listener-error', event: 'state', error: boom });
  });

  it('a throwing onDiagnostic does not break delivery', async () => {
    const server = await startServer();
    const { client, messages } = createClient(server.url, {
      onDiagnostic: () => {
        throw new Error('diagnostic sink bug');
      },
    });
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown): void => {
      uncaught.push(error);
    };
    process.on('uncaughtException', onUncaught);
    try {
      await client.connect();
      const peer = await server.peers.next();
      peer.socket.send('{bad');
      const marker = peer.send({ type: 'chat.message', data: { content: 'marker' } });
      await waitFor(() => messages.some((message) => message.id === marker.id));
      await delay(10);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(uncaught).toEqual([new Error('diagnostic sink bug')]);
  });
});
