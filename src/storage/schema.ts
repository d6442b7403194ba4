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
  /** Connection health (0010): the provider refuses this client's credentials since then. */
  refused_at: Generated<number | null>;
  /** JSON HealthState of that refusal. */
  refusal: Generated<string | null>;
  /** Connection health (0010): rate limited by the provider until then (every instance). */
  paused_until: Generated<number | null>;
  pause: Generated<string | null>;
  /** 0011: sealed private JWK for `private_key_jwt` (RFC 7523), null when the client has none. */
  client_key: Generated<string | null>;
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
  /** Connection health (0010): named cause of the last refusal or failure, and its evidence (JSON). */
  health_cause: Generated<string | null>;
  health_evidence: Generated<string | null>;
  /** 0011: origin of this account's own token host (Zoho `accounts-server`), null = the entry's. */
  token_host: Generated<string | null>;
  /** 0011: sealed private JWK the access and refresh tokens are DPoP-bound to (RFC 9449). */
  dpop_key: Generated<string | null>;
  /** 0017: how tokens are obtained and renewed (`authorization_code`, `client_credentials`, `jwt_bearer`). */
  grant_type: Generated<string>;
  /** 0017: the grant's non-secret inputs (JSON) for a connection without a user. */
  grant_request: Generated<string | null>;
  /** 0017: identifies "the same request" per client (idempotent connect); null when consented. */
  grant_key: Generated<string | null>;
}

/** Connection health (0010): reconnect links sent to end users. */
export interface ReconnectOutreachTable {
  id: string;
  connection_ref: string;
  /** `email` (sent through SMTP_URL) or `link` (handed to the feature to deliver). */
  channel: string;
  recipient: string | null;
  created_at: number;
  expires_at: number;
  sent_at: number | null;
  used_at: number | null;
  completed_at: number | null;
  last_error: string | null;
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
  /** 0013: `confidential` | `public` (token_endpoint_auth_method none). */
  client_type: string;
  /** 0013: registered redirect URIs, space-separated. */
  redirect_uris: string;
  /** 0013: 1 = an administrator let this confidential client skip PKCE. */
  pkce_exempt: number;
}

/** Provider role (0013): remembered consent per (user, application). */
export interface OAuthConsentsTable {
  user_id: string;
  application_id: string;
  scopes: string;
  created_at: number;
  updated_at: number;
}

/** Provider role (0013): one grant per authorization given to an application. */
export interface OAuthGrantsTable {
  id: string;
  application_id: string;
  client_id: string;
  user_id: string;
  scopes: string;
  audience: string;
  auth_time: number;
  created_at: number;
  revoked_at: number | null;
  revoked_reason: string | null;
}

/** Provider role (0013): authorization codes, by SHA-256 hash. */
export interface OAuthCodesTable {
  code_hash: string;
  client_id: string;
  user_id: string;
  redirect_uri: string;
  code_challenge: string | null;
  scopes: string;
  audience: string;
  auth_time: number;
  expires_at: number;
  used_at: number | null;
  grant_id: string | null;
  created_at: number;
}

/**
 * Provider role (0013, keyed by grant since 0019): refresh tokens, by SHA-256 hash of the whole
 * token; `used_at` set when rotated. Primary key `(grant_id, token_hash)`.
 */
export interface OAuthRefreshTokensTable {
  grant_id: string;
  token_hash: string;
  expires_at: number;
  used_at: number | null;
  created_at: number;
}

/** Provider role (0019): the grant of each refresh token issued before 0019 (no grant id in it). */
export interface OAuthLegacyRefreshTokensTable {
  token_hash: string;
  grant_id: string;
}

/** Provider role (0013): RFC 8628 device authorizations. */
export interface OAuthDeviceAuthorizationsTable {
  device_code_hash: string;
  user_code: string;
  client_id: string;
  scopes: string;
  audience: string;
  interval_seconds: number;
  status: string;
  user_id: string | null;
  auth_time: number | null;
  last_poll_at: number | null;
  expires_at: number;
  created_at: number;
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
  oauth_consents: OAuthConsentsTable;
  oauth_grants: OAuthGrantsTable;
  oauth_codes: OAuthCodesTable;
  oauth_refresh_tokens: OAuthRefreshTokensTable;
  oauth_legacy_refresh_tokens: OAuthLegacyRefreshTokensTable;
  oauth_device_authorizations: OAuthDeviceAuthorizationsTable;
  mailboxes: MailboxesTable;
  signin_links: SigninLinksTable;
  signin_tickets: SigninTicketsTable;
  console_users: ConsoleUsersTable;
  console_sessions: ConsoleSessionsTable;
  console_handoffs: ConsoleHandoffsTable;
  reconnect_outreach: ReconnectOutreachTable;
  // Migration 0009 (issue 10): key rotation and the audit trail.
  sealed_sentinel: SealedSentinelTable;
  key_ring_instances: KeyRingInstancesTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  api_keys: ApiKeysTable;
  api_connect_sessions: ApiConnectSessionsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
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
  /** 0011: the error code and message of the flow this link started, when it failed. */
  failed_code: Generated<string | null>;
  failed_message: Generated<string | null>;
}

/** Integration surface (0016): JSON API keys (hash only), API connect sessions, webhooks. */
export interface ApiKeysTable {
  id: string;
  name: string;
  key_hash: string;
  /** The key's first characters, to recognise it in lists (not enough to use it). */
  prefix: string;
  /** Space-separated API scopes. */
  scopes: string;
  created_by: string | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface ApiConnectSessionsTable {
  handoff_id: string;
  client_ref: string;
  purpose: string;
  payload: string;
  api_key_ref: string | null;
  expires_at: number;
  created_at: number;
}

export interface WebhookEndpointsTable {
  id: string;
  url: string;
  description: string | null;
  /** Sealed (SecretBox, AAD webhook_endpoints:secret:<id>). */
  secret: string;
  /** Space-separated webhook event types, or `*`. */
  event_types: string;
  enabled: number;
  created_at: number;
  updated_at: number;
}

export interface WebhookDeliveriesTable {
  id: string;
  event_id: string;
  endpoint_id: string;
  event_type: string;
  body: string;
  status: string;
  attempts: number;
  next_attempt_at: number;
  lease_owner: string | null;
  lease_until: number | null;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
}
