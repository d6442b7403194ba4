import { createConsentry } from './app.ts';
import { loadConfig } from './config/config.ts';
import { isConsentryError } from './domain/errors.ts';
import { createLogger } from './logger.ts';

/** `npm start`: the server on embedded SQLite (or DATABASE_URL) with the demo provider. */
async function main(): Promise<void> {
  const config = loadConfig();
  const pretty =
    config.logFormat === 'pretty' || (config.logFormat === 'auto' && process.stdout.isTTY === true);
  const logger = createLogger({ level: config.logLevel, pretty });
  // The first line says where to go; the rest of start-up (migrations, keys) follows it.
  logger.info(`Consentry: open ${config.publicBaseUrl} (starting…)`);
  const app = await createConsentry(config, { logger });
  await app.server.listen({ port: config.port, host: config.host });
  app.logger.info(`Consentry is running at ${config.publicBaseUrl} (redirect URL ${config.redirectUri})`);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = isConsentryError(error)
    ? `${error.code}: ${error.message}`
    : error instanceof Error
      ? error.message
      : String(error);
  process.stderr.write(`Consentry could not start.\n${message}\n`);
  process.exit(1);
});
