import type { Migration } from 'kysely';
import * as m0001 from './0001-campus-foundation.ts';
import * as m0002 from './0002-learning.ts';
import * as m0003 from './0003-assessment.ts';
import * as m0004 from './0004-hardening.ts';
import * as m0005 from './0005-platform.ts';
import * as m0006 from './0006-course-admin.ts';
import * as m0007 from './0007-forums-groups.ts';
import * as m0008 from './0008-assignments.ts';
import * as m0009 from './0009-certificates.ts';
import * as m0010 from './0010-live-support.ts';
import * as m0012 from './0012-programmes.ts';
import * as m0013 from './0013-lab.ts';
import * as m0014 from './0014-observatory.ts';
import * as m0015 from './0015-lab-exercises.ts';

/**
 * All migrations, in order. Listed statically (not read from the file system) so the web bundle and the
 * CLI run the same set. Later features (modules, progress, quizzes, forums, groups, assignments,
 * certificates, lab jobs) add files here; existing files never change.
 */
export const migrations: Record<string, Migration> = {
  '0001-campus-foundation': m0001,
  '0002-learning': m0002,
  '0003-assessment': m0003,
  '0004-hardening': m0004,
  '0005-platform': m0005,
  '0006-course-admin': m0006,
  '0007-forums-groups': m0007,
  '0008-assignments': m0008,
  '0009-certificates': m0009,
  '0010-live-support': m0010,
  '0012-programmes': m0012,
  '0013-lab': m0013,
  '0014-observatory': m0014,
  '0015-lab-exercises': m0015,
};
