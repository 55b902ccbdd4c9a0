import { ConflictError, DomainValidationError, NotFoundError, RateLimitedError } from '@labmig/core/errors';
import { isActionFailure, isHttpError, redirect, type ActionFailure } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { FormRejected } from './forms.ts';
import { runAction, runJson, runLoad, type ActionFailureData } from './edge.ts';

/** The failure an action returned (the test fails when it returned anything else). */
function failed(result: unknown): ActionFailure<ActionFailureData> {
  expect(isActionFailure(result)).toBe(true);
  return result as ActionFailure<ActionFailureData>;
}

const event = (locale: 'en' | 'fr', body: Record<string, string> = {}) => ({
  locals: { locale },
  request: new Request('http://localhost/x', { method: 'POST', body: new URLSearchParams(body) }),
});

describe('runLoad', () => {
  it('turns a domain error into error() with its status and the message in the user’s language', async () => {
    const caught = await runLoad(event('fr'), () =>
      Promise.reject(new NotFoundError('quiz.not_found')),
    ).catch((e: unknown) => e);
    expect(isHttpError(caught, 404)).toBe(true);
    expect((caught as { body: { message: string } }).body.message).toBe('Cette évaluation n’existe pas.');
  });

  it('lets bugs through to handleError', async () => {
    await expect(runLoad(event('en'), () => Promise.reject(new Error('bug')))).rejects.toThrow('bug');
  });
});

describe('runAction', () => {
  it('puts a conflict on the named field, in French, and echoes the values but never the password', async () => {
    const result = failed(
      await runAction(
        event('fr', { email: 'a@b.org', password: 'secret-secret' }),
        () => Promise.reject(new ConflictError('auth.email_taken')),
        { field: 'email' },
      ),
    );
    expect(result.status).toBe(409);
    expect(result.data.errors.email).toBe('Un compte existe déjà avec cette adresse e-mail.');
    expect(result.data.values).toEqual({ email: 'a@b.org' });
    expect(result.data.code).toBe('auth.email_taken');
  });

  it('marks every field a validation error names, with 400', async () => {
    const result = failed(
      await runAction(event('en', { name: 'x' }), () =>
        Promise.reject(new DomainValidationError({ name: 'too long' })),
      ),
    );
    expect(result.status).toBe(400);
    expect(Object.keys(result.data.errors)).toEqual(['name']);
  });

  it('answers 429 to a rate limit', async () => {
    const result = failed(await runAction(event('en'), () => Promise.reject(new RateLimitedError())));
    expect(result.status).toBe(429);
  });

  it('returns the failure of a form the page refused, with the extra data of the form', async () => {
    const result = failed(
      await runAction(
        event('en', { key: 'k' }),
        () => Promise.reject(new FormRejected({ values: {}, errors: { mark: 'Required' } })),
        { extra: (form) => ({ key: form.get('key') }) },
      ),
    );
    expect(result.status).toBe(400);
    expect(result.data).toEqual({
      key: 'k',
      values: {},
      errors: { mark: 'Required' },
    });
  });

  it('answers 400 to a post whose body is not a form, without running the work', async () => {
    let ran = false;
    const request = new Request('http://localhost/x', {
      method: 'POST',
      body: '<x/>',
      headers: { 'content-type': 'text/xml' },
    });
    const result = failed(await runAction({ locals: { locale: 'fr' }, request }, async () => (ran = true)));
    expect(result.status).toBe(400);
    expect(result.data.message).toBe('Certains champs ne sont pas valides. Veuillez vérifier le formulaire.');
    expect(ran).toBe(false);
  });

  it('returns what the work returns, and lets redirects and bugs through', async () => {
    expect(await runAction(event('en'), async () => ({ saved: true }))).toEqual({ saved: true });
    await expect(runAction(event('en'), async () => redirect(303, '/my'))).rejects.toMatchObject({
      status: 303,
    });
    await expect(runAction(event('en'), () => Promise.reject(new Error('bug')))).rejects.toThrow('bug');
  });
});

describe('runJson', () => {
  it('answers a domain error as { code, message } with its status', async () => {
    const response = await runJson(event('en'), () => Promise.reject(new ConflictError('attempt.closed')));
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      code: 'attempt.closed',
      message: expect.stringContaining('has been submitted or its time is up'),
    });
  });
});
