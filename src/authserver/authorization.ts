import { createHash, hash, randomBytes, randomUUID } from 'node:crypto';
import type { ApiAudience, Application } from '../domain/application.ts';
import { parseScopeList, SCOPE_TOKEN } from '../domain/application.ts';
import { matchRedirectUri } from '../domain/redirect-uri.ts';
import type { ProviderRoleStore } from '../storage/provider-role.ports.ts';
import type { OAuthErrorCode } from './oauth-error.ts';

/**
 * The authorization endpoint's logic (RFC 6749 §4.1, OAuth 2.1 / RFC 9700 rules), without HTTP:
 * validate a request, decide whether consent is needed, issue a code, or say where to send an
 * error. `src/http/authorize.ts` renders the pages around it.
 *
 * Order of checks (RFC 6749 §4.1.2.1): client and redirect URI first — while either is unknown
 * nothing is sent to the redirect URI, an error page is shown instead; every later error goes
 * back to the application as `error=…&state=…&iss=…` on its redirect URI.
 */
export const CODE_LIFETIME_SECONDS = 60;
/** RFC 7636 §4.1: 43–128 unreserved characters; S256 challenges are exactly 43. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
const CHALLENGE_S256 = /^[A-Za-z0-9_-]{43}$/;

/** SHA-256 of a UTF-8 string, hex; `crypto.hash` is the one-shot form (no Hash object per call). */
export const sha256Hex = (value: string): string => hash('sha256', value, 'hex');
export const s256 = (verifier: string): string =>
  createHash('sha256').update(verifier, 'ascii').digest('base64url');
const TOKEN_BYTES = 32;
let entropy = Buffer.alloc(0);
let entropyOffset = 0;
/**
 * 256 bits from the CSPRNG, base64url: codes, refresh tokens, device codes. Drawn from a 4 KiB
 * buffer filled by `randomBytes` and refilled when used up, each byte handed out once — the
 * batching node:crypto's own `randomUUID` does — instead of one CSPRNG call per token (≈ 2 % of
 * the refresh grant's CPU in issue 14's profile). Hand-written: a few lines over node:crypto.
 */
export const opaqueToken = (): string => {
  if (entropyOffset + TOKEN_BYTES > entropy.length) {
    entropy = randomBytes(4096);
    entropyOffset = 0;
  }
  const token = entropy.toString('base64url', entropyOffset, entropyOffset + TOKEN_BYTES);
  entropyOffset += TOKEN_BYTES;
  return token;
};

export interface AuthorizationRequest {
  application: Application;
  redirectUri: string;
  scopes: string[];
  state: string | undefined;
  codeChallenge: string | undefined;
  /** The token audience (RFC 8707 resource) — the API base URL. */
  audience: string;
  prompt: Set<string>;
}

export type AuthorizeOutcome =
  | { kind: 'error-page'; error: OAuthErrorCode; description: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'valid'; request: AuthorizationRequest };

export interface AuthorizationDeps {
  store: ProviderRoleStore;
  issuer: string;
  audiences: Record<ApiAudience, string>;
  now: () => number;
}

/**
 * RFC 8707 §2: the `resource` parameter, if present, must be an absolute URI without fragment and
 * one of the resources the application may use — its API. Returns the audience, or undefined
 * when the resource is not acceptable (`invalid_target`).
 */
export function resolveAudience(
  audiences: Record<ApiAudience, string>,
  application: { audience: ApiAudience },
  resource: string | string[] | undefined,
): string | undefined {
  const own = audiences[application.audience];
  if (resource === undefined) return own;
  const list = Array.isArray(resource) ? resource : [resource];
  // Trailing slash tolerated: MCP clients send the resource as a URL, sometimes with one.
  return list.every((r) => r.replace(/\/$/, '') === own) ? own : undefined;
}

/** The requested scope within what the application may ask for; undefined: `invalid_scope`. */
export function grantableScopes(
  allowed: readonly string[],
  requested: string | undefined,
): string[] | undefined {
  if (requested === undefined) return [...allowed];
  const list = parseScopeList(requested.split(' '));
  if (!list.every((s) => SCOPE_TOKEN.test(s))) return undefined;
  const set = new Set(allowed);
  return list.every((s) => set.has(s)) ? list : undefined;
}

export class AuthorizationService {
  constructor(private readonly deps: AuthorizationDeps) {}

