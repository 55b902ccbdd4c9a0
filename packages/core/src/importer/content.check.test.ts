import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from './content.check.ts';
import { editDefault, writeCourseFiles } from '../content/course.factory.ts';

let root = '';
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('checkContent', () => {
  it('passes a content root whose courses are valid and reports their size', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'labmig-check-'));
    await writeCourseFiles(path.join(root, 'courses', 'tiny-course'));
    const report = await checkContent(root);
    expect(report.errors).toEqual([]);
    expect(report.courses.map((c) => [c.slug, c.modules, c.lessons])).toEqual([['tiny-course', 2, 4]]);
  });

  it('collects the errors of every course, and rejects a slug that differs from the folder', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'labmig-check-'));
    await writeCourseFiles(
      path.join(root, 'courses', 'tiny-course'),
      editDefault('modules/01-alpha/module.yaml', 'week: 1', 'week: 0'),
    );
    await writeCourseFiles(path.join(root, 'courses', 'renamed'));
    const report = await checkContent(root);
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => [path.relative(root, e.file), e.line, e.code])).toEqual([
      ['courses/renamed/course.yaml', 1, 'content.invalid-value'],
      ['courses/tiny-course/modules/01-alpha/module.yaml', 2, 'content.week-out-of-range'],
    ]);
  });

  it('checks the question bank: counts its questions, and reports a GIFT error with file and line', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'labmig-check-'));
    const quizzes = path.join(root, 'courses', 'tiny-course', 'quizzes');
    await writeCourseFiles(path.join(root, 'courses', 'tiny-course'));
    await mkdir(quizzes);
    await writeFile(
      path.join(quizzes, 'weekly-assessments.yaml'),
      [
        'banks: [w1.gift]',
        'defaults: { timeLimitMinutes: 20, attemptsAllowed: 2, gradingMethod: highest, maxGrade: 100, passMark: 60,',
        '  shuffleQuestions: false, shuffleAnswers: false, feedbackMode: after-submission }',
        'quizzes:',
        '  - { id: w1, week: 1, title: Week 1, questions: [{ question: q1 }, { question: q2 }] }',
      ].join('\n'),
    );
    await writeFile(path.join(quizzes, 'w1.gift'), '::q1::Sky is blue.{T}\n\n::q2::Two plus two?{#4}\n');
    const good = await checkContent(root);
    expect(good.errors).toEqual([]);
    expect(good.courses.map((c) => [c.questions, c.quizzes])).toEqual([[2, 1]]);

    await writeFile(path.join(quizzes, 'w1.gift'), '::q1::Sky is blue.{T}\n\n::q2::Two plus two?{#4\n');
    const bad = await checkContent(root);
    expect(bad.ok).toBe(false);
    expect(bad.courses).toEqual([]);
    expect(bad.errors.map((e) => [path.relative(root, e.file), e.line, e.code])).toEqual([
      ['courses/tiny-course/quizzes/w1.gift', 3, 'content.question-bank'],
    ]);
  });

  it('reports a content root without a courses folder', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'labmig-check-'));
    const report = await checkContent(root);
    expect(report.errors.map((e) => e.code)).toEqual(['content.file-missing']);
  });
});
