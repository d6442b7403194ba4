import type { RegisteredClient } from '../domain/connection.ts';
import { ConsentryError } from '../domain/errors.ts';
import type { Category, ClientCredentials, ClientGrant, OAuth2Provider, TemplateField } from './provider.ts';
import type { ProviderRegistry } from './registry.ts';
import { validateTemplateValues } from './template.ts';

/**
 * The catalog as the admin console and the CLI see it: small pure functions over
 * `(registry, clients, redirectUri)`. Nothing here does I/O; callers pass the registered clients
 * they listed from the store (secrets are never needed: only ids, names and template values).
 */
export type ClientLike = Pick<
  RegisteredClient,
  'id' | 'providerKey' | 'name' | 'clientId' | 'templateValues'
>;

export interface ProviderSummary {
  key: string;
  displayName: string;
  /** What it is for (CATEGORIES in ./provider.ts); the first is the main one. */
  categories: Category[];
  /** Keys of other names that resolve to it (`google-mail` for Google …). */
  aliases: string[];
  protocol: OAuth2Provider['protocol'];
  /** Grants Consentry runs as its client (CLIENT_GRANTS): authorization code, client credentials … */
  grants: ClientGrant[];
  /** At least one registered client exists for this provider. */
  configured: boolean;
  clientCount: number;
  /** Labels of the values an administrator fills in besides client id and secret (tenant, instance …). */
  needs: string[];
  presets: string[];
  /** The app registers itself (Mastodon): no client id to copy. */
  registersItself: boolean;
  /** Some facts come from weak sources; `providerDetails` lists them. */
  hasUncertainFacts: boolean;
  registerUrl: string | undefined;
}

export interface RegistrationField {
  name: string;
  label: string;
  description: string;
  required: boolean;
  /** Write-only in forms; never shown back. */
  secret: boolean;
  default: string | undefined;
  examples: string[];
}

export interface RegistrationGuide {
  provider: string;
  displayName: string;
  /** What to paste as the redirect / callback URL in the provider's console. */
  redirectUri: string;
  /** Set when the redirect URL is neither https nor loopback (most providers refuse it). */
  redirectUriWarning: string | undefined;
  registerUrl: string | undefined;
  steps: string[];
  notes: string[];
  /** Form fields for registering a client here: client id, secret, then the provider's templates. */
  fields: RegistrationField[];
  /** Scopes to allow in the provider's console, per preset, joined the way the provider writes them. */
  scopesToPaste: { preset: string; scopes: string[]; text: string }[];
  /** Every scope the catalog knows for the provider, with what it grants. */
  scopes: { name: string; description: string }[];
  uncertain: string[];
}

export interface ProviderDetails extends ProviderSummary {
  issuer: string | undefined;
  discovery: boolean;
  endpoints: OAuth2Provider['endpoints'];
  clientAuth: OAuth2Provider['clientAuth'];
  pkce: boolean;
  issParameter: boolean;
  scopeSeparator: string;
  authorizationParams: Record<string, string>;
  /** The client-credentials grant's details, when `grants` lists it. */
  clientCredentials: ClientCredentials | undefined;
  templates: TemplateField[];
  refreshToken: OAuth2Provider['refreshToken'];
  keepResponseFields: string[];
  scopes: { name: string; description: string }[];
  presetScopes: Record<string, string[]>;
  uncertain: string[];
  clients: { id: string; name: string; clientId: string; templateValues: Record<string, string> }[];
  registration: RegistrationGuide;
}

/** Every provider, with whether a client is registered for it (sorted by display name). */
export function listProviders(
  registry: ProviderRegistry,
  clients: readonly ClientLike[],
  _redirectUri?: string,
): ProviderSummary[] {
  return registry.all().map((p) => summaryOf(registry, p, clients));
}

/** One provider: its data, its registered clients and how to register an app there. */
export function providerDetails(
  registry: ProviderRegistry,
  clients: readonly ClientLike[],
  redirectUri: string,
  key: string,
): ProviderDetails {
  const p = registry.get(key);
  return {
    ...summaryOf(registry, p, clients),
    issuer: p.issuer,
    discovery: p.discovery,
    endpoints: { ...p.endpoints },
    clientAuth: p.clientAuth,
    pkce: p.pkce,
    issParameter: p.issParameter,
    scopeSeparator: p.scopeSeparator,
    authorizationParams: { ...p.authorizationParams },
    clientCredentials: p.clientCredentials
      ? {
          ...p.clientCredentials,
          defaultScopes: [...p.clientCredentials.defaultScopes],
          tokenParams: { ...p.clientCredentials.tokenParams },
        }
      : undefined,
    templates: p.templates.map((t) => ({ ...t, examples: [...t.examples] })),
    refreshToken: { ...p.refreshToken },
    keepResponseFields: [...p.keepResponseFields],
    scopes: p.scopes.map((s) => ({ ...s })),
    presetScopes: Object.fromEntries(Object.entries(p.presets).map(([k, v]) => [k, [...v]])),
    uncertain: [...p.uncertain],
    clients: clients
      .filter((c) => c.providerKey === p.key)
      .map((c) => ({
        id: c.id,
        name: c.name,
        clientId: c.clientId,
        templateValues: { ...c.templateValues },
      })),
    registration: registrationGuide(registry, clients, redirectUri, key),
  };
}

