import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { escapeHtml } from './html.ts';

/**
 * The demo provider's own sign-in and consent screens (instead of oidc-provider's
 * development-only ones): Consentry's look, a real "Deny" button, no third-party fonts, and
 * plain forms that work without JavaScript. Any name and password sign in — it is a demo.
 *
 * Routes, relative to the provider's mount: GET /interaction/:uid (render), POST
 * /interaction/:uid (prompt=login|consent), GET /interaction/:uid/abort (deny).
 */
const ROUTE = /^\/interaction\/([A-Za-z0-9_-]+)(\/abort)?\/?(?:\?.*)?$/;

export function isInteractionPath(path: string): boolean {
  return ROUTE.test(path);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Consentry Demo provider</title><link rel="stylesheet" href="/assets/style.css"></head>
<body><header><span class="brand">Consentry Demo provider</span><span class="muted">a real OpenID provider for trying things out</span></header>
<main><div class="card" style="max-width:28rem;margin:2rem auto">${body}</div></main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16 * 1024) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * `base` is where the provider is mounted (`/demo`, or `/oauth/demo` under a host's prefix): the
 * pages' stylesheet is Consentry's, one level up.
 */
function send(res: ServerResponse, base: string, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader(
    'content-security-policy',
    "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
  );
  // Only the stylesheet: the forms already post to `base`.
  const assets = `${base.slice(0, base.lastIndexOf('/'))}/assets/`;
  res.end(html.replace('href="/assets/', `href="${assets}`));
}

export async function handleInteraction(
  provider: Provider,
  base: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const match = ROUTE.exec(req.url ?? '');
  if (!match) return send(res, base, 404, page('Not found', '<h1>Not found</h1>'));
  const [, uid, abort] = match;
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid)
      return send(
        res,
        base,
        400,
        page('Expired', '<h1>This sign-in expired</h1><p>Start again from the application.</p>'),
      );
    const submitUrl = `${base}/interaction/${uid}`;
    if (abort) {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'End-User denied the request' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (req.method === 'POST') {
      const form = await readForm(req);
      if (form.get('prompt') === 'login' && details.prompt.name === 'login') {
        const login = (form.get('login') ?? '').trim();
        if (!login) return send(res, base, 400, loginPage(submitUrl, 'Enter a name to sign in as.'));
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: login.slice(0, 64) } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      if (form.get('prompt') === 'consent' && details.prompt.name === 'consent') {
        const { params, session, grantId, prompt } = details;
        const grant = grantId
          ? await provider.Grant.find(grantId)
          : new provider.Grant({ accountId: session!.accountId, clientId: String(params.client_id) });
        const missing = prompt.details as {
          missingOIDCScope?: string[];
          missingOIDCClaims?: string[];
          missingResourceScopes?: Record<string, string[]>;
        };
        if (missing.missingOIDCScope) grant!.addOIDCScope(missing.missingOIDCScope.join(' '));
        if (missing.missingOIDCClaims) grant!.addOIDCClaims(missing.missingOIDCClaims);
        for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
          grant!.addResourceScope(indicator, scopes.join(' '));
        await provider.interactionFinished(
          req,
          res,
          { consent: { grantId: await grant!.save() } },
          { mergeWithLastSubmission: true },
        );
        return;
      }
      return send(
        res,
        base,
        400,
        page('Unexpected', '<h1>Unexpected form</h1><p>Start again from the application.</p>'),
      );
    }
    if (details.prompt.name === 'login') return send(res, base, 200, loginPage(submitUrl));
    const client = await provider.Client.find(String(details.params.client_id));
    const scopes = String(details.params.scope ?? '')
      .split(' ')
      .filter(Boolean);
    return send(
      res,
      base,
      200,
      page(
        'Allow access',
        `<h1>Allow access?</h1><p><strong>${escapeHtml(client?.clientName ?? client?.clientId ?? 'An application')}</strong> asks to act for <strong>${escapeHtml(details.session?.accountId ?? '')}</strong> with:</p>
<ul>${scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('')}</ul>
<form method="post" action="${escapeHtml(submitUrl)}"><input type="hidden" name="prompt" value="consent">
<button type="submit" autofocus>Continue</button> <a class="button secondary" href="${escapeHtml(submitUrl)}/abort">Deny</a></form>`,
      ),
    );
  } catch {
    return send(
      res,
      base,
      400,
      page('Expired', '<h1>This sign-in expired or is unknown</h1><p>Start again from the application.</p>'),
    );
  }
}

function loginPage(submitUrl: string, error?: string): string {
  return page(
    'Sign in',
    `<h1>Sign in to the demo provider</h1><p class="muted">Any name and password work: this provider exists so you can try Consentry without a cloud account.</p>
${error ? `<div class="flash error" role="alert">${escapeHtml(error)}</div>` : ''}
<form method="post" action="${escapeHtml(submitUrl)}" autocomplete="off"><input type="hidden" name="prompt" value="login">
<label for="login">Name</label><input id="login" type="text" name="login" required autofocus>
<label for="password">Password</label><input id="password" type="password" name="password" required>
<p><button type="submit">Sign in</button></p></form>`,
  );
}
