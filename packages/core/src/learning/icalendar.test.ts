import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, formatUtc, writeCalendar } from './icalendar.ts';
import { prop, readIcal, unescapeText, utcDateTime } from './testing/ical-reader.ts';

describe('escapeText', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', 'a\\, b'],
    ['x;y', 'x\\;y'],
    ['back\\slash', 'back\\\\slash'],
    ['two\nlines', 'two\\nlines'],
    ['crlf\r\nline', 'crlf\\nline'],
  ])('%j → %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('foldLine', () => {
  it('keeps short lines whole and folds long ones at 75 octets with a leading space', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    const long = 'DESCRIPTION:' + 'x'.repeat(100);
    const parts = foldLine(long).split('\r\n');
    expect(parts.map((p) => p.length)).toEqual([75, 38]);
    expect(parts[1]!.startsWith(' ')).toBe(true);
  });

  it('never splits a multi-byte character', () => {
    const line = 'SUMMARY:' + 'é'.repeat(60); // 8 + 120 octets
    const parts = foldLine(line).split('\r\n');
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(parts.join('')).not.toContain('\uFFFD');
  });
});

describe('writeCalendar', () => {
  it('writes a calendar that an independent reader accepts', () => {
    const text = writeCalendar({
      prodId: '-//labmig//learning//EN',
      name: 'Cours, "semaine" ; ok',
      stamp: new Date('2026-03-05T09:00:00Z'),
      events: [
        {
          uid: 'a@labmig',
          start: new Date('2026-03-08T22:44:00Z'),
          end: new Date('2026-03-08T22:59:00Z'),
          summary: 'Week 1 due: Überblick, statistics; and more',
          description:
            'Line one\nLine two with a comma, and a very long tail that needs folding across lines.',
        },
      ],
    });
    const cal = readIcal(text);
    expect(cal.name).toBe('VCALENDAR');
    expect(prop(cal, 'VERSION')).toBe('2.0');
    expect(unescapeText(prop(cal, 'X-WR-CALNAME')!)).toBe('Cours, "semaine" ; ok');
    const [event] = cal.children;
    expect(event?.name).toBe('VEVENT');
    expect(utcDateTime(prop(event!, 'DTSTART'))).toBe('2026-03-08T22:44:00.000Z');
    expect(utcDateTime(prop(event!, 'DTEND'))).toBe('2026-03-08T22:59:00.000Z');
    expect(utcDateTime(prop(event!, 'DTSTAMP'))).toBe('2026-03-05T09:00:00.000Z');
    expect(unescapeText(prop(event!, 'SUMMARY')!)).toBe('Week 1 due: Überblick, statistics; and more');
    expect(unescapeText(prop(event!, 'DESCRIPTION')!)).toContain('Line one\nLine two with a comma, and');
    expect(formatUtc(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z');
  });
});
