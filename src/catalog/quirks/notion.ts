import type { ProviderQuirks } from './quirk.ts';
import { formOf, headersOf } from './response.ts';

/**
 * Notion: HTTP Basic client authentication (the data says so) with a JSON request body instead
 * of the form encoding RFC 6749 §4.1.3 asks for. The form oauth4webapi built is re-encoded as
 * JSON; the Authorization header is kept.
 * @see https://developers.notion.com/docs/authorization#step-3-send-the-code-in-a-post-request-to-the-notion-api
 */
export const notionQuirks: ProviderQuirks = {
  fetch(url, init, next) {
    const headers = headersOf(init);
    headers.set('content-type', 'application/json');
    headers.set('accept', 'application/json');
    const body = JSON.stringify(Object.fromEntries(formOf(init)));
    return next(url, { ...init, headers, body });
  },
};
