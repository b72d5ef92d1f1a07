// generated from asyncapi.yaml by @switchboard/codegen - do not edit

export * from './types.js';
export * from './messages.js';
export * from './validators.js';
