import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'survey-monkey',
  displayName: 'SurveyMonkey',
  categories: ['surveys'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.surveymonkey.com/oauth/authorize',
    token: 'https://api.surveymonkey.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: { issued: 'never', rotates: false, notes: 'Access tokens do not expire.' },
  scopes: [
    { name: 'surveys_read', description: 'Read surveys.' },
    { name: 'responses_read', description: 'Read responses.' },
    { name: 'users_read', description: 'Read the user’s account.' },
  ],
  presets: { login: ['users_read'] },
  docs: {
    registerUrl: 'https://developer.surveymonkey.com/api/v3/#authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
