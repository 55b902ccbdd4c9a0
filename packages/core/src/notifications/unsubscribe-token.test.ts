import { describe, expect, it } from 'vitest';
import { newUnsubscribeSecret, signUnsubscribe, verifyUnsubscribe } from './unsubscribe-token.ts';

describe('unsubscribe tokens', () => {
  const secret = newUnsubscribeSecret();
  const token = signUnsubscribe(secret, 'user-1', 'cohort-1');

  it('verifies the person’s own link', () => {
    expect(verifyUnsubscribe(secret, 'user-1', 'cohort-1', token)).toBe(true);
  });

  it('refuses the link for another person, another cohort, another secret, or a changed token', () => {
    expect(verifyUnsubscribe(secret, 'user-2', 'cohort-1', token)).toBe(false);
    expect(verifyUnsubscribe(secret, 'user-1', 'cohort-2', token)).toBe(false);
    expect(verifyUnsubscribe(newUnsubscribeSecret(), 'user-1', 'cohort-1', token)).toBe(false);
    expect(verifyUnsubscribe(secret, 'user-1', 'cohort-1', token.slice(1))).toBe(false);
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(verifyUnsubscribe(secret, 'user-1', 'cohort-1', flipped)).toBe(false);
    expect(verifyUnsubscribe(secret, 'user-1', 'cohort-1', '')).toBe(false);
  });
});
