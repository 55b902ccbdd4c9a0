import { toCsv } from '../shared/csv.ts';
import type { ProgressGridDto } from './progress-grid.queries.ts';

/**
 * The progress grid as CSV (the shared writer: UTF-8 BOM, CRLF, every cell quoted as needed and defused). Columns:
 * name, email, status, lessons_done, lessons_total, hours_done, hours_total, then one column per lesson headed
 * `M01 L1 <title>` holding the UTC time it was marked done (empty when not done).
 */
export function progressGridToCsv(grid: ProgressGridDto): string {
  return toCsv(
    [
      'name',
      'email',
      'status',
      'lessons_done',
      'lessons_total',
      'hours_done',
      'hours_total',
      ...grid.items.map((i) => `${i.label} ${i.title}`),
    ],
    grid.rows.map((r) => [
      r.name,
      r.email,
      r.status,
      r.progress.lessonsDone,
      r.progress.lessonsTotal,
      r.progress.hoursDone,
      r.progress.hoursTotal,
      ...r.cells,
    ]),
  );
}
