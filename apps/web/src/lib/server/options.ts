import { COUNTRIES, ORGANISATION_TYPES, ORGANISATION_TYPE_LABELS } from '@labmig/core/accounts';
import type { Locale } from './locale.ts';

/** One option of a select. */
export interface Option {
  readonly value: string;
  readonly label: string;
}

/** Countries for the country select, named and sorted in the user's language. */
export function countryOptions(locale: Locale): Option[] {
  const collator = new Intl.Collator(locale);
  return COUNTRIES.map((c) => ({ value: c.code, label: c.name[locale] })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
}

/** Organisation types (the course's target groups) in the user's language. */
export function organisationOptions(locale: Locale): Option[] {
  return ORGANISATION_TYPES.map((type) => ({ value: type, label: ORGANISATION_TYPE_LABELS[type][locale] }));
}
