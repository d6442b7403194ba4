import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers for every page Consentry renders, from helmet (issue 10, finding 12): CSP (self
 * only, no inline code, no framing, forms only to ourselves), X-Frame-Options DENY, nosniff, no
 * referrer, and Strict-Transport-Security when the public URL is https (one year; not
 * `includeSubDomains`, which would bind sibling hosts the operator may not serve over TLS). Helmet's
 * default CSP is not used: its `upgrade-insecure-requests` would break http://localhost.
 * The demo provider (`/demo/*`) is handed over before Fastify's reply and sets its own headers.
 *
 * The headers depend on the configuration only (no nonces), so helmet runs once, here, and every
 * request gets the recorded result. @fastify/helmet (used before) builds helmet's middleware anew
 * on every request — parsing the CSP directives each time: about 6 % of the token endpoint's CPU
 * in issue 14's profile.
 */
export async function addSecurityHeaders(app: FastifyInstance, options: { https: boolean }): Promise<void> {
  const { set, removed } = recordHeaders(helmetOptions(options));
  // Added to this scope directly (as @fastify/helmet's fastify-plugin did): the host's routes never see it.
  app.addHook('onRequest', (_request, reply, done) => {
    const raw = reply.raw;
    for (const name of removed) raw.removeHeader(name);
    for (const [name, value] of set) raw.setHeader(name, value);
    done();
  });
}

function helmetOptions(options: { https: boolean }): Parameters<typeof helmet>[0] {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  };
}

/** What helmet's middleware does to a response, recorded once: headers set and headers removed. */
function recordHeaders(options: Parameters<typeof helmet>[0]): {
  set: [string, string][];
  removed: string[];
} {
  const set = new Map<string, string>();
  const removed = new Set<string>();
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      removed.delete(name.toLowerCase());
      set.set(name.toLowerCase(), String(value));
      return recorder;
    },
    removeHeader(name: string) {
      set.delete(name.toLowerCase());
      removed.add(name.toLowerCase());
    },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return { set: [...set], removed: [...removed] };
}

/** The one policy; `formAction` is the form-action source list. */
export function contentSecurityPolicy(formAction: string): string {
  return `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action ${formAction}; base-uri 'none'; object-src 'none'`;
}
