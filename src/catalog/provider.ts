import { z } from 'zod';

/**
 * A provider's static identity, as data (seed 004's OAuth2Provider).
 *
 * URL fields may contain `{name}` placeholders filled from the registered client's template
 * values (a Microsoft tenant, a Mastodon instance, a Keycloak realm …); each placeholder must be
 * declared in `templates`, which says how to validate it. Behaviour that cannot be data lives in
 * a quirk module named by `quirks` (see ./quirks/), never in shared code.
 */
const templatedUrl = z
  .string()
  .min(1)
  .refine((s) => {
    try {
      const u = new URL(s.replace(/^\{[a-z_]+\}/, 'https://x').replace(/\{[a-z_]+\}/g, 'x'));
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL, optionally with {placeholders}');

export const TemplateFieldSchema = z.object({
  name: z.string().regex(/^[a-z_]+$/),
  label: z.string().min(1),
  description: z.string().min(1),
  /** Regular expression (anchored) the value must match. */
  pattern: z.string().min(1),
  default: z.string().optional(),
  examples: z.array(z.string()).default([]),
  /**
   * How the value enters URLs: `text` as-is; `host` a bare host name taken from whatever the admin
   * pasted; `origin` scheme + host (+ port) such as `https://mastodon.social` (http only on
   * loopback); `url` a whole http(s) URL without query or fragment (an endpoint); `base` the same
   * with trailing slashes removed, for a prefix the entry appends paths to (a Keycloak server).
   */
  kind: z.enum(['text', 'host', 'origin', 'url', 'base']).default('text'),
  /** An optional value may be left empty (the `custom` provider's revocation URL). */
  optional: z.boolean().default(false),
});

export const ScopeSchema = z.object({ name: z.string().min(1), description: z.string().min(1) });

/**
 * Revocation through the provider's own API, when it is not RFC 7009 (`endpoints.revocation`):
 * which token, where it goes, which HTTP method, which answers mean done. Read by
 * `revocationRequest` (./revocation.ts); a provider with neither this nor an RFC 7009 endpoint is
 * only forgotten locally on disconnect.
 */
export const RevocationApiSchema = z.object({
  /** Endpoint (templated like the others). */
  url: templatedUrl,
  method: z.enum(['POST', 'DELETE']).default('POST'),
  /** The token the call revokes: the access token (Dropbox, Slack, Strava, Todoist) or the refresh token (HubSpot). */
  token: z.enum(['access', 'refresh']).default('access'),
  /**
   * Where it goes: `bearer` an `Authorization: Bearer` header (Dropbox, Slack), `path` one more
   * path segment (HubSpot), `form` a form-encoded body field, `query` a query parameter.
   */
  tokenIn: z.enum(['bearer', 'path', 'form', 'query']),
  /** Name of the body or query field for `form` / `query`. */
  tokenParam: z.string().min(1).default('token'),
  /** Client credentials: none, or `client_id` + `client_secret` as query parameters (Todoist). */
  clientAuth: z.enum(['none', 'query']).default('none'),
  /** HTTP statuses that mean the token is revoked. */
  okStatus: z.array(z.number().int().min(200).max(299)).default([200, 204]),
});

export const ProviderSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    displayName: z.string().min(1),
    /** `oidc` providers get nonce + full ID-token validation when `openid` is requested. */
    protocol: z.enum(['oauth2', 'oidc']),
    /** Issuer identifier (templated). With `discovery`, endpoints come from its metadata. */
    issuer: templatedUrl.optional(),
    discovery: z.boolean().default(false),
    endpoints: z
      .object({
        authorization: templatedUrl.optional(),
        token: templatedUrl.optional(),
        revocation: templatedUrl.optional(),
        userinfo: templatedUrl.optional(),
        jwks: templatedUrl.optional(),
      })
      .default({}),
    clientAuth: z.enum(['client_secret_basic', 'client_secret_post', 'none']).default('client_secret_basic'),
    /** PKCE S256 on every flow unless the provider is known to reject it. */
    pkce: z.boolean().default(true),
    /** RFC 9207: the provider returns `iss` on the authorization response. */
    issParameter: z.boolean().default(false),
    scopeSeparator: z.string().min(1).default(' '),
    /** Extra authorization-request parameters (Google access_type=offline + prompt=consent, …). */
    authorizationParams: z.record(z.string(), z.string()).default({}),
    templates: z.array(TemplateFieldSchema).default([]),
    refreshToken: z
      .object({
        /** When a refresh token is issued at all. */
        issued: z.enum(['always', 'with_scope', 'with_param', 'never', 'unknown']).default('always'),
        rotates: z.union([z.boolean(), z.literal('unknown')]).default('unknown'),
        /** Documented lifetime, when there is one (Google Testing status: 7 days). */
        lifetimeDays: z.number().positive().optional(),
        /**
         * The lifetime applies only to registered clients whose template values are these (Google:
         * `{ publishing_status: 'testing' }`); a field left empty counts as its template default.
         */
        lifetimeWhen: z.record(z.string(), z.string()).optional(),
        notes: z.string().optional(),
      })
      .default({ issued: 'always', rotates: 'unknown' }),
    /** The provider's own revocation call, when it is not RFC 7009 (see RevocationApiSchema). */
    revocation: RevocationApiSchema.optional(),
    /** Token-response fields worth keeping on the connection (Salesforce `instance_url`). */
    keepResponseFields: z.array(z.string()).default([]),
    /**
     * Parameters of the redirect back to the callback kept on the connection's extras, when the
     * provider puts account facts there instead of in the token response (QuickBooks `realmId`).
     */
    keepCallbackParams: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/)).default([]),
    scopes: z.array(ScopeSchema).default([]),
    /** Named scope sets per purpose (mail, login, calendar, files). */
    presets: z.record(z.string(), z.array(z.string())).default({}),
    docs: z
      .object({
        registerUrl: z.url().optional(),
        steps: z.array(z.string()).default([]),
        notes: z.array(z.string()).default([]),
      })
      .default({ steps: [], notes: [] }),
    /** Facts taken from weak sources, shown to administrators as such. */
    uncertain: z.array(z.string()).default([]),
    /**
     * Whether an account at this provider may sign in to Consentry's console (issue 10,
     * finding 1). False for the built-in demo provider, which accepts any name and password.
     */
    consoleSignIn: z.boolean().default(true),
    /** Name of the quirk module in ./quirks/ (usually the key). */
    quirks: z.string().optional(),
  })
  .superRefine((p, ctx) => {
    if (!p.discovery && (!p.endpoints.authorization || !p.endpoints.token)) {
      ctx.addIssue({
        code: 'custom',
        message: 'authorization and token endpoints are required without discovery',
      });
    }
    if (p.discovery && !p.issuer) ctx.addIssue({ code: 'custom', message: 'discovery needs an issuer' });
    const declared = new Set(p.templates.map((t) => t.name));
    const urls = [p.issuer, ...Object.values(p.endpoints), p.revocation?.url].filter(
      (u): u is string => typeof u === 'string',
    );
    for (const url of urls) {
      for (const m of url.matchAll(/\{([a-z_]+)\}/g)) {
        if (!declared.has(m[1]!))
          ctx.addIssue({ code: 'custom', message: `placeholder {${m[1]}} is not declared` });
      }
    }
    for (const name of Object.keys(p.refreshToken.lifetimeWhen ?? {})) {
      if (!declared.has(name))
        ctx.addIssue({ code: 'custom', message: `lifetimeWhen names undeclared template ${name}` });
    }
    const reserved = ['code', 'state', 'iss', 'error', 'error_description', 'error_uri'];
    for (const name of p.keepCallbackParams) {
      if (reserved.includes(name))
        ctx.addIssue({ code: 'custom', message: `keepCallbackParams may not keep ${name}` });
    }
    const known = new Set(p.scopes.map((s) => s.name));
    for (const [preset, scopes] of Object.entries(p.presets)) {
      for (const s of scopes) {
        if (known.size > 0 && !known.has(s)) {
          ctx.addIssue({ code: 'custom', message: `preset ${preset} uses undeclared scope ${s}` });
        }
      }
    }
  });

export type ProviderInput = z.input<typeof ProviderSchema>;
export type OAuth2Provider = z.output<typeof ProviderSchema>;
export type TemplateField = z.output<typeof TemplateFieldSchema>;
export type RevocationApi = z.output<typeof RevocationApiSchema>;

/** Identity helper so provider files get type checking without importing zod. */
export function defineProvider(input: ProviderInput): ProviderInput {
  return input;
}
