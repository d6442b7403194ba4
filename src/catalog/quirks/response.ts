/**
 * Small tools the quirk modules share to reshape a provider's HTTP answer into the RFC 6749
 * shape oauth4webapi checks. They only ever rebuild the Response; they log nothing and never put
 * a body into an error message (bodies can carry tokens).
 */

/** The parsed JSON object of a response, or undefined when it is not a JSON object. */
export async function jsonObjectOf(response: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = await response.clone().json();
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A JSON response with the original's status (or the one given). */
export function jsonResponse(body: Record<string, unknown>, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store' },
  });
}

/**
 * @see RFC 6749 §5.2 — the error response providers such as GitHub and Slack should have sent.
 * HTTP 400 makes oauth4webapi raise a ResponseBodyError with the `error` code, so the core's
 * usual path (clear ConsentryError, nothing stored, `invalid_grant` → needs_reauth) applies.
 */
export function oauthErrorResponse(error: string, description?: string): Response {
  return jsonResponse({ error, ...(description ? { error_description: description } : {}) }, 400);
}

/** Rewrites a successful JSON token response; errors and non-JSON answers pass through untouched. */
export async function mapSuccessJson(
  response: Response,
  map: (body: Record<string, unknown>) => Record<string, unknown> | Response,
): Promise<Response> {
  if (response.status !== 200) return response;
  const body = await jsonObjectOf(response);
  if (!body) return response;
  const mapped = map(body);
  return mapped instanceof Response ? mapped : jsonResponse(mapped, 200);
}

/** The body of a request oauth4webapi sent (always form-encoded URLSearchParams). */
export function formOf(init: RequestInit): URLSearchParams {
  const body = init.body;
  if (body instanceof URLSearchParams) return new URLSearchParams(body);
  if (typeof body === 'string') return new URLSearchParams(body);
  return new URLSearchParams();
}

/** Header map of a request as a mutable Headers object. */
export function headersOf(init: RequestInit): Headers {
  return new Headers(init.headers);
}
