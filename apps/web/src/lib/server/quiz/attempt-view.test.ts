import type { AttemptDto, PresentedQuestion } from '@labmig/core/assessment';
import { describe, expect, it } from 'vitest';
import { attemptView } from './attempt-view.ts';

const q = (slot: number, extra: Partial<PresentedQuestion> = {}) =>
  ({
    slot,
    type: 'shortanswer',
    text: `Q${slot} **bold**`,
    format: 'markdown',
    html: `<p>Q${slot}</p>`,
    checked: false,
    maxMark: 1,
    ...extra,
  }) as PresentedQuestion;

const attempt = (state: AttemptDto['state']) =>
  ({
    state,
    questions: [
      q(0, { response: { text: 'a' } }),
      q(1),
      q(2, { type: 'description' }),
      // Checked in immediate mode: locked by core's flag, whatever the review holds.
      q(3, { response: { text: 'b' }, checked: true }),
    ],
  }) as unknown as AttemptDto;

describe('attemptView', () => {
  it("shows one question per page with core's HTML, and counts answers for the summary", () => {
    const view = attemptView(attempt('in-progress'), { kind: 'page', page: 4 });
    expect(view.questions).toHaveLength(1);
    expect(view.questions[0]).toMatchObject({ slot: 3, locked: true, answered: true });
    expect(view.questions[0].html).toBe('<p>Q3</p>');
    expect(view.nav).toEqual([
      { page: 1, answered: true, locked: false },
      { page: 2, answered: false, locked: false },
      { page: 3, answered: true, locked: false },
      { page: 4, answered: true, locked: true },
    ]);
    // The description is neither answered nor unanswered in the counts.
    expect(view.summary).toEqual({ answered: 2, unanswered: 1, unansweredPages: [2] });
  });

  it('shows every question on the all-questions view and none on the summary', () => {
    expect(attemptView(attempt('in-progress'), { kind: 'all' }).questions.map((x) => x.slot)).toEqual([
      0, 1, 2, 3,
    ]);
    expect(attemptView(attempt('in-progress'), { kind: 'summary' }).questions).toEqual([]);
  });

  it('locks nothing once the attempt is submitted', () => {
    expect(attemptView(attempt('submitted'), { kind: 'all' }).nav.some((n) => n.locked)).toBe(false);
  });
});
