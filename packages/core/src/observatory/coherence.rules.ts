import { toCsv } from '../shared/csv.ts';
import { COHERENCE_AREAS, type CoherenceAreaId } from './coherence.schema.ts';

// The policy-coherence matrix (labmig's scoring, see the tool's explanation): objectives of the three policies,
// every pair of objectives from two different policies scored −1 conflict, 0 neutral or +1 synergy with its
// evidence; the pairs not scored yet are the gaps. Pure functions.

/** An objective with its short code (E1 employment, T1 education/training, M1 labour migration). */
export interface Objective {
  readonly id: string;
  readonly area: CoherenceAreaId;
  readonly code: string;
  readonly text: string;
}

/** A scored pair. */
export interface PairScore {
  readonly firstId: string;
  readonly secondId: string;
  readonly score: -1 | 0 | 1;
  readonly evidence: string;
}

/** A pair of the matrix (objectives of two policies, in area order) with its score, or null (a gap). */
export interface MatrixPair {
  readonly row: Objective;
  readonly column: Objective;
  readonly score: -1 | 0 | 1 | null;
  readonly evidence: string;
}

const PREFIX: Record<CoherenceAreaId, string> = { employment: 'E', education: 'T', migration: 'M' };

/** Numbers the objectives within each area in their order: E1, E2…, T1…, M1…. */
export function codeObjectives(
  rows: readonly { id: string; area: CoherenceAreaId; text: string; position: number }[],
): Objective[] {
  const out: Objective[] = [];
  for (const area of COHERENCE_AREAS) {
    const mine = rows.filter((r) => r.area === area).sort((a, b) => a.position - b.position);
    mine.forEach((r, i) => out.push({ id: r.id, area, code: `${PREFIX[area]}${i + 1}`, text: r.text }));
  }
  return out;
}

/** The stored order of a pair: the smaller id first. */
export const pairKey = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/**
 * Every pair of objectives from two different policies (employment × education, employment × migration,
 * education × migration), row in the earlier area, with its score or null.
 */
export function matrixPairs(objectives: readonly Objective[], scores: readonly PairScore[]): MatrixPair[] {
  const byPair = new Map(scores.map((s) => [`${s.firstId}|${s.secondId}`, s]));
  const areaIndex = (o: Objective) => COHERENCE_AREAS.indexOf(o.area);
  const pairs: MatrixPair[] = [];
  for (const row of objectives)
    for (const column of objectives) {
      if (areaIndex(row) >= areaIndex(column)) continue;
      const [a, b] = pairKey(row.id, column.id);
      const s = byPair.get(`${a}|${b}`);
      pairs.push({ row, column, score: s?.score ?? null, evidence: s?.evidence ?? '' });
    }
  return pairs;
}

/** Counts of the matrix: conflicts, neutral, synergies and gaps (pairs not assessed). */
export function matrixSummary(pairs: readonly MatrixPair[]): {
  conflict: number;
  neutral: number;
  synergy: number;
  gaps: number;
} {
  return {
    conflict: pairs.filter((p) => p.score === -1).length,
    neutral: pairs.filter((p) => p.score === 0).length,
    synergy: pairs.filter((p) => p.score === 1).length,
    gaps: pairs.filter((p) => p.score === null).length,
  };
}

const SCORE_NAME = { '-1': 'conflict', '0': 'neutral', '1': 'synergy' } as const;

/** The matrix as CSV for the final assignment: one line per pair, gaps included (score empty). */
export function coherenceCsv(pairs: readonly MatrixPair[]): string {
  return toCsv(
    [
      'row_code',
      'row_policy',
      'row_objective',
      'column_code',
      'column_policy',
      'column_objective',
      'score',
      'score_value',
      'evidence',
    ],
    pairs.map((p) => [
      p.row.code,
      p.row.area,
      p.row.text,
      p.column.code,
      p.column.area,
      p.column.text,
      p.score === null ? '' : SCORE_NAME[p.score],
      p.score ?? '',
      p.evidence,
    ]),
  );
}
