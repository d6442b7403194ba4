import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS } from '../../src/console/permissions.ts';
import { cli } from '../cli/support.ts';
import { CookieJar, consentAtProvider, request } from '../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { createTestSchema, postgresAvailable, type TestSchema } from '../support/postgres.ts';
import { createUser, csrfFrom, PASSWORD, page, post, signIn } from './support/console-client.ts';

/**
 * Issue 10, the audit trail, over the real faces (console over HTTP, the CLI as a child process,
 * a real Auth Code flow against the built-in demo provider) on SQLite and PostgreSQL: every listed
 * action leaves one row naming who, from where and on what; `consentry audit verify` passes on
 * the untouched trail and fails — non-zero, naming the row — once a row is edited in the database
 * or deleted (in the middle or at the end).
 */
const SECRET = 'audit-client-secret-Vq93';
const NEW_SECRET = 'audit-client-secret-replaced-Zp41';

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`audit trail (${engine})`, () => {
    let t: TestConsentry;
    let schema: TestSchema | undefined;
    let admin: CookieJar;
    let cliEnv: Record<string, string>;
    let skip = false;

    beforeAll(async () => {
      if (engine === 'postgres') {
        if (!(await postgresAvailable())) {
          skip = true;
          return;
        }
        schema = await createTestSchema('audit');
        t = await startConsentry({ schema: schema.schema, env: { DATABASE_URL: schema.url } });
        cliEnv = {
          DATA_DIR: t.dataDir,
          DATABASE_URL: `${schema.url}?options=${encodeURIComponent(`-c search_path=${schema.schema}`)}`,
          DEMO_PROVIDER: 'false',
        };
      } else {
        t = await startConsentry();
        cliEnv = { DATA_DIR: t.dataDir, DEMO_PROVIDER: 'false' };
      }
    }, 120_000);
    afterAll(async () => {
      await t?.close();
      await schema?.drop();
    });

    const rows = async (action: string) => (await t.app.audit.list({ action })).reverse();

    it('records every listed action with who, from where and on what', async (ctx) => {
      if (skip) return ctx.skip();
      // First-run setup: the first administrator.
      admin = new CookieJar();
      const setup = await page(admin, `${t.baseUrl}/setup`);
      const created = await post(admin, `${t.baseUrl}/setup`, {
        _csrf: csrfFrom(setup.html),
        email: 'admin@example.org',
        password: PASSWORD,
        confirm: PASSWORD,
      });
      expect(created.status).toBe(303);
      const [first] = await rows('user.create');
      expect(first).toMatchObject({
        actor: { kind: 'user', label: 'first-run setup', address: '127.0.0.1' },
        details: { email: 'admin@example.org' },
      });
      const dash = await page(admin, `${t.baseUrl}/`);
      const csrf = csrfFrom(dash.html);

      // Users: create, permission change, delete — by the administrator, from 127.0.0.1.
      expect(
        (
          await post(admin, `${t.baseUrl}/users`, {
            _csrf: csrf,
            email: 'bob@example.org',
            password: PASSWORD,
            perm_connect_accounts: '1',
          })
        ).status,
      ).toBe(303);
      const bob = (await t.app.console.users.list()).find((u) => u.email === 'bob@example.org')!;
      expect(
        (
          await post(admin, `${t.baseUrl}/users/${bob.id}`, {
            _csrf: csrf,
            perm_connect_accounts: '1',
            perm_manage_secrets: '1',
          })
        ).status,
      ).toBe(303);
      expect((await post(admin, `${t.baseUrl}/users/${bob.id}/delete`, { _csrf: csrf })).status).toBe(303);
      const by = { kind: 'user', label: 'admin@example.org', address: '127.0.0.1' };
      expect(await rows('user.create')).toHaveLength(2);
      expect((await rows('user.create'))[1]).toMatchObject({
        actor: by,
        target: { type: 'console_user', id: bob.id },
      });
      expect(await rows('user.permissions')).toMatchObject([
        { actor: by, details: { before: 'connect_accounts', after: 'manage_secrets connect_accounts' } },
      ]);
      expect(await rows('user.delete')).toMatchObject([{ actor: by, details: { email: 'bob@example.org' } }]);

      // A client secret, set and replaced (never stored in the trail).
      expect(
        (
          await post(admin, `${t.baseUrl}/providers/microsoft/register`, {
            _csrf: csrf,
            name: 'Mail',
            clientId: 'mail-client',
            clientSecret: SECRET,
            t_tenant: 'common',
          })
        ).status,
      ).toBe(303);
      const client = (await t.app.store.clients.list({ providerKey: 'microsoft' }))[0]!;
      expect(
        (
          await post(admin, `${t.baseUrl}/clients/${client.id}`, {
            _csrf: csrf,
            name: 'Mail',
            clientId: 'mail-client',
            clientSecret: NEW_SECRET,
            t_tenant: 'common',
          })
        ).status,
      ).toBe(303);
      // Saving without a new secret is no secret change.
      expect(
        (
          await post(admin, `${t.baseUrl}/clients/${client.id}`, {
            _csrf: csrf,
            name: 'Mail',
            clientId: 'mail-client',
            clientSecret: '',
            t_tenant: 'common',
          })
        ).status,
      ).toBe(303);
      expect(await rows('client.secret_change')).toMatchObject([
        { actor: by, target: { type: 'oauth_client', id: client.id }, details: { change: 'created' } },
        { actor: by, target: { type: 'oauth_client', id: client.id }, details: { change: 'replaced' } },
      ]);

      // A consent through the demo provider: the connection, who started it, from where.
      const href = /href="(\/connect\/[^"]+)"/.exec(dash.html)![1]!.replace(/&amp;/g, '&');
      const start = await request(admin, `${t.baseUrl}${href}`);
      const callback = await consentAtProvider(admin, start.headers.get('location')!, {
        login: 'carol',
        stopPrefix: `${t.baseUrl}/oauth/callback`,
      });
      expect((await request(admin, callback)).headers.get('location')).toBe('/?oauth=connected');
      const [consent] = await rows('connection.consent');
      const id = consent!.target!.id;
      expect(consent).toMatchObject({
        actor: by,
        target: { type: 'connection', id },
        details: { provider: 'demo', account: 'carol@demo.consentry.test', scopes: 'openid email profile' },
      });

      // Inspect (reveals the token).
      expect((await page(admin, `${t.baseUrl}/connections/${id}/inspect`)).status).toBe(200);
      expect(await rows('connection.inspect')).toMatchObject([
        { actor: by, target: { type: 'connection', id }, details: { revealed: true } },
      ]);

      // A refresh the provider refuses (invalid_grant) marks needs_reauth: recorded as the system.
      const c = (await t.app.store.connections.get(id))!;
      await t.app.store.connections.replaceTokens(
        id,
        {
          accessToken: c.accessToken,
          refreshToken: 'not-a-refresh-token',
          tokenType: 'Bearer',
          scopes: c.scopes,
          expiresAt: new Date(0),
        },
        new Date(),
      );
      await post(admin, `${t.baseUrl}/connections/${id}/refresh?return=%2F`, { _csrf: csrf });
      expect((await t.app.store.connections.get(id))!.status).toBe('needs_reauth');
      expect(await rows('connection.needs_reauth')).toMatchObject([
        {
          actor: { kind: 'system', label: 'refresh' },
          target: { type: 'connection', id },
          details: { provider: 'demo' },
        },
      ]);

      // Reconnect.
      const reconnect = await request(
        admin,
        `${t.baseUrl}/connections/${id}/reconnect?_csrf=${encodeURIComponent(csrf)}`,
      );
      expect(reconnect.status).toBe(303);
      const back = await consentAtProvider(admin, reconnect.headers.get('location')!, {
        login: 'carol',
        stopPrefix: `${t.baseUrl}/oauth/callback`,
      });
      expect((await request(admin, back)).status).toBe(303);
      expect(await rows('connection.reconnect')).toMatchObject([
        { actor: by, target: { type: 'connection', id } },
      ]);
      expect(await rows('connection.consent')).toHaveLength(1);

      // Applications: create, rotate the secret, deactivate.
      const app = await post(admin, `${t.baseUrl}/apps`, {
        _csrf: csrf,
        organization: 'Acme',
        name: 'Door scanner',
        owner_email: 'owner@example.org',
        audience: 'backend',
        scopes: 'participants:read',
        active: '1',
      });
      expect(app.status).toBe(200);
      const application = (await t.app.authserver.applications.list())[0]!;
      expect(
        (
          await post(admin, `${t.baseUrl}/apps/${application.id}/rotate-secret`, {
            _csrf: csrf,
            old_secret_hours: '0',
          })
        ).status,
      ).toBe(200);
      expect(
        (await post(admin, `${t.baseUrl}/apps/${application.id}/deactivate`, { _csrf: csrf })).status,
      ).toBe(303);
      for (const action of ['application.create', 'application.rotate_secret', 'application.deactivate'])
        expect(await rows(action), action).toMatchObject([
          {
            actor: by,
            target: { type: 'application', id: application.id },
            details: { clientId: application.clientId },
          },
        ]);

      // Nothing secret in the trail.
      const all = JSON.stringify(await t.app.audit.list({ limit: 1000 }));
      for (const secret of [SECRET, NEW_SECRET, c.accessToken, 'not-a-refresh-token', PASSWORD])
        expect(all).not.toContain(secret);
    }, 180_000);

    it('key rotation and rewrap by the CLI are recorded as user@host; `audit list --json` shows the trail', async (ctx) => {
      if (skip) return ctx.skip();
      expect((await cli(['secret-key', 'rotate'], cliEnv, { timeoutMs: 120_000 })).code).toBe(0);
      const rewrap = await cli(['secret-key', 'rewrap', '--wait', '60'], cliEnv, { timeoutMs: 180_000 });
      expect(rewrap.code, rewrap.stderr).toBe(0);
      const listed = await cli(['audit', 'list', '--json', '--limit', '1000'], cliEnv, {
        timeoutMs: 120_000,
      });
      expect(listed.code, listed.stderr).toBe(0);
      const events = JSON.parse(listed.stdout) as {
        seq: number;
        action: string;
        actor: { kind: string; label: string };
      }[];
      const actions = events.map((e) => e.action);
      for (const action of [
        'user.create',
        'user.permissions',
        'user.delete',
        'client.secret_change',
        'connection.consent',
        'connection.inspect',
        'connection.needs_reauth',
        'connection.reconnect',
        'application.create',
        'application.rotate_secret',
        'application.deactivate',
        'secret_key.rotate',
        'secret_key.rewrap',
      ])
        expect(actions, action).toContain(action);
      expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => b - a));
      const rotate = events.find((e) => e.action === 'secret_key.rotate')!;
      expect(rotate.actor.kind).toBe('cli');
      expect(rotate.actor.label).toMatch(/^[^@\s]+@[^@\s]+$/);
      const filtered = await cli(['audit', 'list', '--json', '--action', 'user.create'], cliEnv, {
        timeoutMs: 120_000,
      });
      expect((JSON.parse(filtered.stdout) as unknown[]).length).toBe(2);
    }, 300_000);

    it('the console page lists and filters the trail, for users who may manage users only', async (ctx) => {
      if (skip) return ctx.skip();
      const all = await page(admin, `${t.baseUrl}/audit`);
      expect(all.status).toBe(200);
      expect(all.html).toContain('Chain intact');
      expect(all.html).toContain('connection.consent');
      const onlyUsers = await page(admin, `${t.baseUrl}/audit?action=user.delete`);
      expect((onlyUsers.html.match(/<tr data-seq=/g) ?? []).length).toBe(1);
      const byCli = await page(admin, `${t.baseUrl}/audit?actor=${encodeURIComponent('first-run setup')}`);
      expect((byCli.html.match(/<tr data-seq=/g) ?? []).length).toBe(1);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const future = await page(admin, `${t.baseUrl}/audit?from=${tomorrow}`);
      expect(future.html).toContain('No events match');
      await createUser(
        t,
        'oauth-admin@example.org',
        ALL_PERMISSIONS.filter((p) => p !== 'manage_users'),
      );
      const other = await signIn(t, 'oauth-admin@example.org');
      expect((await page(other, `${t.baseUrl}/audit`)).status).toBe(403);
      expect(t.app.server.routeTable.find((r) => r.url === '/audit')?.permission).toBe('manage_users');
    }, 120_000);

    it('`audit verify` passes untouched, and fails naming the row once a row is edited or deleted', async (ctx) => {
      if (skip) return ctx.skip();
      const db = t.app.database.db;
      const ok = await cli(['audit', 'verify'], cliEnv, { timeoutMs: 120_000 });
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/Audit trail intact: \d+ row\(s\)/);

      // Edit row 3's details in the database: detected at row 3.
      const row3 = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', '=', 3)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('audit_events')
        .set({ details: row3.details.replace('bob', 'eve') })
        .where('seq', '=', 3)
        .execute();
      const edited = await cli(['audit', 'verify', '--json'], cliEnv, { timeoutMs: 120_000 });
      expect(edited.code).not.toBe(0);
      expect(edited.stderr).toContain('AUDIT_CHAIN_BROKEN');
      expect(edited.stderr).toContain('row 3');
      expect(JSON.parse(edited.stdout)).toMatchObject({ ok: false, problem: { seq: 3, kind: 'edited' } });
      // Changing the actor (or the time) is detected the same way.
      await db
        .updateTable('audit_events')
        .set({ details: row3.details, actor_label: 'someone-else' })
        .where('seq', '=', 3)
        .execute();
      expect((await t.app.audit.verify()).problem).toMatchObject({ seq: 3, kind: 'edited' });
      await db
        .updateTable('audit_events')
        .set({ actor_label: row3.actor_label })
        .where('seq', '=', 3)
        .execute();
      expect((await t.app.audit.verify()).ok).toBe(true);

      // Delete the last row: the recorded head still names it.
      const last = await db
        .selectFrom('audit_events')
        .selectAll()
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      await db.deleteFrom('audit_events').where('seq', '=', last.seq).execute();
      const tail = await cli(['audit', 'verify'], cliEnv, { timeoutMs: 120_000 });
      expect(tail.code).not.toBe(0);
      expect(tail.stderr).toContain(`row ${last.seq}`);
      await db.insertInto('audit_events').values(last).execute();
      expect((await t.app.audit.verify()).ok).toBe(true);

      // Delete row 5: detected as missing at row 5, on the console page too.
      await db.deleteFrom('audit_events').where('seq', '=', 5).execute();
      const deleted = await cli(['audit', 'verify'], cliEnv, { timeoutMs: 120_000 });
      expect(deleted.code).not.toBe(0);
      expect(deleted.stderr).toMatch(/row 5.*missing/);
      const altered = await page(admin, `${t.baseUrl}/audit`);
      expect(altered.html).toContain('The trail was altered at event 5');
    }, 180_000);
  });
}
