import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'microsoft',
  displayName: 'Microsoft Entra ID (Microsoft 365)',
  categories: ['productivity', 'popular', 'iam'],
  protocol: 'oidc',
  // For common/organizations/consumers the real issuer carries the user's tenant id (`tid`).
  issuer: 'https://login.microsoftonline.com/{tenant}/v2.0',
  endpoints: {
    authorization: 'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize',
    token: 'https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token',
    userinfo: 'https://graph.microsoft.com/oidc/userinfo',
    jwks: 'https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    {
      name: 'tenant',
      label: 'Tenant',
      description:
        '“common” (any Microsoft account), “organizations” (work or school), “consumers” (personal) or your directory (tenant) id.',
      pattern:
        'common|organizations|consumers|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[a-zA-Z0-9-]+\\.onmicrosoft\\.com',
      default: 'common',
      examples: ['common', 'organizations', '72f988bf-86f1-41af-91ab-2d7cd011db47'],
    },
  ],
  refreshToken: {
    issued: 'with_scope',
    rotates: true,
    lifetimeDays: 90,
    notes:
      'Needs offline_access. Rotates on use (old ones stay valid until they expire); 90 days, 24 h for SPAs.',
  },
  scopes: [
    { name: 'openid', description: 'Sign in.' },
    { name: 'email', description: 'The user’s email address.' },
    { name: 'profile', description: 'Name and basic profile.' },
    { name: 'offline_access', description: 'A refresh token, to keep access without the user present.' },
    {
      name: 'https://outlook.office365.com/IMAP.AccessAsUser.All',
      description: 'Read the mailbox over IMAP.',
    },
    { name: 'https://outlook.office365.com/SMTP.Send', description: 'Send mail over SMTP AUTH.' },
    { name: 'Calendars.ReadWrite', description: 'Read and write the user’s calendars (Microsoft Graph).' },
    { name: 'Files.ReadWrite', description: 'Read and write the user’s files (OneDrive).' },
  ],
  presets: {
    login: ['openid', 'email', 'profile'],
    mail: [
      'openid',
      'email',
      'offline_access',
      'https://outlook.office365.com/IMAP.AccessAsUser.All',
      'https://outlook.office365.com/SMTP.Send',
    ],
    calendar: ['openid', 'email', 'offline_access', 'Calendars.ReadWrite'],
    files: ['openid', 'email', 'offline_access', 'Files.ReadWrite'],
  },
  docs: {
    registerUrl: 'https://portal.azure.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
    steps: [
      'Azure portal → Microsoft Entra ID → App registrations → New registration.',
      'Supported account types: match the tenant you enter here (“common” = any Microsoft account).',
      'Redirect URI: platform “Web”, paste the Redirect URL shown here.',
      'Certificates & secrets → New client secret; copy its Value (shown once) into this page.',
      'API permissions: add the scopes listed here; include offline_access for a refresh token. For mail: IMAP.AccessAsUser.All and SMTP.Send (Office 365 Exchange Online).',
    ],
    notes: ['Microsoft 365 tenants may disable SMTP AUTH; a tenant admin must enable it for sending.'],
  },
  // The ID token's issuer carries the user's tenant (`tid`): see quirks/microsoft.ts.
  quirks: 'microsoft',
});
