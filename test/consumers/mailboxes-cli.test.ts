import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/support.ts';
import { CookieJar, consentAtProvider, request } from '../support/browserless.ts';
import { dovecotAvailable } from './support/dovecot.ts';
import { type MailFixture, mailFixture } from './support/mail-fixture.ts';

/**
 * `consentry mailboxes …`: the real binary against the data directory of a running Consentry
 * (real server, SQLite, the demo provider), a real SMTP server requiring XOAUTH2 and, where it is
 * installed, Dovecot: list/add/remove with `--json`, errors on stderr with a non-zero exit,
 * `connect` completing the mailbox's own flow through the one-time link, `send-test` arriving at
 * SMTP, `inbox` listing over IMAP.
 */
const imapAvailable = dovecotAvailable();
let f: MailFixture;
let env: Record<string, string>;

beforeAll(async () => {
  f = await mailFixture({ imap: imapAvailable });
  const demo = f.consentry.app.features.mail.defaultsFor('demo')!;
  env = {
    DATA_DIR: f.consentry.dataDir,
    PUBLIC_BASE_URL: f.consentry.baseUrl,
    MAIL_DEMO_SMTP_URL: f.smtp.url,
    MAIL_DEMO_IMAP_URL: `imap://${demo.imap.host}:${demo.imap.port}`,
  };
  await f.consentry.app.console.users.create({
    email: 'ann@example.org',
    password: 'correct horse battery staple',
    permissions: ['connect_accounts'],
  });
}, 60_000);
afterAll(async () => {
  await f?.close();
});

/** Runs `mailboxes connect <id>`, opens the printed link in a fresh browser, consents as `login`. */
async function connectThroughCli(id: string, login: string) {
  let linkSeen: (url: string) => void = () => {};
  const link = new Promise<string>((r) => {
    linkSeen = r;
  });
  const running = cli(['mailboxes', 'connect', id, '--json', '--timeout', '60'], env, {
    onStdout: (chunk) => {
      const m = /(http:\/\/\S+\/connect\/link\/\S+)/.exec(chunk);
      if (m) linkSeen(m[1]!);
    },
  });
  const url = await Promise.race([
    link,
    running.then((r) => {
      throw new Error(`mailboxes connect ended early: ${r.code} ${r.stdout} ${r.stderr}`);
    }),
  ]);
  const jar = new CookieJar();
  const start = await request(jar, url);
  expect(start.status).toBe(303);
  const callback = await consentAtProvider(jar, start.headers.get('location')!, {
    login,
    stopPrefix: `${f.consentry.baseUrl}/oauth/callback`,
  });
  const back = await request(jar, callback);
  expect(back.headers.get('location')).toBe('/connect/done?oauth=connected');
  const landing = await request(jar, new URL('/connect/done?oauth=connected', f.consentry.baseUrl).href);
  expect(await landing.text()).toContain('You can close this tab.');
  expect((await request(new CookieJar(), url)).status).toBe(400); // the link works once
  const done = await running;
  expect(done.code, done.stderr).toBe(0);
  return JSON.parse(done.stdout.slice(done.stdout.indexOf('{'))) as Record<string, unknown>;
}

