import { ConsentryError } from '../domain/errors.ts';
import {
  type OAuth2Provider,
  type ProviderAlias,
  type ProviderAliasInput,
  ProviderAliasSchema,
  type ProviderInput,
  ProviderSchema,
} from './provider.ts';
import { QUIRKS } from './quirks/index.ts';
import type { ProviderQuirks } from './quirks/quirk.ts';

/**
 * Providers by key (seed 004's OAuth2ProviderRegistry). Entries are validated when added, so a
 * broken data file fails at start-up and in tests, not at consent time.
 */
export class ProviderRegistry {
  readonly #providers = new Map<string, OAuth2Provider>();
  readonly #aliases = new Map<string, ProviderAlias>();
  readonly #quirks: Readonly<Record<string, ProviderQuirks>>;

  constructor(
    entries: readonly ProviderInput[] = [],
    quirks: Readonly<Record<string, ProviderQuirks>> = QUIRKS,
  ) {
    this.#quirks = quirks;
    for (const e of entries) this.add(e);
  }

  /**
   * A registry over entries validated earlier — `npm run build` writes the catalog as validated
   * here to dist/catalog/catalog.json (test/cli/prebuilt-catalog.test.ts holds it equal to the
   * sources), so the CLI's listings skip loading 300+ modules and parsing each entry again.
   * Throws PROVIDER_INVALID for an entry naming an unknown quirk module.
   */
  static fromValidated(
    catalog: { providers: readonly OAuth2Provider[]; aliases: readonly ProviderAlias[] },
    quirks: Readonly<Record<string, ProviderQuirks>> = QUIRKS,
  ): ProviderRegistry {
    const registry = new ProviderRegistry([], quirks);
    for (const provider of catalog.providers) {
      if (provider.quirks && !quirks[provider.quirks])
        throw new ConsentryError('PROVIDER_INVALID', {
          detail: `${provider.key}: unknown quirk module ${provider.quirks}`,
        });
      registry.#providers.set(provider.key, provider);
    }
    for (const alias of catalog.aliases) registry.#aliases.set(alias.key, alias);
    return registry;
  }

  add(entry: ProviderInput): OAuth2Provider {
    const parsed = ProviderSchema.safeParse(entry);
    if (!parsed.success) {
      throw new ConsentryError('PROVIDER_INVALID', {
        detail: `${String((entry as { key?: unknown }).key)}: ${parsed.error.issues
          .map((i) => `${i.path.join('.')} ${i.message}`)
          .join('; ')}`,
      });
    }
    const provider = parsed.data;
    if (provider.quirks && !this.#quirks[provider.quirks]) {
      throw new ConsentryError('PROVIDER_INVALID', {
        detail: `${provider.key}: unknown quirk module ${provider.quirks}`,
      });
    }
    this.#providers.set(provider.key, provider);
    return provider;
  }

  /**
   * Adds another name for an entry already added (see ProviderAliasSchema). Throws
   * PROVIDER_INVALID when the alias is malformed, names an unknown entry or preset, or its key is
   * taken.
   */
  addAlias(input: ProviderAliasInput): ProviderAlias {
    const parsed = ProviderAliasSchema.safeParse(input);
    const problem = !parsed.success
      ? parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')
      : !this.#providers.has(parsed.data.of)
        ? `alias of unknown provider ${parsed.data.of}`
        : this.#providers.has(parsed.data.key) || this.#aliases.has(parsed.data.key)
          ? 'key already taken'
          : parsed.data.preset && !this.#providers.get(parsed.data.of)!.presets[parsed.data.preset]
            ? `preset ${parsed.data.preset} is not one of ${parsed.data.of}'s`
            : undefined;
    if (problem || !parsed.success) {
      throw new ConsentryError('PROVIDER_INVALID', {
        detail: `${String((input as { key?: unknown }).key)}: ${problem}`,
      });
    }
    this.#aliases.set(parsed.data.key, parsed.data);
    return parsed.data;
  }

  /** Aliases, sorted by display name. */
  aliases(): ProviderAlias[] {
    return [...this.#aliases.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** The alias named `key`, if it is one. */
  alias(key: string): ProviderAlias | undefined {
    return this.#aliases.get(key);
  }

  /** Aliases of one entry. */
  aliasesOf(key: string): ProviderAlias[] {
    return this.aliases().filter((a) => a.of === key);
  }

  /** The entry for `key`; an alias key gives the entry it stands for. */
  get(key: string): OAuth2Provider {
    const p = this.#providers.get(key) ?? this.#providers.get(this.#aliases.get(key)?.of ?? '');
    if (!p) throw new ConsentryError('PROVIDER_UNKNOWN', { facts: { provider: key } });
    return p;
  }

  has(key: string): boolean {
    return this.#providers.has(key) || this.#aliases.has(key);
  }

  all(): OAuth2Provider[] {
    return [...this.#providers.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** Providers with at least one registered client. */
  configured(clientProviderKeys: Iterable<string>): OAuth2Provider[] {
    const keys = new Set(clientProviderKeys);
    return this.all().filter((p) => keys.has(p.key));
  }

  quirksOf(provider: OAuth2Provider): ProviderQuirks {
    return provider.quirks ? (this.#quirks[provider.quirks] ?? {}) : {};
  }
}
