import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, consentAtProvider, request } from '../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { cli } from './support.ts';

/**
 * The real binary against a temporary data directory: `--json` shapes, errors on stderr with a
 * non-zero exit, passwords from stdin, secrets never printed unless asked, and `connect` completing
 * a real flow through the running server's demo provider.
 */
const SECRET = 'cli-sentinel-secret-9f3Kq';
const PASSWORD = 'correct horse battery staple';

describe('consentry CLI', () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'consentry-cli-'));
    env = { DATA_DIR: dataDir, PUBLIC_BASE_URL: 'http://127.0.0.1:1' };
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('providers list/show --json', async () => {
    const [list, show, missing] = await Promise.all([
      cli(['providers', 'list', '--json'], env),
      cli(['providers', 'show', 'microsoft', '--json'], env),
      cli(['providers', 'show', 'nope'], env),
    ]);
    expect(list.code).toBe(0);
    const providers = JSON.parse(list.stdout) as { key: string; configured: boolean; clients: number }[];
    expect(providers.find((p) => p.key === 'google')).toMatchObject({ configured: false, clients: 0 });
    expect(providers.find((p) => p.key === 'demo')).toMatchObject({ configured: true, clients: 1 });
    const ms = JSON.parse(show.stdout);
    expect(ms).toMatchObject({ key: 'microsoft', protocol: 'oidc' });
    expect(ms.templates.map((t: { name: string }) => t.name)).toContain('tenant');
    expect(ms.register.redirectUri).toBe('http://127.0.0.1:1/oauth/callback');
    expect(ms.presets.mail).toContain('offline_access');
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('PROVIDER_UNKNOWN');
  }, 60_000);

  it('providers list --category crm, and the whole catalog with its aliases', async () => {
    const [crm, all, unknown] = await Promise.all([
      cli(['providers', 'list', '--category', 'crm', '--json'], env),
      cli(['providers', 'list', '--json'], env),
      cli(['providers', 'list', '--category', 'nope'], env),
    ]);
    expect(crm.code, crm.stderr).toBe(0);
    const rows = JSON.parse(crm.stdout) as { key: string; categories: string[]; registerUrl?: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const r of rows) expect(r.categories, r.key).toContain('crm');
    expect(rows.map((r) => r.key)).toEqual(expect.arrayContaining(['hubspot', 'salesforce', 'pipedrive']));
    const every = JSON.parse(all.stdout) as { key: string; aliases: string[]; grants: string[] }[];
    // 300+ named authorization-code providers, oidc, custom and the demo provider.
    expect(every.filter((r) => r.grants.includes('authorization_code')).length).toBeGreaterThanOrEqual(303);
    expect(every.find((r) => r.key === 'google')?.aliases).toEqual(expect.arrayContaining(['google-mail']));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('BAD_REQUEST');
    expect(unknown.stdout).toBe('');
  }, 60_000);

  it('providers list --grant client_credentials, and grants in --json', async () => {
    const [cc, all, unknown, show] = await Promise.all([
      cli(['providers', 'list', '--grant', 'client_credentials', '--json'], env),
      cli(['providers', 'list'], env),
      cli(['providers', 'list', '--grant', 'implicit'], env),
      cli(['providers', 'show', 'databricks-workspace'], env),
    ]);
    expect(cc.code, cc.stderr).toBe(0);
    const rows = JSON.parse(cc.stdout) as { key: string; grants: string[]; aliases: string[] }[];
    for (const r of rows) expect(r.grants, r.key).toContain('client_credentials');
    // About a hundred client-credentials providers: entries plus their aliases.
    expect(rows.length).toBeGreaterThanOrEqual(90);
    expect(rows.length + rows.reduce((n, r) => n + r.aliases.length, 0)).toBeGreaterThanOrEqual(106);
    expect(rows.find((r) => r.key === 'zoom')?.grants).toEqual(['authorization_code', 'client_credentials']);
    expect(rows.find((r) => r.key === 'databricks-workspace')?.grants).toEqual(['client_credentials']);
    expect(rows.find((r) => r.key === 'adp')?.aliases).toEqual(expect.arrayContaining(['adp-workforce-now']));
    expect(rows.some((r) => r.key === 'google')).toBe(false);
    // The table names the grants and gives both counts.
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/\d+ providers \(3\d\d authorization code, \d{2,3} client credentials\)/);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('BAD_REQUEST');
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('grants         client_credentials');
    expect(show.stdout).toContain('default scopes all-apis');
    expect(show.stdout).not.toContain('Redirect URL');
  }, 60_000);

  it('users create reads the password from stdin, never an argument', async () => {
    const created = await cli(['users', 'create', '--admin', '--email', 'Ops@Example.org', '--json'], env, {
      stdin: `${PASSWORD}\n`,
    });
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({
      email: 'ops@example.org',
      permissions: ['administer_oauth', 'manage_secrets', 'connect_accounts', 'manage_users'],
    });
    expect(created.stdout).not.toContain(PASSWORD);
    const weak = await cli(['users', 'create', '--email', 'x@example.org'], env, { stdin: 'short\n' });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('USER_INVALID');
  }, 60_000);

  it('clients create/list/delete; the secret is never printed', async () => {
    const created = await cli(
      [
        'clients',
        'create',
        '--provider',
        'microsoft',
        '--name',
        'Mail',
        '--client-id',
        'abc-123',
        '--client-secret-stdin',
        '--tenant',
        'organizations',
        '--json',
      ],
      env,
      { stdin: `${SECRET}\n` },
    );
    expect(created.code, created.stderr).toBe(0);
    const client = JSON.parse(created.stdout);
    expect(client).toMatchObject({
      provider: 'microsoft',
      name: 'Mail',
      clientId: 'abc-123',
      hasClientSecret: true,
      templateValues: { tenant: 'organizations' },
    });
    const [bad, list] = await Promise.all([
      cli(
        [
          'clients',
          'create',
          '--provider',
          'microsoft',
          '--name',
          'X',
          '--client-id',
          'a',
          '--client-secret',
          's',
          '--tenant',
          'no spaces allowed',
        ],
        env,
      ),
      cli(['clients', 'list', '--json'], env),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('CLIENT_INVALID');
    const clients = JSON.parse(list.stdout) as { id: string; name: string }[];
    expect(clients.map((c) => c.name).sort()).toEqual(['Demo', 'Mail']);
    expect(list.stdout + created.stdout + created.stderr).not.toContain(SECRET);
    const del = await cli(['clients', 'delete', 'microsoft/Mail', '--json'], env);
    expect(JSON.parse(del.stdout)).toEqual({ deleted: client.id });
    const gone = await cli(['clients', 'delete', client.id], env);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('CLIENT_UNKNOWN');
  }, 60_000);

  describe('with the server running', () => {
    let t: TestConsentry;
    let serverEnv: Record<string, string>;
    beforeAll(async () => {
      t = await startConsentry({ dataDir });
      serverEnv = { DATA_DIR: dataDir, PUBLIC_BASE_URL: t.baseUrl };
    });
    afterAll(() => t?.close({ keepData: true }));

    it('connect prints a one-time link and waits; then list/show/inspect/refresh/revoke/delete', async () => {
      const jar = new CookieJar();
      let linkSeen: (url: string) => void = () => {};
      const link = new Promise<string>((r) => {
        linkSeen = r;
      });
      const running = cli(['connect', 'Demo', '--preset', 'login', '--json', '--timeout', '60'], serverEnv, {
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
      const start = await request(jar, url);
      expect(start.status).toBe(303);
      const callback = await consentAtProvider(jar, start.headers.get('location')!, {
        login: 'erin',
        stopPrefix: `${t.baseUrl}/oauth/callback`,
      });
      await request(jar, callback);
      // The link works once.
      expect((await request(new CookieJar(), url)).status).toBe(400);
      const done = await running;
      expect(done.code, done.stderr).toBe(0);
      const connection = JSON.parse(done.stdout.slice(done.stdout.indexOf('{')));
      expect(connection).toMatchObject({
        provider: 'demo',
        account: 'erin@demo.consentry.test',
        status: 'active',
      });
      expect(connection.scopes).toEqual(['openid', 'email', 'profile']);
      const token = (await t.app.store.connections.get(connection.id))!.accessToken;

      const [list, inspect, reveal] = await Promise.all([
        cli(['connections', 'list', '--status', 'active', '--json'], serverEnv),
        cli(['connections', 'inspect', connection.id, '--json'], serverEnv),
        cli(['connections', 'inspect', connection.id, '--reveal', '--json'], serverEnv),
      ]);
      expect(JSON.parse(list.stdout)).toEqual([
        expect.objectContaining({ id: connection.id, purpose: 'console', hasRefreshToken: true }),
      ]);
      expect(JSON.parse(inspect.stdout)).toMatchObject({ id: connection.id, accessToken: null });
      expect(JSON.parse(reveal.stdout)).toMatchObject({ accessToken: token });
      for (const out of [list, inspect]) expect(out.stdout + out.stderr).not.toContain(token);

      const refreshed = await cli(['connections', 'refresh', connection.id, '--json'], serverEnv);
      expect(refreshed.code, refreshed.stderr).toBe(0);
      expect(JSON.parse(refreshed.stdout).lastRefreshAt).not.toBeNull();
      const revoked = await cli(['connections', 'revoke', connection.id, '--json'], serverEnv);
      expect(JSON.parse(revoked.stdout)).toEqual({ id: connection.id, status: 'revoked', atProvider: true });
      const deleted = await cli(['connections', 'delete', connection.id, '--json'], serverEnv);
      expect(JSON.parse(deleted.stdout)).toEqual({ deleted: connection.id });
      const missing = await cli(['connections', 'refresh', connection.id], serverEnv);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('CONNECTION_UNKNOWN');
    }, 180_000); // a dozen CLI processes, each loading the 300-entry catalog, on a loaded machine
  });
});
