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
  /** Scale-out (0003): when the current refresh token's coming lapse was announced. */
  lapse_warned_at: Generated<number | null>;
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

/** Provider role (authserver). */
export interface OrganizationsTable {
  id: string;
  name: string;
  created_at: number;
}

export interface ApplicationsTable {
  id: string;
  client_id: string;
  organization_id: string;
  name: string;
  owner_email: string;
  audience: string;
  scopes: string;
  token_lifetime: number;
  active: number;
  secret_hash: string;
  previous_secret_hash: string | null;
  previous_secret_valid_until: number | null;
  tokens_valid_from: number | null;
  created_at: number;
  updated_at: number;
}

export interface RevokedTokensTable {
  jti: string;
  client_id: string;
  expires_at: number;
  revoked_at: number;
}

/** Provider role (0006): failed client-authentication counts shared by every instance. */
export interface AuthFailuresTable {
  key: string;
  failures: number;
  window_ends_at: number;
}

export interface Database {
  oauth_clients: OAuthClientsTable;
  connections: ConnectionsTable;
  flows: FlowsTable;
  demo_oidc_models: DemoOidcModelsTable;
  organizations: OrganizationsTable;
  applications: ApplicationsTable;
  revoked_tokens: RevokedTokensTable;
  auth_failures: AuthFailuresTable;
  mailboxes: MailboxesTable;
  signin_links: SigninLinksTable;
  signin_tickets: SigninTicketsTable;
  console_users: ConsoleUsersTable;
  console_sessions: ConsoleSessionsTable;
  console_handoffs: ConsoleHandoffsTable;
  // Migration 0009 (issue 10): key rotation and the audit trail.
  sealed_sentinel: SealedSentinelTable;
  key_ring_instances: KeyRingInstancesTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
}

/** Migration 0009: one sealed random value `/healthz` opens (and the CSRF key derives from). */
export interface SealedSentinelTable {
  id: string;
  value: string;
  created_at: number;
}

/** Migration 0009: a heartbeat per running server with the SecretBox key ids it holds. */
export interface KeyRingInstancesTable {
  id: string;
  current_key_id: string;
  /** JSON array of key ids, current first. */
  key_ids: string;
  /** 'file' or 'env'. */
  key_source: string;
  host: string;
  pid: number;
  started_at: number;
  heartbeat_at: number;
  expires_at: number;
}

/** Migration 0009: the hash-chained audit trail. */
export interface AuditEventsTable {
  seq: number;
  at: number;
  actor_kind: string;
  actor_id: string | null;
  actor_label: string;
  address: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** JSON object, hashed as stored. */
  details: string;
  prev_hash: string;
  hash: string;
}

/** Migration 0009: the chain's head, written with every append. */
export interface AuditHeadTable {
  id: string;
  seq: number;
  hash: string;
}

/** Consumers (issue 7): mail accounts, sign-in links and one-time sign-in tickets. */
export interface MailboxesTable {
  id: string;
  client_ref: string;
  address: string;
  display_name: string | null;
  imap_host: string;
  imap_port: number;
  imap_security: string;
  smtp_host: string;
  smtp_port: number;
  smtp_security: string;
  connection_ref: string | null;
  health_note: string | null;
  last_error: string | null;
  last_used_at: number | null;
  created_at: number;
  updated_at: number;
  /** Migration 0007: the console user who added it (null: administrators only). */
  owner_ref: string | null;
  /** Migration 0007: the pending `consentry mailboxes connect` hand-off id. */
  connect_handoff: string | null;
}

export interface SigninLinksTable {
  issuer: string;
  subject: string;
  user_ref: string;
  email: string | null;
  created_at: number;
  last_sign_in_at: number | null;
}

export interface SigninTicketsTable {
  ticket_hash: string;
  session_hash: string;
  user_ref: string;
  return_to: string;
  expires_at: number;
  created_at: number;
}

/** Admin console (issue 4): local users, their sessions (hashed ids), CLI connect hand-offs. */
export interface ConsoleUsersTable {
  id: string;
  email: string;
  password_hash: string;
  /** Space-separated permission names. */
  permissions: string;
  disabled: number;
  created_at: number;
  updated_at: number;
}

export interface ConsoleSessionsTable {
  id_hash: string;
  user_id: string;
  expires_at: number;
  created_at: number;
}

export interface ConsoleHandoffsTable {
  token_hash: string;
  id: string;
  client_ref: string;
  scopes: string | null;
  preset: string | null;
  used_at: number | null;
  expires_at: number;
  created_at: number;
}
