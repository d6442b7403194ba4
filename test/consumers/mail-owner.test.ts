import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/console/actor.ts';
import { createUser, csrfFrom, page, post, signIn } from '../console/support/console-client.ts';
import type { CookieJar } from '../support/browserless.ts';
import { type MailFixture, mailFixture } from './support/mail-fixture.ts';

/**
 * Mailboxes belong to the console user who added them, over real HTTP (real server, SQLite, the
 * demo provider, a real SMTP server requiring XOAUTH2): another user can neither see, send from,
 * read, connect nor remove them (404 with a clear message, and nothing happens at the mail
 * server); an administrator (`administer_oauth`) sees and uses all of them, and the page says so.
 */
let f: MailFixture;
let ann: CookieJar;
let ben: CookieJar;
let admin: CookieJar;
let viewer: CookieJar;
let benId: string;
let benMailbox: string;
let annMailbox: string;
const NOT_YOURS = 'Mailboxes are visible only to the console user who added them and to administrators';

/** Adds a mailbox through the console form; returns its id (from the redirect). */
async function addMailbox(jar: CookieJar, address: string): Promise<string> {
  const list = await page(jar, `${f.consentry.baseUrl}/mail`);
  expect(list.status).toBe(200);
  const res = await post(jar, `${f.consentry.baseUrl}/mail`, {
    _csrf: csrfFrom(list.html),
    client: f.demoClientRef,
    address,
  });
  expect(res.status).toBe(303);
  const m = /^\/mail\/([0-9a-f-]{36})$/.exec(res.headers.get('location') ?? '');
  expect(m, String(res.headers.get('location'))).toBeTruthy();
  return m![1]!;
}

beforeAll(async () => {
  f = await mailFixture();
  const t = f.consentry;
  await createUser(t, 'ann@example.org', ['connect_accounts']);
  const b = await createUser(t, 'ben@example.org', ['connect_accounts']);
  benId = b.id;
  await createUser(t, 'root@example.org', ['administer_oauth', 'connect_accounts']);
  await createUser(t, 'viewer@example.org', ['manage_users']);
  [ann, ben, admin, viewer] = await Promise.all([
    signIn(t, 'ann@example.org'),
    signIn(t, 'ben@example.org'),
    signIn(t, 'root@example.org'),
    signIn(t, 'viewer@example.org'),
  ]);
  annMailbox = await addMailbox(ann, 'ann@demo.consentry.test');
  benMailbox = await addMailbox(ben, 'ben@demo.consentry.test');
  const res = await f.connect(benMailbox, 'ben');
  expect(res.location).toBe(`/mail/${benMailbox}?oauth=connected`);
}, 60_000);
afterAll(async () => {
  await f?.close();
});

