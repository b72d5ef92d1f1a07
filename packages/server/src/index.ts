/** The reference service, for tests and for embedding it as a whole. */
export { createService, type Service } from './app.js';
export { configFromEnv, ConfigError, ENV_VARS, type EnvVar, type ServiceConfig } from './config.js';
export { createHandlers, type HandlerOptions } from './handlers.js';
export { mintDevToken } from './dev.js';
export { DEFAULT_UPLOAD_TTL_MS, UploadLedger } from './uploads.js';
