import { z } from 'zod';

/** Dimensions a figure can be broken down by, and their categories. */
export const DIMENSIONS = {
  sex: ['men', 'women'],
  income_group: ['high', 'upper_middle', 'lower_middle', 'low'],
  region: [
    'africa',
    'americas',
    'arab_states',
    'asia_pacific',
    'europe_central_asia',
    'nsw_europe',
    'northern_america',
  ],
  sector: ['agriculture', 'industry', 'services'],
  age: ['15-24', '25-54', '25-64', '55-64', '65+'],
  labour_status: ['employed', 'unemployed'],
} as const;

/** What a figure measures. Counts are in millions of persons; rates and shares in per cent. */
export const INDICATORS = [
  'international_migrants',
  'migrants_working_age',
  'migrant_workers',
  'migrant_workers_distribution',
  'non_migrant_workers_distribution',
  'migrant_lfpr',
  'non_migrant_lfpr',
  'migrant_share_of_labour_force',
  'migrant_share_of_population_15plus',
  'migrant_unemployment_rate',
  'non_migrant_unemployment_rate',
  'migrant_employment_to_population_ratio',
  'migrant_domestic_workers',
  'domestic_workers_share_of_migrant_workers',
] as const;

export type Indicator = (typeof INDICATORS)[number];
export type Dimension = keyof typeof DIMENSIONS;

const breakdownSchema = z
  .object({
    sex: z.enum(DIMENSIONS.sex),
    income_group: z.enum(DIMENSIONS.income_group),
    region: z.enum(DIMENSIONS.region),
    sector: z.enum(DIMENSIONS.sector),
    age: z.enum(DIMENSIONS.age),
    labour_status: z.enum(DIMENSIONS.labour_status),
    /** ISO 3166-1 alpha-3 code of a country in countries.csv. */
    country: z.string().regex(/^[A-Z]{3}$/, 'country must be an ISO 3166-1 alpha-3 code'),
  })
  .partial()
  .strict();

/** One published figure with its provenance. */
export const figureSchema = z
  .object({
    indicator: z.enum(INDICATORS),
    by: breakdownSchema.optional(),
    value: z.number().finite(),
    unit: z.enum(['millions', 'percent']),
    source: z.string().min(1, 'every figure needs a source'),
    locator: z.string().min(1, 'every figure needs the table, page or section of its source'),
    checked: z.array(z.string()).optional(),
  })
  .strict();

/** A data file of one edition of the ILO global estimates. */
export const editionFileSchema = z
  .object({
    version: z.literal(1),
    edition: z.number().int().positive(),
    reference_year: z.number().int().min(1990).max(2100),
    published: z.number().int().min(1990).max(2100),
    figures: z.array(figureSchema).min(1),
  })
  .strict();

/** One entry of sources.yaml. */
export const sourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    kind: z.enum(['primary', 'secondary']),
    publisher: z.string().min(1),
    title: z.string().min(1),
    year: z.number().int().optional(),
    edition: z.string().optional(),
    identifier: z.string().optional(),
    url: z.url(),
    licence: z.string().optional(),
  })
  .strict()
  .refine((s) => s.kind === 'secondary' || (s.year !== undefined && s.licence !== undefined), {
    message: 'a primary source needs a year and a licence',
  });

export const sourcesFileSchema = z
  .object({ version: z.literal(1), sources: z.array(sourceSchema).min(1) })
  .strict();

/** One row of countries.csv. */
export const countrySchema = z.object({
  alpha2: z.string().regex(/^[A-Z]{2}$/),
  alpha3: z.string().regex(/^[A-Z]{3}$/),
  numeric: z.string().regex(/^\d{3}$/),
  name_en: z.string().min(1),
  name_fr: z.string().min(1),
  region: z.string().regex(/^(\d{3})?$/),
  sub_region: z.string().regex(/^(\d{3})?$/),
  intermediate_region: z.string().regex(/^(\d{3})?$/),
});

/** One row of m49-areas.csv. */
export const m49AreaSchema = z.object({
  code: z.string().regex(/^\d{3}$/),
  name_en: z.string().min(1),
  name_fr: z.string().min(1),
});

export type Figure = z.infer<typeof figureSchema>;
export type EditionFile = z.infer<typeof editionFileSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Country = z.infer<typeof countrySchema>;
export type M49Area = z.infer<typeof m49AreaSchema>;
