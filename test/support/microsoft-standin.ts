import { randomBytes, randomUUID, X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { freePort } from './ports.ts';

/**
 * A loopback stand-in for the Microsoft identity platform's v2.0 token endpoint in the client
 * credentials flow, answering in its documented shapes
 * (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow):
 *
 * - success: `{ token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token }`;
 * - errors: `{ error, error_description: "AADSTS…: … Trace ID … Correlation ID … Timestamp …",
 *   error_codes: [n], timestamp, trace_id, correlation_id, error_uri }` — an invalid secret is
 *   HTTP 401 `invalid_client` AADSTS7000215, a scope without `/.default` HTTP 400 `invalid_scope`
 *   AADSTS1002012, an unknown tenant HTTP 400 `invalid_request` AADSTS90002;
 * - certificate credentials (https://learn.microsoft.com/entra/identity-platform/certificate-credentials):
 *   `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`, a JWT whose
 *   header names the registered certificate by `x5t#S256` (or `x5t`), signed by its key, with
 *   `aud` = the token endpoint, `iss` = `sub` = the client id, `jti`, `exp`.
 *
 * Issued tokens are remembered so that a mail-server stand-in can check a bearer (`lookup`).
 */
export interface IssuedToken {
  clientId: string;
  tenant: string;
  scope: string;
  expiresAt: number;
  via: 'secret' | 'certificate';
}

export interface MicrosoftStandIn {
  url: string;
  /** Rewrites `https://login.microsoftonline.com/...` to this stand-in (a fetch wrapper). */
  rewrite(url: string): string;
  /** Every token request: path, headers, form. */
  requests: { path: string; authorization: string | undefined; form: Record<string, string> }[];
  issued: Map<string, IssuedToken>;
  lookup(token: string): IssuedToken | undefined;
  /** One-off answers before the normal logic (status + body), consumed in order. */
  queue(
    ...answers: { status: number; body: Record<string, unknown>; headers?: Record<string, string> }[]
  ): void;
  close(): Promise<void>;
}

export const MS_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

export function aadError(
  status: number,
  error: string,
  code: number,
  text: string,
): { status: number; body: Record<string, unknown> } {
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  const trace = randomUUID();
  const correlation = randomUUID();
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${text} Trace ID: ${trace} Correlation ID: ${correlation} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: trace,
      correlation_id: correlation,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

export async function startMicrosoftStandIn(options: {
  clientId: string;
  /** The registered client secret (omit to accept certificates only). */
  secret?: string;
  /** The registered certificate (PEM), for certificate credentials. */
  certificate?: string;
  tenant?: string;
}): Promise<MicrosoftStandIn> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const tenant = options.tenant ?? MS_TENANT;
  const requests: MicrosoftStandIn['requests'] = [];
  const issued = new Map<string, IssuedToken>();
  const queued: { status: number; body: Record<string, unknown>; headers?: Record<string, string> }[] = [];
  const cert = options.certificate ? new X509Certificate(options.certificate) : undefined;

  async function answer(path: string, form: Record<string, string>, authorization: string | undefined) {
    const next = queued.shift();
    if (next) return next;
    const m = /^\/login\.microsoftonline\.com\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    if (!m) return { status: 404, body: { error: 'not_found' } };
    if (m[1] !== tenant) return aadError(400, 'invalid_request', 90002, `Tenant '${m[1]}' not found.`);
    if (form.grant_type !== 'client_credentials')
      return aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    if (form.client_id !== options.clientId)
      return aadError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${form.client_id}' was not found in the directory '${tenant}'.`,
      );
    let via: IssuedToken['via'];
    if (form.client_assertion) {
      if (!cert || form.client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
        return aadError(401, 'invalid_client', 700027, 'Client assertion failed signature validation.');
      const header = decodeProtectedHeader(form.client_assertion) as Record<string, unknown>;
      const s256 = cert.fingerprint256.replace(/:/g, '');
      const sha1 = cert.fingerprint.replace(/:/g, '');
      const named =
        header['x5t#S256'] === Buffer.from(s256, 'hex').toString('base64url') ||
        header.x5t === Buffer.from(sha1, 'hex').toString('base64url');
      if (!named)
        return aadError(
          401,
          'invalid_client',
          700027,
          'Client assertion contains an invalid signature. [Reason - The key was not found.]',
        );
      try {
        const { payload } = await jwtVerify(form.client_assertion, cert.publicKey, {
          audience: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`,
          issuer: options.clientId,
          subject: options.clientId,
        });
        if (typeof payload.jti !== 'string' || typeof payload.exp !== 'number') throw new Error('claims');
      } catch {
        return aadError(401, 'invalid_client', 700027, 'Client assertion failed signature validation.');
      }
      via = 'certificate';
    } else {
      const basic = authorization?.startsWith('Basic ')
        ? Buffer.from(authorization.slice(6), 'base64').toString().split(':')
        : undefined;
      const secret = form.client_secret ?? (basic ? decodeURIComponent(basic[1] ?? '') : undefined);
      if (!options.secret || secret !== options.secret)
        return aadError(
          401,
          'invalid_client',
          7000215,
          'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app.',
        );
      via = 'secret';
    }
    const scope = form.scope ?? '';
    if (!/^\S+\/\.default$/.test(scope))
      return aadError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    const token = `eyJ0eXAiOiJKV1Qi.${randomBytes(24).toString('base64url')}.sig`;
    issued.set(token, { clientId: options.clientId, tenant, scope, expiresAt: Date.now() + 3599_000, via });
    return {
      status: 200,
      body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token },
    };
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const path = (req.url ?? '/').split('?')[0]!;
      requests.push({ path, authorization: req.headers.authorization, form });
      const a = await answer(path, form, req.headers.authorization);
      res.writeHead(a.status, {
        'content-type': 'application/json; charset=utf-8',
        ...('headers' in a && a.headers ? a.headers : {}),
      });
      res.end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    url,
    rewrite: (u) => u.replace(/^https:\/\/(login\.microsoftonline\.com)\//, `${url}/$1/`),
    requests,
    issued,
    lookup(token) {
      const t = issued.get(token);
      return t && t.expiresAt > Date.now() ? t : undefined;
    },
    queue(...answers) {
      queued.push(...answers);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
