import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { type AuthFixture, authFixture } from './fixture.ts';

/** Just enough MIME for nodemailer's output: unfolded headers, RFC 2047 Q words, quoted-printable. */
function decodeMail(raw: string): { subject: string; body: string } {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const headers = head.replace(/\r\n[ \t]+/g, ' ');
  const qp = (s: string) =>
    Buffer.from(
      s
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  const subjectLine = /^Subject: (.*)$/m.exec(headers)?.[1] ?? '';
  const subject = subjectLine
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, w: string) => qp(w.replace(/_/g, ' ')));
  return { subject, body: qp(rest.join('\r\n\r\n')) };
}

/** The owner's notification through a real SMTP server (smtp-server) started here. */
interface Received {
  from: string;
  to: string[];
  raw: string;
}
let smtp: SMTPServer;
let port: number;
const received: Received[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  port = (smtp.server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('owner notification', () => {
  let f: AuthFixture | undefined;
  afterAll(async () => f?.close());

  it('emails the owner on creation, without the secret', async () => {
    f = await authFixture({ listen: false, env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
    const { application, clientSecret, notification } = await f.consentry.app.authserver.applications.create({
      organization: 'Acme Events',
      name: 'Door scanner',
      ownerEmail: 'Owner@Example.test',
      scopes: 'participants:read',
    });
    expect(notification).toMatchObject({ sent: true, to: 'owner@example.test' });
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.to).toEqual(['owner@example.test']);
    // Without MAIL_FROM: no-reply at PUBLIC_BASE_URL's host.
    expect(mail.from).toBe('no-reply@127.0.0.1');
    expect(mail.raw).toMatch(/^From: Consentry <no-reply@127\.0\.0\.1>\r$/m);
    const { subject, body } = decodeMail(mail.raw);
    expect(subject).toBe('OAuth application "Door scanner" was created for you');
    expect(body).toContain(`Client ID:     ${application.clientId}`);
    expect(body).toContain('Organization:  Acme Events');
    expect(body).toContain(`${f.baseUrl}/oauth2-token`);
    expect(body).not.toContain(clientSecret);
    expect(mail.raw).not.toContain(clientSecret);
  });

  it('sends from MAIL_FROM when it is set, and refuses a malformed one at start-up', async () => {
    await f?.close();
    f = await authFixture({
      listen: false,
      env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Acme Events <events@acme.test>' },
    });
    const before = received.length;
    const { notification } = await f.consentry.app.authserver.applications.create({
      organization: 'Acme',
      name: 'Sender',
      ownerEmail: 'owner@example.test',
    });
    expect(notification.sent).toBe(true);
    const mail = received[before]!;
    expect(mail.from).toBe('events@acme.test');
    expect(mail.raw).toMatch(/^From: Acme Events <events@acme\.test>\r$/m);

    for (const bad of ['no-at-sign', 'a@b.test\r\nBcc: x@evil.test', 'Name <not an address>'])
      expect(() => loadConfig({ MAIL_FROM: bad })).toThrow(
        expect.objectContaining({ code: 'CONFIG_INVALID' }) as Error,
      );
    expect(loadConfig({ MAIL_FROM: 'events@acme.test' }).mailFrom).toBe('events@acme.test');
  });

  it('says no email was sent when SMTP is not configured', async () => {
    await f?.close();
    f = await authFixture({ listen: false });
    const before = received.length;
    const { notification } = await f.consentry.app.authserver.applications.create({
      organization: 'Acme',
      name: 'No mail',
      ownerEmail: 'owner@example.test',
    });
    expect(notification).toEqual({
      sent: false,
      to: 'owner@example.test',
      reason: 'SMTP is not configured (SMTP_URL)',
    });
    expect(received.length).toBe(before);
  });

  it('reports a refusing mail server without undoing the creation', async () => {
    await f?.close();
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      },
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', () => resolve()));
    const refusingPort = (refusing.server.address() as { port: number }).port;
    try {
      f = await authFixture({ listen: false, env: { SMTP_URL: `smtp://127.0.0.1:${refusingPort}` } });
      const { application, notification } = await f.consentry.app.authserver.applications.create({
        organization: 'Acme',
        name: 'Refused mail',
        ownerEmail: 'owner@example.test',
      });
      expect(notification.sent).toBe(false);
      expect(notification.sent === false && notification.reason).toContain('550');
      expect(await f.consentry.app.authserver.applications.get(application.id)).toBeTruthy();
    } finally {
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });
});
