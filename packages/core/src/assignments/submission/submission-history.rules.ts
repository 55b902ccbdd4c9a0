/** What someone did to a submission (the history every member of a group sees). */
export type HistoryAction =
  'text-saved' | 'file-added' | 'file-removed' | 'submitted' | 'withdrawn' | 'attempt-started';

/** The last entry of a submission's history, as the rule needs it. */
export interface LastEntry {
  readonly action: HistoryAction;
  readonly userId: string;
  readonly at: string;
}

/** How long a run of text saves by the same person counts as one change in the history. */
export const TEXT_SAVE_WINDOW_MS = 10 * 60_000;

/**
 * Whether a new history entry is written, or the last one is brought up to date. Autosave stores the text every few
 * seconds while someone types; the history shows one "changed the text" per person per stretch of work (the same
 * person, text saves at most ten minutes apart), so other members can still read who changed what.
 * @example historyStep({ action: 'text-saved', userId: 'u1', at: '2020-11-02T10:00:00Z' }, 'text-saved', 'u1', new Date('2020-11-02T10:04:00Z')) // 'update-last'
 */
export function historyStep(
  last: LastEntry | null,
  action: HistoryAction,
  userId: string,
  now: Date,
): 'append' | 'update-last' {
  if (last === null || action !== 'text-saved' || last.action !== 'text-saved' || last.userId !== userId)
    return 'append';
  return now.getTime() - Date.parse(last.at) <= TEXT_SAVE_WINDOW_MS ? 'update-last' : 'append';
}
