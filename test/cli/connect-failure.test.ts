import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, consentAtProvider, request } from '../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { cli } from './support.ts';

/**
 * `consentry connect` against a flow that fails in the browser: it stops as soon as the flow does,
 * with the flow's own code and a non-zero exit — not after `--timeout` (600 s here; the helper
 * gives up after 120 s, so a CLI that waited for the timeout fails the test). Also
 * `clients create --client-auth` and `clients public-key`.
 */
describe('consentry connect reports a failed flow', () => {
  let dataDir: string;
  let t: TestConsentry;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'consentry-connect-fail-'));
    t = await startConsentry({ dataDir });
    env = { DATA_DIR: dataDir, PUBLIC_BASE_URL: t.baseUrl };
  });
  afterAll(async () => {
    await t?.close({ keepData: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Runs `connect Demo`, hands its link to `browse`, and returns the finished CLI run. */
  async function connectWith(browse: (link: string) => Promise<void>) {
    let linkSeen: (url: string) => void = () => {};
    const link = new Promise<string>((r) => {
      linkSeen = r;
    });
    const running = cli(['connect', 'Demo', '--preset', 'login', '--timeout', '600'], env, {
      timeoutMs: 120_000,
      onStdout: (chunk) => {
        const m = /(http:\/\/\S+\/connect\/link\/\S+)/.exec(chunk);
        if (m) linkSeen(m[1]!);
      },
    });
    const url = await Promise.race([
      link,
      running.then((r) => {
        throw new Error(`connect ended early: ${r.code} ${r.stdout} ${r.stderr}`);
      }),
    ]);
    await browse(url);
    return running;
  }

  it('the user denies consent at the provider: FLOW_CANCELLED, exit 2', async () => {
    const done = await connectWith(async (url) => {
      const jar = new CookieJar();
      const start = await request(jar, url);
      const callback = await consentAtProvider(jar, start.headers.get('location')!, {
        login: 'frank',
        deny: true,
        stopPrefix: `${t.baseUrl}/oauth/callback`,
      });
      await request(jar, callback);
    });
    expect(done.code).toBe(2);
    expect(done.stderr).toContain('consentry: FLOW_CANCELLED: ');
    expect(done.stderr).not.toContain('HANDOFF_INVALID');
    expect(await t.app.store.connections.list()).toHaveLength(0);
  }, 180_000);

  it('the code exchange fails (a code the provider never issued): the exchange’s code, non-zero', async () => {
    const failures: string[] = [];
    t.app.client.events.on('flow_failed', (e) => failures.push(e.error));
    const done = await connectWith(async (url) => {
      const jar = new CookieJar();
      const start = await request(jar, url);
      const callback = new URL(
        await consentAtProvider(jar, start.headers.get('location')!, {
          login: 'grace',
          stopPrefix: `${t.baseUrl}/oauth/callback`,
        }),
      );
      callback.searchParams.set('code', 'a-code-the-provider-never-issued');
      const page = await request(jar, callback.href);
      expect(page.status).toBeGreaterThanOrEqual(400);
    });
    expect(done.code).not.toBe(0);
    // The very code the server's flow ended with (the provider refused the code).
    expect(failures).toHaveLength(1);
    expect(failures[0]).not.toBe('FLOW_CANCELLED');
    expect(done.stderr).toContain(`consentry: ${failures[0]}: `);
    expect(done.stderr).not.toContain('HANDOFF_INVALID');
    expect(await t.app.store.connections.list()).toHaveLength(0);
  }, 180_000);
});

describe('clients create --client-auth', () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'consentry-client-auth-'));
    env = { DATA_DIR: dataDir, PUBLIC_BASE_URL: 'http://127.0.0.1:1' };
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('private_key_jwt: a key pair is generated, sealed, and its public key printed for pasting', async () => {
    const created = await cli(
      [
        'clients',
        'create',
        '--provider',
        'oidc',
        '--name',
        'Keyed',
        '--client-id',
        'consentry-rp.keyed_~1',
        '--client-auth',
        'private_key_jwt',
        '--template',
        'issuer=https://id.example.com',
        '--json',
      ],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    const client = JSON.parse(created.stdout);
    expect(client).toMatchObject({
      clientAuth: 'private_key_jwt',
      hasClientKey: true,
      hasClientSecret: false,
    });
    expect(client.publicJwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(client.publicJwk.d).toBeUndefined();
    const [jwk, pem] = await Promise.all([
      cli(['clients', 'public-key', client.id], env),
      cli(['clients', 'public-key', client.id, '--pem'], env),
    ]);
    expect(JSON.parse(jwk.stdout)).toEqual(client.publicJwk);
    expect(pem.stdout).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(`${jwk.stdout}${pem.stdout}`).not.toMatch(/PRIVATE|"d":/);
  }, 60_000);

  it('an unknown method is refused', async () => {
    const bad = await cli(
      ['clients', 'create', '--provider', 'oidc', '--name', 'X', '--client-id', 'x', '--client-auth', 'tls'],
      env,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('CLIENT_INVALID');
  }, 60_000);
});
