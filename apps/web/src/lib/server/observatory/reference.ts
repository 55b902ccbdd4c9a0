import { referenceDataOf, type Country, type ReferenceData, type Source } from '@labmig/core/observatory';

/** The checked reference data of the campus's content folder (read once per process). */
export function referenceData(locals: App.Locals): ReferenceData {
  return referenceDataOf(locals.app.config.contentDir);
}

/** A country by ISO alpha-3 code. */
export function countryByAlpha3(data: ReferenceData, alpha3: string): Country | undefined {
  return data.countries.find((c) => c.alpha3 === alpha3);
}

/** A country's name in the user's language (the code when unknown). */
export function countryLabel(data: ReferenceData, alpha3: string, locale: 'en' | 'fr'): string {
  const c = countryByAlpha3(data, alpha3);
  return c ? (locale === 'fr' ? c.name_fr : c.name_en) : alpha3;
}

/** An M49 area's name in the user's language. */
export function areaName(data: ReferenceData, code: string, locale: 'en' | 'fr'): string | null {
  const a = data.m49Areas.find((x) => x.code === code);
  return a ? (locale === 'fr' ? a.name_fr : a.name_en) : null;
}

/** The countries for a select, named and sorted in the user's language. */
export function countryChoices(data: ReferenceData, locale: 'en' | 'fr'): { value: string; label: string }[] {
  const collator = new Intl.Collator(locale);
  return data.countries
    .map((c) => ({ value: c.alpha3, label: locale === 'fr' ? c.name_fr : c.name_en }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** A source as one line: publisher, title, year. */
export const sourceLine = (s: Source): string => `${s.publisher}, ${s.title}${s.year ? ` (${s.year})` : ''}`;
