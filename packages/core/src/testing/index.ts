/**
 * `@labmig/core/testing` — for tests only: an App on the test database with a fixed clock and in-memory mail,
 * course files, the assessment world (a course with banks and quizzes) and the dialect loop of @labmig/db.
 */
export { forEachDialect, type DialectContext } from '@labmig/db/testing';
export { createTestApp, testConfig, type TestApp } from './test-app.ts';
export { actorByEmail, quizRefOf } from './actors.ts';
export { generateToken, hashToken } from '../accounts/token.ts';
export {
  defaultCourseFiles,
  writeCourseDir,
  writeCourseFiles,
  editDefault,
  type CourseFiles,
} from '../content/course.factory.ts';
export {
  WORLD_GIFT,
  worldYaml,
  buildAssessmentWorld,
} from '../assessment/attempt/assessment-world.testing.ts';
export { readLayout, rightAnswers, slotOf, deepStrings } from '../assessment/attempt/attempt.testing.ts';
