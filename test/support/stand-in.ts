import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { freePort } from './ports.ts';

/**
 * A programmable stand-in for a remote provider that cannot run here: each test says how the
 * token endpoint answers (status, headers, body — or hang, or reset the connection), and the
 * stand-in records every request it got (method, path, headers, body) so tests can assert the
 * exact request sent. It also publishes a JWKS and signs ID tokens for OIDC cases.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string without `?` (empty when none). */
  query: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Answer =
  | { status: number; body?: string | object; headers?: Record<string, string> }
  | 'hang'
  | 'reset';

export interface StandIn {
  url: string;
  requests: RecordedRequest[];
  jwksFetches: number;
  /** Next token-endpoint answers (one per request; the last one repeats). */
  answer(...answers: (Answer | ((req: RecordedRequest) => Answer | Promise<Answer>))[]): void;
  /** Signs an ID token with the published key (or with `key` / `alg` overrides for bad cases). */
  idToken(
    claims: Record<string, unknown>,
    options?: { kid?: string; alg?: string; unsignedNone?: boolean; foreignKey?: boolean },
  ): Promise<string>;
  /** Publishes a new signing key (rotation); the old one is dropped. */
  rotateKey(): Promise<string>;
  close(): Promise<void>;
}

export async function startStandIn(): Promise<StandIn> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const requests: RecordedRequest[] = [];
  let answers: (Answer | ((req: RecordedRequest) => Answer | Promise<Answer>))[] = [{ status: 500 }];
  let key = await newKey();
  const foreign = await newKey(key.kid);
  const state = { jwksFetches: 0 };

  async function newKey(kid = `k-${Math.random().toString(36).slice(2, 8)}`) {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' };
    return { kid, privateKey: pair.privateKey, jwk };
  }

  const hanging: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const path = (req.url ?? '/').split('?')[0]!;
      if (path === '/jwks') {
        state.jwksFetches++;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [key.jwk] }));
        return;
      }
      const recorded = {
        method: req.method ?? 'GET',
        path,
        query: (req.url ?? '').split('?')[1] ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      requests.push(recorded);
      const next = answers.length > 1 ? answers.shift()! : answers[0]!;
      const answer = typeof next === 'function' ? await next(recorded) : next;
      if (answer === 'hang') {
        hanging.push(res);
        return;
      }
      if (answer === 'reset') {
        req.socket.destroy();
        return;
      }
      res.statusCode = answer.status;
      const body =
        answer.body === undefined
          ? ''
          : typeof answer.body === 'string'
            ? answer.body
            : JSON.stringify(answer.body);
      if (typeof answer.body === 'object') res.setHeader('content-type', 'application/json');
      for (const [k, v] of Object.entries(answer.headers ?? {})) res.setHeader(k, v);
      res.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    url,
    requests,
    get jwksFetches() {
      return state.jwksFetches;
    },
    answer(...a) {
      answers = a;
    },
    async idToken(claims, options = {}) {
      if (options.unsignedNone) {
        const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return `${enc({ alg: 'none', typ: 'JWT' })}.${enc(claims)}.`;
      }
      const signer = options.foreignKey ? foreign : key;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? signer.kid })
        .sign(signer.privateKey);
    },
    async rotateKey() {
      key = await newKey();
      return key.kid;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of hanging) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
