import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  isListedTimeZone,
  isValidTimeZone,
  listTimeZones,
  localDateOf,
  zonedDateTimeOf,
  zonedTimeToUtc,
  zoneOffsetMinutes,
} from './time-zone.rules.ts';

describe('zonedTimeToUtc', () => {
  // Expected instants worked out by hand from the published DST rules of each zone.
  it.each([
    ['UTC', '2026-03-02', '00:00', '2026-03-02T00:00:00.000Z'],
    ['Europe/Rome', '2026-03-23', '00:00', '2026-03-22T23:00:00.000Z'], // CET, UTC+1
    ['Europe/Rome', '2026-03-30', '00:00', '2026-03-29T22:00:00.000Z'], // CEST after 29 March 2026
    ['Europe/Rome', '2026-03-29', '23:59', '2026-03-29T21:59:00.000Z'], // the DST day itself
    ['Europe/Rome', '2020-10-26', '00:00', '2020-10-25T23:00:00.000Z'], // day after DST ended 25 Oct 2020
    ['America/New_York', '2026-03-08', '23:59', '2026-03-09T03:59:00.000Z'], // EDT from 8 March 2026
    ['Asia/Kathmandu', '2026-01-05', '00:00', '2026-01-04T18:15:00.000Z'], // UTC+5:45
    ['Pacific/Auckland', '2026-04-05', '23:59', '2026-04-05T11:59:00.000Z'], // NZST from 5 April 2026
    ['Africa/Dakar', '2026-06-01', '23:59', '2026-06-01T23:59:00.000Z'],
  ])('%s %s %s is %s', (zone, date, time, expected) => {
    expect(zonedTimeToUtc(date, time, zone).toISOString()).toBe(expected);
  });

  it('takes the earlier instant when clocks go back (01:30 happens twice in London on 25 Oct 2026)', () => {
    expect(zonedTimeToUtc('2026-10-25', '01:30', 'Europe/London').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('moves a time inside a spring-forward gap to after the gap (02:30 in Rome on 29 Mar 2026)', () => {
    expect(zonedTimeToUtc('2026-03-29', '02:30', 'Europe/Rome').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it('opens a day at 01:00 where midnight does not exist (Santiago, 6 Sep 2026)', () => {
    const t = zonedTimeToUtc('2026-09-06', '00:00', 'America/Santiago');
    expect(t.toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(localDateOf(t, 'America/Santiago')).toBe('2026-09-06');
  });

  it('rejects unknown time zones', () => {
    expect(() => zonedTimeToUtc('2026-01-01', '00:00', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('helpers', () => {
  it('computes offsets, local dates and calendar days', () => {
    expect(zoneOffsetMinutes(Date.parse('2026-07-01T00:00:00Z'), 'Europe/Rome')).toBe(120);
    expect(zoneOffsetMinutes(Date.parse('2026-01-01T00:00:00Z'), 'America/Sao_Paulo')).toBe(-180);
    expect(localDateOf(new Date('2026-03-01T23:30:00Z'), 'Europe/Rome')).toBe('2026-03-02');
    expect(addCalendarDays('2026-02-26', 7)).toBe('2026-03-05');
    expect(addCalendarDays('2026-03-29', 1)).toBe('2026-03-30');
  });
});

describe('listTimeZones', () => {
  it('lists UTC first, then current IANA names that Intl accepts, without the old ICU spellings', () => {
    const zones = listTimeZones();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).toContain('Africa/Dakar');
    expect(zones).not.toContain('Asia/Calcutta');
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones.every(isValidTimeZone)).toBe(true);
    expect(isListedTimeZone('Europe/Kyiv')).toBe(true);
    expect(isListedTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isListedTimeZone('EST5EDT')).toBe(false);
  });
});

describe('zonedDateTimeOf', () => {
  it('shows an instant as the local wall-clock time a datetime-local field holds, and goes back', () => {
    expect(zonedDateTimeOf(new Date('2026-03-01T08:30:00Z'), 'Africa/Dakar')).toBe('2026-03-01T08:30');
    // Rome is UTC+2 in July: 22:15 UTC is 00:15 on the next local day.
    expect(zonedDateTimeOf(new Date('2026-07-01T22:15:00Z'), 'Europe/Rome')).toBe('2026-07-02T00:15');
    expect(zonedTimeToUtc('2026-07-02', '00:15', 'Europe/Rome').toISOString()).toBe(
      '2026-07-01T22:15:00.000Z',
    );
  });
});
