/**
 * Embedding the generated server in the HTTP stacks services use: node `http` (the harness),
 * Express and Fastify, each with a real socket on 127.0.0.1 (runtime README, "Embedding").
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type ServerTypes } from '@switchboard/protocol/server';
import type { SwitchboardServer } from '@switchboard/runtime/server';
import { defaultHandlers, SECRET, TestClient, token } from './harness.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

function switchboard(): SwitchboardServer<ServerTypes> {
  const server = createServer(defaultHandlers(), { auth: { secret: SECRET } });
  stops.push(() => server.close());
  return server;
}

async function roundTrip(port: number): Promise<void> {
  const client = await TestClient.connect(`ws://127.0.0.1:${port}/ws`, await token('u_embed'));
  stops.push(async () => void (await client.close()));
  expect((await client.request('ping', { pingId: 'e1' })).type).toBe('pong');
  const health = await fetch(`http://127.0.0.1:${port}/ws/health`);
  expect(((await health.json()) as { active_connections: number }).active_connections).toBe(1);
  expect(client.invalid).toEqual([]);
}

describe('embedding', () => {
  it('in Express: the app keeps its routes, Switchboard gets the upgrades and /ws/health', async () => {
    const sb = switchboard();
    const app = express();
    app.get('/api/hello', (_req, res) => void res.json({ hello: 'world' }));
    app.get(['/ws/health', '/metrics'], (req, res) => void sb.handleRequest(req, res));
    const server: Server = await new Promise((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    stops.push(() => new Promise((resolve) => server.close(() => resolve())));
    sb.attach(server);
    const { port } = server.address() as AddressInfo;
    expect(await (await fetch(`http://127.0.0.1:${port}/api/hello`)).json()).toEqual({ hello: 'world' });
    await roundTrip(port);
  });

  it('in Fastify: the raw node server carries the upgrades', async () => {
    const sb = switchboard();
    const fastify = Fastify();
    fastify.get('/api/hello', async () => ({ hello: 'world' }));
    fastify.get('/ws/health', (request, reply) => {
      reply.hijack();
      sb.handleRequest(request.raw, reply.raw);
    });
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    stops.push(() => fastify.close());
    sb.attach(fastify.server);
    const { port } = fastify.server.address() as AddressInfo;
    expect(await (await fetch(`http://127.0.0.1:${port}/api/hello`)).json()).toEqual({ hello: 'world' });
    await roundTrip(port);
  });
});
