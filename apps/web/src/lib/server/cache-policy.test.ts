import { describe, expect, it } from 'vitest';
import { privateCacheControl } from './cache-policy.ts';

describe('privateCacheControl', () => {
  it.each([
    ['/my', true, false, 'private, no-store'],
    ['/fr/profile', true, false, 'private, no-store'],
    ['/cohorts/c1/roster', true, false, 'private, no-store'],
    ['/cohorts/c1/attempts/a1', true, false, 'private, no-store'],
    ['/cohorts/c1/learn/__data.json', true, false, 'private, no-store'],
    ['/courses/measuring-labour-migration', true, false, 'private, no-store'],
    // Lessons and slide decks may be kept by this browser (the service worker saves them for offline reading), never
    // by a shared cache, and are checked with the server each time.
    ['/cohorts/c1/learn/01-a/02-b', true, false, 'private, no-cache'],
    ['/fr/cohorts/c1/learn/01-a/slides', true, false, 'private, no-cache'],
    // A response that signs someone in is private even though the request was anonymous.
    ['/signin', false, true, 'private, no-store'],
    ['/courses/measuring-labour-migration', false, false, undefined],
    ['/', false, false, undefined],
  ])(
    '%s (signed in: %s, sets the session cookie: %s) → %s',
    (path, signedIn, setsSessionCookie, expected) => {
      expect(privateCacheControl({ path, signedIn, setsSessionCookie })).toBe(expected);
    },
  );
});
