import { join } from 'node:path';
import type { AuditTrail } from '../core/audit-trail.ts';
import type { ApiAudience } from '../domain/application.ts';
import type { GrantRecord, GrantView, ProviderRoleStore } from '../storage/provider-role.ports.ts';
import {
  assertScopes,
  type TokenVerifierDeps,
  userOfToken,
  type VerifiedAccess,
  verifyAccessTokenString,
} from './access-token.ts';
import { ApplicationService } from './applications.ts';
import { AuthorizationService } from './authorization.ts';
import { authenticateClient, formParameters, type OAuthRequestInput } from './client-authentication.ts';
import { FailureLimiter, type FailureLimiterOptions } from './failure-limiter.ts';
import { KeyStore } from './key-store.ts';
import { OAuthError } from './oauth-error.ts';
import { createOwnerNotifier, type OwnerNotifier } from './owner-notification.ts';
import { type RegistrationOptions, type RegistrationResponse, registerClient } from './registration.ts';
import {
  GRANT_TYPES,
  handleTokenRequest,
  keysMissing,
  type TokenEndpointDeps,
  type TokenResponse,
} from './token-endpoint.ts';
import { type IntrospectionResponse, introspect, revoke } from './token-services.ts';
import {
  type DeviceAuthorizationResponse,
  deviceAuthorization,
  formatUserCode,
  normalizeUserCode,
  type UserTokenResponse,
} from './user-grants.ts';

/**
 * The provider role as one object: applications, keys, the token endpoint and its siblings, and
 * `verifyAccessToken` for the platform's own features. No HTTP framework here: `src/http/authserver`
 * adapts requests to these functions.
 */
export const AUTHSERVER_PATHS = {
  authorization: '/oauth2-authorize',
  deviceAuthorization: '/oauth2-device-authorization',
  device: '/device',
  registration: '/oauth2-register',
  protectedResource: '/.well-known/oauth-protected-resource',
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
  /** RFC 7591 dynamic registration (off unless given and enabled). */
  registration?: RegistrationOptions | undefined;
  /** Issue 10: application create / rotate / (de)activate / delete are recorded here. */
  audit?: AuditTrail | undefined;
}

/** What a bearer check reads from a request: the Authorization header and the URL (to refuse query tokens). */
export interface BearerRequest {
  headers: { authorization?: string | undefined };
  url?: string | undefined;
}

const DISABLED_REGISTRATION: RegistrationOptions = {
  enabled: false,
  initialAccessToken: undefined,
  allowedRedirectUris: [],
  organization: '',
  ownerEmail: '',
  scopes: [],
};

