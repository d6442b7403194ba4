import { createHash } from 'node:crypto';
import type { Connection, ConnectionGrant, GrantRequest, RegisteredClient } from '../domain/connection.ts';
import { ConsentryError } from '../domain/errors.ts';
import { clientCredentialsGrant, type GrantResult } from '../protocol/grant.ts';
import type { ProviderSession } from '../protocol/provider-session.ts';
import type { Store } from '../storage/ports.ts';
import { serviceAccountRegrant } from './service-account-regrant.ts';

/**
 * Connections without a user (issue 16): how each grant obtains a token — the first one, and every
 * renewal before expiry, since there is no refresh token (RFC 6749 §4.4.3). One strategy per grant
 * type, looked up by the connection's `grantType`:
 *
 * - `client_credentials` (RFC 6749 §4.4) is built in (below).
 * - `jwt_bearer` (RFC 7523 §2.1) plugs in from its own module: `registerRegrant('jwt_bearer', fn)`
 *   at import time, or per client instance with `new OAuth2Client({ regrants: { jwt_bearer: fn } })`.
 *
 * The engine (src/core/oauth2-client.ts) calls the strategy for `connectWithGrant` (first token)
 * and, under the refresh coordinator's lease and fencing, for every renewal: across instances one
 * token request per expiry. It turns the strategy's `GrantResult` into stored tokens (expiry from
 * `expires_in`, scopes from `scope` or else `requestedScopes`) and classifies failures with
 * `classifyRegrant` (src/core/refresh-outcome.ts). A strategy only speaks the protocol: it throws
 * the protocol layer's errors (TOKEN_REQUEST_REJECTED with the provider's answer attached,
 * PROVIDER_UNAVAILABLE, TOKEN_RESPONSE_INVALID) and never stores anything.
 */
export interface RegrantContext {
  /** What the connection asks for (stored as `connections.grant_request`; never secret). */
  request: GrantRequest;
  client: RegisteredClient;
  /** The provider session for `client`: metadata, client authentication, egress fetch. */
  session: ProviderSession;
  /** The connection being renewed; undefined for the first token (`connectWithGrant`). */
  connection: Connection | undefined;
  /**
   * The store, for sealed material a strategy needs (a service-account key:
   * `store.clients.keyOf(client.id)`). Read only; the engine writes the tokens.
   */
  store: Store;
  now: Date;
}

export interface RegrantResult extends GrantResult {
  /** The scopes asked for; stored when the response has no `scope` (RFC 6749 §5.1). */
  requestedScopes: readonly string[];
}

/** Requests a token for a connection without a user. See RegrantContext for the contract. */
export type Regrant = (ctx: RegrantContext) => Promise<RegrantResult>;

/**
 * Client credentials (RFC 6749 §4.4.2): `grant_type=client_credentials`, the request's scopes (or
 * the entry's `clientCredentials.defaultScopes`), the entry's `clientCredentials.tokenParams` and
 * the request's `params`; the client authenticates as the session says (secret or
 * `private_key_jwt`, RFC 7523 §2.2).
 */
export const clientCredentialsRegrant: Regrant = async ({ session, request }) => {
  const scopes = request.scopes.length
    ? request.scopes
    : (session.provider.clientCredentials?.defaultScopes ?? []);
  const result = await clientCredentialsGrant(session, { scopes, params: request.params });
  return { ...result, requestedScopes: scopes };
};

const registry = new Map<ConnectionGrant, Regrant>([
  ['client_credentials', clientCredentialsRegrant],
  // Google service accounts (src/core/service-account-regrant.ts).
  ['jwt_bearer', serviceAccountRegrant],
]);

/**
 * Plugs a grant's strategy in for every OAuth2Client of this process (`jwt_bearer` from its own
 * module). Replaces an earlier registration of the same grant. `authorization_code` cannot be
 * registered: consented connections renew with their refresh token (RFC 6749 §6).
 * @throws GRANT_UNSUPPORTED for `authorization_code`.
 */
export function registerRegrant(
  grant: Exclude<ConnectionGrant, 'authorization_code'>,
  regrant: Regrant,
): void {
  if ((grant as ConnectionGrant) === 'authorization_code')
    throw new ConsentryError('GRANT_UNSUPPORTED', {
      detail: 'authorization_code renews with its refresh token.',
    });
  registry.set(grant, regrant);
}

/**
 * The strategy for a grant: the instance's own (`overrides`), else the registered one.
 * @throws GRANT_UNSUPPORTED when none is registered.
 */
export function regrantFor(
  grant: ConnectionGrant,
  overrides?: Partial<Record<ConnectionGrant, Regrant>>,
): Regrant {
  const found = overrides?.[grant] ?? registry.get(grant);
  if (!found || grant === 'authorization_code')
    throw new ConsentryError('GRANT_UNSUPPORTED', {
      detail: `No strategy is registered for the ${grant} grant.`,
      facts: { grant },
    });
  return found;
}

/**
 * The request as stored: scopes in the order given but without duplicates, parameters as strings.
 * @throws SCOPES_INVALID for characters RFC 6749 §3.3 forbids; BAD_REQUEST for a parameter the
 * engine owns (`grant_type`, `scope`, client authentication, `assertion`).
 */
export function normalizeGrantRequest(input: {
  scopes?: readonly string[] | undefined;
  params?: Record<string, string> | undefined;
  [other: string]: unknown;
}): GrantRequest {
  const { scopes, params, ...rest } = input;
  const unique = [...new Set((scopes ?? []).map((s) => s.trim()).filter(Boolean))];
  for (const s of unique) {
    if (!/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(s))
      throw new ConsentryError('SCOPES_INVALID', { detail: 'A scope has characters RFC 6749 §3.3 forbids.' });
  }
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (OWNED_PARAMS.has(k))
      throw new ConsentryError('BAD_REQUEST', {
        detail: `The ${k} parameter is set by Consentry, not by the request.`,
        facts: { parameter: k },
      });
    if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(k))
      throw new ConsentryError('BAD_REQUEST', { detail: 'A parameter name is not a plain name.' });
    clean[k] = String(v);
  }
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return { ...defined, scopes: unique, params: clean };
}

const OWNED_PARAMS = new Set([
  'grant_type',
  'scope',
  'client_id',
  'client_secret',
  'client_assertion',
  'client_assertion_type',
  'assertion',
  'refresh_token',
  'code',
]);

/**
 * "The same request" of one client (idempotent connect): SHA-256 (hex) over the grant type, the
 * sorted scopes, the sorted parameters and any other inputs, in a canonical JSON form.
 */
export function grantKeyOf(grant: ConnectionGrant, request: GrantRequest): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  const body = canonical({ ...request, grant, scopes: [...request.scopes].sort() });
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}
