// `npm run docs:config`: rewrites the README's configuration table from the configuration schema.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withConfigurationTable } from '../src/config/config-table.ts';

const readme = join(import.meta.dirname, '..', 'README.md');
writeFileSync(readme, withConfigurationTable(readFileSync(readme, 'utf8')));
