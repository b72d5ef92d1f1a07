import { describe, expect, it } from 'vitest';
import { camelCase, constantCase, pascalCase, typeName } from '../src/index.js';

describe('names', () => {
  it.each([
    ['chat.send', 'ChatSend'],
    ['user.status_changed', 'UserStatusChanged'],
    ['chatSend', 'ChatSend'],
    ['room-update', 'RoomUpdate'],
    ['3d.model', '_3dModel'],
  ])('pascalCase(%j) = %j', (given, want) => {
    expect(pascalCase(given)).toBe(want);
  });

  it.each([
    ['chat.send', 'chatSend'],
    ['ChatSend', 'chatSend'],
    ['error', 'error'],
  ])('camelCase(%j) = %j', (given, want) => {
    expect(camelCase(given)).toBe(want);
  });

  it.each([
    ['info', 'INFO'],
    ['client_joined', 'CLIENT_JOINED'],
    ['upload.progress', 'UPLOAD_PROGRESS'],
    ['chatSend', 'CHAT_SEND'],
    ['RATE_LIMIT_EXCEEDED', 'RATE_LIMIT_EXCEEDED'],
  ])('constantCase(%j) = %j', (given, want) => {
    expect(constantCase(given)).toBe(want);
  });

  it.each([
    ['ChatSendEnvelope', 'ChatSendEnvelope'],
    ['Error', 'ErrorSchema'],
    ['Event', 'EventSchema'],
    ['Promise', 'PromiseSchema'],
    ['room_member', 'RoomMember'],
  ])('typeName(%j) = %j: never a keyword or a global', (given, want) => {
    expect(typeName(given)).toBe(want);
  });
});
