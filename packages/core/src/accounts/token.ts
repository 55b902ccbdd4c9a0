import { createHash, randomBytes } from 'node:crypto';

/** A random secret token: 32 bytes, hex (64 characters). Only its hash is stored. */
export function generateToken(): string {
  return randomBytes(32).toString('hex');
}

/** The sha256 hex of a token: the database key of a session or reset link. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
