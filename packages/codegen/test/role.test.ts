/**
 * Which side a document describes (load/role.ts): given a title, an `x-switchboard-role` on the
 * info object or the root, and the `role` option, want this side, its source and what the server
 * receives; a role that is neither side is an error where it is written; `--role` takes only
 * `client` or `server`.
 */
import { describe, expect, it } from 'vitest';
import { load, SpecError, type Diagnostic } from '../src/index.js';
import { main, type Io } from '../src/cli.js';
import { specFile } from './helpers.js';

/** A one-channel document whose `say` operation is `send` and `hear` is `receive`. */
function spec(title: string, info: string, root: string): string {
  return [
    'asyncapi: 3.0.0',
    ...(root ? [root] : []),
    'info:',
    `  title: ${title}`,
    '  version: 1.0.0',
    ...(info ? [`  ${info}`] : []),
    'channels:',
    '  chat:',
    '    address: /chat',
    '    messages:',
    '      line: { payload: { type: string } }',
    'operations:',
    '  say: { action: send, channel: { $ref: "#/channels/chat" }, messages: [{ $ref: "#/channels/chat/messages/line" }] }',
    '  hear: { action: receive, channel: { $ref: "#/channels/chat" }, messages: [{ $ref: "#/channels/chat/messages/line" }] }',
    '',
  ].join('\n');
}

describe('the side a document describes', () => {
  it.each<[string, string, string, string, 'client' | 'server' | undefined, string, string]>([
    ['a service', 'Chat Service', '', '', undefined, 'server default', 'hear'],
    ['a client by its title', 'Chat Client', '', '', undefined, 'client title', 'say'],
    ['a frontend by its title', 'Chat Frontend', '', '', undefined, 'client title', 'say'],
    ['a title naming both sides', 'Chat Server Client Library', '', '', undefined, 'server default', 'hear'],
    ['a client by the info object', 'Chat', 'x-switchboard-role: client', '', undefined, 'client extension', 'say'],
    ['a server by the root, over a client title', 'Chat Client', '', 'x-switchboard-role: server', undefined, 'server extension', 'hear'],
    ['the option, over the document', 'Chat', 'x-switchboard-role: client', '', 'server', 'server option', 'hear'],
    ['the option alone', 'Chat Service', '', '', 'client', 'client option', 'say'],
  ])('%s', async (name, title, info, root, role, want, receives) => {
    const file = await specFile(`role-${name.replace(/\W+/g, '-')}.yaml`, spec(title, info, root));
    const { model } = await load(file, role ? { role } : {});
    expect(`${model.role.side} ${model.role.source}`).toBe(want);
    expect(model.operations.filter((op) => op.action === 'receive').map((op) => op.key)).toEqual([receives]);
    expect(model.messages.map((m) => m.directions)).toEqual([{ fromClient: true, fromServer: true }]);
  });

  it('an x-switchboard-role that is neither side is an error at its line', async () => {
    const file = await specFile('role-invalid.yaml', spec('Chat', 'x-switchboard-role: peer', ''));
    const error = await load(file).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).diagnostics.filter((d: Diagnostic) => d.rule === 'switchboard/invalid-role').map((d) => [d.severity, d.line, d.message]))
      .toEqual([['error', 5, 'x-switchboard-role must be "client" or "server", not "peer"']]);
  });

  it('--role takes client or server, else it is a usage error', async () => {
    const err: string[] = [];
    const io: Io = { out: () => {}, err: (l) => err.push(l) };
    expect(await main(['generate', '--role', 'peer'], io)).toBe(2);
    expect(err[0]?.split('\n')[0]).toBe('switchboard generate: --role expects client or server, got "peer"');
  });
});
