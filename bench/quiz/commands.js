// In-process companion of bench:quiz (no HTTP, no page rendering): N learners take the week-1 assessment one after
// the other through core's commands on a temp SQLite file — startAttempt, getAttempt, 10 × saveAnswers,
// submitAttempt, getAttempt. Prints JSON: per command, the mean and p99 wall time in ms and the process CPU time per
// call. One at a time, so each figure is the command's own cost, without queueing. Use it to compare changes in
// packages/db and core/assessment: `node bench/quiz/commands.js --learners 200`.
import { register } from 'tsx/esm/api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadAverage, machineInfo, percentile, round } from './report.js';

register();
const { seedBenchDatabase } = await import('./seed.js');
const { core, assessment } = await (await import('../lib/core-doors.js')).loadCoreDoors();

const { values: opt } = parseArgs({ options: { learners: { type: 'string', default: '200' } } });
const learners = Number(opt.learners);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(join(tmpdir(), 'labmig-bench-commands-'));
const databasePath = join(dir, 'bench.sqlite');
try {
  const seeded = await seedBenchDatabase({
    repoRoot,
    databasePath,
    learners,
    courseSlug: 'measuring-labour-migration',
  });
  const app = await core.openApp(
    core.loadConfig({ DATABASE_PATH: databasePath, LOG_LEVEL: 'warn' }, repoRoot),
    {
      logger: core.createLogger('warn', (line) => process.stderr.write(`${line}\n`)),
    },
  );
  /** @type {Record<string, { ms: number[], cpu: number }>} */
  const timings = {};
  const time = async (name, fn) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const value = await fn();
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const t = (timings[name] ??= { ms: [], cpu: 0 });
    t.ms.push(ms);
    t.cpu += (c.user + c.system) / 1000;
    return value;
  };
  const ref = (attemptId) => ({ cohortId: seeded.cohortId, attemptId });
  const loadBefore = loadAverage();
  const started = performance.now();
  for (let i = 0; i < learners; i++) {
    const token = seeded.cookies[i].split('=')[1];
    const { actor } = await time('resolveSession', () => core.resolveSession(app, token));
    const { attemptId } = await time('startAttempt', () =>
      assessment.startAttempt(app, actor, { cohortId: seeded.cohortId, quizId: seeded.quizId }),
    );
    const dto = await time('getAttempt', () => assessment.getAttempt(app, actor, ref(attemptId)));
    for (const q of dto.questions) {
      const answer = q.options
        ? { selected: [q.options[i % q.options.length].id] }
        : q.prompts
          ? { pairs: Object.fromEntries(q.prompts.map((p) => [p.id, q.choices[0]])) }
          : { text: '42.5' };
      await time('saveAnswers', () =>
        assessment.saveAnswers(app, actor, ref(attemptId), { [q.slot]: answer }),
      );
    }
    await time('submitAttempt', () => assessment.submitAttempt(app, actor, ref(attemptId)));
    await time('getAttempt (review)', () => assessment.getAttempt(app, actor, ref(attemptId)));
  }
  const seconds = (performance.now() - started) / 1000;
  const answers = await app.db
    .selectFrom('attempt_answers')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  await app.close();
  const commands = Object.fromEntries(
    Object.entries(timings).map(([name, t]) => {
      const sorted = [...t.ms].sort((a, b) => a - b);
      return [
        name,
        {
          calls: sorted.length,
          mean_ms: round(sorted.reduce((s, x) => s + x, 0) / sorted.length, 2),
          p99_ms: round(percentile(sorted, 99), 2),
          cpu_ms_per_call: round(t.cpu / sorted.length, 2),
        },
      ];
    }),
  );
  const result = {
    benchmark: 'bench/quiz/commands.js (in-process, one command at a time)',
    learners,
    seconds: round(seconds, 2),
    answer_rows: Number(answers.n),
    commands,
    machine: { ...machineInfo(), load_average_before: loadBefore, load_average_after: loadAverage() },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
