import { type Actor, assertCan } from '../console/actor.ts';
import { random256, sha256 } from '../core/random.ts';
import { ConsentryError } from '../domain/errors.ts';
import type { ApiKey, ApiKeyRepository } from '../storage/integrations.ports.ts';

/**
 * API keys for the JSON API (`/api/v1`): 256 random bits behind a `csk_` prefix, shown once,
 * stored as SHA-256 (a high-entropy key needs no slow hash — same as OAuth application secrets),
 * scoped, revocable. Created by administrators in the console and with `consentry api-keys`.
 */
export const API_SCOPES = {
  'connections:read': 'List and read connections with their health',
  'access_tokens:read': 'Get a fresh access token for a connection',
  'connect_sessions:create': 'Start connect sessions (one-time consent links) for end users',
  'clients:manage': 'Read and update registered clients',
} as const;

export type ApiScope = keyof typeof API_SCOPES;
export const ALL_API_SCOPES = Object.keys(API_SCOPES) as ApiScope[];

export function isApiScope(value: unknown): value is ApiScope {
  return typeof value === 'string' && Object.hasOwn(API_SCOPES, value);
}

/** Scopes that hand out secrets (tokens, client secrets) need `manage_secrets` to grant. */
const SECRET_SCOPES: readonly ApiScope[] = ['access_tokens:read', 'clients:manage'];
export const API_KEY_PREFIX = 'csk_';
const KEY_PATTERN = /^csk_[A-Za-z0-9_-]{43}$/;
/** `last_used_at` is written at most this often per key and process: not a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

export class ApiKeyService {
  readonly #keys: ApiKeyRepository;
  readonly #now: () => Date;
  readonly #touched = new Map<string, number>();

  constructor(keys: ApiKeyRepository, now: () => Date = () => new Date()) {
    this.#keys = keys;
    this.#now = now;
  }

  /**
   * Creates a key; `key` is returned only here (stored hashed). Throws FORBIDDEN without
   * `administer_oauth` (and `manage_secrets` for `access_tokens:read` / `clients:manage`),
   * API_KEY_INVALID_INPUT for an empty name or an unknown scope.
   */
  async create(
    actor: Actor,
    input: { name: string; scopes: readonly string[] },
  ): Promise<{ apiKey: ApiKey; key: string }> {
    assertCan(actor, 'administer_oauth');
    const name = input.name.trim();
    if (!name || name.length > 100)
      throw new ConsentryError('API_KEY_INVALID_INPUT', { detail: 'Give a name of 1–100 characters.' });
    const unknown = input.scopes.filter((s) => !isApiScope(s));
    if (unknown.length || input.scopes.length === 0)
      throw new ConsentryError('API_KEY_INVALID_INPUT', {
        detail: `Give one or more scopes of: ${ALL_API_SCOPES.join(', ')}.`,
      });
    const scopes = ALL_API_SCOPES.filter((s) => input.scopes.includes(s));
    if (scopes.some((s) => SECRET_SCOPES.includes(s))) assertCan(actor, 'manage_secrets');
    const key = `${API_KEY_PREFIX}${random256()}`;
    const apiKey = await this.#keys.create(
      {
        // Prefixed like the webhook ids (`we_…`): a bare base64url id began with '-' one time in
        // 64, which the CLI then read as an option (`api-keys revoke -AbC…` → "unknown option").
        id: `ak_${random256().slice(0, 16)}`,
        name,
        keyHash: sha256(key),
        prefix: key.slice(0, 8),
        scopes,
        createdBy: actor.userId ?? actor.label,
      },
      this.#now(),
    );
    return { apiKey, key };
  }

  async list(actor: Actor): Promise<ApiKey[]> {
    assertCan(actor, 'administer_oauth');
    return this.#keys.list();
  }

  /** Throws API_KEY_UNKNOWN for no such key; revoking a revoked key is a no-op. */
  async revoke(actor: Actor, id: string): Promise<ApiKey> {
    assertCan(actor, 'administer_oauth');
    const existing = await this.#keys.get(id);
    if (!existing) throw new ConsentryError('API_KEY_UNKNOWN', { facts: { apiKey: id } });
    await this.#keys.revoke(id, this.#now());
    return (await this.#keys.get(id))!;
  }

  /**
   * The key behind an `Authorization: Bearer csk_…` value. Throws API_KEY_INVALID (401) for a
   * missing, malformed, unknown or revoked key — one code, so callers cannot probe which.
   */
  async authenticate(authorization: string | undefined): Promise<ApiKey> {
    const m = /^Bearer[ ]+(\S+)$/i.exec(authorization ?? '');
    const key = m?.[1];
    if (!key || !KEY_PATTERN.test(key)) throw new ConsentryError('API_KEY_INVALID');
    const found = await this.#keys.findByHash(sha256(key));
    if (!found || found.revokedAt) throw new ConsentryError('API_KEY_INVALID');
    const now = this.#now().getTime();
    if (now - (this.#touched.get(found.id) ?? 0) > TOUCH_INTERVAL_MS) {
      this.#touched.set(found.id, now);
      await this.#keys.touch(found.id, this.#now());
    }
    return found;
  }
}

/** Throws API_KEY_SCOPE_MISSING (403) unless the key holds `scope`. */
export function assertApiScope(key: ApiKey, scope: ApiScope): void {
  if (!key.scopes.includes(scope))
    throw new ConsentryError('API_KEY_SCOPE_MISSING', { facts: { scope, apiKey: key.id } });
}
