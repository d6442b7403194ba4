import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { jwtResourceIndicators } from './oidc-provider-resource.ts';

/**
 * oidc-provider 8.x (certified) configured for the same job as Consentry's token endpoint:
 * client_credentials only, client_secret_basic, JWT access tokens (RFC 9068 via resource
 * indicators) signed with the same algorithm. Prints one JSON line `{port, path, clientId, secret}`.
 */
const alg = (process.argv[2] ?? 'ES256') as 'ES256' | 'RS256';
const { privateKey } = await generateKeyPair(alg, { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), alg, use: 'sig', kid: 'bench' };
const clientId = 'bench-client';
const secret = randomBytes(32).toString('base64url');
const resource = 'http://127.0.0.1/api';

const provider = new Provider('http://127.0.0.1', {
  clients: [
    {
      client_id: clientId,
      client_secret: secret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: alg,
    },
  ],
  jwks: { keys: [jwk as never] },
  scopes: ['participants:read'],
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    revocation: { enabled: true },
    resourceIndicators: jwtResourceIndicators(resource, alg),
  },
});
const server = provider.listen(0, '127.0.0.1', () => {
  const port = (server.address() as { port: number }).port;
  process.stdout.write(`${JSON.stringify({ port, path: '/token', clientId, secret })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
