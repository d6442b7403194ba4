import type {
  ApiAudience,
  Application,
  ApplicationCredentials,
  ClientType,
  Organization,
} from '../domain/application.ts';
import type { UserRepository } from './console.ports.ts';

/**
 * Repository interfaces the provider role (src/authserver) depends on. Implementations live beside
 * them in src/storage; the authserver never sees Kysely or a driver.
 */

export interface NewApplication {
  clientId: string;
  organizationId: string;
  name: string;
  ownerEmail: string;
  audience: ApiAudience;
  scopes: string[];
  tokenLifetimeSeconds: number;
  active: boolean;
  secretHash: string;
  clientType?: ClientType;
  redirectUris?: string[];
  pkceExempt?: boolean;
}

export interface ApplicationUpdate {
  name?: string;
  organizationId?: string;
  ownerEmail?: string;
  audience?: ApiAudience;
  scopes?: string[];
  tokenLifetimeSeconds?: number;
  redirectUris?: string[];
  pkceExempt?: boolean;
}

export interface ApplicationFilter {
  /** Case-insensitive substring of the name. */
  name?: string;
  /** Organization id or exact name. */
  organization?: string;
  status?: 'active' | 'inactive';
}

export interface OrganizationRepository {
  /** Finds by exact name, creating it the first time. */
  ensure(name: string, now: Date): Promise<Organization>;
  get(id: string): Promise<Organization | undefined>;
  list(): Promise<Organization[]>;
}

export interface ApplicationRepository {
  insert(input: NewApplication, now: Date): Promise<Application>;
  get(id: string): Promise<Application | undefined>;
  getByClientId(clientId: string): Promise<Application | undefined>;
  list(filter?: ApplicationFilter): Promise<Application[]>;
  update(id: string, update: ApplicationUpdate, now: Date): Promise<Application | undefined>;
  /** Deactivation also sets `tokens_valid_from = now`: outstanding tokens end for good. */
  setActive(id: string, active: boolean, now: Date): Promise<Application | undefined>;
  /** New secret hash; the old one stays valid until `previousValidUntil` (in the past = never). */
  rotateSecret(id: string, secretHash: string, previousValidUntil: Date, now: Date): Promise<boolean>;
  delete(id: string): Promise<boolean>;
  /** The token endpoint's and the bearer check's hot path: one point read by client id. */
  credentials(clientId: string): Promise<ApplicationCredentials | undefined>;
}

export interface RevokedTokenRepository {
  /** Idempotent: revoking twice keeps one row. */
  revoke(jti: string, clientId: string, expiresAt: Date, now: Date): Promise<void>;
  isRevoked(jti: string): Promise<boolean>;
  deleteExpired(now: Date): Promise<number>;
}

/** One failure budget window as stored: `key` is an opaque hash naming the budget. */
export interface AuthFailureWindow {
  key: string;
  failures: number;
  /** Epoch ms. */
  windowEndsAt: number;
}

/**
 * Failed client-authentication counts shared by every instance on the database. Written only on
 * failures (and to clear a pair after a success that followed failures), never on a plain success.
 */
export interface AuthFailureRepository {
  /** The windows among `keys` that have not ended at `now`. */
  read(keys: readonly string[], now: number): Promise<AuthFailureWindow[]>;
  /**
   * Counts one failure in each budget, atomically: a stored window that has ended starts again at
   * 1 with `now + windowMs`. Returns every budget's window after the count.
   */
  record(budgets: readonly { key: string; windowMs: number }[], now: number): Promise<AuthFailureWindow[]>;
  clear(key: string): Promise<void>;
  /** Live windows with at least `minFailures` (at most `max` of them, the latest-ending first). */
  atLeast(minFailures: number, now: number, max: number): Promise<AuthFailureWindow[]>;
  deleteEnded(now: number): Promise<number>;
}

/** A grant: one authorization a user gave an application; every refresh token belongs to one. */
export interface GrantRecord {
  id: string;
  applicationId: string;
  clientId: string;
  userId: string;
  scopes: string[];
  /** The audience (resource) tokens of this grant are issued for. */
  audience: string;
  /** Epoch ms when the user signed in (RFC 9068 `auth_time`, in seconds on the token). */
  authTime: number;
  createdAt: number;
  revokedAt: number | undefined;
  revokedReason: string | undefined;
}

/** A refresh token as stored: only its SHA-256 is kept (the token itself is never written). */
export interface RefreshTokenRecord {
  grantId: string;
  expiresAt: number;
  usedAt: number | undefined;
}

/**
 * How a refresh token is found: the SHA-256 of the whole token and the grant id it carries in
 * front (`<grant id>~<secret>`, see `authserver/refresh-token.ts`). Tokens issued before migration
 * 0019 carry none (`grantId` undefined): storage finds their grant by hash.
 */
export interface RefreshTokenKey {
  grantId: string | undefined;
  tokenHash: string;
}

/**
 * What the refresh grant needs, read at once (`refreshTokenContext`): the token, its grant, and
 * whether the grant's user is still there and enabled.
 */
