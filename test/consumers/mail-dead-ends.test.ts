import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, page, signIn } from '../console/support/console-client.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { freePort } from '../support/ports.ts';
import { type MailFixture, mailFixture } from './support/mail-fixture.ts';

/**
 * No dead ends with mailboxes after `npm start`: without a test mail server the demo provider is
 * not offered for mailboxes (the page says why, the service refuses with that sentence), and a
 * mail server that cannot be reached is reported as such — never as "reconnect your grant".
 */
describe('mailboxes after a plain npm start (no demo mail server configured)', () => {
  let t: TestConsentry;
  beforeAll(async () => {
    t = await startConsentry();
  });
  afterAll(() => t?.close());

  it('the demo client is not offered, and the page says why', async () => {
    await createUser(t, 'ann@example.org', ['connect_accounts']);
    const jar = await signIn(t, 'ann@example.org');
    const list = await page(jar, `${t.baseUrl}/mail`);
    expect(list.status).toBe(200);
    expect(list.html).toContain('The demo provider has no mail server');
    expect(list.html).not.toMatch(/<option value="[^"]+">[^<]*Consentry Demo/);
    const demo = (await t.app.store.clients.list({ providerKey: 'demo' }))[0]!;
    await expect(
      t.app.features.mail.createAccount({ clientRef: demo.id, address: 'x@demo.consentry.test' }),
    ).rejects.toMatchObject({
      code: 'MAIL_SETTINGS_INVALID',
      message: expect.stringContaining('MAIL_DEMO_SMTP_URL'),
    });
  });
});

describe('a mail server that cannot be reached', () => {
  let f: MailFixture;
  beforeAll(async () => {
    f = await mailFixture();
  });
  afterAll(() => f?.close());

  it('says the server is unreachable and offers no reconnect of a grant that is fine', async () => {
    const mail = f.consentry.app.features.mail;
    const closedPort = await freePort(); // nothing listens here
    const account = await mail.createAccount({
      clientRef: f.demoClientRef,
      address: 'dora@demo.consentry.test',
      smtp: { host: '127.0.0.1', port: closedPort, security: 'none' },
    });
    expect((await f.connect(account.id, 'dora')).status).toBe(303);
    await expect(
      mail.send(account.id, { to: 'x@example.org', subject: 's', text: 't' }),
    ).rejects.toMatchObject({
      code: 'MAIL_SERVER_FAILED',
    });
    const health = await mail.health(account.id);
    expect(health.state).toBe('unreachable');
    expect(health.message).toMatch(/connection to the provider is fine/);
    const connection = await f.consentry.app.store.connections.get(
      (await mail.get(account.id)).connectionRef!,
    );
    expect(connection!.status).toBe('active');

    await createUser(f.consentry, 'admin@example.org', ['administer_oauth', 'connect_accounts']);
    const jar = await signIn(f.consentry, 'admin@example.org');
    const detail = await page(jar, `${f.consentry.baseUrl}/mail/${account.id}`);
    expect(detail.html).toContain('data-health="unreachable"');
    expect(detail.html).not.toContain('>Reconnect<');
    const list = await page(jar, `${f.consentry.baseUrl}/mail`);
    expect(list.html).not.toContain('>Reconnect<');
  });
});
