const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Offset of a time zone from UTC at an instant, in minutes (Europe/Rome in summer: 120). Throws RangeError
 * for an unknown time zone (from Intl).
 * @example zoneOffsetMinutes(Date.parse('2026-07-01T00:00:00Z'), 'Europe/Rome') // 120
 */
export function zoneOffsetMinutes(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instantMs)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant of a local wall-clock time (`date` YYYY-MM-DD, `time` HH:MM) in a time zone. DST-safe:
 * an ambiguous time (clocks going back) gives the earlier instant; a time that does not exist (clocks going
 * forward, e.g. midnight in America/Santiago on the first Sunday of September) gives the first instant after
 * the gap at the same distance, as clocks show it (00:00 → 01:00).
 * @example zonedTimeToUtc('2026-03-30', '00:00', 'Europe/Rome').toISOString() // '2026-03-29T22:00:00.000Z'
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const local = Date.UTC(y!, m! - 1, d!, hh!, mm!);
  const before = zoneOffsetMinutes(local - 86_400_000, timeZone);
  const after = zoneOffsetMinutes(local + 86_400_000, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => local - offset * 60_000)
    .filter((t) => zoneOffsetMinutes(t, timeZone) * 60_000 === local - t)
    .sort((a, b) => a - b);
  // No candidate: the local time falls in a gap. Shift by the offset in force before the gap.
  return new Date(candidates[0] ?? local - before * 60_000);
}

/** Adds days to a `YYYY-MM-DD` calendar date (no time zone involved). */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(instant.getTime(), timeZone);
  return new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 10);
}

/** True when Intl knows the time zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

// ICU (which Node's Intl uses) lists some zones under their old names; people look for the current IANA ones.
const CURRENT_NAMES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

let zoneList: readonly string[] | undefined;

/**
 * The IANA time zones a cohort can use, sorted, `UTC` first: the zones this runtime knows, under their current
 * names (`Asia/Kolkata`, not ICU's `Asia/Calcutta`), each one Intl accepts.
 * @example listTimeZones()[0] // 'UTC'
 */
export function listTimeZones(): readonly string[] {
  zoneList ??= [
    'UTC',
    ...[...new Set(Intl.supportedValuesOf('timeZone').map((zone) => CURRENT_NAMES[zone] ?? zone))]
      .filter((zone) => zone !== 'UTC' && isValidTimeZone(zone))
      .sort(),
  ];
  return zoneList;
}

/** True when `zone` is in the list of `listTimeZones()`. */
export function isListedTimeZone(zone: string): boolean {
  return listTimeZones().includes(zone);
}

/**
 * The local wall-clock date and time (`YYYY-MM-DDTHH:MM`, as an HTML `datetime-local` field shows it) of an instant
 * in a time zone; `zonedTimeToUtc` goes back.
 * @example zonedDateTimeOf(new Date('2026-03-01T08:30:00Z'), 'Africa/Dakar') // '2026-03-01T08:30'
 */
export function zonedDateTimeOf(instant: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(instant.getTime(), timeZone);
  return new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 16);
}
