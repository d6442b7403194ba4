import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { type CookieJar, request } from './browserless.ts';
import { freePort } from './ports.ts';

/**
 * Glewlwyd (C; Debian bookworm's `glewlwyd` 2.7), an OpenID provider written in another language,
 * as a child process of the test: its own SQLite database (Debian's schema), an OIDC plugin
 * instance with PKCE, PAR, DPoP and revocation on, one user and the test's clients, seeded
 * directly into the database; no daemon, no web server in front.
 *
 * Its login and consent are a JavaScript single-page app over its REST API; `consent` makes the
 * same API calls the app makes (sign in, grant the scopes) and follows `callback_url` with
 * `g_continue`, as the app does after consent.
 */
export const GLEWLWYD_BIN = '/usr/bin/glewlwyd';
const SCHEMA = '/usr/share/doc/glewlwyd/database/init.sqlite3.sql.gz';

export function glewlwydAvailable(): boolean {
  if (existsSync(GLEWLWYD_BIN) && existsSync(SCHEMA)) return true;
  if (process.env.CONSENTRY_CI === '1')
    throw new Error(`glewlwyd is required in CI but ${GLEWLWYD_BIN} is missing`);
  process.stderr.write('Skipping glewlwyd interop tests: apt-get install glewlwyd.\n');
  return false;
}

export interface GlewlwydClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  methods: string[];
}

export interface Glewlwyd {
  issuer: string;
  /** Signs in as the seeded user, grants the asked scopes, and returns the redirect to the client. */
  consent(jar: CookieJar, consentUrl: string): Promise<string>;
  /** Everything it logged (requests, events) — for diagnosing a failed run. */
  log(): string;
  close(): Promise<void>;
}

export const GLEWLWYD_USER = { username: 'admin', password: 'password' };

