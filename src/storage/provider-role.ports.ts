import type {
  ApiAudience,
  Application,
  ApplicationCredentials,
  Organization,
} from '../domain/application.ts';

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
}

export interface ApplicationUpdate {
  name?: string;
  organizationId?: string;
  ownerEmail?: string;
  audience?: ApiAudience;
  scopes?: string[];
  tokenLifetimeSeconds?: number;
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

export interface ProviderRoleStore {
  organizations: OrganizationRepository;
  applications: ApplicationRepository;
  revokedTokens: RevokedTokenRepository;
  authFailures: AuthFailureRepository;
}
