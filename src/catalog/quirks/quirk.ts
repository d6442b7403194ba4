import type { RegisteredClient } from '../../domain/connection.ts';
import type { OAuth2Provider } from '../provider.ts';

/**
 * The hooks a provider module may implement when its behaviour cannot be data.
 * Shared code calls hooks; it never asks which provider it is talking to.
 */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface QuirkContext {
  provider: OAuth2Provider;
  client: RegisteredClient;
}

export interface ProviderQuirks {
  /**
   * Wraps every HTTP request to the provider's endpoints (token, revocation, userinfo).
   * Used to add headers (GitHub `Accept: application/json`), reshape bodies (Notion JSON) or turn
   * HTTP-200 error bodies into proper OAuth errors (GitHub, Slack `ok:false`).
   */
  fetch?(url: string, init: RequestInit, next: FetchLike, ctx: QuirkContext): Promise<Response>;
  /** Token types other than bearer this provider legitimately returns (Slack `bot`). */
  tokenTypes?: readonly string[];
  /** The client secret to send, when it is derived (Apple: an ES256 JWT signed with the team key). */
  clientSecret?(stored: string | undefined, ctx: QuirkContext): Promise<string | undefined>;
  /** The issuer to expect in the ID token when it depends on its claims (Microsoft `tid`). */
  idTokenIssuer?(claims: Record<string, unknown>, ctx: QuirkContext): string;
  /** Extra authorization parameters computed per flow. */
  authorizationParams?(ctx: QuirkContext): Record<string, string>;
  /**
   * Last word on the consent URL, after every standard parameter is set (Slack moves user
   * scopes from `scope` to `user_scope`). Mutates `url` in place.
   */
  authorizationUrl?(url: URL, ctx: QuirkContext): void;
  /**
   * The provider data as it applies to one registered client, when the client decides what is
   * usually data (the `custom` provider: endpoints, client authentication and scope separator
   * typed in by an administrator). Called once per provider session.
   */
  resolveProvider?(provider: OAuth2Provider, client: RegisteredClient): OAuth2Provider;
  /**
   * Dynamic client registration on first use (Mastodon `POST /api/v1/apps`). Returns the client
   * id and secret to store on the registered client.
   */
  registerClient?(
    ctx: QuirkContext & { redirectUri: string; scopes: string[]; fetch?: FetchLike | undefined },
  ): Promise<{
    clientId: string;
    clientSecret?: string;
  }>;
}
