import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's `Location` is already a public path: the mount leaves it alone. */
    publicLocation?: boolean;
  }
}

/**
 * Where Consentry is mounted. `base` is the path of PUBLIC_BASE_URL (`''` at the root, `/oauth`
 * when a host serves Consentry under /oauth); every route Consentry registers lives under it,
 * and `pages` (`base` + the console's own prefix) is where the console and the built-in pages
 * live. Both are `''` or start with `/` and never end with one.
 */
export interface Mount {
  base: string;
  pages: string;
}

export const ROOT_MOUNT: Mount = { base: '', pages: '' };

/** `/x` → `${prefix}/x`; anything else (`//host`, `https:`, `#id`, `?q`) is left alone. */
export function prefixPath(prefix: string, path: string): string {
  if (!prefix || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return path;
  return `${prefix}${path}`;
}

const URL_ATTRIBUTE = /(\s(?:href|src|action|formaction)=")(\/[^"]*)"/g;

/** Root-relative URLs in HTML attributes, prefixed (see `installMountRewrite`). */
export function prefixHtml(prefix: string, html: string): string {
  if (!prefix) return html;
  return html.replace(
    URL_ATTRIBUTE,
    (_m, attr: string, path: string) => `${attr}${prefixPath(prefix, path)}"`,
  );
}

/**
 * Makes every URL a scope's responses carry honour the mount: root-relative links, form actions
 * and asset URLs in HTML pages, `Location` headers, and cookies' `Path`.
 *
 * Why rewriting at the boundary rather than a prefix argument threaded through every page: pages
 * are written (by this project and by page modules added later) with root-relative paths, as if
 * Consentry owned the origin; one hook here keeps every present and future page correct under a
 * prefix, the way a reverse proxy's path mapping would, and costs nothing when mounted at `/`.
 * Only attributes of Consentry's own server-rendered HTML are touched (the pages escape every
 * value they interpolate, so an attribute boundary in the output is always the page's own).
 */
export function installMountRewrite(app: FastifyInstance, prefix: string, cookiePath: string): void {
  if (!prefix) return;
  app.addHook('onSend', async (request, reply, payload) => {
    const location = reply.getHeader('location');
    // The callback redirects to where the flow's consumer said, already a public path.
    if (typeof location === 'string' && request.routeOptions.config?.publicLocation !== true)
      reply.header('location', prefixPath(prefix, location));
    const cookies = reply.getHeader('set-cookie');
    if (cookies !== undefined) {
      const list = (Array.isArray(cookies) ? cookies : [String(cookies)]).map((c) =>
        c.replace(/;\s*Path=\/(?=;|$)/i, `; Path=${cookiePath}`),
      );
      reply.header('set-cookie', list);
    }
    const type = String(reply.getHeader('content-type') ?? '');
    if (typeof payload === 'string' && type.startsWith('text/html')) return prefixHtml(prefix, payload);
    return payload;
  });
}
