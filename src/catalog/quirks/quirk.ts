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
   * Dynamic client registration on first use (Mastodon `POST /api/v1/apps`). Returns the client
   * id and secret to store on the registered client.
   */
  registerClient?(ctx: QuirkContext & { redirectUri: string; scopes: string[] }): Promise<{
    clientId: string;
    clientSecret?: string;
  }>;
}
