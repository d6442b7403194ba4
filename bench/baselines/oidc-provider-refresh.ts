import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
// @ts-expect-error -- no types for the adapter module; `setStorage` is its own export.
import { setStorage } from 'oidc-provider/lib/adapters/memory_adapter.js';
import { jwtResourceIndicators } from './oidc-provider-resource.ts';
import { profileFromHere } from './profile.ts';

/**
 * oidc-provider 8.x configured for the same job as Consentry's refresh grant: a public client
 * (`token_endpoint_auth_method: none`), refresh-token rotation on every use (`rotateRefreshToken:
 * true`, its reuse detection revokes the grant), JWT access tokens for one resource (RFC 8707 /
 * RFC 9068) signed with the same algorithm. Its default in-memory adapter stores the tokens (an
 * advantage over Consentry's SQLite; its LRU is swapped for a Map, below). `CHAINS` grants with one refresh token each are made through
 * its own models, as a code redemption would. Prints `{port, path, clientId, refreshTokens}`.
 */
// The default in-memory adapter keeps its entries in an LRU of 1,000: the chains of later rounds
// (grants + refresh tokens not touched yet) would be evicted mid-run ("grant request is invalid").
// Same adapter code over a plain Map (get/set/delete, no eviction, no expiry bookkeeping): if
// anything a little faster than its LRU, so the comparison stays conservative.
(setStorage as (store: unknown) => void)(new Map());

const alg = (process.argv[2] ?? 'ES256') as 'ES256' | 'RS256';
const CHAINS = Number(process.argv[3] ?? 300);
const { privateKey } = await generateKeyPair(alg, { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), alg, use: 'sig', kid: 'bench' };
const clientId = 'bench-native';
const resource = 'http://127.0.0.1/api';

const provider = new Provider('http://127.0.0.1', {
  clients: [
    {
      client_id: clientId,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: ['http://127.0.0.1/cb'],
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      id_token_signed_response_alg: alg,
    },
  ],
  jwks: { keys: [jwk as never] },
  scopes: ['participants:read', 'offline_access'],
  findAccount: async (_ctx, accountId) => ({ accountId, claims: async () => ({ sub: accountId }) }),
  rotateRefreshToken: true,
  ttl: { RefreshToken: 30 * 86_400, Grant: 30 * 86_400 },
  features: {
    devInteractions: { enabled: false },
    revocation: { enabled: true },
    resourceIndicators: jwtResourceIndicators(resource, alg),
  },
});

const client = (await provider.Client.find(clientId))!;
const refreshTokens: string[] = [];
for (let i = 0; i < CHAINS; i++) {
  const grant = new provider.Grant({ accountId: `staffer-${i}`, clientId });
  grant.addOIDCScope('offline_access');
  grant.addResourceScope(resource, 'participants:read');
  const grantId = await grant.save();
  const rt = new provider.RefreshToken({
    client,
    accountId: `staffer-${i}`,
    grantId,
    gty: 'authorization_code',
    scope: 'offline_access participants:read',
    resource,
    authTime: Math.floor(Date.now() / 1000),
  });
  refreshTokens.push(await rt.save());
}
const writeProfile = await profileFromHere('oidc-provider');
const server = provider.listen(0, '127.0.0.1', () => {
  const port = (server.address() as { port: number }).port;
  process.stdout.write(`${JSON.stringify({ port, path: '/token', clientId, refreshTokens })}\n`);
});
process.on('SIGTERM', async () => {
  await writeProfile();
  server.close(() => process.exit(0));
});