/**
 * "How to register": the redirect URL and the scopes to paste into the provider's console, the
 * provider's own steps (Google Cloud, Azure app registrations, Mastodon …) or generic ones, and
 * the fields Consentry needs back.
 */
export function registrationGuide(
  registry: ProviderRegistry,
  _clients: readonly ClientLike[],
  redirectUri: string,
  key: string,
): RegistrationGuide {
  const p = registry.get(key);
  const registersItself = registry.quirksOf(p).registerClient !== undefined;
  const presets = Object.entries(p.presets).filter(([, scopes]) => scopes.length > 0);
  return {
    provider: p.key,
    displayName: p.displayName,
    redirectUri,
    redirectUriWarning: redirectUriWarning(redirectUri),
    registerUrl: p.docs.registerUrl,
    steps: p.docs.steps.length > 0 ? [...p.docs.steps] : genericSteps(p),
    notes: [...p.docs.notes, ...(p.refreshToken.notes ? [`Refresh tokens: ${p.refreshToken.notes}`] : [])],
    fields: [
      {
        name: 'client_id',
        label: 'Client ID',
        description: registersItself
          ? 'Leave empty: Consentry registers itself on first use.'
          : 'The client (application) id the provider shows.',
        required: !registersItself,
        secret: false,
        default: undefined,
        examples: [],
      },
      {
        name: 'client_secret',
        label: 'Client secret',
        description: registersItself
          ? 'Leave empty: it comes with the automatic registration.'
          : 'The client secret the provider shows (stored encrypted; shown once).',
        required: !registersItself && p.clientAuth !== 'none',
        secret: true,
        default: undefined,
        examples: [],
      },
      ...p.templates.map((t) => ({
        name: t.name,
        label: t.label,
        description: t.description,
        required: !t.optional && t.default === undefined,
        secret: false,
        default: t.default,
        examples: [...t.examples],
      })),
    ],
    scopesToPaste: presets.map(([preset, scopes]) => ({
      preset,
      scopes: [...scopes],
      text: scopes.join(p.scopeSeparator === ' ' ? ' ' : p.scopeSeparator),
    })),
    scopes: p.scopes.map((s) => ({ ...s })),
    uncertain: [...p.uncertain],
  };
}

/** The scopes a consumer gets for a preset, or the explicit list after checking the provider knows them. */
export function scopesFor(
  registry: ProviderRegistry,
  key: string,
  request: { preset?: string; scopes?: readonly string[] },
): string[] {
  const p = registry.get(key);
  if (request.preset !== undefined) {
    const preset = p.presets[request.preset];
    if (!preset) {
      throw new ConsentryError('SCOPES_INVALID', {
        detail: `${p.displayName} has no “${request.preset}” preset (known: ${Object.keys(p.presets).join(', ') || 'none'}).`,
      });
    }
    return [...preset];
  }
  const scopes = [...(request.scopes ?? [])];
  // An alias (Gmail, Outlook …) also accepts the scopes its product names.
  const known = new Set([...p.scopes, ...(registry.alias(key)?.scopes ?? [])].map((s) => s.name));
  const unknown = known.size > 0 ? scopes.filter((s) => !known.has(s)) : [];
  if (unknown.length > 0) {
    throw new ConsentryError('SCOPES_INVALID', {
      detail: `${p.displayName} does not list ${unknown.join(', ')}.`,
    });
  }
  return scopes;
}

export interface ClientRegistrationInput {
  providerKey: string;
  name?: string | undefined;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  templateValues?: Record<string, string | undefined> | undefined;
}

export interface PreparedClient {
  providerKey: string;
  name: string;
  clientId: string;
  clientSecret: string | undefined;
  templateValues: Record<string, string>;
}

