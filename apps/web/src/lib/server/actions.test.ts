import { ConflictError, DomainValidationError } from '@labmig/core';
import { describe, expect, it } from 'vitest';
import { failWith } from './actions.ts';

describe('failWith', () => {
  it('puts a conflict on the named field, in French', () => {
    const result = failWith(new ConflictError('auth.email_taken'), { email: 'a@b.org' }, 'fr', 'email');
    expect(result.status).toBe(409);
    expect(result.data.errors.email).toBe('Un compte existe déjà avec cette adresse e-mail.');
    expect(result.data.values).toEqual({ email: 'a@b.org' });
  });
  it('marks every field a validation error names', () => {
    const result = failWith(new DomainValidationError({ name: 'too long' }), {}, 'en');
    expect(result.status).toBe(400);
    expect(Object.keys(result.data.errors)).toEqual(['name']);
  });
  it('rethrows errors that are not domain errors', () => {
    expect(() => failWith(new Error('bug'), {}, 'en')).toThrow('bug');
  });
});
