/**
 * Authentication of an upgrade (asyncapi.yaml, "Authentication" and "Paths"): finding the token
 * (`auth-token.ts`) and verifying it (`auth-verify.ts`), split so each stays one concept.
 */
export { extractCredentials, looksLikeJwt, matchesEndpoint } from './auth-token.js';
export type { TokenSourceKind, UpgradeCredentials } from './auth-token.js';
export { createTokenVerifier } from './auth-verify.js';
export type { AuthOptions, JwtAlgorithm, TokenVerifier, VerifiedToken } from './auth-verify.js';
