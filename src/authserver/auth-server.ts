import { join } from 'node:path';
import type { AuditTrail } from '../core/audit-trail.ts';
import type { ApiAudience } from '../domain/application.ts';
import type { ProviderRoleStore } from '../storage/provider-role.ports.ts';
import {
  type AccessTokenClaims,
  assertScopes,
  type TokenVerifierDeps,
  verifyAccessTokenString,
} from './access-token.ts';
import { ApplicationService } from './applications.ts';
import { authenticateClient, formParameters, type OAuthRequestInput } from './client-authentication.ts';
import { FailureLimiter, type FailureLimiterOptions } from './failure-limiter.ts';
import { KeyStore } from './key-store.ts';
import { OAuthError } from './oauth-error.ts';
import { createOwnerNotifier, type OwnerNotifier } from './owner-notification.ts';
import { handleTokenRequest, type TokenEndpointDeps, type TokenResponse } from './token-endpoint.ts';
import { type IntrospectionResponse, introspect, revoke } from './token-services.ts';

/**
 * The provider role as one object: applications, keys, the token endpoint and its siblings, and
 * `verifyAccessToken` for the platform's own features. No HTTP framework here: `src/http/authserver`
 * adapts requests to these functions.
 */
export const AUTHSERVER_PATHS = {
  token: '/oauth2-token',
  introspection: '/oauth2-token/introspect',
  revocation: '/oauth2-token/revoke',
  jwks: '/.well-known/jwks.json',
  metadata: '/.well-known/oauth-authorization-server',
} as const;

/** Where each API lives; a token's `aud` is the base URL of the one it was issued for. */
export const API_PATHS: Record<ApiAudience, string> = { backend: '/api', frontend: '/frontend-api' };

export interface AuthServerOptions {
  publicBaseUrl: string;
  keysDir: string;
  dataDir: string;
  smtpUrl: string | undefined;
  mailFrom?: string | undefined;
  /** The egress module's check of the SMTP host (owner notifications). */
  resolveMailServer?: (
    host: string,
    port: number,
  ) => Promise<{ address: string; servername: string | undefined }>;
  store: ProviderRoleStore;
  notifier?: OwnerNotifier;
  limiter?: FailureLimiterOptions;
  now?: () => number;
  onKeyError?: (error: Error) => void;
  /** Issue 10: application create / rotate / (de)activate / delete are recorded here. */
  audit?: AuditTrail | undefined;
}

/** What a bearer check reads from a request: the Authorization header and the URL (to refuse query tokens). */
export interface BearerRequest {
  headers: { authorization?: string | undefined };
  url?: string | undefined;
}

export class AuthServer {
  readonly issuer: string;
  readonly audiences: Record<ApiAudience, string>;
  readonly keys: KeyStore;
  readonly applications: ApplicationService;
  readonly limiter: FailureLimiter;
  private readonly verifier: TokenVerifierDeps;
  private readonly tokenDeps: TokenEndpointDeps;
  private readonly closeNotifier: () => void;

  constructor(private readonly options: AuthServerOptions) {
    const now = options.now ?? Date.now;
    this.issuer = options.publicBaseUrl;
    this.audiences = {
      backend: `${options.publicBaseUrl}${API_PATHS.backend}`,
      frontend: `${options.publicBaseUrl}${API_PATHS.frontend}`,
    };
    this.keys = new KeyStore(options.keysDir, {
      now,
      ...(options.onKeyError ? { onError: options.onKeyError } : {}),
    });
    this.limiter = new FailureLimiter(options.store.authFailures, options.limiter, now);
    const notifier =
      options.notifier ??
      createOwnerNotifier({
        smtpUrl: options.smtpUrl,
        from: options.mailFrom ?? `Consentry <no-reply@${new URL(options.publicBaseUrl).hostname}>`,
        templatesDir: join(options.dataDir, 'mail-templates'),
        publicBaseUrl: options.publicBaseUrl,
        tokenEndpoint: `${options.publicBaseUrl}${AUTHSERVER_PATHS.token}`,
        ...(options.resolveMailServer ? { resolveMailServer: options.resolveMailServer } : {}),
      });
    this.closeNotifier = () => (notifier as { close?: () => void }).close?.();
    this.applications = new ApplicationService(options.store, notifier, now, options.audit);
    this.verifier = {
      keys: this.keys,
      issuer: this.issuer,
      audiences: this.audiences,
      applications: options.store.applications,
      revokedTokens: options.store.revokedTokens,
      now,
    };
    this.tokenDeps = { ...this.verifier, limiter: this.limiter, applications: options.store.applications };
  }

