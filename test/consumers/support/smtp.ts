import { SMTPServer, type SMTPServerAuthentication } from 'smtp-server';

/**
 * A real SMTP server (the `smtp-server` package) on loopback that accepts only SASL XOAUTH2 and
 * checks each bearer with `verify` (the tests ask the demo provider's UserInfo endpoint, as a real
 * mail service asks its authorization server). A refused token gets the XOAUTH2 failure dance
 * (334 with a JSON status, then 535), exactly as Gmail answers.
 */
export interface ReceivedMessage {
  from: string;
  to: string[];
  raw: string;
  user: string;
}

export interface TestSmtp {
  port: number;
  url: string;
  messages: ReceivedMessage[];
  /** Every AUTH attempt, in order, with the verdict. */
  auths: { user: string; token: string; ok: boolean }[];
  /** Refuse the next `n` AUTH attempts regardless of the token (a server-side cache gone stale). */
  refuseNext(n: number): void;
  /** Refuse every AUTH attempt from now on (SMTP AUTH disabled for the tenant). */
  refuseAll(on: boolean): void;
  close(): Promise<void>;
}

export async function startSmtp(options: {
  verify: (user: string, token: string) => Promise<boolean>;
}): Promise<TestSmtp> {
  const messages: ReceivedMessage[] = [];
  const auths: TestSmtp['auths'] = [];
  let refuse = 0;
  let refuseAll = false;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['XOAUTH2'],
    logger: false,
    onAuth(auth: SMTPServerAuthentication, _session, callback) {
      const user = auth.username ?? '';
      const token = auth.accessToken ?? '';
      const decide = async () => {
        if (auth.method !== 'XOAUTH2') return false;
        if (refuseAll) return false;
        if (refuse > 0) {
          refuse--;
          return false;
        }
        return options.verify(user, token);
      };
      decide().then(
        (ok) => {
          auths.push({ user, token, ok });
          if (ok) callback(null, { user });
          else callback(null, { data: { status: '401', schemes: 'bearer', scope: 'mail' } });
        },
        (e: Error) => callback(e),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: String(session.user ?? ''),
        });
        callback();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    auths,
    refuseNext(n) {
      refuse = n;
    },
    refuseAll(on) {
      refuseAll = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Asks an OpenID provider's UserInfo endpoint who the bearer is; true when it is `user`. */
export async function userInfoSaysUser(userinfoUrl: string, user: string, token: string): Promise<boolean> {
  const res = await fetch(userinfoUrl, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) return false;
  const claims = (await res.json()) as { email?: string };
  return typeof claims.email === 'string' && claims.email.toLowerCase() === user.toLowerCase();
}
