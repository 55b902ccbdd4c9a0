import { describe, expect, it } from 'vitest';
import { historyStep, type LastEntry } from './submission-history.rules.ts';

const saved: LastEntry = { action: 'text-saved', userId: 'ana', at: '2020-11-02T10:00:00Z' };
const at = (iso: string) => new Date(iso);

describe('historyStep', () => {
  it.each([
    ['the first entry', null, 'text-saved', 'ana', '2020-11-02T10:00:00Z', 'append'],
    ['the same person typing on', saved, 'text-saved', 'ana', '2020-11-02T10:10:00Z', 'update-last'],
    ['the same person after a break', saved, 'text-saved', 'ana', '2020-11-02T10:10:01Z', 'append'],
    ['another member typing', saved, 'text-saved', 'ben', '2020-11-02T10:01:00Z', 'append'],
    ['a file added after typing', saved, 'file-added', 'ana', '2020-11-02T10:01:00Z', 'append'],
    [
      'typing after a submission',
      { ...saved, action: 'submitted' },
      'text-saved',
      'ana',
      '2020-11-02T10:01:00Z',
      'append',
    ],
  ] as [string, LastEntry | null, LastEntry['action'], string, string, string][])(
    '%s → %s',
    (_name, last, action, user, now, step) => {
      expect(historyStep(last, action, user, at(now))).toBe(step);
    },
  );
});
