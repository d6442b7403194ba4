import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'microsoft',
  displayName: 'Microsoft Entra ID (Microsoft 365)',
  categories: ['productivity', 'popular', 'iam'],
  protocol: 'oidc',
  // Authorization code for people; client credentials for the application itself ("app-only").
  grants: ['authorization_code', 'client_credentials'],
  // https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
  clientCredentials: {
    defaultScopes: ['https://graph.microsoft.com/.default'],
    tokenParams: {},
    notes:
      'v2.0 token endpoint of a specific tenant (directory id or domain — not common/organizations/consumers); scope is `<resource>/.default` (Graph: https://graph.microsoft.com/.default; IMAP/SMTP app-only: https://outlook.office365.com/.default) and grants the application permissions an administrator consented to. Client secret or certificate (private_key_jwt with the certificate’s x5t / x5t#S256). No refresh token; access tokens last about an hour (expires_in 3599).',
  },
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
  // Documented error answers of the token endpoint (issue 11): what each one means.
  errors: [
    {
      when: {
        descriptionIncludes: 'AADSTS70008:',
      },
      outcome: 'grant_dead',
      cause: 'expired',
      docs: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
      example: {
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description:
            'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource. Trace ID: 0d7a7b5e-95cd-4e59-a1a2-3c1d2b5c6a00 Correlation ID: 4f3c2b1a-0000-4d6e-9f8a-7b6c5d4e3f21 Timestamp: 2026-11-29 12:00:00Z',
          error_codes: [70008],
          timestamp: '2026-11-29 12:00:00Z',
        },
      },
    },
    {
      when: {
        descriptionIncludes: 'AADSTS700082:',
      },
      outcome: 'grant_dead',
      cause: 'expired',
      docs: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
      example: {
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description:
            'AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2026-08-01 and was inactive for 90.00:00:00. Trace ID: 0d7a7b5e-95cd-4e59-a1a2-3c1d2b5c6a00 Correlation ID: 4f3c2b1a-0000-4d6e-9f8a-7b6c5d4e3f21 Timestamp: 2026-11-29 12:00:00Z',
          error_codes: [700082],
          timestamp: '2026-11-29 12:00:00Z',
        },
      },
    },
    {
      when: {
        descriptionIncludes: 'AADSTS50173:',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      docs: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
      example: {
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description:
            'AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. Trace ID: 0d7a7b5e-95cd-4e59-a1a2-3c1d2b5c6a00 Correlation ID: 4f3c2b1a-0000-4d6e-9f8a-7b6c5d4e3f21 Timestamp: 2026-11-29 12:00:00Z',
          error_codes: [50173],
          timestamp: '2026-11-29 12:00:00Z',
        },
      },
    },
    {
      when: {
        descriptionIncludes: 'AADSTS65001:',
      },
      outcome: 'grant_dead',
      cause: 'consent_required',
      docs: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
      example: {
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description:
            "AADSTS65001: The user or administrator has not consented to use the application with ID '00000000-0000-0000-0000-000000000000'. Send an interactive authorization request for this user and resource. Trace ID: 0d7a7b5e-95cd-4e59-a1a2-3c1d2b5c6a00 Correlation ID: 4f3c2b1a-0000-4d6e-9f8a-7b6c5d4e3f21 Timestamp: 2026-11-29 12:00:00Z",
          error_codes: [65001],
          timestamp: '2026-11-29 12:00:00Z',
        },
      },
    },
    {
      when: {
        descriptionIncludes: 'AADSTS50076:',
      },
      outcome: 'grant_dead',
      cause: 'consent_required',
      docs: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
      example: {
        status: 400,
        body: {
          error: 'interaction_required',
          error_description:
            "AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'. Trace ID: 0d7a7b5e-95cd-4e59-a1a2-3c1d2b5c6a00 Correlation ID: 4f3c2b1a-0000-4d6e-9f8a-7b6c5d4e3f21 Timestamp: 2026-11-29 12:00:00Z",
          error_codes: [50076],
          timestamp: '2026-11-29 12:00:00Z',
        },
      },
    },
    {
      when: {
        descriptionIncludes: 'AADSTS7000215:',
      },
      outcome: 'client_invalid',
      cause: 'client_invalid',
      docs: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
      example: {
        status: 400,
        body: {
          error: 'invalid_client',
          error_description:
            'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID. Trace ID: 0d7a7b5e-95cd-4e59-a1a2-3c1d2b5c6a00 Correlation ID: 4f3c2b1a-0000-4d6e-9f8a-7b6c5d4e3f21 Timestamp: 2026-11-29 12:00:00Z',
          error_codes: [7000215],
          timestamp: '2026-11-29 12:00:00Z',
        },
      },
    },
    {
      when: {
        descriptionIncludes: 'AADSTS7000222:',
      },
      outcome: 'client_invalid',
      cause: 'client_invalid',
      docs: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
      example: {
        status: 400,
        body: {
          error: 'invalid_client',
          error_description:
            "AADSTS7000222: The provided client secret keys for app '00000000-0000-0000-0000-000000000000' are expired. Visit the Azure portal to create new keys for your app. Trace ID: 0d7a7b5e-95cd-4e59-a1a2-3c1d2b5c6a00 Correlation ID: 4f3c2b1a-0000-4d6e-9f8a-7b6c5d4e3f21 Timestamp: 2026-11-29 12:00:00Z",
          error_codes: [7000222],
          timestamp: '2026-11-29 12:00:00Z',
        },
      },
    },
    {
      when: {
        descriptionIncludes: 'AADSTS700016:',
      },
      outcome: 'client_invalid',
      cause: 'client_invalid',
      docs: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
      example: {
        status: 400,
        body: {
          error: 'unauthorized_client',
          error_description:
            "AADSTS700016: Application with identifier '00000000-0000-0000-0000-000000000000' was not found in the directory 'contoso'. Trace ID: 0d7a7b5e-95cd-4e59-a1a2-3c1d2b5c6a00 Correlation ID: 4f3c2b1a-0000-4d6e-9f8a-7b6c5d4e3f21 Timestamp: 2026-11-29 12:00:00Z",
          error_codes: [700016],
          timestamp: '2026-11-29 12:00:00Z',
        },
      },
    },
  ],
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
    notes: [
      'Microsoft 365 tenants may disable SMTP AUTH; a tenant admin must enable it for sending.',
      'App-only (client credentials, no user): tenant = your directory id; API permissions → Application permissions (Graph, or Office 365 Exchange Online IMAP.AccessAsApp / SMTP.SendAsApp for mail) → Grant admin consent; for mail also register the app’s service principal in Exchange Online (New-ServicePrincipal) and give it the mailbox (Add-MailboxPermission). Authenticate with a client secret, or upload a certificate and import its private key with the certificate here.',
    ],
  },
  // The ID token's issuer carries the user's tenant (`tid`): see quirks/microsoft.ts.
  quirks: 'microsoft',
});
