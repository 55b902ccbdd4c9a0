import { describe, expect, it } from 'vitest';
import type { Programme } from '../content/programme.types.ts';
import { diplomaAchievement, diplomaCriteria, type ProgrammeTexts } from './programme-diploma.ts';

const programme = (electivesNeeded: number, required = ['a']): Programme => ({
  slug: 'p',
  title: 'A Diploma',
  summary: 'What it is.',
  note: null,
  fr: { title: 'Un diplôme', summary: 'Ce que c’est.', note: null },
  courses: [
    ...required.map((key) => ({ key, role: 'required' as const, offered: true as const })),
    { key: 'e', role: 'elective', offered: false, title: 'Later', frTitle: null },
  ],
  electivesNeeded,
});
const texts = (title: string): ProgrammeTexts => ({
  title,
  summary: 'S',
  note: null,
  courseTitles: new Map([
    ['a', 'Course A'],
    ['b', 'Course B'],
  ]),
});

describe('diplomaCriteria', () => {
  it.each([
    [
      0,
      ['a'],
      'en',
      'Awarded when the learner holds a valid Certificate of Achievement of every required course (“Course A”).',
    ],
    [
      1,
      ['a', 'b'],
      'en',
      'Awarded when the learner holds a valid Certificate of Achievement of every required course (“Course A”, “Course B”) and of at least 1 elective course of the programme.',
    ],
    [
      2,
      [],
      'en',
      'Awarded when the learner holds a valid Certificate of Achievement of at least 2 elective courses of the programme.',
    ],
    [
      1,
      ['a'],
      'fr',
      'Délivré lorsque la personne détient un certificat de réussite valide pour chaque cours obligatoire («\u202fCourse A\u202f») et pour au moins 1\u202fcours optionnel du programme.',
    ],
    [
      3,
      [],
      'fr',
      'Délivré lorsque la personne détient un certificat de réussite valide pour au moins 3\u202fcours optionnels du programme.',
    ],
  ] as const)('%i electives, required %j, %s', (electives, required, locale, expected) => {
    expect(diplomaCriteria(programme(electives, [...required]), texts('T'), locale)).toBe(expected);
  });
});

describe('diplomaAchievement', () => {
  it('is a Diploma of its own, at the programme’s address', () => {
    expect(
      diplomaAchievement('http://127.0.0.1:3000/', programme(0), texts('Un diplôme'), 'fr'),
    ).toMatchObject({
      id: 'http://127.0.0.1:3000/programmes/p/diploma',
      kind: 'diploma',
      name: 'Un diplôme',
      description: 'S',
      inLanguage: 'fr',
    });
  });
});
