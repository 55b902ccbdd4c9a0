import { describe, expect, it } from 'vitest';
import { isForbiddenCrossSitePost } from './csrf.ts';

const post = (path: string, headers: Record<string, string>, method = 'POST') =>
  new Request(`https://campus.example.org${path}`, { method, headers });

describe('isForbiddenCrossSitePost', () => {
  it('refuses form posts from another site or with no origin, like SvelteKit', () => {
    for (const type of [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain;charset=UTF-8',
    ])
      expect(
        isForbiddenCrossSitePost(post('/profile', { origin: 'https://evil.example', 'content-type': type })),
      ).toBe(true);
    expect(
      isForbiddenCrossSitePost(post('/signout', { 'content-type': 'application/x-www-form-urlencoded' })),
    ).toBe(true);
    expect(
      isForbiddenCrossSitePost(post('/fr/profile', { origin: 'null', 'content-type': 'text/plain' }, 'PUT')),
    ).toBe(true);
  });

  it('lets same-site posts, non-form bodies and safe methods through', () => {
    const same = {
      origin: 'https://campus.example.org',
      'content-type': 'application/x-www-form-urlencoded',
    };
    expect(isForbiddenCrossSitePost(post('/profile', same))).toBe(false);
    expect(
      isForbiddenCrossSitePost(
        post('/x/autosave', { origin: 'https://evil.example', 'content-type': 'application/json' }),
      ),
    ).toBe(false);
    expect(
      isForbiddenCrossSitePost(
        new Request('https://campus.example.org/profile', { headers: { origin: 'https://evil.example' } }),
      ),
    ).toBe(false);
  });

  it('accepts the one-click unsubscribe POST of a mail program (RFC 8058), and only on that route', () => {
    const oneClick = { 'content-type': 'application/x-www-form-urlencoded' };
    expect(isForbiddenCrossSitePost(post('/notifications/unsubscribe?u=1&c=2&t=3', oneClick))).toBe(false);
    expect(isForbiddenCrossSitePost(post('/fr/notifications/unsubscribe?u=1&c=2&t=3', oneClick))).toBe(false);
    expect(isForbiddenCrossSitePost(post('/notifications', oneClick))).toBe(true);
    expect(isForbiddenCrossSitePost(post('/notifications/unsubscribe/../../profile', oneClick))).toBe(true);
  });
});