export class AuthServer {
  readonly issuer: string;
  readonly audiences: Record<ApiAudience, string>;
  readonly keys: KeyStore;
  readonly applications: ApplicationService;
  /** The authorization endpoint's logic and consent (issue 14). */
  readonly authorization: AuthorizationService;
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
      authorizations: options.store.authorizations,
      users: options.store.users,
      now,
    };
    this.tokenDeps = {
      ...this.verifier,
      limiter: this.limiter,
      applications: options.store.applications,
      authorizations: options.store.authorizations,
    };
    this.authorization = new AuthorizationService({
      store: options.store,
      issuer: this.issuer,
      audiences: this.audiences,
      now,
    });
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

  readonly authorizationPath = AUTHSERVER_PATHS.authorization;
  readonly devicePath = AUTHSERVER_PATHS.device;

  /** True when a key signs now: the console warns and the token endpoint answers 503 otherwise. */
  get keysReady(): boolean {
    return this.keys.signingKey() !== undefined;
  }

  token(input: OAuthRequestInput): Promise<TokenResponse | UserTokenResponse> {
    return handleTokenRequest(this.tokenDeps, input);
  }

  /** RFC 8628 §3.1–3.2 — `POST /oauth2-device-authorization`. */
  async deviceAuthorization(input: OAuthRequestInput): Promise<DeviceAuthorizationResponse> {
    if (!this.keys.signingKey()) throw keysMissing();
    const params = formParameters(input);
    const app = await this.authenticate(input, params);
    return deviceAuthorization(
      { ...this.tokenDeps, verificationUri: `${this.options.publicBaseUrl}${AUTHSERVER_PATHS.device}` },
      app,
      params,
    );
  }

  /** The device request a person typed the user code of, while it still waits for a decision. */
  async pendingDevice(typed: string) {
    const code = normalizeUserCode(typed);
    if (code.length !== 8) return undefined;
    const record = await this.options.store.authorizations.deviceByUserCode(code);
    if (record?.status !== 'pending' || record.expiresAt <= this.verifier.now()) return undefined;
    const application = await this.options.store.applications.getByClientId(record.clientId);
    if (!application?.active) return undefined;
    return { record, application, userCode: formatUserCode(code) };
  }

  /** The person's decision on a device request (RFC 8628 §3.3); approval remembers consent. */
  async decideDevice(
    typed: string,
    user: { id: string; authTimeMs: number },
    approved: boolean,
  ): Promise<boolean> {
    const pending = await this.pendingDevice(typed);
    if (!pending) return false;
    const ok = await this.options.store.authorizations.decideDevice(pending.record.userCode, {
      status: approved ? 'approved' : 'denied',
      userId: user.id,
      authTime: user.authTimeMs,
    });
    if (ok && approved)
      await this.authorization.rememberConsent(user.id, pending.application.id, pending.record.scopes);
    return ok;
  }

  /** RFC 7591 — `POST /oauth2-register` (JSON). */
  register(authorization: string | undefined, body: unknown): Promise<RegistrationResponse> {
    return registerClient(
      this.options.registration ?? DISABLED_REGISTRATION,
      this.applications,
      authorization,
      body,
    );
  }

  /** Grants for the "Authorized apps" pages: one user's, or everyone's (administrators). */
  grants(filter: { userId?: string } = {}): Promise<GrantView[]> {
    return this.options.store.authorizations.listGrants(filter);
  }

  /** When the console session started (the user's `auth_time`), by the session id's hash. */
  sessionStartedAt(sessionIdHash: string): Promise<number | undefined> {
    return this.options.store.authorizations.sessionStartedAt(sessionIdHash);
  }

  /** Revokes one grant (an administrator, or the user it belongs to — checked by the caller). */
  async revokeGrant(grantId: string, reason: string): Promise<GrantRecord | undefined> {
    const grant = await this.options.store.authorizations.grant(grantId);
    if (!grant) return undefined;
    await this.authorization.revokeApplication(grant.userId, grant.applicationId, reason);
    return grant;
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
  ): Promise<VerifiedAccess> {
    try {
      return await this.#verifyAccessToken(request, options);
    } catch (e) {
      // RFC 9728 §5.1: every challenge names the resource's metadata, so a client can find us.
      if (e instanceof OAuthError && e.headers['www-authenticate'])
        e.headers['www-authenticate'] +=
          `, resource_metadata="${this.protectedResourceMetadataUrl(options.audience)}"`;
      throw e;
    }
  }

  async #verifyAccessToken(
    request: BearerRequest,
    options: { audience: ApiAudience; scopes?: readonly string[] },
  ): Promise<VerifiedAccess> {
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
    const user = await userOfToken(this.verifier, claims);
    return { ...claims, user };
  }

  /** RFC 9728 §3.1: the metadata URL of an API — the well-known path inserted before its path. */
  protectedResourceMetadataUrl(audience: ApiAudience): string {
    return `${this.options.publicBaseUrl}${AUTHSERVER_PATHS.protectedResource}${API_PATHS[audience]}`;
  }

  /** RFC 9728 §2 — the protected-resource metadata of one API. */
  protectedResourceMetadata(audience: ApiAudience): Record<string, unknown> {
    return {
      resource: this.audiences[audience],
      authorization_servers: [this.issuer],
      jwks_uri: `${this.options.publicBaseUrl}${AUTHSERVER_PATHS.jwks}`,
      bearer_methods_supported: ['header'],
      resource_signing_alg_values_supported: [...new Set(this.keys.view().published.map((k) => k.alg))],
      resource_name: audience === 'backend' ? 'Backend API' : 'Frontend API',
    };
  }

  /** RFC 8414 §2. */
  metadata(): Record<string, unknown> {
    const base = this.options.publicBaseUrl;
    return {
      issuer: this.issuer,
      authorization_endpoint: `${base}${AUTHSERVER_PATHS.authorization}`,
      token_endpoint: `${base}${AUTHSERVER_PATHS.token}`,
      device_authorization_endpoint: `${base}${AUTHSERVER_PATHS.deviceAuthorization}`,
      jwks_uri: `${base}${AUTHSERVER_PATHS.jwks}`,
      ...(this.options.registration?.enabled
        ? { registration_endpoint: `${base}${AUTHSERVER_PATHS.registration}` }
        : {}),
      scopes_supported: ['participants:read'],
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: GRANT_TYPES,
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      introspection_endpoint: `${base}${AUTHSERVER_PATHS.introspection}`,
      introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      revocation_endpoint: `${base}${AUTHSERVER_PATHS.revocation}`,
      revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      authorization_response_iss_parameter_supported: true,
      service_documentation: `${base}/docs/provider-role`,
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
