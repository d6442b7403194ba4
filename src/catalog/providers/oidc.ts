import { defineProvider } from '../provider.ts';
import { OIDC_SCOPES } from './oidc-scopes.ts';

/** Any OpenID provider: discovery decides the endpoints, PKCE and `iss` support. */
export default defineProvider({
  key: 'oidc',
  displayName: 'OpenID Connect (any issuer)',
  categories: ['iam'],
  protocol: 'oidc',
  issuer: '{issuer}',
  discovery: true,
  templates: [
    {
      name: 'issuer',
      label: 'Issuer URL',
      description: 'The issuer identifier; its /.well-known/openid-configuration must be reachable.',
      pattern: 'https?://[^\\s?#]+',
      examples: ['https://id.example.com', 'https://keycloak.example.com/realms/main'],
    },
  ],
  scopes: OIDC_SCOPES,
  presets: { login: ['openid', 'email', 'profile'] },
  docs: { steps: ['Register a confidential web client at your provider with the Redirect URL shown here.'] },
});
