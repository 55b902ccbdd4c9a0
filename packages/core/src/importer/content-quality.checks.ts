import path from 'node:path';
import type { PreparedQuestionBank } from '../assessment/bank/bank-import.commands.ts';
import { findAnswerCues } from './answer-cues.rules.ts';
import { findAuthoringMarkers, isGiftComment, isYamlComment } from '../content/authoring-markers.rules.ts';
import { contentError, type ContentError } from '../content/content-error.ts';
import { readTextIfExists } from '../content/content-files.ts';
import type { Course } from '../content/course.types.ts';
import { findUnsourcedFigures } from '../content/figure-sources.rules.ts';
import { findStraightFrenchApostrophes } from '../content/french-typography.rules.ts';
import { splitFrontMatter } from '../content/front-matter.ts';
import {
  checkObjectiveCoverage,
  type ModuleObjectives,
  type TaggableQuestion,
} from './objective-coverage.checks.ts';
import { readLessonObjectives, readObjectives } from '../content/objective-map.ts';
import { parseYamlSource } from '../content/yaml-source.ts';

/**
 * The editorial checks of a course that already loads (docs/content-format.md, "Editorial checks"):
 * - no authoring marker in any learner-facing text (course page, modules, lessons, slides, glossary, questions);
 * - French text uses the typographic apostrophe ’, like the interface;
 * - every lesson section with a figure carries a source;
 * - no question shows the typed answer of another question of the same week's bank;
 * - once the course maps its objectives (any objective has an id): every objective has an id, is taught by a
 *   lesson section and tested by a question, every question is tagged with an objective of its own module, and
 *   every reading has a URL.
 * Runs after the structural checks; `bank` is the course's checked question bank (null without one).
 */
export async function checkContentQuality(
  courseDir: string,
  course: Course,
  bank: PreparedQuestionBank | null,
): Promise<ContentError[]> {
  const errors: ContentError[] = [];
  const read = async (rel: string) => {
    const file = path.join(courseDir, rel);
    return { file, text: ((await readTextIfExists(file)) ?? '').replace(/\r\n?/g, '\n') };
  };
  const french = (file: string, text: string) => {
    for (const f of findStraightFrenchApostrophes(text, file))
      errors.push(
        contentError(
          file,
          f.line,
          'content.french-apostrophe',
          `French text uses the straight apostrophe ("${f.text}"): write ’, as the interface does`,
        ),
      );
  };
  const markers = (file: string, text: string, skip?: (line: string) => boolean) => {
    for (const m of findAuthoringMarkers(text, skip))
      errors.push(
        contentError(
          file,
          m.line,
          'content.authoring-marker',
          `authoring note shown to learners: ${m.what} ("${m.text}")`,
        ),
      );
  };

  const courseYaml = await read('course.yaml');
  markers(courseYaml.file, courseYaml.text, isYamlComment);
  french(courseYaml.file, courseYaml.text);
  const modules: ModuleObjectives[] = [];
  for (const m of course.modules) {
    const dir = `modules/${m.id}`;
    const moduleYaml = await read(`${dir}/module.yaml`);
    markers(moduleYaml.file, moduleYaml.text, isYamlComment);
    french(moduleYaml.file, moduleYaml.text);
    const glossary = await read(`${dir}/glossary.yaml`);
    markers(glossary.file, glossary.text, isYamlComment);
    french(glossary.file, glossary.text);
    const slides = await read(`${dir}/${m.presentation.file}`);
    markers(slides.file, slides.text);
    const lessons: ModuleObjectives['lessons'][number][] = [];
    for (const l of m.lessons) {
      const lesson = await read(`${dir}/lessons/${l.id}.md`);
      markers(lesson.file, lesson.text);
      const split = splitFrontMatter(lesson.text);
      if (split)
        for (const f of findUnsourcedFigures(split.body, split.bodyLine))
          errors.push(
            contentError(
              lesson.file,
              f.line,
              'content.unsourced-figure',
              `figure ${f.figure} in section "${f.section || '(introduction)'}" has no source in that section: cite it, e.g. "(ILO, 2021)", or say the figures are fictitious`,
            ),
          );
      lessons.push({ file: lesson.file, ...readLessonObjectives(lesson.text, lesson.file) });
    }
    modules.push({
      id: m.id,
      number: m.number,
      file: moduleYaml.file,
      objectives: readObjectives(moduleYaml.text, moduleYaml.file),
      lessons,
    });
    const parsed = parseYamlSource(moduleYaml.text, moduleYaml.file);
    m.readings.forEach((r, i) => {
      if (!r.url && parsed.ok)
        errors.push(
          contentError(
            moduleYaml.file,
            parsed.source.lineOf(['readings', i]),
            'content.reading-url',
            `reading "${r.title}" has no url: give the address where a learner can open it`,
          ),
        );
    });
  }

  const questions: TaggableQuestion[] = [];
  if (bank) {
    const definitions = await read('quizzes/weekly-assessments.yaml');
    markers(definitions.file, definitions.text, isYamlComment);
    const sources = new Map<string, { file: string; text: string }>();
    for (const rel of bank.definitions.banks) {
      const gift = await read(path.join('quizzes', rel));
      sources.set(path.basename(rel), gift);
      markers(gift.file, gift.text, isGiftComment);
    }
    for (const { id, question } of bank.questions) {
      const gift = sources.get(bank.sourceOf.get(id) ?? '');
      if (gift) questions.push({ question, file: gift.file, source: gift.text });
    }
    for (const file of new Set(questions.map((q) => q.file))) {
      const inFile = questions.filter((q) => q.file === file).map((q) => q.question);
      for (const c of findAnswerCues(inFile))
        errors.push(
          contentError(
            file,
            c.cue.line,
            'content.question-cue',
            `question "${c.cue.name}" shows "${c.answer}", the answer of "${c.answered.name}" in the same bank: reword one of them`,
          ),
        );
    }
  }

  const mapped = modules.some((m) => m.objectives.some((o) => o.id !== null));
  if (!mapped) return errors.filter((e) => e.code !== 'content.reading-url');
  return [...errors, ...checkObjectiveCoverage(modules, questions)];
}
