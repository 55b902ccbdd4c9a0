/** Where the marking of one submission stands. Grades are hidden from learners until `released`. */
export type MarkingState = 'not-started' | 'in-progress' | 'ready' | 'released';

/**
 * What a tutor does: `save` a grade (a first grade, a change, or a regrade of a released one), mark it `ready` for
 * release, take it back to `reopen` marking, or `release` it to the learner.
 */
export type MarkingEvent = 'save' | 'ready' | 'reopen' | 'release';

/** Why a marking step is refused. */
export type MarkingRefusal =
  'incomplete' | 'not-ready' | 'nothing-to-reopen' | 'already-released' | 'not-saved';

/** The outcome of a step: the new state, or why the step cannot be taken. */
export type MarkingStep =
  | { readonly ok: true; readonly state: MarkingState }
  | { readonly ok: false; readonly reason: MarkingRefusal };

/**
 * The marking workflow: in progress → ready → released. Any save puts the grade back in progress (a saved change
 * to a grade marked ready must be marked ready again; a saved change to a released grade starts a regrade, while the
 * learner keeps seeing the grade released before). A grade can be marked ready only when complete (every rubric
 * criterion has a level), and released only once ready.
 * @example nextMarkingState('in-progress', 'release', { complete: true }) // { ok: false, reason: 'not-ready' }
 */
export function nextMarkingState(
  state: MarkingState,
  event: MarkingEvent,
  grade: { readonly complete: boolean },
): MarkingStep {
  switch (event) {
    case 'save':
      return { ok: true, state: 'in-progress' };
    case 'ready':
      if (state === 'not-started') return { ok: false, reason: 'not-saved' };
      if (state === 'released') return { ok: false, reason: 'already-released' };
      return grade.complete ? { ok: true, state: 'ready' } : { ok: false, reason: 'incomplete' };
    case 'reopen':
      return state === 'ready'
        ? { ok: true, state: 'in-progress' }
        : { ok: false, reason: 'nothing-to-reopen' };
    case 'release':
      if (state === 'released') return { ok: false, reason: 'already-released' };
      if (state !== 'ready') return { ok: false, reason: 'not-ready' };
      return { ok: true, state: 'released' };
  }
}

/** One saved version of a grade; versions are never changed or deleted, so every regrade keeps its history. */
export interface GradeVersion {
  readonly version: number;
  readonly grade: number | null;
  /** When this version was released to the learner; null while it is not. */
  readonly releasedAt: string | null;
}

/**
 * The grade a learner sees: the latest version that was released, whatever is being marked since. Null before
 * any release.
 * @example visibleGrade([{ version: 1, grade: 55, releasedAt: '2020-12-10T09:00:00Z' }, { version: 2, grade: 62, releasedAt: null }])?.grade // 55
 */
export function visibleGrade<V extends GradeVersion>(versions: readonly V[]): V | null {
  let shown: V | null = null;
  for (const v of versions)
    if (v.releasedAt !== null && (shown === null || v.version > shown.version)) shown = v;
  return shown;
}

/**
 * Optimistic concurrency for two tutors marking the same submission: a save names the version it started from;
 * when another save came in between, it is a conflict and nothing is written.
 * @example isStaleEdit(3, 4) // true
 */
export function isStaleEdit(startedFrom: number, current: number): boolean {
  return startedFrom !== current;
}
