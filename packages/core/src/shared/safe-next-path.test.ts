import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path.ts';

/** What `url.searchParams.get('next')` gives for a raw query value (it percent-decodes once). */
const fromQuery = (raw: string): string | null =>
  new URL(`http://campus.test/signin?next=${raw}`).searchParams.get('next');

describe('safeNextPath', () => {
  it.each([
    ['/courses/measuring-labour-migration', '/courses/measuring-labour-migration'],
    ['/fr/my', '/fr/my'],
    ['/cohorts/abc/learn?week=2#m01', '/cohorts/abc/learn?week=2#m01'],
    ['/courses/caf%C3%A9', '/courses/caf%C3%A9'],
  ])('keeps the same-origin path %j', (next, expected) => {
    expect(safeNextPath(next, '/my')).toBe(expected);
  });

  it.each([
    ['protocol-relative', '//evil.example/x'],
    ['backslash', '/\\evil.example/x'],
    ['backslash later', '/a\\..\\..\\/evil'],
    ['absolute URL', 'https://evil.example/x'],
    ['scheme without slashes', 'javascript:alert(1)'],
    ['upper-case scheme', 'JavaScript:alert(1)'],
    ['data URL', 'data:text/html,<script>alert(1)</script>'],
    ['relative path', 'courses/x'],
    ['tab then slashes (browsers drop tabs)', '/\t/evil.example/x'],
    ['newline then slashes', '/\n/evil.example/x'],
    ['CR LF (header injection)', '/my\r\nSet-Cookie: x=1'],
    ['space', '/my courses'],
    ['non-ASCII', '/courses/café'],
    ['non-ASCII host look-alike', '/\u3002evil.example'],
    ['NUL', '/my\u0000'],
    ['very long', `/${'a'.repeat(2100)}`],
    ['empty', ''],
    ['missing', null],
  ])('refuses %s', (_label, next) => {
    expect(safeNextPath(next, '/my')).toBe('/my');
  });

  it.each([
    ['/%09/evil.example/x'],
    ['/%0d%0a/evil.example'],
    ['%2F%2Fevil.example'],
    ['/%2F%2Fevil.example'],
    ['/%5Cevil.example'],
    ['https:%2F%2Fevil.example'],
    ['/%E3%80%82evil.example'],
  ])('refuses the query value %s once decoded, or keeps it on this site', (raw) => {
    const result = safeNextPath(fromQuery(raw), '/my');
    expect(new URL(result, 'http://campus.test').origin).toBe('http://campus.test');
    expect(result).toMatch(/^\/[\x21-\x7e]*$/);
    expect(result.startsWith('//')).toBe(false);
  });
});