  /** Loads KEYS_DIR (throws on a private key others can read) and follows it for changes. */
  start(): void {
    this.keys.load();
    this.keys.watch();
    this.limiter.start();
  }

  close(): void {
    this.keys.close();
    this.limiter.stop();
    this.closeNotifier();
  }

  /** True when a key signs now: the console warns and the token endpoint answers 503 otherwise. */
  get keysReady(): boolean {
    return this.keys.signingKey() !== undefined;
  }

  token(input: OAuthRequestInput): Promise<TokenResponse> {
    return handleTokenRequest(this.tokenDeps, input);
  }

  async introspect(input: OAuthRequestInput): Promise<IntrospectionResponse> {
    const params = formParameters(input);
    const caller = await this.authenticate(input, params);
    return introspect(this.verifier, caller, params);
  }

  async revoke(input: OAuthRequestInput): Promise<void> {
    const params = formParameters(input);
    const caller = await this.authenticate(input, params);
    await revoke(this.verifier, caller, params);
  }

  /**
   * For the platform's own features: the bearer token of `request` checked for `audience` and
   * `scopes`. Only the Authorization header counts (RFC 6750 §2.1); a token in the query string is
   * refused outright (it ends up in logs and Referer headers). Throws OAuthError
   * (`invalid_request` 400, `invalid_token` 401, `insufficient_scope` 403) with its WWW-Authenticate.
   */
  async verifyAccessToken(
    request: BearerRequest,
    options: { audience: ApiAudience; scopes?: readonly string[] },
  ): Promise<AccessTokenClaims> {
    const query = (request.url ?? '').split('?')[1];
    if (query !== undefined && new URLSearchParams(query).has('access_token'))
      throw new OAuthError('invalid_request', 'Access tokens are not accepted in the query string.', 400, {
        'www-authenticate': 'Bearer realm="consentry", error="invalid_request"',
      });
    const header = request.headers.authorization;
    const match = header === undefined ? null : /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
    if (!match) {
      // RFC 6750 §3.1: no credentials → a bare challenge, no error code.
      if (header === undefined)
        throw new OAuthError('invalid_token', 'An access token is required.', 401, {
          'www-authenticate': 'Bearer realm="consentry"',
        });
      throw new OAuthError('invalid_request', 'The Authorization header is not a Bearer token.', 400, {
        'www-authenticate': 'Bearer realm="consentry", error="invalid_request"',
      });
    }
    const claims = await verifyAccessTokenString(this.verifier, match[1]!, options.audience);
    assertScopes(claims, options.scopes ?? []);
    return claims;
  }

  /** RFC 8414 §2. */
  metadata(): Record<string, unknown> {
    const base = this.options.publicBaseUrl;
    return {
      issuer: this.issuer,
      token_endpoint: `${base}${AUTHSERVER_PATHS.token}`,
      jwks_uri: `${base}${AUTHSERVER_PATHS.jwks}`,
      grant_types_supported: ['client_credentials'],
      response_types_supported: [],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      introspection_endpoint: `${base}${AUTHSERVER_PATHS.introspection}`,
      introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      revocation_endpoint: `${base}${AUTHSERVER_PATHS.revocation}`,
      revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      access_token_signing_alg_values_supported: [...new Set(this.keys.view().published.map((k) => k.alg))],
    };
  }

  private authenticate(input: OAuthRequestInput, params: Map<string, string>) {
    return authenticateClient(
      { applications: this.options.store.applications, limiter: this.limiter, now: this.verifier.now },
      input.authorization,
      params,
      input.address,
    );
  }
}
