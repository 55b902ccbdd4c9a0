/** Longer `next` values are refused: no page of the campus has a path and query this long. */
const MAX_NEXT_LENGTH = 2000;
const BASE = 'http://same-origin.invalid';

/**
 * The page to go to after signing in or up: `next` when it is a path on this site, else `fallback`. Only printable
 * ASCII is accepted (browsers drop tabs and line breaks from a Location, so `/\t/evil.example` would lead away; CR/LF
 * and non-ASCII would break the header), never a backslash (read as a slash), never `//` (another host). What is
 * returned is the path as the URL parser reads it, so the browser cannot read it differently.
 * @example safeNextPath('/courses/x?week=2', '/my') // '/courses/x?week=2'
 * @example safeNextPath('/\t/evil.example', '/my') // '/my'
 */
export function safeNextPath(next: string | null | undefined, fallback: string): string {
  if (!next || next.length > MAX_NEXT_LENGTH) return fallback;
  if (!/^\/[\x21-\x7e]*$/.test(next) || next.startsWith('//') || next.includes('\\')) return fallback;
  const url = new URL(next, BASE);
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith('//') ? fallback : path;
}
