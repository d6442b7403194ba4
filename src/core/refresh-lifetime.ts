import type { OAuth2Provider } from '../catalog/provider.ts';
import type { ProviderRegistry } from '../catalog/registry.ts';
import type { RegisteredClient } from '../domain/connection.ts';
import type { Store, TokenFields } from '../storage/ports.ts';

/**
 * Refresh tokens with a documented lifetime (provider data `refreshToken.lifetimeDays`: Google
 * apps in "Testing" status 7 days, Microsoft 90 days).
 *
 * Wraps the store the grant engine writes through: whenever a NEW refresh token is stored (first
 * grant, rotation on refresh, reconnect) without an expiry from the provider, its expiry is
 * `now + lifetime`. A refresh that keeps the old refresh token (Google does not rotate) keeps the
 * old expiry — refreshing does not extend it. The background refresher finds the connections
 * about to lapse by that column (indexed) and renews them where rotation extends the lifetime,
 * or warns the feature where nothing but a reconnect helps.
 *
 * The lifetime is looked up per registered client, not per provider: a rule may apply only to
 * some clients (`refreshToken.lifetimeWhen`: Google's 7 days only for clients whose
 * `publishing_status` is `testing`).
 */
export interface RefreshLifetime {
  lifetimeMs: number;
  rotates: boolean | 'unknown';
}

export type RefreshLifetimeOf = (connection: {
  providerKey: string;
  clientRef: string;
}) => RefreshLifetime | undefined | Promise<RefreshLifetime | undefined>;

const DAY_MS = 86_400_000;

/**
 * The lifetimes the catalog documents. Providers without a conditional rule answer without I/O;
 * a conditional rule reads the registered client (one indexed read, and only when a new refresh
 * token is being stored).
 */
export function catalogRefreshLifetimes(
  providers: Pick<ProviderRegistry, 'has' | 'get'>,
  clients: Pick<Store['clients'], 'get'>,
): RefreshLifetimeOf {
  return ({ providerKey, clientRef }) => {
    if (!providers.has(providerKey)) return undefined;
    const provider = providers.get(providerKey);
    const { lifetimeDays, lifetimeWhen, rotates } = provider.refreshToken;
    if (!lifetimeDays) return undefined;
    const lifetime = { lifetimeMs: lifetimeDays * DAY_MS, rotates };
    if (!lifetimeWhen) return lifetime;
    return clients
      .get(clientRef)
      .then((client) => (client && applies(provider, client, lifetimeWhen) ? lifetime : undefined));
  };
}

/** Every named template value matches; a value left empty counts as the field's default. */
export function applies(
  provider: OAuth2Provider,
  client: Pick<RegisteredClient, 'templateValues'>,
  when: Record<string, string>,
): boolean {
  return Object.entries(when).every(([name, expected]) => {
    const field = provider.templates.find((t) => t.name === name);
    const value = client.templateValues[name] || field?.default;
    return value === expected;
  });
}

export function withRefreshLifetimes(store: Store, lifetimeOf: RefreshLifetimeOf): Store {
  type Owner = { providerKey: string; clientRef: string };
  const withExpiry = async <T extends TokenFields>(owner: Owner, token: T, now: Date, refresh: boolean) => {
    if (token.refreshToken === undefined || token.refreshExpiresAt !== undefined) return token;
    const known = await lifetimeOf(owner);
    // A provider documented not to rotate may still echo the same refresh token on refresh
    // (oidc-provider does): that is not a new token, its lapse date stands.
    if (!known || (refresh && known.rotates === false)) return token;
    return { ...token, refreshExpiresAt: new Date(now.getTime() + known.lifetimeMs) };
  };
  const connections = store.connections;
  // A connection's provider and client never change. The refresh path has just read the row
  // (under its lease), so the commit finds them here instead of adding a read between the
  // provider's answer and the write — the window in which a crash loses a rotated refresh token.
  const known = new Map<string, Owner>();
  const remember = (id: string, owner: Owner) => {
    if (known.size >= 10_000) known.clear();
    known.set(id, { providerKey: owner.providerKey, clientRef: owner.clientRef });
  };
  const ownerOf = async (id: string) => {
    const cached = known.get(id);
    if (cached) return cached;
    const c = await connections.get(id);
    if (c) remember(id, c);
    return c ? { providerKey: c.providerKey, clientRef: c.clientRef } : undefined;
  };
  return {
    ...store,
    connections: {
      ...connections,
      async get(id) {
        const c = await connections.get(id);
        if (c) remember(id, c);
        return c;
      },
      async claimDue(before, now, limit, lease) {
        const claims = await connections.claimDue(before, now, limit, lease);
        for (const claim of claims) remember(claim.connection.id, claim.connection);
        return claims;
      },
      insert: async (input, now) => connections.insert(await withExpiry(input, input, now, false), now),
      async commitRefresh(id, fence, token, now) {
        // Only rotated answers need the lifetime (one extra read, on the refresh path only).
        if (token.refreshToken === undefined || token.refreshExpiresAt !== undefined) {
          return connections.commitRefresh(id, fence, token, now);
        }
        const owner = await ownerOf(id);
        return connections.commitRefresh(
          id,
          fence,
          owner ? await withExpiry(owner, token, now, true) : token,
          now,
        );
      },
      async replaceTokens(id, token, now) {
        const owner = await ownerOf(id);
        return connections.replaceTokens(id, owner ? await withExpiry(owner, token, now, false) : token, now);
      },
    },
  };
}
