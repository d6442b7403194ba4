import { ConsentryError } from '../domain/errors.ts';
import { type OAuth2Provider, type ProviderInput, ProviderSchema } from './provider.ts';
import { QUIRKS } from './quirks/index.ts';
import type { ProviderQuirks } from './quirks/quirk.ts';

/**
 * Providers by key (seed 004's OAuth2ProviderRegistry). Entries are validated when added, so a
 * broken data file fails at start-up and in tests, not at consent time.
 */
export class ProviderRegistry {
  readonly #providers = new Map<string, OAuth2Provider>();
  readonly #quirks: Readonly<Record<string, ProviderQuirks>>;

  constructor(
    entries: readonly ProviderInput[] = [],
    quirks: Readonly<Record<string, ProviderQuirks>> = QUIRKS,
  ) {
    this.#quirks = quirks;
    for (const e of entries) this.add(e);
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

  get(key: string): OAuth2Provider {
    const p = this.#providers.get(key);
    if (!p) throw new ConsentryError('PROVIDER_UNKNOWN', { facts: { provider: key } });
    return p;
  }

  has(key: string): boolean {
    return this.#providers.has(key);
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
