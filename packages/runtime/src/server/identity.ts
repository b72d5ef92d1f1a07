/**
 * The identity rules asyncapi.yaml states for `UserId` and `Username`: a token whose `sub` does
 * not fit is refused (`AUTH_FAILED`), and a display name is cut to 128 code points so that no
 * message carrying it can become invalid.
 */
import { ProtocolError } from '../errors.js';
import type { VerifiedToken } from './auth.js';

const USER_ID = /^[A-Za-z0-9_.:@|+-]{1,255}$/;
const MAX_USERNAME = 128;

/** Whether `id` is a valid user id (the spec's `UserId`: 1-255 of A-Z a-z 0-9 _ . : @ | + -). */
export function isUserId(id: string): boolean {
  return USER_ID.test(id);
}

export function checkIdentity(token: VerifiedToken): VerifiedToken {
  const { id, name } = token.user;
  if (!isUserId(id)) {
    throw new ProtocolError('AUTH_FAILED', 'the token subject is not a valid user id (1-255 of A-Z a-z 0-9 _ . : @ | + -)');
  }
  const chars = Array.from(name.trim());
  if (chars.length === 0) return { ...token, user: { id, name: id.slice(0, MAX_USERNAME) } };
  if (chars.length <= MAX_USERNAME && chars.length === Array.from(name).length) return token;
  return { ...token, user: { id, name: chars.slice(0, MAX_USERNAME).join('') } };
}