  /** Validates `GET /oauth2-authorize`'s query. `query` values may be arrays when repeated. */
  async validate(query: Record<string, string | string[] | undefined>): Promise<AuthorizeOutcome> {
    const one = (name: string): string | undefined | null => {
      const v = query[name];
      if (Array.isArray(v)) return null; // RFC 6749 §3.1: parameters MUST NOT be included more than once
      return v === '' ? undefined : v;
    };
    const clientId = one('client_id');
    const redirectUri = one('redirect_uri');
    if (clientId === null || redirectUri === null)
      return page('invalid_request', 'The request repeats client_id or redirect_uri.');
    if (!clientId) return page('invalid_request', 'The request has no client_id.');
    const application = await this.deps.store.applications.getByClientId(clientId);
    if (!application?.active) return page('invalid_client', 'No active application has this client_id.');
    if (!redirectUri) return page('invalid_request', 'The request has no redirect_uri.');
    if (!matchRedirectUri(redirectUri, application.redirectUris))
      return page(
        'invalid_request',
        'The redirect_uri is not registered for this application, so the browser is not sent back to it.',
      );

    const state = one('state');
    const back = (error: OAuthErrorCode, description: string): AuthorizeOutcome => ({
      kind: 'redirect',
      location: this.errorLocation(redirectUri, state ?? undefined, error, description),
    });
    for (const name of [
      'response_type',
      'scope',
      'state',
      'code_challenge',
      'code_challenge_method',
      'prompt',
    ])
      if (one(name) === null) return back('invalid_request', `The parameter ${name} is repeated.`);
    const responseType = one('response_type');
    if (responseType !== 'code')
      return back('unsupported_response_type', 'Only response_type=code is supported.');
    const responseMode = one('response_mode');
    if (responseMode !== undefined && responseMode !== 'query')
      return back('invalid_request', 'Only response_mode=query is supported.');
    const scopes = grantableScopes(application.scopes, one('scope') ?? undefined);
    if (!scopes)
      return back('invalid_scope', 'The requested scope is unknown or not allowed for this application.');
    const method = one('code_challenge_method');
    const challenge = one('code_challenge') ?? undefined;
    if (method !== undefined && method !== 'S256')
      return back('invalid_request', 'Only code_challenge_method=S256 is supported (plain is refused).');
    if (challenge === undefined) {
      if (application.clientType === 'public' || !application.pkceExempt)
        return back(
          'invalid_request',
          'PKCE is required: send code_challenge with code_challenge_method=S256.',
        );
    } else {
      if (method === undefined)
        return back('invalid_request', 'code_challenge_method=S256 is required (plain is refused).');
      if (!CHALLENGE_S256.test(challenge)) return back('invalid_request', 'The code_challenge is malformed.');
    }
    const audience = resolveAudience(this.deps.audiences, application, query.resource);
    if (!audience)
      return back('invalid_target', 'The requested resource is not one this application may use.');
    const prompt = new Set((one('prompt') ?? '').split(' ').filter(Boolean));
    return {
      kind: 'valid',
      request: {
        application,
        redirectUri,
        scopes,
        state: state ?? undefined,
        codeChallenge: challenge,
        audience,
        prompt,
      },
    };
  }

  /** Remembered consent covers the request (and `prompt=consent` does not ask again). */
  async hasConsent(request: AuthorizationRequest, userId: string): Promise<boolean> {
    if (request.prompt.has('consent')) return false;
    const given = await this.deps.store.authorizations.consentScopes(userId, request.application.id);
    if (!given) return false;
    const set = new Set(given);
    return request.scopes.every((s) => set.has(s));
  }

  /** Consent remembered (added to what was given before) and a code issued: where to redirect. */
  async approve(request: AuthorizationRequest, user: { id: string; authTimeMs: number }): Promise<string> {
    const now = this.deps.now();
    await this.rememberConsent(user.id, request.application.id, request.scopes);
    const code = opaqueToken();
    await this.deps.store.authorizations.insertCode(
      {
        codeHash: sha256Hex(code),
        clientId: request.application.clientId,
        userId: user.id,
        redirectUri: request.redirectUri,
        codeChallenge: request.codeChallenge,
        scopes: request.scopes,
        audience: request.audience,
        authTime: user.authTimeMs,
        expiresAt: now + CODE_LIFETIME_SECONDS * 1000,
      },
      now,
    );
    await this.deps.store.authorizations.deleteExpiredCodes(now - 3_600_000);
    return this.location(request.redirectUri, { code, state: request.state });
  }

  async rememberConsent(userId: string, applicationId: string, scopes: string[]): Promise<void> {
    const before = (await this.deps.store.authorizations.consentScopes(userId, applicationId)) ?? [];
    await this.deps.store.authorizations.saveConsent(
      userId,
      applicationId,
      [...new Set([...before, ...scopes])],
      this.deps.now(),
    );
  }

  deny(request: AuthorizationRequest): string {
    return this.errorLocation(request.redirectUri, request.state, 'access_denied', 'The user denied access.');
  }

  errorLocation(
    redirectUri: string,
    state: string | undefined,
    error: OAuthErrorCode,
    description: string,
  ): string {
    return this.location(redirectUri, { error, error_description: description, state });
  }

  /** RFC 9207: every response carries `iss`, so a client can tell which server answered. */
  private location(redirectUri: string, params: Record<string, string | undefined>): string {
    const url = new URL(redirectUri);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
    url.searchParams.set('iss', this.deps.issuer);
    return url.href;
  }

  /**
   * "Authorized apps": revokes every grant (user, application) holds and forgets the consent, so
   * the next authorization asks again. Refresh tokens die with their grant; access tokens of it
   * are refused by `verifyAccessToken` from now on.
   */
  async revokeApplication(userId: string, applicationId: string, reason: string): Promise<number> {
    const a = this.deps.store.authorizations;
    await a.deleteConsent(userId, applicationId);
    return a.revokeGrantsOf(userId, applicationId, reason, this.deps.now());
  }

  newGrantId(): string {
    return randomUUID();
  }
}

const page = (error: OAuthErrorCode, description: string): AuthorizeOutcome => ({
  kind: 'error-page',
  error,
  description,
});

export const isVerifier = (v: string): boolean => VERIFIER.test(v);
