import { z } from 'zod';

/** The practice dataset to pick. */
export const pickPracticeSchema = z.object({ practice: z.string().trim().min(1).max(200) });

/** Sharing: a group id, or '' to keep the dataset private. */
export const shareDatasetSchema = z.object({ group: z.string().trim().max(100) });

/** The mapping form's settings (the roles come as `role:<field>` fields). */
export const mappingSettingsSchema = z.object({
  homeCountry: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/),
  surveyYear: z.coerce.number().int().min(1950).max(2100),
  migrantCriterion: z.enum(['birth', 'citizenship', 'either']),
});
export type MappingSettingsInput = z.infer<typeof mappingSettingsSchema>;

/** A mapping pasted or uploaded as JSON (the wizard's saved file). */
export const mappingJsonSchema = z.object({
  mapping: z
    .string()
    .trim()
    .min(2)
    .max(1024 ** 2),
});

/** The download formats of a run. */
export const LAB_EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'ilostat', 'spec'] as const;
export type LabExportFormat = (typeof LAB_EXPORT_FORMATS)[number];
