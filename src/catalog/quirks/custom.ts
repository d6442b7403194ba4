import type { OAuth2Provider } from '../provider.ts';
import type { ProviderQuirks } from './quirk.ts';

/**
 * The `custom` provider: an OAuth 2.0 server the catalog does not know, described by the
 * administrator when registering the client. Its template values (validated at registration by
 * the entry's `templates`) become, for that client only, the endpoints, the client authentication
 * method, the scope separator and whether PKCE is sent.
 */
export const customQuirks: ProviderQuirks = {
  resolveProvider(provider, client): OAuth2Provider {
    const v = client.templateValues;
    const auth = v.client_auth;
    return {
      ...provider,
      endpoints: {
        authorization: v.authorization_url ?? provider.endpoints.authorization,
        token: v.token_url ?? provider.endpoints.token,
        ...(v.revocation_url ? { revocation: v.revocation_url } : {}),
        ...(v.userinfo_url ? { userinfo: v.userinfo_url } : {}),
      },
      clientAuth:
        auth === 'client_secret_post' || auth === 'none' || auth === 'client_secret_basic'
          ? auth
          : provider.clientAuth,
      scopeSeparator: v.scope_separator === 'comma' ? ',' : ' ',
      pkce: v.pkce !== 'no',
    };
  },
};