/**
 * Validates what an administrator typed before the client is stored: template values (tenant,
 * instance, data center …) normalised, client id and secret present where the provider needs
 * them, and a derived secret (Apple's signing key) usable. Every mistake is a CLIENT_INVALID
 * error naming the field, at registration rather than at consent time.
 */
export async function prepareClientRegistration(
  registry: ProviderRegistry,
  input: ClientRegistrationInput,
): Promise<PreparedClient> {
  const provider = registry.get(input.providerKey);
  const quirks = registry.quirksOf(provider);
  const templateValues = validateTemplateValues(provider, input.templateValues ?? {});
  const clientId = input.clientId?.trim() ?? '';
  const clientSecret = input.clientSecret?.trim() ? input.clientSecret.trim() : undefined;
  const draft: RegisteredClient = {
    id: 'draft',
    providerKey: provider.key,
    name: input.name?.trim() || provider.displayName,
    clientId,
    hasClientSecret: clientSecret !== undefined,
    templateValues,
    options: {},
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
  const resolved = quirks.resolveProvider ? quirks.resolveProvider(provider, draft) : provider;
  const registersItself = quirks.registerClient !== undefined;
  if (!clientId && !registersItself) {
    throw new ConsentryError('CLIENT_INVALID', {
      detail: `${provider.displayName} needs the client id from its console.`,
      facts: { field: 'client_id' },
    });
  }
  if (clientId && !/^[\x21-\x7e]{1,512}$/.test(clientId)) {
    throw new ConsentryError('CLIENT_INVALID', {
      detail: 'The client id has spaces or characters a client id cannot have.',
      facts: { field: 'client_id' },
    });
  }
  if (clientSecret === undefined && clientId && resolved.clientAuth !== 'none') {
    throw new ConsentryError('CLIENT_INVALID', {
      detail: `${provider.displayName} needs the client secret.`,
      facts: { field: 'client_secret' },
    });
  }
  // A derived secret (Apple's ES256 client-secret JWT) is minted once now, so a wrong key is
  // refused here. The minted value is discarded.
  if (quirks.clientSecret && clientId) await quirks.clientSecret(clientSecret, { provider, client: draft });
  return { providerKey: provider.key, name: draft.name, clientId, clientSecret, templateValues };
}

function summaryOf(
  registry: ProviderRegistry,
  p: OAuth2Provider,
  clients: readonly ClientLike[],
): ProviderSummary {
  const clientCount = clients.filter((c) => c.providerKey === p.key).length;
  return {
    key: p.key,
    displayName: p.displayName,
    categories: [...p.categories],
    aliases: registry.aliasesOf(p.key).map((a) => a.key),
    protocol: p.protocol,
    grants: [...p.grants],
    configured: clientCount > 0,
    clientCount,
    needs: p.templates.filter((t) => !t.optional).map((t) => t.label),
    presets: Object.keys(p.presets),
    registersItself: registry.quirksOf(p).registerClient !== undefined,
    hasUncertainFacts: p.uncertain.length > 0,
    registerUrl: p.docs.registerUrl,
  };
}

function genericSteps(p: OAuth2Provider): string[] {
  if (!p.grants.includes('authorization_code')) {
    // Client credentials only: an application of its own, no person, no redirect URL.
    return [
      p.docs.registerUrl
        ? `Open ${p.docs.registerUrl} and create an API (machine-to-machine) client that may use the client-credentials grant.`
        : `Create an API (machine-to-machine) client in ${p.displayName} that may use the client-credentials grant.`,
      'No redirect URL is needed: no person signs in; the client asks for tokens itself.',
      'Grant it the permissions (scopes, roles) your features need.',
      'Copy the client id and client secret into this page.',
    ];
  }
  return [
    p.docs.registerUrl
      ? `Open ${p.docs.registerUrl} and create an OAuth application (a confidential web client).`
      : `Create an OAuth application (a confidential web client) in ${p.displayName}.`,
    'Paste the Redirect URL shown here as its redirect (callback) URL, exactly.',
    ...(p.scopes.length > 0 ? ['Allow the scopes listed here (only those your features need).'] : []),
    'Copy the client id and client secret into this page.',
  ];
}

/** Seed 000: warn when the Redirect URL is neither HTTPS nor a loopback address. */
export function redirectUriWarning(redirectUri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return 'The Redirect URL is not a valid URL; set PUBLIC_BASE_URL.';
  }
  if (url.protocol === 'https:') return undefined;
  if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return undefined;
  return 'The Redirect URL is not HTTPS: most providers refuse it outside localhost. Set PUBLIC_BASE_URL to an https address.';
}
