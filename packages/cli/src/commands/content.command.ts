import path from 'node:path';
import { checkContent, importContent } from '@labmig/core/importer';
import { formatContentError } from '@labmig/core/content';
import { UsageError, type CliIo } from '../cli-io.ts';
import { cliConfig, withApp } from '../with-app.ts';

/** `labmig content import [DIR]` and `labmig content check [DIR]` (DIR defaults to CONTENT_DIR). */
export async function contentCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, dir, ...extra] = args;
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra[0]}`);
  const root = dir ? path.resolve(io.cwd, dir) : cliConfig(io).contentDir;
  if (sub === 'check') {
    const report = await checkContent(root);
    for (const e of report.errors) io.stderr.write(formatContentError(e) + '\n');
    for (const c of report.courses) {
      const bank = c.quizzes > 0 ? `, ${c.questions} questions in ${c.quizzes} assessments` : '';
      const assignments = c.assignments > 0 ? `, ${c.assignments} assignments` : '';
      io.stdout.write(`ok: ${c.slug} (${c.modules} modules, ${c.lessons} lessons${bank}${assignments})\n`);
    }
    for (const p of report.programmes) io.stdout.write(`ok: programme ${p.slug} (${p.courses} courses)\n`);
    return report.ok ? 0 : 1;
  }
  if (sub === 'import') {
    const result = await withApp(io, (app) => importContent(app, root));
    if (!result.ok) {
      for (const e of result.errors) io.stderr.write(formatContentError(e) + '\n');
      io.stderr.write(`labmig content import: ${result.errors.length} problem(s); nothing was imported.\n`);
      return 1;
    }
    for (const c of result.courses) {
      const cohorts = c.cohortsCreated > 0 ? `, ${c.cohortsCreated} cohort(s) created` : '';
      const bank = c.questionBank
        ? `; question bank: ${c.questionBank.created} new, ${c.questionBank.versioned} changed, ${c.questionBank.unchanged} unchanged, ${c.questionBank.quizzes} assessments`
        : '';
      const a = c.assignments;
      const assignments =
        a.created + a.updated + a.unchanged + a.retired > 0
          ? `; assignments: ${a.created} new, ${a.updated} changed, ${a.unchanged} unchanged, ${a.retired} retired`
          : '';
      io.stdout.write(`${c.action}: ${c.slug}${cohorts}${bank}${assignments}\n`);
    }
    for (const p of result.programmes) io.stdout.write(`${p.action}: programme ${p.slug}\n`);
    return 0;
  }
  throw new UsageError(sub ? `unknown content command: ${sub}` : 'content needs a command: import or check');
}
