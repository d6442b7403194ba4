/** The standard OpenID Connect scopes (OIDC Core §5.4, §11), as most OpenID providers name them. */
export const OIDC_SCOPES = [
  { name: 'openid', description: 'Sign in.' },
  { name: 'email', description: 'Email address.' },
  { name: 'profile', description: 'Name and profile.' },
  { name: 'offline_access', description: 'A refresh token.' },
];
