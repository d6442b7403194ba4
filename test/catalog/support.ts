import type { OAuth2Provider } from '../../src/catalog/provider.ts';
import { CATALOG } from '../../src/catalog/providers/index.ts';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import type { OAuth2Consumer } from '../../src/core/consumers.ts';
import type { RegisteredClient } from '../../src/domain/connection.ts';
import type { ProtocolSettings } from '../../src/protocol/provider-session.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { loopbackFetch } from '../support/egress.ts';
import { type StandIn, startStandIn } from '../support/stand-in.ts';

/** Helpers shared by the catalog tests. */
export const REDIRECT_URI = 'https://consentry.example.com/oauth/callback';

export const SETTINGS: ProtocolSettings = {
  allowInsecure: () => true,
  timeoutMs: 5_000,
  fetch: loopbackFetch,
};

export function clientFor(
  provider: Pick<OAuth2Provider, 'key'>,
  templateValues: Record<string, string>,
  overrides: Partial<RegisteredClient> = {},
): RegisteredClient {
  return {
    id: `client-ref-${provider.key}`,
    providerKey: provider.key,
    name: `Test ${provider.key}`,
    clientId: `client-${provider.key}`,
    hasClientSecret: true,
    templateValues,
    options: {},
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...overrides,
  };
}

/** `https://host/path` → `{base}/host/path`: the stand-in sees which real URL was meant. */
export function toStandIn(url: string, base: string): string {
  return url.startsWith('https://') ? `${base}/${url.slice('https://'.length)}` : url;
}

/** The path the stand-in records for a documented https URL. */
export function standInPath(url: string): string {
  const u = new URL(url);
  return `/${u.host}${u.pathname}`;
}

/**
 * A copy of a catalog entry whose every https URL points at the stand-in, with the stand-in's JWKS.
 * Placeholders stay, so template filling is exercised exactly as in production.
 */
export function rewriteForStandIn(provider: OAuth2Provider, base: string): OAuth2Provider {
  const endpoints: OAuth2Provider['endpoints'] = {};
  for (const [k, v] of Object.entries(provider.endpoints)) {
    if (typeof v === 'string') endpoints[k as keyof OAuth2Provider['endpoints']] = toStandIn(v, base);
  }
  endpoints.jwks = `${base}/jwks`;
  return {
    ...provider,
    ...(provider.issuer ? { issuer: toStandIn(provider.issuer, base) } : {}),
    ...(provider.revocation
      ? { revocation: { ...provider.revocation, url: toStandIn(provider.revocation.url, base) } }
      : {}),
    ...(provider.clientCredentials?.token
      ? {
          clientCredentials: {
            ...provider.clientCredentials,
            token: toStandIn(provider.clientCredentials.token, base),
          },
        }
      : {}),
    endpoints,
  };
}

/** Template values whose URLs point at the stand-in (origin / base / url kinds). */
export function valuesForStandIn(values: Record<string, string>, base: string): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, toStandIn(v, base)]));
}

/**
 * RFC 6749 §2.3.1: id and secret percent-encoded before base64 — with the RFC 3986 unreserved
 * characters (`- . _ ~`) kept as they are, so strict decoders and literal readers agree (issue 12).
 */
export function basicAuth(id: string, secret: string): string {
  const enc = (s: string) =>
    encodeURIComponent(s).replace(/[!*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `Basic ${Buffer.from(`${enc(id)}:${enc(secret)}`).toString('base64')}`;
}

let appleKey: Promise<{ pem: string; publicKey: CryptoKey }> | undefined;
/** An ES256 key pair like the .p8 file Apple hands out (PKCS#8 PEM). */
export function appleSigningKey(): Promise<{ pem: string; publicKey: CryptoKey }> {
  appleKey ??= (async () => {
    const { generateKeyPair, exportPKCS8 } = await import('jose');
    const pair = await generateKeyPair('ES256', { extractable: true });
    return { pem: await exportPKCS8(pair.privateKey), publicKey: pair.publicKey };
  })();
  return appleKey;
}

/** The stored client secret a test registers for a provider (Apple: its signing key). */
export async function storedSecretFor(key: string): Promise<string> {
  return key === 'apple' ? (await appleSigningKey()).pem : `secret-${key}`;
}

/**
 * A whole Consentry (no demo provider) whose catalog entries `keys` point at a fresh stand-in,
 * with the given consumers: the setup shared by the catalog's end-to-end tests.
 */
export async function startStandInConsentry(
  keys: readonly string[],
  consumers: OAuth2Consumer[],
): Promise<{ standIn: StandIn; app: TestConsentry }> {
  const standIn = await startStandIn();
  const registry = new ProviderRegistry(CATALOG);
  const app = await startConsentry({
    env: { DEMO_PROVIDER: 'false' },
    consumers,
    providers: keys.map((k) => rewriteForStandIn(registry.get(k), standIn.url)),
  });
  return { standIn, app };
}
