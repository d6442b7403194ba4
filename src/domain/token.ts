/**
 * The immutable token value (seed 004's OAuth2Token).
 *
 * Expiry is an absolute UTC instant computed once from `expires_in` when the response arrives,
 * so a token read back from storage an hour later still knows when it dies.
 */

export interface TokenResponseLike {
  access_token: string;
  token_type?: string;
  expires_in?: number | string;
  refresh_token?: string;
  scope?: string;
}

export interface OAuth2TokenInit {
  accessToken: string;
  refreshToken?: string | undefined;
  tokenType?: string | undefined;
  /** Granted scopes; when the provider does not say, the requested ones. */
  scopes?: readonly string[] | undefined;
  /** Absolute expiry; undefined when the provider gave none (tokens that do not expire, or unknown). */
  expiresAt?: Date | undefined;
  idTokenClaims?: Readonly<Record<string, unknown>> | undefined;
  /** Provider-specific extras worth keeping on the connection (Salesforce `instance_url`, …). */
  extras?: Readonly<Record<string, string>> | undefined;
}

export class OAuth2Token {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  readonly tokenType: string;
  readonly scopes: readonly string[];
  readonly expiresAt: Date | undefined;
  readonly idTokenClaims: Readonly<Record<string, unknown>> | undefined;
  readonly extras: Readonly<Record<string, string>>;

  constructor(init: OAuth2TokenInit) {
    this.accessToken = init.accessToken;
    this.refreshToken = init.refreshToken;
    this.tokenType = (init.tokenType ?? 'bearer').toLowerCase();
    this.scopes = Object.freeze([...(init.scopes ?? [])]);
    this.expiresAt = init.expiresAt ? new Date(init.expiresAt.getTime()) : undefined;
    this.idTokenClaims = init.idTokenClaims ? Object.freeze({ ...init.idTokenClaims }) : undefined;
    this.extras = Object.freeze({ ...(init.extras ?? {}) });
    Object.freeze(this);
  }

  /**
   * Builds a token from a token-endpoint response.
   * @see RFC 6749 §5.1 — `expires_in` is relative; we anchor it to `now`.
   */
  static fromResponse(
    response: TokenResponseLike,
    options: {
      now?: Date;
      requestedScopes?: readonly string[];
      scopeSeparator?: string | RegExp;
      idTokenClaims?: Record<string, unknown> | undefined;
      extras?: Record<string, string> | undefined;
    } = {},
  ): OAuth2Token {
    const now = options.now ?? new Date();
    const expiresIn = response.expires_in === undefined ? undefined : Number(response.expires_in);
    return new OAuth2Token({
      accessToken: response.access_token,
      refreshToken: response.refresh_token,
      tokenType: response.token_type,
      scopes:
        typeof response.scope === 'string'
          ? splitScope(response.scope, options.scopeSeparator)
          : (options.requestedScopes ?? []),
      expiresAt:
        expiresIn !== undefined && Number.isFinite(expiresIn)
          ? new Date(now.getTime() + expiresIn * 1000)
          : undefined,
      idTokenClaims: options.idTokenClaims,
      extras: options.extras,
    });
  }

  /** True when the token is expired or expires within `skewSeconds`. A token without expiry never is. */
  isExpired(skewSeconds = 0, now: Date = new Date()): boolean {
    if (!this.expiresAt) return false;
    return this.expiresAt.getTime() - skewSeconds * 1000 <= now.getTime();
  }

  /**
   * A new token after a refresh. Keeps the old refresh token when the provider sends none
   * (RFC 6749 §6: the server MAY issue a new one), and the old scopes when none are returned.
   */
  withRefreshedAccess(
    response: TokenResponseLike,
    options: {
      now?: Date;
      scopeSeparator?: string | RegExp;
      idTokenClaims?: Record<string, unknown> | undefined;
      extras?: Record<string, string> | undefined;
    } = {},
  ): OAuth2Token {
    const next = OAuth2Token.fromResponse(response, { ...options, requestedScopes: this.scopes });
    return new OAuth2Token({
      accessToken: next.accessToken,
      refreshToken: next.refreshToken ?? this.refreshToken,
      tokenType: next.tokenType,
      scopes: next.scopes,
      expiresAt: next.expiresAt,
      idTokenClaims: next.idTokenClaims ?? this.idTokenClaims,
      extras: { ...this.extras, ...next.extras },
    });
  }

  /** Never print a token by accident (console.log, util.inspect, JSON.stringify). */
  toJSON(): Record<string, unknown> {
    return {
      tokenType: this.tokenType,
      scopes: this.scopes,
      expiresAt: this.expiresAt?.toISOString(),
      hasRefreshToken: this.refreshToken !== undefined,
    };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `OAuth2Token ${JSON.stringify(this.toJSON())}`;
  }
}

export function splitScope(scope: string, separator: string | RegExp = /[\s,]+/): string[] {
  return scope
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
