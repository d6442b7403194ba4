import lever from './lever.ts';
import { variantOf } from './shapes.ts';

/** Lever’s sandbox environment: the production entry with the sandbox hosts. */
export default variantOf(lever, {
  key: 'lever-sandbox',
  displayName: 'Lever (OAuth Sandbox)',
  endpoints: {
    authorization: 'https://sandbox-lever.auth0.com/authorize',
    token: 'https://sandbox-lever.auth0.com/oauth/token',
  },
  authorizationParams: {
    audience: 'https://api.sandbox.lever.co/v1/',
    prompt: 'consent',
  },
});
