/**
 * The provider role's values: OAuth applications (third-party clients of Consentry's own APIs)
 * and the organizations they belong to. No I/O here.
 */

/** Which of the platform's APIs a token is for: a token for one is refused by the other. */
export type ApiAudience = 'backend' | 'frontend';
export const API_AUDIENCES: readonly ApiAudience[] = ['backend', 'frontend'];

export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;
/**
 * Upper bound on an application's token lifetime. Retired signing keys stay published this long
 * after they stop signing, so every token they signed can still be verified until it expires.
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 86_400;
export const MIN_TOKEN_LIFETIME_SECONDS = 60;

export interface Organization {
  id: string;
  name: string;
  createdAt: Date;
}

export interface Application {
  id: string;
  /** The public client identifier (RFC 6749 §2.2). */
  clientId: string;
  organizationId: string;
  organizationName: string;
  name: string;
  /** The owner: a console user, identified by email. Gets the creation notice. */
  ownerEmail: string;
  audience: ApiAudience;
  /** Scopes the application may request; a token request without `scope` gets all of them. */
  scopes: string[];
  tokenLifetimeSeconds: number;
  active: boolean;
  /**
   * Tokens issued before this instant are refused even if the application is active again:
   * deactivation ends every outstanding token for good.
   */
  tokensValidFrom: Date | undefined;
  /** When a rotated-out secret stops working (undefined: no previous secret). */
  previousSecretValidUntil: Date | undefined;
  /** RFC 6749 §2.1: `public` clients (native apps) hold no secret (`token_endpoint_auth_method: none`). */
  clientType: ClientType;
  /** Registered redirect URIs (see `redirect-uri.ts` for how a request's URI is matched). */
  redirectUris: string[];
  /** An administrator let this confidential client run the authorization code flow without PKCE. */
  pkceExempt: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The row the token endpoint needs: identity, state and the secret hashes (never a secret). */
export interface ApplicationCredentials {
  id: string;
  clientId: string;
  active: boolean;
  audience: ApiAudience;
  scopes: string[];
  tokenLifetimeSeconds: number;
  secretHash: string;
  previousSecretHash: string | undefined;
  previousSecretValidUntil: number | undefined;
  tokensValidFrom: number | undefined;
  clientType: ClientType;
  redirectUris: string[];
  pkceExempt: boolean;
}

export type ClientType = 'confidential' | 'public';

/** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
export const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

export function parseScopeList(value: string | readonly string[] | undefined): string[] {
  const parts = typeof value === 'string' ? value.split(/[\s,]+/) : [...(value ?? [])];
  return [...new Set(parts.map((s) => s.trim()).filter(Boolean))];
}
