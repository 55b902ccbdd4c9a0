import type { Dataset } from '../dataset/dataset.types.ts';
import { readTextColumn } from '../migration/column-codes.ts';
import type { IssueList } from './mapping-issue.ts';
import type { FoundColumns } from './validate-columns.ts';
import { valueAt } from './validate-settings.ts';

/**
 * Strata with a single PSU (PSUs numbered within strata, as the engine's `nest = TRUE`): an error under the default
 * `lonelyPsu: fail` (the engine refuses such a design, as R does), a warning under another rule. Without a PSU column
 * every person is a PSU.
 */
export function checkSinglePsuStrata(
  ds: Dataset,
  found: FoundColumns,
  draft: unknown,
  list: IssueList,
): void {
  const strata = found.get('design.strata');
  if (!strata || list.hasError('design.strata') || list.hasError('design.psu')) return;
  const psu = found.get('design.psu');
  const s = readTextColumn(ds, strata, 'design.strata');
  const p = psu ? readTextColumn(ds, psu, 'design.psu') : null;
  const firstPsu = new Int32Array(s.levels.length).fill(-1);
  const several = new Uint8Array(s.levels.length);
  const rows = new Float64Array(s.levels.length);
  for (let i = 0; i < ds.nrows; i++) {
    const h = s.codes[i];
    if (h < 0) continue;
    rows[h]++;
    const unit = p ? p.codes[i] : i;
    if (firstPsu[h] < 0) firstPsu[h] = unit;
    else if (firstPsu[h] !== unit) several[h] = 1;
  }
  const lonely = s.levels.map((_, h) => h).filter((h) => rows[h] > 0 && !several[h]);
  if (lonely.length === 0) return;
  const rule = valueAt(draft, 'design.lonelyPsu') ?? 'fail';
  list.add({
    code: 'single_psu_stratum',
    severity: rule === 'fail' ? 'error' : 'warning',
    field: 'design.strata',
    column: strata,
    count: lonely.length,
    examples: lonely.map((h) => ({ value: s.levels[h], count: rows[h] })),
    params: { lonelyPsu: String(rule) },
  });
}
