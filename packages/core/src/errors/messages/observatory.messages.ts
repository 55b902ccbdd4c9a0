import type { MessageTable } from './message-table.ts';

/** Error messages of the Observatory: published table sets and policy-coherence assessments. */
export const OBSERVATORY_MESSAGES = {
  'observatory.set_not_found': {
    en: 'This table set does not exist or was withdrawn.',
    fr: 'Cet ensemble de tableaux n’existe pas ou a été retiré.',
  },
  'observatory.already_withdrawn': {
    en: 'This table set has already been withdrawn.',
    fr: 'Cet ensemble de tableaux a déjà été retiré.',
  },
  'observatory.no_group': {
    en: 'You are not in a group of this cohort, so you cannot publish for a group.',
    fr: 'Vous n’êtes dans aucun groupe de cette session : vous ne pouvez pas publier pour un groupe.',
  },
  'observatory.country_unknown': {
    en: 'Choose a country of the ISO 3166 list.',
    fr: 'Choisissez un pays de la liste ISO 3166.',
  },
  'observatory.tables_invalid': {
    en: 'The tables are not the Lab’s results (its JSON export). Nothing was published.',
    fr: 'Les tableaux ne sont pas des résultats du Lab (son export JSON). Rien n’a été publié.',
  },
  'coherence.case_not_found': {
    en: 'This coherence assessment does not exist.',
    fr: 'Cette évaluation de cohérence n’existe pas.',
  },
  'coherence.objective_not_found': {
    en: 'This objective is not part of the assessment.',
    fr: 'Cet objectif ne fait pas partie de l’évaluation.',
  },
  'coherence.same_objective': {
    en: 'Choose two different objectives.',
    fr: 'Choisissez deux objectifs différents.',
  },
  'coherence.same_area': {
    en: 'Score pairs of objectives from two different policies.',
    fr: 'Notez des paires d’objectifs de deux politiques différentes.',
  },
  'coherence.evidence_required': {
    en: 'Give the evidence for a conflict or a synergy.',
    fr: 'Indiquez les éléments à l’appui d’un conflit ou d’une synergie.',
  },
  'coherence.no_group': {
    en: 'You are not in a group of this cohort, so you cannot start an assessment for a group.',
    fr: 'Vous n’êtes dans aucun groupe de cette session : vous ne pouvez pas commencer d’évaluation pour un groupe.',
  },
  'coherence.too_many_objectives': {
    en: 'An assessment holds at most 15 objectives per policy.',
    fr: 'Une évaluation compte au plus 15 objectifs par politique.',
  },
} as const satisfies MessageTable;
