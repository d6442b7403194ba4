import { decodeJwt, decodeProtectedHeader } from 'jose';

/**
 * Decodes a JWT's header and claims WITHOUT verifying anything: for the Inspect page and
 * `connections inspect` only, where it is shown marked "not verified". Never use it to trust a token.
 */
export interface UnverifiedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  verified: false;
}

export function decodeUnverifiedJwt(token: string): UnverifiedJwt | undefined {
  if (token.split('.').length !== 3) return undefined;
  try {
    return {
      header: decodeProtectedHeader(token) as Record<string, unknown>,
      claims: decodeJwt(token) as Record<string, unknown>,
      verified: false,
    };
  } catch {
    return undefined;
  }
}
