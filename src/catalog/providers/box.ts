import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'box',
  displayName: 'Box',
  categories: ['storage'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://account.box.com/api/oauth2/authorize',
    token: 'https://api.box.com/oauth2/token',
    revocation: 'https://api.box.com/oauth2/revoke',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'always',
    rotates: true,
    lifetimeDays: 60,
    notes: 'Single use: every refresh returns a new refresh token; 60 days. Access tokens last one hour.',
  },
  // Documented error answers of the token endpoint (issue 11): what each one means.
  errors: [
    {
      when: {
        error: 'invalid_grant',
        descriptionIncludes: 'Refresh token has expired',
      },
      outcome: 'grant_dead',
      cause: 'expired',
      stage: 'refresh',
      docs: 'https://developer.box.com/reference/resources/oauth2-error/',
      example: {
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description: 'Refresh token has expired',
        },
      },
    },
    {
      when: {
        error: 'invalid_grant',
        descriptionIncludes: 'Invalid refresh token',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      stage: 'refresh',
      docs: 'https://developer.box.com/reference/resources/oauth2-error/',
      example: {
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description: 'Invalid refresh token',
        },
      },
    },
    {
      when: {
        error: 'invalid_client',
      },
      outcome: 'client_invalid',
      cause: 'client_invalid',
      docs: 'https://developer.box.com/reference/resources/oauth2-error/',
      example: {
        status: 400,
        body: {
          error: 'invalid_client',
          error_description: 'The client credentials are not valid',
        },
      },
    },
    {
      when: {
        error: 'unauthorized_client',
      },
      outcome: 'client_invalid',
      cause: 'client_invalid',
      docs: 'https://developer.box.com/reference/resources/oauth2-error/',
      example: {
        status: 400,
        body: {
          error: 'unauthorized_client',
          error_description: 'The grant type is unauthorized for this client_id',
        },
      },
    },
    {
      when: {
        status: [429],
      },
      outcome: 'transient',
      cause: 'rate_limited',
      docs: 'https://developer.box.com/guides/api-calls/permissions-and-errors/rate-limits/',
      example: {
        status: 429,
        body: {
          type: 'error',
          status: 429,
          code: 'rate_limit_exceeded',
          message: 'Request rate limit exceeded, please try again later',
        },
        headers: {
          'retry-after': '10',
        },
      },
    },
  ],
  scopes: [
    { name: 'root_readonly', description: 'Read all files and folders.' },
    { name: 'root_readwrite', description: 'Read and write all files and folders.' },
  ],
  presets: { files: ['root_readwrite'] },
  docs: { registerUrl: 'https://app.box.com/developers/console' },
  uncertain: ['PKCE support is not documented, so it is not sent.'],
});