export interface RefreshTokenContext {
  token: RefreshTokenRecord;
  grant: GrantRecord;
  /** False when the user was deleted or disabled. */
  userActive: boolean;
}

/** A grant as the "Authorized apps" pages show it. */
export interface GrantView extends GrantRecord {
  applicationName: string | undefined;
  organizationName: string | undefined;
  userEmail: string | undefined;
}

export interface AuthorizationCodeRecord {
  codeHash: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  codeChallenge: string | undefined;
  scopes: string[];
  audience: string;
  authTime: number;
  expiresAt: number;
  usedAt: number | undefined;
  grantId: string | undefined;
}

export type DeviceStatus = 'pending' | 'approved' | 'denied' | 'used';

export interface DeviceAuthorizationRecord {
  deviceCodeHash: string;
  userCode: string;
  clientId: string;
  scopes: string[];
  audience: string;
  intervalSeconds: number;
  status: DeviceStatus;
  userId: string | undefined;
  authTime: number | undefined;
  lastPollAt: number | undefined;
  expiresAt: number;
}

/**
 * Authorization code, refresh token, consent and device-grant state (issue 14). Every
 * single-use step is one conditional write, so two instances racing on one code or one refresh
 * token see exactly one winner.
 */
export interface AuthorizationRepository {
  consentScopes(userId: string, applicationId: string): Promise<string[] | undefined>;
  saveConsent(userId: string, applicationId: string, scopes: string[], now: number): Promise<void>;
  deleteConsent(userId: string, applicationId: string): Promise<void>;

  insertCode(code: Omit<AuthorizationCodeRecord, 'usedAt' | 'grantId'>, now: number): Promise<void>;
  code(codeHash: string): Promise<AuthorizationCodeRecord | undefined>;
  /**
   * Marks the code used and records the grant it produced (or undefined: burnt by a failed
   * PKCE check); true only for the one caller that did (`used_at IS NULL` before).
   */
  useCode(codeHash: string, now: number, grantId: string | undefined): Promise<boolean>;
  deleteExpiredCodes(before: number): Promise<number>;

  insertGrant(grant: Omit<GrantRecord, 'revokedAt' | 'revokedReason'>): Promise<void>;
  grant(id: string): Promise<GrantRecord | undefined>;
  /** Revokes the grant and every refresh token of it. Idempotent. */
  revokeGrant(id: string, reason: string, now: number): Promise<void>;
  /** Live grants, newest first; for one user or (administrators) everyone's. */
  listGrants(filter: { userId?: string }): Promise<GrantView[]>;
  /** Revokes every live grant of (user, application); returns how many. */
  revokeGrantsOf(userId: string, applicationId: string, reason: string, now: number): Promise<number>;

  insertRefreshToken(tokenHash: string, grantId: string, expiresAt: number, now: number): Promise<void>;
  refreshToken(key: RefreshTokenKey): Promise<RefreshTokenRecord | undefined>;
  /**
   * The refresh token by hash with its grant and the grant's user state, in one read (the refresh
   * grant's hot path); undefined when the token or its grant does not exist.
   */
  refreshTokenContext(key: RefreshTokenKey): Promise<RefreshTokenContext | undefined>;
  /** Marks the refresh token used (rotated); true only for the one caller that did. */
  useRefreshToken(key: RefreshTokenKey, now: number): Promise<boolean>;
  /**
   * Rotation (RFC 9700 §4.14.2) as one atomic step: marks the token used and stores its
   * successor (`next`, of the same grant), or — when the token was already used (another request won) —
   * changes nothing. True only for the one caller that rotated.
   */
  rotateRefreshToken(
    key: RefreshTokenKey,
    next: { tokenHash: string; grantId: string; expiresAt: number },
    now: number,
  ): Promise<boolean>;

  insertDevice(
    device: Omit<DeviceAuthorizationRecord, 'status' | 'userId' | 'authTime' | 'lastPollAt'>,
    now: number,
  ): Promise<void>;
  deviceByUserCode(userCode: string): Promise<DeviceAuthorizationRecord | undefined>;
  device(deviceCodeHash: string): Promise<DeviceAuthorizationRecord | undefined>;
  /** Records a poll: sets `last_poll_at`, and `interval_seconds` when given (slow_down). */
  recordPoll(deviceCodeHash: string, now: number, intervalSeconds?: number): Promise<void>;
  /** pending → approved/denied, once. */
  decideDevice(
    userCode: string,
    decision: { status: 'approved' | 'denied'; userId: string; authTime: number },
  ): Promise<boolean>;
  /** approved → used, once: the tokens are issued to one poll only. */
  useDevice(deviceCodeHash: string): Promise<boolean>;

  /** When the console session (by id hash) was started: the user's `auth_time`. */
  sessionStartedAt(sessionIdHash: string): Promise<number | undefined>;
}

export interface ProviderRoleStore {
  organizations: OrganizationRepository;
  applications: ApplicationRepository;
  revokedTokens: RevokedTokenRepository;
  authFailures: AuthFailureRepository;
  authorizations: AuthorizationRepository;
  /** Console users, read to put a person behind a user-bound token. */
  users: Pick<UserRepository, 'get'>;
}
