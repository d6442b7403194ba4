import type { OAuth2Provider, ProviderAlias, ProviderInput } from './catalog/provider.ts';
import { demoProvider } from './catalog/providers/demo.ts';
import { ProviderRegistry } from './catalog/registry.ts';
import type { Config } from './config/config.ts';
import { consoleConsumer } from './console/consumer.ts';
import { type ConsoleServices, createConsoleServices } from './console/services.ts';
import { AuditTrail } from './core/audit-trail.ts';
import { ConsumerRegistry } from './core/consumers.ts';
import { OAuth2Client } from './core/oauth2-client.ts';
import { random256 } from './core/random.ts';
import type { RegisteredClient } from './domain/connection.ts';
import { ConsentryError } from './domain/errors.ts';
import { isLoopbackUrl } from './protocol/provider-session.ts';
import { keyFileSource, loadKeys } from './secrets/key-ring.ts';
import { SecretBox } from './secrets/secret-box.ts';
import { createAuditRepository } from './storage/audit/audit.repository.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from './storage/database.ts';
import { createKyselyStore } from './storage/kysely-store.ts';
import type { Store } from './storage/ports.ts';

/**
 * The first half of the composition root, shared by `createConsentry` (src/app.ts) and the CLI's
 * read-only commands: the database (migrated), the SecretBox proven against what is stored, the
 * store and the provider catalog. It imports no HTTP framework, mail client or OpenID server, so
 * `consentry providers list` loads only what it uses (issue 15: a fast CLI).
 */
export interface Core {
  database: DatabaseHandle;
  box: SecretBox;
  store: Store;
  providers: ProviderRegistry;
}

/** The catalog as validated at build time (dist/catalog/catalog.json, see ProviderRegistry.fromValidated). */
export interface PrebuiltCatalog {
  providers: OAuth2Provider[];
  aliases: ProviderAlias[];
}

export async function openCore(
  config: Config,
  options: {
    schema?: string | undefined;
    providers?: ProviderInput[] | undefined;
    /** Use this instead of loading and validating the catalog's sources (the CLI's listings). */
    catalog?: PrebuiltCatalog | undefined;
  } = {},
): Promise<Core> {
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: config.sqliteFile,
    schema: options.schema,
  });
  try {
    await migrateToLatest(database.db, { lockFile: database.file && `${database.file}.migrate.lock` });
    const box = await openSecretBox(config, database);
    const store = createKyselyStore(database.db, box, {
      readOne: database.readOne,
      writeReturning: database.writeReturning,
    });
    const providers = await catalogRegistry(options.catalog);
    for (const entry of options.providers ?? []) providers.add(entry);
    return { database, box, store, providers };
  } catch (e) {
    await database.close();
    throw e;
  }
}

/**
 * The provider registry: from the prebuilt catalog when given, else from the sources — loaded
 * here, on demand, so a caller with the prebuilt catalog never loads the 300+ entry modules.
 */
async function catalogRegistry(prebuilt: PrebuiltCatalog | undefined): Promise<ProviderRegistry> {
  if (prebuilt) return ProviderRegistry.fromValidated(prebuilt);
  const { CATALOG, CATALOG_ALIASES } = await import('./catalog/providers/index.ts');
  const providers = new ProviderRegistry(CATALOG);
  for (const alias of CATALOG_ALIASES) providers.addAlias(alias);
  return providers;
}

/** The OAuth2Client's protocol settings: http only on loopback or for our own origin (the demo provider). */
export function protocolSettings(config: Config) {
  const publicOrigin = new URL(config.publicBaseUrl).origin;
  return {
    allowInsecure: (url: URL) => isLoopbackUrl(url) || url.origin === publicOrigin,
    timeoutMs: 10_000,
  };
}

/**
 * What the CLI's listings read (`providers list|show`, `connections list|show`): the console's
 * service layer over the core, for reading. Nothing here starts a flow or saves a client — the
 * client knows only the console's consumer and the demo provider only as catalog data; commands
 * that change anything use `createConsentry`.
 */
export interface Reader extends Core {
  config: Config;
  console: ConsoleServices;
  close(): Promise<void>;
}

export async function openReader(
  config: Config,
  options: { catalog?: PrebuiltCatalog | undefined } = {},
): Promise<Reader> {
  const core = await openCore(config, { catalog: options.catalog });
  if (config.demoProvider) {
    core.providers.add(demoProvider(config.publicBaseUrl));
    // As the server does on start, so the listing shows it.
    await ensureDemoClient(core.store).catch(async (e: unknown) => {
      await core.database.close();
      throw e;
    });
  }
  const client = new OAuth2Client({
    store: core.store,
    providers: core.providers,
    consumers: new ConsumerRegistry([consoleConsumer]),
    redirectUri: config.redirectUri,
    protocol: protocolSettings(config),
  });
  const console = createConsoleServices({
    db: core.database.db,
    store: core.store,
    client,
    providers: core.providers,
    publicBaseUrl: config.publicBaseUrl,
    // The listings record nothing; a real trail all the same, should a read ever write.
    audit: new AuditTrail({ repository: createAuditRepository(core.database.db) }),
  });
  return { ...core, config, console, close: () => core.database.close() };
}

/** The demo provider's client, registered once (built in: not editable in the console). */
export async function ensureDemoClient(store: Store): Promise<RegisteredClient> {
  let client = (await store.clients.list({ providerKey: 'demo' }))[0];
  if (!client) {
    try {
      client = await store.clients.create({
        providerKey: 'demo',
        name: 'Demo',
        clientId: `demo-${random256().slice(0, 12)}`,
        clientSecret: random256(),
        options: { builtIn: true },
      });
    } catch (e) {
      // Another process starting on the same fresh database created it first (unique name).
      client = (await store.clients.list({ providerKey: 'demo' }))[0];
      if (!client) throw e;
    }
  }
  return client;
}

/**
 * Opens the SecretBox and proves the key opens what is stored. With sealed rows present and the
 * key missing or wrong, start-up stops with what to do — never a plaintext fallback, never a
 * silently generated new key.
 */
async function openSecretBox(config: Config, database: DatabaseHandle): Promise<SecretBox> {
  const probe = createKyselyStore(database.db, new SecretBox([{ id: 'probe', key: Buffer.alloc(32) }]));
  const { sealedCount } = await probe.checkSealedValues();
  // With the key file, a running server re-reads it (rotation without restart); SECRET_BOX_KEY
  // can only change with a restart. The source notes the file's state BEFORE the keys are read,
  // so a rotation landing in between is picked up by the first re-read, never missed.
  const source = config.secretBoxKey?.trim() ? undefined : keyFileSource(config.secretKeyFile);
  const keys = loadKeys(
    { env: config.secretBoxKey, keyFile: config.secretKeyFile },
    { createIfMissing: sealedCount === 0 },
  );
  const box = new SecretBox(keys, { source });
  const { failure } = await createKyselyStore(database.db, box).checkSealedValues();
  if (failure) {
    throw new ConsentryError('SECRET_KEY_WRONG', {
      detail: `The configured key (id ${box.currentKeyId}) cannot open the stored secrets. Set SECRET_BOX_KEY (or restore ${config.secretKeyFile}) to the key they were sealed with; after a rotation keep the previous key listed after the new one until \`consentry secret-key rewrap\` has finished.`,
      cause: failure,
    });
  }
  return box;
}
