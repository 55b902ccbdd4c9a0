// The Observatory's cohort data: published country table sets and policy-coherence assessments.

/** A country table set a learner or group published from the Lab; withdrawn sets are kept but not shown. */
export interface ObservatoryTableSetTable {
  id: string;
  cohort_id: string;
  /** `user:<id>` or `group:<id>`. */
  owner_key: string;
  user_id: string | null;
  group_id: string | null;
  title: string;
  /** ISO 3166-1 alpha-3. */
  country: string;
  source: string;
  reference_year: number;
  notes: string;
  /** The engine's tidy JSON tables. */
  tables: string;
  published_by: string | null;
  published_at: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

/** A policy-coherence assessment of a country, owned by a learner or group. */
export interface CoherenceCaseTable {
  id: string;
  cohort_id: string;
  owner_key: string;
  user_id: string | null;
  group_id: string | null;
  title: string;
  country: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** The policy area of an objective. */
export type CoherenceArea = 'employment' | 'education' | 'migration';

/** One objective of a policy. */
export interface CoherenceObjectiveTable {
  id: string;
  case_id: string;
  area: CoherenceArea;
  position: number;
  text: string;
  created_at: string;
}

/** The score of a pair of objectives (first_id < second_id): -1 conflict, 0 neutral, 1 synergy. */
export interface CoherenceScoreTable {
  case_id: string;
  first_id: string;
  second_id: string;
  score: number;
  evidence: string;
  scored_by: string | null;
  scored_at: string;
}

/** The Observatory tables. */
export interface ObservatoryTables {
  observatory_table_sets: ObservatoryTableSetTable;
  coherence_cases: CoherenceCaseTable;
  coherence_objectives: CoherenceObjectiveTable;
  coherence_scores: CoherenceScoreTable;
}
