import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from './content.check.ts';
import { editDefault, writeCourseFiles } from './course.factory.ts';

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

  it('reports a content root without a courses folder', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'labmig-check-'));
    const report = await checkContent(root);
    expect(report.errors.map((e) => e.code)).toEqual(['content.file-missing']);
  });
});