describe('consentry mailboxes', () => {
  let dave: string;

  it('add (servers from the provider, or given) / list --json / remove', async () => {
    const added = await cli(
      [
        'mailboxes',
        'add',
        '--client',
        f.demoClientRef,
        '--address',
        'dave@demo.consentry.test',
        '--owner',
        'Ann@Example.org',
        '--json',
      ],
      env,
    );
    expect(added.code, added.stderr).toBe(0);
    const row = JSON.parse(added.stdout);
    expect(row).toMatchObject({
      address: 'dave@demo.consentry.test',
      owner: 'ann@example.org',
      smtp: { host: '127.0.0.1', port: f.smtp.port, security: 'none' },
      health: 'not_connected',
      connection: null,
    });
    dave = row.id;
    const ann = (await f.consentry.app.console.users.list()).find((u) => u.email === 'ann@example.org')!;
    expect((await f.consentry.app.features.mail.get(dave)).ownerRef).toBe(ann.id);

    const explicit = await cli(
      [
        'mailboxes',
        'add',
        '--client',
        f.demoClientRef,
        '--imap-host',
        'localhost',
        '--imap-port',
        '1993',
        '--imap-security',
        'none',
      ],
      env,
    );
    expect(explicit.code, explicit.stderr).toBe(0);
    expect(explicit.stdout).toMatch(
      /^Added mailbox [0-9a-f-]{36} \(address set on connect\): IMAP localhost:1993 none/,
    );
    const otherId = /Added mailbox ([0-9a-f-]{36})/.exec(explicit.stdout)![1]!;

    const list = await cli(['mailboxes', 'list', '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    const rows = JSON.parse(list.stdout) as { id: string; owner: string | null; imap: unknown }[];
    expect(rows.find((r) => r.id === dave)).toMatchObject({ owner: 'ann@example.org' });
    expect(rows.find((r) => r.id === otherId)).toMatchObject({
      owner: null,
      imap: { host: 'localhost', port: 1993, security: 'none' },
    });

    const removed = await cli(['mailboxes', 'remove', otherId], env);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain(`Removed mailbox ${otherId}`);
    expect((await f.consentry.app.features.mail.list()).map((m) => m.id)).toEqual([dave]);
  }, 60_000);

  it('errors go to stderr with a non-zero exit, and nothing is stored', async () => {
    const runs = await Promise.all([
      cli(['mailboxes', 'add', '--client', 'nope', '--address', 'x@example.org'], env),
      cli(
        [
          'mailboxes',
          'add',
          '--client',
          f.demoClientRef,
          '--imap-host',
          'mail.example.org',
          '--imap-security',
          'none',
        ],
        env,
      ),
      cli(['mailboxes', 'add', '--client', f.demoClientRef, '--owner', 'ghost@example.org'], env),
      cli(['mailboxes', 'inbox', dave, '--limit', '0'], env),
      cli(['mailboxes', 'send-test', dave, '--to', 'someone@example.test'], env),
    ]);
    const expected = [
      'CLIENT_UNKNOWN',
      'MAIL_SETTINGS_INVALID: The mailbox settings are invalid. IMAP without TLS is only allowed on this machine',
      'USER_UNKNOWN: No such user. No console user has the email ghost@example.org.',
      '--limit must be a whole number from 1 to 100',
      'MAIL_NOT_CONNECTED',
    ];
    runs.forEach((r, i) => {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(expected[i]);
    });
    expect((await f.consentry.app.features.mail.list()).map((m) => m.id)).toEqual([dave]);
  }, 60_000);

  it('connect prints a one-time link that runs the mailbox’s own flow; send-test arrives at SMTP', async () => {
    const connection = await connectThroughCli(dave, 'dave');
    expect(connection).toMatchObject({
      purpose: 'mail',
      account: 'dave@demo.consentry.test',
      status: 'active',
    });
    const m = await f.consentry.app.features.mail.get(dave);
    expect(m.connectionRef).toBe(connection.id);

    const sent = await cli(
      ['mailboxes', 'send-test', dave, '--to', 'friend@example.test', '--subject', 'From the CLI'],
      env,
    );
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toBe('Test message sent to friend@example.test.\n');
    const arrived = f.smtp.messages.find((x) => x.raw.includes('Subject: From the CLI'));
    expect(arrived).toMatchObject({ from: 'dave@demo.consentry.test', user: 'dave@demo.consentry.test' });
    const token = (await f.consentry.app.store.connections.get(connection.id as string))!.accessToken;
    const list = await cli(['mailboxes', 'list'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^ID\s+ADDRESS\s+OWNER\s+HEALTH\s+IMAP\s+SMTP\n/);
    expect(list.stdout).toMatch(
      new RegExp(`${dave}\\s+dave@demo\\.consentry\\.test\\s+ann@example\\.org\\s+ok\\s`),
    );
    for (const out of [sent, list]) expect(out.stdout + out.stderr).not.toContain(token);
  }, 90_000);

  it.skipIf(!imapAvailable)(
    'inbox lists the newest messages over IMAP (Dovecot)',
    async () => {
      for (let i = 1; i <= 3; i++)
        f.imap!.deliver('dave', {
          from: `Sender ${i} <s${i}@example.test>`,
          to: 'dave@demo.consentry.test',
          subject: `Inbox ${i}`,
          date: new Date(Date.UTC(2026, 0, 1, 0, i)),
        });
      const json = await cli(['mailboxes', 'inbox', dave, '--limit', '2', '--json'], env);
      expect(json.code, json.stderr).toBe(0);
      expect((JSON.parse(json.stdout) as { subject: string }[]).map((x) => x.subject)).toEqual([
        'Inbox 3',
        'Inbox 2',
      ]);
    },
    60_000,
  );

  it('remove takes the connection with it', async () => {
    const connectionRef = (await f.consentry.app.features.mail.get(dave)).connectionRef!;
    const removed = await cli(['mailboxes', 'remove', dave], env);
    expect(removed.code, removed.stderr).toBe(0);
    expect(await f.consentry.app.store.connections.get(connectionRef)).toBeUndefined();
    const again = await cli(['mailboxes', 'remove', dave], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('MAIL_ACCOUNT_UNKNOWN: No such mailbox account.');
  }, 60_000);
});
