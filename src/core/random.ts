import { createHash, randomBytes } from 'node:crypto';

/** 256-bit opaque random value, base64url (state, session ids). */
export const random256 = (): string => randomBytes(32).toString('base64url');

/** State and session ids are stored hashed: a database reader cannot replay a pending flow. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('base64url');
