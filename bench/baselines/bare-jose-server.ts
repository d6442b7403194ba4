import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/**
 * The floor for `token-endpoint-*`: node:http + jose doing only the unavoidable work of a
 * client_credentials token endpoint — read the form body, check HTTP Basic against a SHA-256 hash,
 * sign an RFC 9068 JWT with jose, answer JSON with no-store. No framework, no database, no limits.
 * Prints one JSON line `{port, path, clientId, secret}`.
 */
const alg = process.argv[2] ?? 'ES256';
const { privateKey, publicKey } = await generateKeyPair(alg);
const kid = (await exportJWK(publicKey)).x?.slice(0, 8) ?? 'k1';
const clientId = 'bench-client';
const secret = randomBytes(32).toString('base64url');
const secretHash = createHash('sha256').update(secret).digest();
const issuer = 'http://127.0.0.1';

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    const params = new URLSearchParams(Buffer.concat(chunks).toString());
    const auth = req.headers.authorization ?? '';
    const [id, pw] = Buffer.from(auth.slice(6), 'base64').toString().split(':');
    const presented = createHash('sha256')
      .update(decodeURIComponent(pw ?? ''))
      .digest();
    if (
      params.get('grant_type') !== 'client_credentials' ||
      id !== clientId ||
      !timingSafeEqual(presented, secretHash)
    ) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_client"}');
      return;
    }
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ client_id: clientId, scope: 'participants:read' })
      .setProtectedHeader({ alg, typ: 'at+jwt', kid })
      .setIssuer(issuer)
      .setSubject(clientId)
      .setAudience(`${issuer}/api`)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .setJti(randomBytes(16).toString('base64url'))
      .sign(privateKey);
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(
      JSON.stringify({
        access_token: token,
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'participants:read',
      }),
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  const port = (server.address() as { port: number }).port;
  process.stdout.write(`${JSON.stringify({ port, path: '/token', clientId, secret })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
