import { csvField } from '../shared/csv.ts';
import type { ProgressGridDto } from './progress-grid.queries.ts';

/**
 * The progress grid as CSV (RFC 4180: CRLF line ends, quoted fields where needed, UTF-8 text). Columns: name, email,
 * status, lessons_done, lessons_total, hours_done, hours_total, then one column per lesson headed
 * `M01 L1 <title>` holding the UTC time it was marked done (empty when not done). Every field is defused against
 * spreadsheet formulas (a leading `=`, `+`, `-`, `@`, tab or CR gets an apostrophe).
 */
export function progressGridToCsv(grid: ProgressGridDto): string {
  const header = [
    'name',
    'email',
    'status',
    'lessons_done',
    'lessons_total',
    'hours_done',
    'hours_total',
    ...grid.items.map((i) => `${i.label} ${i.title}`),
  ];
  const lines = [header.map(csvField).join(',')];
  for (const r of grid.rows)
    lines.push(
      [
        r.name,
        r.email,
        r.status,
        String(r.progress.lessonsDone),
        String(r.progress.lessonsTotal),
        String(r.progress.hoursDone),
        String(r.progress.hoursTotal),
        ...r.cells.map((c) => c ?? ''),
      ]
        .map(csvField)
        .join(','),
    );
  return lines.join('\r\n') + '\r\n';
}
