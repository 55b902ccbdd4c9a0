import type { TestInfo } from '@playwright/test';
import type { ForumSeed, ForumsState } from './seed-forums.ts';
import { seedState } from './state.ts';

/** The forum world of the running Playwright project (each project has its own cohort). */
export function forumWorld(info: TestInfo): ForumSeed {
  const state = seedState().forums as unknown as ForumsState;
  return state[info.project.name === 'no-js' ? 'no-js' : 'js'];
}

/** The paths of a forum world's pages. */
export function forumPaths(w: ForumSeed) {
  const base = `/cohorts/${w.cohortId}`;
  return {
    index: `${base}/forums`,
    forum: (id: string) => `${base}/forums/${id}`,
    thread: (id: string) => `${base}/threads/${id}`,
    group: (id: string) => `${base}/groups/${id}`,
    groups: `${base}/groups`,
    search: (q: string) => `${base}/forums/search?q=${encodeURIComponent(q)}`,
  };
}
