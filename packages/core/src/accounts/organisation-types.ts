/** Organisation types, from the course's target groups. */
export const ORGANISATION_TYPES = [
  'nso',
  'ministry',
  'research',
  'employment-service',
  'international',
  'social-partner',
  'other',
] as const;

/** One organisation type. */
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Labels of the organisation types in English and French. */
export const ORGANISATION_TYPE_LABELS: Readonly<
  Record<OrganisationType, { readonly en: string; readonly fr: string }>
> = {
  nso: { en: 'National Statistical Office', fr: 'Institut national de statistique' },
  ministry: {
    en: 'Ministry (labour, employment, education, migration or other)',
    fr: 'Ministère (travail, emploi, éducation, migration ou autre)',
  },
  research: { en: 'Research or academic institution', fr: 'Institution de recherche ou universitaire' },
  'employment-service': {
    en: 'Public employment service or labour market institution',
    fr: 'Service public de l’emploi ou institution du marché du travail',
  },
  international: {
    en: 'International, cooperation or development agency, or NGO',
    fr: 'Organisation internationale, agence de coopération ou de développement, ou ONG',
  },
  'social-partner': {
    en: "Workers' or employers' organisation",
    fr: 'Organisation de travailleurs ou d’employeurs',
  },
  other: { en: 'Other (public or private sector)', fr: 'Autre (secteur public ou privé)' },
};

/** Narrows a stored organisation type to a known one (`other` for a value this version does not know). */
export function toOrganisationType(value: string): OrganisationType {
  return (ORGANISATION_TYPES as readonly string[]).includes(value) ? (value as OrganisationType) : 'other';
}
