/** JSON columns are text on both engines. */
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  return JSON.parse(text) as T;
}

export const toDate = (ms: number | null | undefined): Date | undefined =>
  ms === null || ms === undefined ? undefined : new Date(Number(ms));