describe('mailboxes belong to the console user who added them', () => {
  it('stores the owner, and lists each user only their own mailboxes', async () => {
    const mail = f.consentry.app.features.mail;
    expect((await mail.get(benMailbox)).ownerRef).toBe(benId);
    const annList = await page(ann, `${f.consentry.baseUrl}/mail`);
    expect(annList.html).toContain('ann@demo.consentry.test');
    expect(annList.html).not.toContain('ben@demo.consentry.test');
    expect(annList.html).not.toContain(benMailbox);
    expect(annList.html).toContain('These are the mailboxes you added');
    expect(annList.html).not.toContain('<th>Owner</th>');
    const benList = await page(ben, `${f.consentry.baseUrl}/mail`);
    expect(benList.html).toContain('ben@demo.consentry.test');
    expect(benList.html).not.toContain('ann@demo.consentry.test');
  });

  it('another user cannot open, send from, read, connect or remove it: 404 with a clear message', async () => {
    const base = `${f.consentry.baseUrl}/mail/${benMailbox}`;
    const own = await page(ann, `${f.consentry.baseUrl}/mail/${annMailbox}`);
    const csrf = csrfFrom(own.html);
    const before = f.smtp.auths.length;

    const view = await page(ann, base);
    expect(view.status).toBe(404);
    expect(view.html).toContain('No such mailbox account.');
    expect(view.html).toContain(NOT_YOURS);
    expect(view.html).toContain('MAIL_ACCOUNT_UNKNOWN');
    expect(view.html).not.toContain('ben@demo.consentry.test');

    const send = await post(ann, `${base}/send`, { _csrf: csrf, to: 'x@example.test', subject: 'Nope' });
    expect(send.status).toBe(404);
    expect(await send.text()).toContain(NOT_YOURS);
    const inbox = await post(ann, `${base}/inbox`, { _csrf: csrf });
    expect(inbox.status).toBe(404);
    const connect = await page(ann, `${base}/connect?_csrf=${encodeURIComponent(csrf)}`);
    expect(connect.status).toBe(404);
    const remove = await post(ann, `${base}/delete`, { _csrf: csrf });
    expect(remove.status).toBe(404);
    expect(await remove.text()).toContain(NOT_YOURS);

    // Nothing happened: no SMTP attempt, the mailbox and its connection are still there.
    expect(f.smtp.auths.length).toBe(before);
    const still = await f.consentry.app.features.mail.get(benMailbox);
    expect(still.connectionRef).toBeTruthy();
    expect(await f.consentry.app.store.connections.get(still.connectionRef!)).toBeDefined();
    // An unknown id gives the same answer: the 404 does not confirm that a mailbox exists.
    const unknown = await page(ann, `${f.consentry.baseUrl}/mail/00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain(NOT_YOURS);
  });

  it('the owner uses it; its connection is listed among the owner’s connections', async () => {
    const mine = await page(ben, `${f.consentry.baseUrl}/mail/${benMailbox}`);
    expect(mine.status).toBe(200);
    expect(mine.html).toMatch(/<dt>Owner<\/dt><dd>you<\/dd>/);
    const res = await post(ben, `${f.consentry.baseUrl}/mail/${benMailbox}/send`, {
      _csrf: csrfFrom(mine.html),
      to: 'friend@example.test',
      subject: 'From Ben, by Ben',
    });
    expect(res.status).toBe(303);
    expect(f.smtp.messages.some((m) => m.raw.includes('Subject: From Ben, by Ben'))).toBe(true);
    const m = await f.consentry.app.features.mail.get(benMailbox);
    const asBen: Actor = { userId: benId, label: 'ben', permissions: ['connect_accounts'] };
    const connections = await f.consentry.app.console.oauth.listConnections(asBen);
    expect(connections.map((c) => c.id)).toContain(m.connectionRef);
  });

  it('an administrator sees every mailbox with its owner, and may send, read and remove', async () => {
    const list = await page(admin, `${f.consentry.baseUrl}/mail`);
    expect(list.status).toBe(200);
    expect(list.html).toContain('You see every console user’s mailboxes because you may administer OAuth');
    expect(list.html).toContain('<th>Owner</th>');
    expect(list.html).toContain('ann@example.org');
    expect(list.html).toContain('ben@example.org');
    const view = await page(admin, `${f.consentry.baseUrl}/mail/${benMailbox}`);
    expect(view.status).toBe(200);
    expect(view.html).toContain('ben@example.org');
    const csrf = csrfFrom(view.html);
    const sent = await post(admin, `${f.consentry.baseUrl}/mail/${benMailbox}/send`, {
      _csrf: csrf,
      to: 'audit@example.test',
      subject: 'Sent by the administrator',
    });
    expect(sent.status).toBe(303);
    expect(f.smtp.messages.some((m) => m.raw.includes('Subject: Sent by the administrator'))).toBe(true);
    // Reading passes the ownership check and reaches IMAP (no IMAP server here: the server error).
    const inbox = await post(admin, `${f.consentry.baseUrl}/mail/${benMailbox}/inbox`, { _csrf: csrf });
    expect(inbox.status).toBe(303);
    const removed = await post(admin, `${f.consentry.baseUrl}/mail/${annMailbox}/delete`, { _csrf: csrf });
    expect(removed.status).toBe(303);
    expect((await f.consentry.app.features.mail.list()).map((m) => m.id)).not.toContain(annMailbox);
  });

  it('without connect_accounts the mailbox pages are refused (403)', async () => {
    const res = await page(viewer, `${f.consentry.baseUrl}/mail`);
    expect(res.status).toBe(403);
    const other = await page(viewer, `${f.consentry.baseUrl}/mail/${benMailbox}`);
    expect(other.status).toBe(403);
  });
});
