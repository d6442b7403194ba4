import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Clients an administrator registers for the built-in demo provider: stored as oidc-provider
 * `Client` models in the demo's own table, where oidc-provider looks up clients it has not been
 * configured with. The demo then behaves like a real provider's console: whatever Client ID and
 * Secret you register in Consentry are the ones it accepts, for the one Redirect URL.
 */
export async function registerDemoClient(
  db: Kysely<Database>,
  input: { clientId: string; clientSecret: string; redirectUri: string },
): Promise<void> {
  const payload = {
    client_id: input.clientId,
    client_secret: input.clientSecret,
    redirect_uris: [input.redirectUri],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  };
  const row = {
    model: 'Client',
    id: input.clientId,
    payload: JSON.stringify(payload),
    grant_id: null,
    user_code: null,
    uid: null,
    expires_at: null,
  };
  await db
    .insertInto('demo_oidc_models')
    .values(row)
    .onConflict((oc) => oc.columns(['model', 'id']).doUpdateSet({ payload: row.payload }))
    .execute();
}
