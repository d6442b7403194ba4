import { CLIENT_AUTH_METHODS, type ClientAuthMethod, type OAuth2Provider } from '../provider.ts';
import type { ProviderQuirks } from './quirk.ts';

/**
 * The `custom` provider: an OAuth 2.0 server the catalog does not know, described by the
 * administrator when registering the client. Its template values (validated at registration by
 * the entry's `templates`) become, for that client only, the endpoints, the client authentication
 * method, the scope separator and whether PKCE is sent. With an issuer and a JWKS URL it is an
 * OpenID provider: flows asking for `openid` get a nonce and a validated ID token; flows that do
 * not ask ignore any ID token (RFC 6749 §5.1).
 */
export const customQuirks: ProviderQuirks = {
  resolveProvider(provider, client): OAuth2Provider {
    const v = client.templateValues;
    const auth = v.client_auth;
    const openid = Boolean(v.issuer && v.jwks_url);
    return {
      ...provider,
      protocol: openid ? 'oidc' : 'oauth2',
      ...(openid ? { issuer: v.issuer } : {}),
      endpoints: {
        authorization: v.authorization_url ?? provider.endpoints.authorization,
        token: v.token_url ?? provider.endpoints.token,
        ...(v.revocation_url ? { revocation: v.revocation_url } : {}),
        ...(v.userinfo_url ? { userinfo: v.userinfo_url } : {}),
        ...(openid ? { jwks: v.jwks_url } : {}),
      },
      clientAuth: (CLIENT_AUTH_METHODS as readonly string[]).includes(auth ?? '')
        ? (auth as ClientAuthMethod)
        : provider.clientAuth,
      scopeSeparator: v.scope_separator === 'comma' ? ',' : ' ',
      pkce: v.pkce !== 'no',
    };
  },
};