export async function startGlewlwyd(clients: GlewlwydClient[]): Promise<Glewlwyd> {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-glewlwyd-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const issuer = `${base}/api/oidc`;
  const dbPath = join(dir, 'glewlwyd.db');
  const db = new Database(dbPath);
  db.exec(gunzipSync(readFileSync(SCHEMA)).toString('utf8'));
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  db.prepare(
    'INSERT INTO g_plugin_module_instance (gpmi_module, gpmi_name, gpmi_display_name, gpmi_parameters, gpmi_enabled) VALUES (?, ?, ?, ?, 1)',
  ).run('oidc', 'oidc', 'OpenID Connect', JSON.stringify(oidcParameters(issuer, privateKey, publicKey)));
  // The end user is the schema's seeded account (`admin`, password `password`, Debian's documented
  // default; its password hash is in Glewlwyd's own format), given `openid` and an email here.
  // `openid` asks for the password (a scope without any factor never counts as signed in).
  db.prepare(
    "UPDATE g_scope SET gs_password_required = 1, gs_password_max_age = 0 WHERE gs_name = 'openid'",
  ).run();
  db.prepare("UPDATE g_user SET gu_email = 'dana@glewlwyd.test' WHERE gu_username = 'admin'").run();
  db.prepare("INSERT INTO g_user_scope (gus_name) VALUES ('openid')").run();
  db.prepare(
    "INSERT INTO g_user_scope_user (gu_id, gus_id) VALUES ((SELECT gu_id FROM g_user WHERE gu_username = 'admin'), (SELECT gus_id FROM g_user_scope WHERE gus_name = 'openid'))",
  ).run();
  const addClient = db.prepare(
    'INSERT INTO g_client (gc_client_id, gc_name, gc_confidential, gc_enabled) VALUES (?, ?, 1, 1)',
  );
  const addProperty = db.prepare(
    'INSERT INTO g_client_property (gc_id, gcp_name, gcp_value) VALUES ((SELECT gc_id FROM g_client WHERE gc_client_id = ?), ?, ?)',
  );
  for (const c of clients) {
    addClient.run(c.clientId, c.clientId);
    const properties: [string, string][] = [
      ['redirect_uri', c.redirectUri],
      ['authorization_type', 'code'],
      ['authorization_type', 'refresh_token'],
      ['client_secret', c.clientSecret],
      ...c.methods.map((m): [string, string] => ['token_endpoint_auth_method', m]),
    ];
    for (const [name, value] of properties) addProperty.run(c.clientId, name, value);
  }
  db.close();
  writeFileSync(join(dir, 'glewlwyd.conf'), config(port, base, dbPath));

  const output: string[] = [];
  const child: ChildProcess = spawn(GLEWLWYD_BIN, ['-c', join(dir, 'glewlwyd.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(`${issuer}/.well-known/openid-configuration`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`glewlwyd did not start: ${output.join('').slice(-2000)}`);
    await sleep(200);
  }
  return {
    issuer,
    async consent(jar, consentUrl) {
      const first = await request(jar, consentUrl);
      const login = new URL(first.headers.get('location') ?? '', consentUrl);
      const callbackUrl = login.searchParams.get('callback_url');
      const clientId = login.searchParams.get('client_id');
      const scope = login.searchParams.get('scope');
      if (!callbackUrl || !clientId || !scope)
        throw new Error(`glewlwyd: no login redirect (${first.status} ${login.href})`);
      const json = (method: string, url: string, body: unknown) =>
        fetch(url, {
          method,
          headers: { 'content-type': 'application/json', cookie: jar.header(url) },
          body: JSON.stringify(body),
        }).then((r) => {
          jar.store(url, r);
          if (!r.ok) throw new Error(`glewlwyd: ${method} ${new URL(url).pathname} → ${r.status}`);
        });
      await json('POST', `${base}/api/auth/`, GLEWLWYD_USER);
      await json('PUT', `${base}/api/auth/grant/${encodeURIComponent(clientId)}`, { scope });
      const back = await request(jar, `${callbackUrl}&g_continue`);
      const location = back.headers.get('location');
      if (!location) throw new Error(`glewlwyd: no redirect after consent (${back.status})`);
      return new URL(location, callbackUrl).href;
    },
    log: () => output.join(''),
    close: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function config(port: number, base: string, dbPath: string): string {
  return `port=${port}
external_url="${base}"
login_url="login.html"
api_prefix="api"
allow_origin="*"
log_mode="console"
log_level="INFO"
cookie_secure=0
session_expiration=3600
session_key="GLEWLWYD2_SESSION_ID"
admin_session_authentication="cookie"
profile_session_authentication="cookie"
allow_multiple_user_per_session=true
login_api_enabled=true
admin_scope="g_admin"
profile_scope="g_profile"
user_module_path="/usr/lib/glewlwyd/user"
client_module_path="/usr/lib/glewlwyd/client"
user_auth_scheme_module_path="/usr/lib/glewlwyd/scheme"
plugin_module_path="/usr/lib/glewlwyd/plugin"
use_secure_connection=false
secure_connection_key_file="/etc/glewlwyd/cert.key"
secure_connection_pem_file="/etc/glewlwyd/cert.pem"
secure_connection_ca_file="/etc/glewlwyd/ca.crt"
hash_algorithm = "SHA512"
database = { type = "sqlite3"
  path = "${dbPath}" };
`;
}

/** The OIDC plugin instance (names as in Glewlwyd's admin app): PKCE, PAR, DPoP, revocation on. */
function oidcParameters(
  issuer: string,
  privateKey: import('node:crypto').KeyObject,
  publicKey: import('node:crypto').KeyObject,
) {
  return {
    iss: issuer,
    'jwt-type': 'rsa',
    'jwt-key-size': '256',
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    cert: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    'access-token-duration': 3600,
    'refresh-token-duration': 1209600,
    'code-duration': 600,
    'refresh-token-rolling': true,
    'refresh-token-one-use': 'never',
    'client-refresh-token-one-use-parameter': 'refresh-token-one-use',
    'allow-non-oidc': true,
    'auth-type-code-enabled': true,
    'auth-type-code-revoke-replayed': false,
    'auth-type-token-enabled': false,
    'auth-type-id-token-enabled': true,
    'auth-type-none-enabled': false,
    'auth-type-password-enabled': false,
    'auth-type-client-enabled': false,
    'auth-type-device-enabled': false,
    'auth-type-refresh-enabled': true,
    scope: [],
    'additional-parameters': [],
    claims: [],
    'jwks-show': true,
    'jwks-x5c': [],
    'request-parameter-allow': false,
    'request-uri-allow-https-non-secure': false,
    'request-parameter-allow-encrypted': false,
    'request-parameter-ietf-strict': false,
    'secret-type': 'pairwise',
    'address-claim': { type: 'no', mandatory: false },
    'name-claim': 'on-demand',
    'name-claim-scope': [],
    'email-claim': 'mandatory',
    'email-claim-scope': [],
    'scope-claim': 'no',
    'scope-claim-scope': [],
    'allowed-scope': ['openid'],
    'pkce-allowed': true,
    'pkce-method-plain-allowed': false,
    'pkce-required': false,
    'pkce-required-public-client': false,
    'pkce-scopes': [],
    'introspection-revocation-allowed': true,
    'introspection-revocation-auth-scope': [],
    'introspection-revocation-allow-target-client': true,
    'register-client-allowed': false,
    'session-management-allowed': false,
    'front-channel-logout-allowed': false,
    'back-channel-logout-allowed': false,
    'client-pubkey-parameter': '',
    'client-jwks-parameter': 'jwks',
    'client-jwks_uri-parameter': 'jwks_uri',
    'request-maximum-exp': 3600,
    'encrypt-out-token-allow': false,
    'oauth-dpop-allowed': true,
    'oauth-dpop-iat-duration': 60,
    'oauth-dpop-iat-gap-duration': 0,
    'oauth-dpop-dpop_bound_access_tokens-property': 'dpop_bound_access_tokens',
    'oauth-dpop-nonce-mandatory': false,
    'oauth-dpop-nonce-counter': 10,
    'resource-allowed': false,
    'oauth-rar-allowed': false,
    'oauth-par-allowed': true,
    'oauth-par-duration': 90,
    'oauth-par-required': false,
    'oauth-par-request_uri-prefix': 'urn:ietf:params:oauth:request_uri:',
    'oauth-ciba-allowed': false,
    'oauth-fapi-check-all': false,
  };
}
