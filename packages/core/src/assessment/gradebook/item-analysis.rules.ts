/** Item statistics of one question, on Moodle's definitions (percentages; null where undefined). */
export interface ItemStatistics {
  /** Number of attempts used. */
  readonly n: number;
  /** F = 100 · (mean x − min) / (max − min): the mean score as a percentage of the mark range. */
  readonly facility: number | null;
  /** SD = 100 · sd(x) / (max − min), with the n − 1 sample standard deviation. */
  readonly standardDeviation: number | null;
  /** D = 100 · r(x, X₋): Pearson correlation of the question's score with the rest of the test. */
  readonly discrimination: number | null;
  /** DE = 100 · C(x, X₋) / Cmax(x, X₋): the covariance as a share of its maximum for these marginals. */
  readonly discriminativeEfficiency: number | null;
}

const toSevenDecimals = (value: number): number => Math.round(value * 1e7) / 1e7;

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Sum of products of deviations from the means (the n − 1 factor cancels in the ratios below). */
function coDeviation(x: readonly number[], y: readonly number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += (x[i] - mx) * (y[i] - my);
  return sum;
}

function itemStatistics(x: readonly number[], rest: readonly number[], maxMark: number): ItemStatistics {
  const n = x.length;
  if (n === 0 || !(maxMark > 0))
    return {
      n,
      facility: null,
      standardDeviation: null,
      discrimination: null,
      discriminativeEfficiency: null,
    };
  const facility = (100 * mean(x)) / maxMark;
  const standardDeviation = n < 2 ? null : (100 * Math.sqrt(coDeviation(x, x) / (n - 1))) / maxMark;
  const c = coDeviation(x, rest);
  const vx = coDeviation(x, x);
  const vr = coDeviation(rest, rest);
  const discrimination = n < 2 || vx === 0 || vr === 0 ? null : (100 * c) / Math.sqrt(vx * vr);
  // The covariance is largest when both are sorted the same way (rearrangement inequality).
  const cmax = coDeviation(
    [...x].sort((a, b) => a - b),
    [...rest].sort((a, b) => a - b),
  );
  const discriminativeEfficiency = n < 2 || cmax === 0 ? null : (100 * c) / cmax;
  return { n, facility, standardDeviation, discrimination, discriminativeEfficiency };
}

/**
 * Item analysis of a quiz (Moodle's quiz statistics): for each question, facility, standard deviation,
 * discrimination index and discriminative efficiency over the given attempts. Marks are per question with a
 * minimum of 0; X₋ is the attempt's total on the other questions. Only fully graded attempts should be passed.
 * @param scores one row per attempt, one mark per question (same order as `maxMarks`)
 * @param maxMarks the maximum mark of each question
 * @throws RangeError when a row has the wrong length or a mark outside [0, maxMark]
 * @example analyseItems([[1, 1], [1, 0], [0, 1], [0, 0]], [1, 1])[0].facility // → 50
 */
export function analyseItems(
  scores: readonly (readonly number[])[],
  maxMarks: readonly number[],
): ItemStatistics[] {
  scores.forEach((row, r) => {
    if (row.length !== maxMarks.length)
      throw new RangeError(`analyseItems: row ${r} has ${row.length} marks, expected ${maxMarks.length}`);
    row.forEach((mark, q) => {
      if (!(mark >= 0 && mark <= maxMarks[q] + 1e-9))
        throw new RangeError(
          `analyseItems: mark ${mark} of question ${q} in row ${r} is outside [0, ${maxMarks[q]}]`,
        );
    });
  });
  // Marks to 7 decimals (as Moodle keeps them): a question scored from fractions such as 33.33333 % + 33.33334 %
  // adds up to 1 ± 1e-16 depending on the order of the choices, and that noise would read as variance (a full-marks
  // question then showed a "negative discrimination" of −0.0).
  const marks = scores.map((row) => row.map(toSevenDecimals));
  const totals = marks.map((row) => toSevenDecimals(row.reduce((a, b) => a + b, 0)));
  return maxMarks.map((maxMark, q) => {
    const x = marks.map((row) => row[q]);
    return itemStatistics(
      x,
      totals.map((t, r) => t - x[r]),
      maxMark,
    );
  });
}

/** Why a question may be worth reviewing (see `reviewFlags`). */
export type ItemFlag =
  'very-hard' | 'very-easy' | 'negative-discrimination' | 'weak-discrimination' | 'low-efficiency';

/**
 * Thresholds for flagging questions. Sources: Moodle's statistics report marks a question as dubious when its
 * discriminative efficiency is below 15 % (`is_dubious_question` in mod/quiz/report/statistics/
 * statistics_table.php); MoodleDocs "Quiz report statistics" asks authors to look at questions that almost nobody
 * or almost everybody gets right and at questions whose discrimination index is low or negative (a negative one
 * usually means a wrong key). The facility (< 20, > 95) and discrimination (< 20) cut-offs are the rule of thumb
 * of issue 5, in that spirit; they are not Moodle defaults.
 */
export const ITEM_FLAG_THRESHOLDS = {
  veryHard: 20,
  veryEasy: 95,
  weakDiscrimination: 20,
  lowEfficiency: 15,
} as const;

/**
 * The reasons to review a question from its statistics (undefined statistics raise no flag).
 * @example reviewFlags({ n: 30, facility: 97, standardDeviation: 10, discrimination: -5, discriminativeEfficiency: -8 }) // → ['very-easy', 'negative-discrimination', 'low-efficiency']
 */
export function reviewFlags(stats: ItemStatistics): ItemFlag[] {
  const t = ITEM_FLAG_THRESHOLDS;
  const flags: ItemFlag[] = [];
  if (stats.facility !== null && stats.facility < t.veryHard) flags.push('very-hard');
  if (stats.facility !== null && stats.facility > t.veryEasy) flags.push('very-easy');
  if (stats.discrimination !== null && stats.discrimination < 0) flags.push('negative-discrimination');
  else if (stats.discrimination !== null && stats.discrimination < t.weakDiscrimination)
    flags.push('weak-discrimination');
  if (stats.discriminativeEfficiency !== null && stats.discriminativeEfficiency < t.lowEfficiency)
    flags.push('low-efficiency');
  return flags;
}
