import { describe, expect, it } from 'vitest';
import { checkRecurrence, dueRun } from './schedule.rules.ts';
import { retryDelayMs } from './job-retry.rules.ts';

describe('dueRun', () => {
  it.each([
    [{ everyMinutes: 1 }, '2026-03-10T09:00:42.123Z', 'UTC', '2026-03-10T09:00:00.000Z'],
    [{ everyMinutes: 15 }, '2026-03-10T09:44:59.999Z', 'UTC', '2026-03-10T09:30:00.000Z'],
    [{ everyMinutes: 60 }, '2026-03-10T09:00:00.000Z', 'UTC', '2026-03-10T09:00:00.000Z'],
    // 06:00 in Paris (UTC+1 in March before the change) is 05:00 UTC.
    [{ dailyAt: '06:00' }, '2026-03-10T05:00:00.000Z', 'Europe/Paris', 'Europe/Paris@2026-03-10'],
    [{ dailyAt: '06:00' }, '2026-03-10T04:59:59.999Z', 'Europe/Paris', undefined],
    // Late in the day the day's run is still due (once: the slot is unique).
    [{ dailyAt: '06:00' }, '2026-03-10T22:00:00.000Z', 'Europe/Paris', 'Europe/Paris@2026-03-10'],
    // 23:30 UTC on the 10th is 02:30 on the 11th in Nairobi (UTC+3): the 11th's run is not due yet.
    [{ dailyAt: '06:00' }, '2026-03-10T23:30:00.000Z', 'Africa/Nairobi', undefined],
    [{ dailyAt: '06:00' }, '2026-03-11T03:00:00.000Z', 'Africa/Nairobi', 'Africa/Nairobi@2026-03-11'],
    // America/Santiago: clocks go back at midnight on 2026-04-05 (UTC-3 → UTC-4), so 06:00 that day is 10:00 UTC.
    [{ dailyAt: '06:00' }, '2026-04-05T09:59:00.000Z', 'America/Santiago', undefined],
    [{ dailyAt: '06:00' }, '2026-04-05T10:00:00.000Z', 'America/Santiago', 'America/Santiago@2026-04-05'],
  ] as const)('%j at %s in %s is slot %s', (recurrence, now, zone, slot) => {
    expect(dueRun(recurrence, new Date(now), zone)?.slot).toBe(slot);
  });

  it('gives the UTC instant a daily run was due', () => {
    expect(dueRun({ dailyAt: '06:00' }, new Date('2026-07-01T12:00:00Z'), 'Europe/Rome')).toEqual({
      slot: 'Europe/Rome@2026-07-01',
      scheduledFor: new Date('2026-07-01T04:00:00.000Z'),
      timeZone: 'Europe/Rome',
      localDate: '2026-07-01',
    });
  });
});

describe('checkRecurrence', () => {
  it.each([
    { everyMinutes: 0 },
    { everyMinutes: 1.5 },
    { everyMinutes: 2000 },
    { dailyAt: '6:00' },
    { dailyAt: '24:00' },
  ])('refuses %j', (r) => expect(() => checkRecurrence(r)).toThrow(RangeError));
  it('accepts sensible ones', () => {
    expect(() => checkRecurrence({ everyMinutes: 1 })).not.toThrow();
    expect(() => checkRecurrence({ dailyAt: '23:59' })).not.toThrow();
  });
});

describe('retryDelayMs', () => {
  it.each([
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [12, 3_600_000],
  ])('after attempt %i waits %i ms', (attempt, ms) => {
    expect(retryDelayMs(attempt, { baseMs: 10_000, maxMs: 3_600_000 })).toBe(ms);
  });
});
