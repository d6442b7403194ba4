import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  generateKeyFiles,
  readKeyDirectory,
  SIGNING_ALGS,
  type SigningAlg,
  viewAt,
} from '../../authserver/signing-keys.ts';
import { loadServerConfig } from '../../config/config.ts';
import { ConsentryError } from '../../domain/errors.ts';
import { printJson, printTable } from '../context.ts';

/**
 * `consentry keys …` — the provider role's signing keys in KEYS_DIR. Works on the files directly
 * (no database needed); a running server follows the directory within seconds.
 */
/** Default lead before a rotated-in key signs: twice the JWKS cache lifetime (max-age 300). */
const DEFAULT_ACTIVATE_IN_SECONDS = 600;

export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('signing keys of the token endpoint (KEYS_DIR)');

  keys
    .command('generate')
    .description(
      'create a key pair (private key file mode 0600). The first key signs at once; a further key is published now and signs after --activate-in',
    )
    .option('--alg <alg>', `signing algorithm: ${SIGNING_ALGS.join(', ')}`, 'RS256')
    .option(
      '--activate-in <seconds>',
      `when a rotated-in key starts signing (default ${DEFAULT_ACTIVATE_IN_SECONDS})`,
    )
    .option('--json', 'machine-readable output')
    .action((o: { alg: string; activateIn?: string; json?: boolean }) => {
      if (!SIGNING_ALGS.includes(o.alg as SigningAlg))
        throw new ConsentryError('SIGNING_KEY_INVALID', {
          detail: `--alg must be one of ${SIGNING_ALGS.join(', ')}.`,
        });
      const config = loadServerConfig();
      const existing = readKeyDirectory(config.keysDir);
      const now = Date.now();
      const lead =
        o.activateIn !== undefined ? Number(o.activateIn) : existing.length ? DEFAULT_ACTIVATE_IN_SECONDS : 0;
      if (!Number.isFinite(lead) || lead < 0)
        throw new ConsentryError('SIGNING_KEY_INVALID', { detail: '--activate-in is a number of seconds.' });
      const meta = generateKeyFiles(config.keysDir, {
        alg: o.alg as SigningAlg,
        now: new Date(now),
        signsFrom: new Date(now + lead * 1000),
      });
      const out = {
        kid: meta.kid,
        alg: meta.alg,
        signsFrom: meta.signsFrom,
        privateKeyFile: join(config.keysDir, `${meta.kid}.private.pem`),
        metadataFile: join(config.keysDir, `${meta.kid}.json`),
      };
      if (o.json) return printJson(out);
      process.stdout.write(
        `Generated ${out.alg} key ${out.kid}\n  private key: ${out.privateKeyFile} (mode 0600)\n  published now; signs from ${out.signsFrom}\n`,
      );
    });

  keys
    .command('list')
    .description('list keys and their state (pending, signing, retired, expired)')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) => {
      const config = loadServerConfig();
      const all = readKeyDirectory(config.keysDir);
      const view = viewAt(all, Date.now());
      const rows = all.map((k) => ({
        kid: k.kid,
        alg: k.alg,
        state: view.states.get(k.kid),
        signsFrom: k.signsFrom.toISOString(),
        createdAt: k.createdAt.toISOString(),
      }));
      if (o.json) return printJson({ keysDir: config.keysDir, keys: rows });
      if (!view.signing)
        process.stdout.write(
          `No key signs now: the token endpoint answers 503. Run \`consentry keys generate\` (KEYS_DIR=${config.keysDir}).\n`,
        );
      printTable(rows, ['kid', 'alg', 'state', 'signsFrom', 'createdAt']);
    });

  keys
    .command('prune')
    .description('delete the files of expired keys (retired longer than the maximum token lifetime)')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) => {
      const config = loadServerConfig();
      const all = readKeyDirectory(config.keysDir);
      const view = viewAt(all, Date.now());
      const removed = all.filter((k) => view.states.get(k.kid) === 'expired').map((k) => k.kid);
      for (const kid of removed) {
        rmSync(join(config.keysDir, `${kid}.json`));
        rmSync(join(config.keysDir, `${kid}.private.pem`));
      }
      if (o.json) printJson({ removed });
      else process.stdout.write(removed.length ? `Removed ${removed.join(', ')}\n` : 'Nothing to prune.\n');
    });
}
