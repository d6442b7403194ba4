import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../support/ports.ts';

/**
 * A real IMAP server: Debian's Dovecot 2.3 (`dovecot-imapd`), started by the test in the
 * foreground with its own configuration, run and state directories under a temporary directory,
 * listening on a free loopback port. Authentication is its `oauth2` passdb (SASL XOAUTH2 and
 * OAUTHBEARER) asking the demo provider's RFC 7662 introspection endpoint whether the bearer is
 * active, whose it is and whether it carries the `mail` scope. Mail lives in Maildirs; tests
 * deliver by writing message files into `new/`, as an MDA does.
 */
export const DOVECOT = '/usr/sbin/dovecot';

export interface TestDovecot {
  port: number;
  url: string;
  /** Delivers a message into `user`'s INBOX (a file in the Maildir's new/). */
  deliver(
    localPart: string,
    message: { from: string; to: string; subject: string; date?: Date; body?: string },
  ): void;
  log(): string;
  close(): Promise<void>;
}

/**
 * Without Dovecot the IMAP suites are skipped with a visible line — except in CI
 * (`CONSENTRY_CI=1`, set by .ci/run after installing dovecot-imapd), where its absence is a failure.
 */
export function dovecotAvailable(): boolean {
  if (existsSync(DOVECOT)) return true;
  if (process.env.CONSENTRY_CI === '1')
    throw new Error(`Dovecot is required in CI but ${DOVECOT} is missing`);
  process.stderr.write(`Skipping IMAP tests: ${DOVECOT} is not installed (apt-get install dovecot-imapd).\n`);
  return false;
}

export async function startDovecot(options: {
  /** `http://client_id:secret@host/…/token/introspection` */
  introspectionUrl: string;
  /** The scope a token must carry (Dovecot's oauth2 `scope` setting). */
  scope: string;
  /** A port picked beforehand (the app under test is configured with it first). */
  port?: number;
}): Promise<TestDovecot> {
  const root = mkdtempSync(join(tmpdir(), 'consentry-dovecot-'));
  // Dovecot's unprivileged processes (login, mail) must reach the sockets and the Maildirs.
  chmodSync(root, 0o755);
  const port = options.port ?? (await freePort());
  const asRoot = process.getuid?.() === 0;
  const me = userInfo();
  // As root, Dovecot drops to its own users and the mail user is `nobody`; otherwise everything
  // runs as the current user (Dovecot's documented non-root setup).
  const internalUser = asRoot ? 'dovecot' : me.username;
  const loginUser = asRoot ? 'dovenull' : me.username;
  const mailUid = asRoot ? 65534 : me.uid;
  const mailGid = asRoot ? 65534 : me.gid;
  for (const d of ['run', 'state', 'mail']) mkdirSync(join(root, d), { mode: 0o755 });

  const conf = join(root, 'dovecot.conf');
  const oauth2 = join(root, 'oauth2.conf.ext');
  writeFileSync(
    oauth2,
    [
      'introspection_mode = post',
      `introspection_url = ${options.introspectionUrl}`,
      'active_attribute = active',
      'active_value = true',
      // The demo provider's subject is the login name; the IMAP user is login@demo.consentry.test.
      'username_attribute = sub',
      'username_format = %n',
      `scope = ${options.scope}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  writeFileSync(
    conf,
    `protocols = imap
listen = 127.0.0.1
base_dir = ${root}/run
state_dir = ${root}/state
instance_name = consentry-test-${port}
log_path = ${root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = xoauth2 oauthbearer
auth_debug = no
auth_failure_delay = 0
default_internal_user = ${internalUser}
default_login_user = ${loginUser}
first_valid_uid = 1
mail_location = maildir:${root}/mail/%n
passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = ${oauth2}
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailGid} home=${root}/mail/%n
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
  # The tests fail logins on purpose from one address: an unreachable penalty socket turns off
  # Dovecot's auth penalty (2, 4, 8 … s before each lookup after a failure).
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service stats {
  unix_listener stats-writer {
    mode = 0666
  }
}
`,
  );

  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c) => {
    output += String(c);
  });
  child.stderr?.on('data', (c) => {
    output += String(c);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const log = () =>
    `${output}${existsSync(join(root, 'dovecot.log')) ? readFileSync(join(root, 'dovecot.log'), 'utf8') : ''}`;

  const deadline = Date.now() + 10_000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`dovecot did not start:\n${log()}`);
    }
    await sleep(50);
  }

  return {
    port,
    url: `imap://127.0.0.1:${port}`,
    deliver(localPart, m) {
      const maildir = join(root, 'mail', localPart);
      for (const d of ['', 'cur', 'new', 'tmp']) {
        mkdirSync(join(maildir, d), { recursive: true, mode: 0o700 });
        chownSync(join(maildir, d), mailUid, mailGid);
      }
      const date = m.date ?? new Date();
      const raw = [
        `From: ${m.from}`,
        `To: ${m.to}`,
        `Subject: ${m.subject}`,
        `Date: ${date.toUTCString()}`,
        `Message-ID: <${randomBytes(8).toString('hex')}@test.invalid>`,
        '',
        m.body ?? 'Hello.',
        '',
      ].join('\r\n');
      const name = `${Math.floor(date.getTime() / 1000)}.${randomBytes(6).toString('hex')}.consentry-test`;
      const file = join(maildir, 'new', name);
      writeFileSync(file, raw, { mode: 0o600 });
      chownSync(file, mailUid, mailGid);
    },
    log,
    async close() {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ port, host: '127.0.0.1' });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}
