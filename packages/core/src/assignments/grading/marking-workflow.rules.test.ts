import { describe, expect, it } from 'vitest';
import {
  isStaleEdit,
  nextMarkingState,
  visibleGrade,
  type MarkingEvent,
  type MarkingState,
} from './marking-workflow.rules.ts';

describe('nextMarkingState', () => {
  const complete = { complete: true };
  const incomplete = { complete: false };
  it.each([
    ['not-started', 'save', complete, { ok: true, state: 'in-progress' }],
    ['in-progress', 'save', incomplete, { ok: true, state: 'in-progress' }],
    ['ready', 'save', complete, { ok: true, state: 'in-progress' }],
    ['released', 'save', complete, { ok: true, state: 'in-progress' }], // a regrade
    ['in-progress', 'ready', complete, { ok: true, state: 'ready' }],
    ['in-progress', 'ready', incomplete, { ok: false, reason: 'incomplete' }],
    ['not-started', 'ready', complete, { ok: false, reason: 'not-saved' }],
    ['released', 'ready', complete, { ok: false, reason: 'already-released' }],
    ['ready', 'reopen', complete, { ok: true, state: 'in-progress' }],
    ['in-progress', 'reopen', complete, { ok: false, reason: 'nothing-to-reopen' }],
    ['released', 'reopen', complete, { ok: false, reason: 'nothing-to-reopen' }],
    ['ready', 'release', complete, { ok: true, state: 'released' }],
    ['in-progress', 'release', complete, { ok: false, reason: 'not-ready' }],
    ['not-started', 'release', complete, { ok: false, reason: 'not-ready' }],
    ['released', 'release', complete, { ok: false, reason: 'already-released' }],
  ] as [MarkingState, MarkingEvent, { complete: boolean }, unknown][])(
    '%s + %s (%o) → %o',
    (state, event, grade, next) => {
      expect(nextMarkingState(state, event, grade)).toEqual(next);
    },
  );
});

describe('visibleGrade', () => {
  it('shows nothing before the first release', () => {
    expect(visibleGrade([{ version: 1, grade: 70, releasedAt: null }])).toBeNull();
  });

  it('keeps showing the released grade while a regrade is in progress', () => {
    const versions = [
      { version: 1, grade: 55, releasedAt: '2020-12-10T09:00:00Z' },
      { version: 2, grade: 62, releasedAt: null },
    ];
    expect(visibleGrade(versions)?.grade).toBe(55);
  });

  it('shows the regrade once it is released', () => {
    const versions = [
      { version: 1, grade: 55, releasedAt: '2020-12-10T09:00:00Z' },
      { version: 2, grade: 62, releasedAt: '2020-12-12T10:00:00Z' },
    ];
    expect(visibleGrade(versions)?.grade).toBe(62);
  });
});

describe('isStaleEdit', () => {
  it('is a conflict when another save came in since the tutor opened the page', () => {
    expect(isStaleEdit(3, 4)).toBe(true);
    expect(isStaleEdit(4, 4)).toBe(false);
  });
});
