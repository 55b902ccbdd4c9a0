import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildUser, type DialectContext } from '@labmig/db/testing';
import { writeCourseFiles } from '../content/course.factory.ts';
import { importContent } from '../importer/content-import.commands.ts';
import { editionCohortId } from '../importer/edition-cohorts.ts';
import { createTestApp, type TestApp } from './test-app.ts';

/** The folder of the test course in a world's content root. */
const SLUG = 'tiny-course';

/**
 * A test app whose clock starts at `now`, with the test course imported from a fresh content root in the system's
 * temporary folder (named after `prefix`): the default course files with `files` over them. `prepare` puts more in
 * the root before (the practice datasets, say). The course's 2020 edition is the world's cohort (from Monday
 * 26 October 2020, Europe/Rome). @throws Error when the import fails
 */
export async function importWorldCourse(
  ctx: DialectContext,
  files: Record<string, string>,
  options: { readonly now: string; readonly prefix: string; readonly prepare?: (root: string) => void },
) {
  const app: TestApp = await createTestApp(ctx, options.now);
  const root = mkdtempSync(path.join(tmpdir(), options.prefix));
  options.prepare?.(root);
  await writeCourseFiles(path.join(root, 'courses', SLUG), files);
  const imported = await importContent(app, root);
  if (!imported.ok) throw new Error(`world import failed: ${JSON.stringify(imported.errors)}`);
  return { app, root, imported, cohortId: editionCohortId(SLUG, '2020') };
}

/** One user per name, in the order of the names. */
export function buildUsersNamed(ctx: DialectContext, names: readonly string[]) {
  return Promise.all(names.map((name) => buildUser(ctx.db, { name })));
}
