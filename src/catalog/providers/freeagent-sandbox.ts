import freeagent from './freeagent.ts';
import { variantOf } from './shapes.ts';

/** FreeAgent’s sandbox environment: the production entry with the sandbox hosts. */
export default variantOf(freeagent, {
  key: 'freeagent-sandbox',
  displayName: 'FreeAgent (Sandbox)',
  endpoints: {
    authorization: 'https://api.sandbox.freeagent.com/v2/approve_app',
    token: 'https://api.sandbox.freeagent.com/v2/token_endpoint',
  },
});
