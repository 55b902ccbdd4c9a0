import { signUpSchema } from '@labmig/core/accounts';
import { enrolSchema } from '@labmig/core/cohorts';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { echoValues, parseForm, type FormText } from './forms.ts';

/** A message as stored: a text, or plural forms (the limits tested here take the `other` form). */
type Stored = string | [{ match: Record<string, string> }];

/** The form texts of a language read straight from its message file (the compiled catalogue is tested elsewhere). */
function textOf(locale: 'en' | 'fr'): FormText {
  const file = resolve(import.meta.dirname, `../../../messages/${locale}.json`);
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Stored>;
  const fill = (key: string, params: Record<string, string> = {}) => {
    const stored = messages[key];
    const text = typeof stored === 'string' ? stored : stored[0].match['countPlural=other'];
    return text.replace(/\{(\w+)\}/g, (_m, k: string) => params[k]);
  };
  return {
    required: () => fill('form_error_required'),
    tooShort: (min) => fill('form_error_too_short', { count: min }),
    tooLong: (max) => fill('form_error_too_long', { count: max }),
    email: () => fill('form_error_email'),
    choice: () => fill('form_error_choice'),
    invalid: () => fill('form_error_invalid'),
    summary: () => fill('form_errors_summary'),
  };
}
const en = textOf('en');
const fr = textOf('fr');

const form = (fields: Record<string, string>): FormData => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe('parseForm', () => {
  it('returns one message per field in English, echoing values but never the password', () => {
    const result = parseForm(
      signUpSchema,
      form({ name: 'Amina', email: 'nope', password: 'short', country: '', jobTitle: '' }),
      en,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.errors.email).toBe('Enter a valid email address.');
    expect(result.failure.errors.password).toBe('Must be at least 10 characters.');
    expect(result.failure.errors.jobTitle).toBe('This field is required.');
    expect(result.failure.errors.organisationType).toBe('This field is required.');
    expect(result.failure.values).toEqual({ name: 'Amina', email: 'nope', country: '', jobTitle: '' });
  });

  it('speaks French when the user does', () => {
    const result = parseForm(signUpSchema, form({ email: '' }), fr);
    if (result.ok) throw new Error('expected a failure');
    expect(result.failure.errors.email).toBe('Ce champ est obligatoire.');
    expect(result.failure.message).toBe('Veuillez corriger les erreurs ci-dessous.');
  });

  it('reports nested fields under their own name', () => {
    const shape = (data: FormData) => ({
      cohortId: data.get('cohortId'),
      answers: { motivation: data.get('motivation') },
    });
    const result = parseForm(enrolSchema, form({ cohortId: 'c1', motivation: 'x'.repeat(2001) }), en, shape);
    if (result.ok) throw new Error('expected a failure');
    expect(result.failure.errors.motivation).toBe('Must be at most 2000 characters.');
  });

  it('passes valid input through the schema', () => {
    const valid = {
      name: 'A',
      email: 'A@Example.org',
      password: 'long-enough-1',
      country: 'sn',
      organisationType: 'nso',
      jobTitle: 'x',
      locale: 'fr',
    };
    const result = parseForm(signUpSchema, form(valid), en);
    expect(result.ok && result.data.email).toBe('a@example.org');
  });
});

describe('echoValues', () => {
  it('drops password and token fields', () => {
    expect(echoValues(form({ email: 'a@b.c', password: 'p', newPassword: 'q', token: 't' }))).toEqual({
      email: 'a@b.c',
    });
  });
});
