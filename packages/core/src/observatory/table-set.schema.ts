import { z } from 'zod';

/** Limits of a published table set (the form and the command share them). */
export const TABLE_SET_LIMITS = {
  titleMax: 200,
  sourceMax: 500,
  notesMax: 4000,
  /** The tables as JSON, in characters (the web's request body limit is 1 MiB). */
  tablesCharsMax: 900_000,
  tablesMax: 60,
  rowsMax: 5000,
  yearMin: 1950,
  yearMax: 2100,
} as const;

/** The metadata of a table set, as the publish form sends it. */
export const tableSetMetaSchema = z.object({
  title: z.string().trim().min(1).max(TABLE_SET_LIMITS.titleMax),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/),
  source: z.string().trim().min(1).max(TABLE_SET_LIMITS.sourceMax),
  referenceYear: z.coerce.number().int().min(TABLE_SET_LIMITS.yearMin).max(TABLE_SET_LIMITS.yearMax),
  notes: z.string().trim().max(TABLE_SET_LIMITS.notesMax).default(''),
  /** Publish as oneself, or for one's group. */
  owner: z.enum(['self', 'group']).default('self'),
});
export type TableSetMetaInput = z.input<typeof tableSetMetaSchema>;
export type TableSetMeta = z.output<typeof tableSetMetaSchema>;

const num = z.number().finite().nullable();
const VALUE_KEYS = new Set(['estimate', 'se', 'cv', 'ci_lower', 'ci_upper', 'n', 'flags']);

/** One table in the stats engine's tidy JSON (`toTidyJson`): dimension levels beside the figures. */
export const tidyTableSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]{1,80}$/),
    title: z.string().min(1).max(300),
    indicator: z.string().max(80).nullable(),
    unit: z.enum(['persons', 'percent', 'percentage_points', 'ratio']),
    dims: z
      .array(z.string().regex(/^[a-z0-9_]{1,60}$/))
      .max(8)
      .refine((d) => d.every((x) => !VALUE_KEYS.has(x)), 'a dimension cannot be named like a figure'),
    notes: z.array(z.string().max(2000)).max(20),
    rows: z
      .array(
        z
          .object({
            estimate: num,
            se: num,
            cv: num,
            ci_lower: num,
            ci_upper: num,
            n: z.number().int().min(0),
            flags: z.array(z.string().regex(/^[a-z_]{1,40}$/)).max(10),
          })
          .catchall(z.string().max(120)),
      )
      .max(TABLE_SET_LIMITS.rowsMax),
  })
  .strict()
  .superRefine((t, ctx) => {
    t.rows.forEach((r, i) => {
      for (const d of t.dims)
        if (typeof (r as Record<string, unknown>)[d] !== 'string')
          ctx.addIssue({ code: 'custom', path: ['rows', i, d], message: `row without a level of ${d}` });
    });
  });
export type TidyTable = z.output<typeof tidyTableSchema>;
export type TidyRow = TidyTable['rows'][number];

/** The tables of a set: the `tables` of the engine's tidy JSON, or that whole document. */
export const tidyTablesSchema = z.array(tidyTableSchema).min(1).max(TABLE_SET_LIMITS.tablesMax);

/** The stored tables of a set. */
export const storedTablesSchema = tidyTablesSchema;
