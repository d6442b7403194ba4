import type { Generated } from 'kysely';

/** Row types as the database holds them. Times are epoch milliseconds; JSON columns are text. */
export interface OAuthClientsTable {
  id: string;
  provider_key: string;
  name: string;
  client_id: string;
  client_secret: string | null;
  template_values: string;
  options: string;
  created_at: number;
  updated_at: number;
}

export interface ConnectionsTable {
  id: string;
  client_ref: string;
  provider_key: string;
  purpose: string;
  payload: string;
  account: string | null;
  subject: string | null;
  issuer: string | null;
  access_token: string;
  refresh_token: string | null;
  token_type: string;
  scopes: string;
  expires_at: number | null;
  refresh_expires_at: number | null;
  id_token_claims: string | null;
  extras: string;
  status: string;
  status_reason: string | null;
  last_refresh_at: number | null;
  last_error: string | null;
  failure_count: Generated<number>;
  next_attempt_at: number | null;
  version: Generated<number>;
  lease_owner: string | null;
  lease_until: number | null;
  created_at: number;
  updated_at: number;
}

export interface FlowsTable {
  state_hash: string;
  session_hash: string;
  client_ref: string;
  purpose: string;
  payload: string;
  return_url: string;
  code_verifier: string | null;
  nonce: string | null;
  expected_issuer: string | null;
  scopes: string;
  reconnect_ref: string | null;
  expires_at: number;
  created_at: number;
}

export interface DemoOidcModelsTable {
  model: string;
  id: string;
  payload: string;
  grant_id: string | null;
  user_code: string | null;
  uid: string | null;
  expires_at: number | null;
}

export interface Database {
  oauth_clients: OAuthClientsTable;
  connections: ConnectionsTable;
  flows: FlowsTable;
  demo_oidc_models: DemoOidcModelsTable;
}
