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
 */
export type RefreshLifetimeOf = (
  providerKey: string,
) => { lifetimeMs: number; rotates: boolean | 'unknown' } | undefined;

export function withRefreshLifetimes(store: Store, lifetimeOf: RefreshLifetimeOf): Store {
  const withExpiry = <T extends TokenFields>(
    providerKey: string,
    token: T,
    now: Date,
    refresh: boolean,
  ): T => {
    if (token.refreshToken === undefined || token.refreshExpiresAt !== undefined) return token;
    const known = lifetimeOf(providerKey);
    // A provider documented not to rotate may still echo the same refresh token on refresh
    // (oidc-provider does): that is not a new token, its lapse date stands.
    if (!known || (refresh && known.rotates === false)) return token;
    return { ...token, refreshExpiresAt: new Date(now.getTime() + known.lifetimeMs) };
  };
  const connections = store.connections;
  // A connection's provider never changes. The refresh path has just read the row (under its
  // lease), so the commit finds the key here instead of adding a read between the provider's
  // answer and the write — the window in which a crash loses a rotated refresh token.
  const known = new Map<string, string>();
  const remember = (id: string, providerKey: string) => {
    if (known.size >= 10_000) known.clear();
    known.set(id, providerKey);
  };
  const providerOf = async (id: string) => {
    const cached = known.get(id);
    if (cached) return cached;
    const c = await connections.get(id);
    if (c) remember(id, c.providerKey);
    return c?.providerKey;
  };
  return {
    ...store,
    connections: {
      ...connections,
      async get(id) {
        const c = await connections.get(id);
        if (c) remember(id, c.providerKey);
        return c;
      },
      insert: (input, now) => connections.insert(withExpiry(input.providerKey, input, now, false), now),
      async commitRefresh(id, fence, token, now) {
        // Only rotated answers need the provider (one extra read, on the refresh path only).
        if (token.refreshToken === undefined || token.refreshExpiresAt !== undefined) {
          return connections.commitRefresh(id, fence, token, now);
        }
        const key = await providerOf(id);
        return connections.commitRefresh(id, fence, key ? withExpiry(key, token, now, true) : token, now);
      },
      async replaceTokens(id, token, now) {
        const key = await providerOf(id);
        return connections.replaceTokens(id, key ? withExpiry(key, token, now, false) : token, now);
      },
    },
  };
}
