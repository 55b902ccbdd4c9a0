import { describe, expect, it } from 'vitest';
import { parseGift } from '../assessment/gift/gift.parser.ts';
import { findAnswerCues } from './answer-cues.rules.ts';
import { findAuthoringMarkers, isGiftComment } from '../content/authoring-markers.rules.ts';
import { findUnsourcedFigures } from '../content/figure-sources.rules.ts';
import { findStraightFrenchApostrophes } from '../content/french-typography.rules.ts';
import { objectiveTagsAt } from '../content/objective-map.ts';

describe('findAuthoringMarkers', () => {
  it('finds notes meant for the authors, in English and French, one per line', () => {
    const text = [
      'A settled fact (ILO, 2018).',
      'A figure (unverified).',
      "As this course's domain brief says, …",
      'Une définition (formulation non vérifiée).',
      'TODO: add the 2024 figure',
      'In brief, the rule is simple.',
    ].join('\n');
    expect(findAuthoringMarkers(text).map((m) => m.line)).toEqual([2, 3, 4, 5]);
  });

  it('skips the lines a learner never sees', () => {
    expect(findAuthoringMarkers('// TODO tag this\n::q::Q?{T}', isGiftComment)).toEqual([]);
  });
});

describe('findUnsourcedFigures', () => {
  it('accepts a section whose figures carry a citation, a "Source:" line or a statement that they are invented', () => {
    const md = [
      '## Cited',
      'Migrants were 4.9% of the labour force (ILO, 2021).',
      '## With a source line',
      '| Year | Share |',
      '| 2019 | 4.9% |',
      'Source: ILO Global Estimates, third edition.',
      '## Invented',
      'In a fictitious country, 1,200 thousand migrants.',
      '## Worked example (illustrative)',
      'p_n = 0.6109.',
    ].join('\n');
    expect(findUnsourcedFigures(md, 1)).toEqual([]);
  });

  it('reports the first figure of a section without a source, even if another section cites one', () => {
    const md = '## A\nIntro.\nMigrants: 167.7 million.\n## B\nSee (ILO, 2024).';
    expect(findUnsourcedFigures(md, 10)).toEqual([{ line: 12, section: 'A', figure: '167.7 million' }]);
  });

  it('does not take indicator numbers, rate bases or code for figures', () => {
    const md =
      '## Rates\nSDG 10.7.1 and 8.8.1 are per 100,000 workers, × 1,000 for rates; `MST_XWAP` is a code.';
    expect(findUnsourcedFigures(md, 1)).toEqual([]);
  });
});

describe('objectiveTagsAt', () => {
  it("reads the objective tags of the question's block only, as Moodle's GIFT import does", () => {
    const gift = [
      '// [tag:objective-01-rates]',
      '::q1::Q1?{T}',
      '',
      '// [tag:objective-02-definitions] [tag:easy]',
      '// [id:Q2]',
      '::q2::Q2?{',
      '\t=a',
      '\t~b',
      '}',
    ].join('\n');
    expect(objectiveTagsAt(gift, 2)).toEqual([{ module: 1, objective: 'rates' }]);
    expect(objectiveTagsAt(gift, 6)).toEqual([{ module: 2, objective: 'definitions' }]);
  });
});

describe('findStraightFrenchApostrophes', () => {
  it('flags straight apostrophes in French strings only', () => {
    const yaml = [
      "title: The ILO's course",
      'fr:',
      "  title: Le cours de l'OIT",
      '  summary: Le cours de l’OIT',
      'weeks:',
      "  - { title: Week one, fr: { title: Semaine d'introduction } }",
    ].join('\n');
    expect(findStraightFrenchApostrophes(yaml, 'course.yaml')).toEqual([
      { line: 3, text: "l'O" },
      { line: 6, text: "d'i" },
    ]);
  });
});

describe('findAnswerCues', () => {
  it('finds a question that shows the number or word another question asks for, as a whole token', () => {
    const questions = parseGift(
      [
        '::year::In which year were the Guidelines adopted?{#2018}',
        '',
        '::cue::Under the 2018 Guidelines, who is excluded?{=diplomats ~frontier workers}',
        '',
        '::gap::What is the gap, in points?{#8.6:0.05}',
        '',
        '::no-cue::Which share is 18.6 %?{=A ~B}',
        '',
        '::city::In which city is the Observatory?{=Rabat}',
        '',
        '::options::Where is STATAFRIC?{=Tunis ~Rabat ~Bamako}',
      ].join('\n'),
    );
    expect(findAnswerCues(questions).map((c) => [c.cue.name, c.answered.name, c.answer])).toEqual([
      ['cue', 'year', '2018'],
      ['options', 'city', 'Rabat'],
    ]);
  });
});
