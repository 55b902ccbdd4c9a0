import { z } from 'zod';

/** The three policies whose coherence is assessed (ILO guidance: employment, education/training, labour migration). */
export const COHERENCE_AREAS = ['employment', 'education', 'migration'] as const;
export type CoherenceAreaId = (typeof COHERENCE_AREAS)[number];

/** labmig's scores: conflict, neutral, synergy (stored −1, 0, +1), or none (the pair goes back to "not assessed"). */
export const COHERENCE_SCORES = { conflict: -1, neutral: 0, synergy: 1 } as const;
export type CoherenceScoreName = keyof typeof COHERENCE_SCORES;

export const COHERENCE_LIMITS = {
  titleMax: 200,
  objectiveMax: 500,
  evidenceMax: 2000,
  objectivesPerArea: 15,
} as const;

export const createCoherenceCaseSchema = z.object({
  title: z.string().trim().min(1).max(COHERENCE_LIMITS.titleMax),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/),
  owner: z.enum(['self', 'group']).default('self'),
});
export type CreateCoherenceCaseInput = z.input<typeof createCoherenceCaseSchema>;

export const addObjectiveSchema = z.object({
  area: z.enum(COHERENCE_AREAS),
  text: z.string().trim().min(1).max(COHERENCE_LIMITS.objectiveMax),
});
export type AddObjectiveInput = z.input<typeof addObjectiveSchema>;

export const scorePairSchema = z.object({
  first: z.string().trim().min(1).max(100),
  second: z.string().trim().min(1).max(100),
  score: z.enum(['conflict', 'neutral', 'synergy', 'none']),
  evidence: z.string().trim().max(COHERENCE_LIMITS.evidenceMax).default(''),
});
export type ScorePairInput = z.input<typeof scorePairSchema>;
