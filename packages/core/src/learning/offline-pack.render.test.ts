import { describe, expect, it } from 'vitest';
import { nestHeadings, renderOfflinePack, type OfflinePackContent } from './offline-pack.render.ts';

/** The document's headings in order, as [level, text]. */
function outline(html: string): [number, string][] {
  return [...html.matchAll(/<h([1-6])\b[^>]*>(.*?)<\/h\1>/gs)].map((m) => [
    Number(m[1]),
    m[2]!.replace(/<[^>]+>/g, ''),
  ]);
}

const slide = (n: number, title: string, html: string, notesHtml = '') => ({
  number: n,
  anchor: `slide-${n}`,
  title,
  html,
  notesHtml,
  previousAnchor: null,
  nextAnchor: null,
});

// Week 3 holds modules 5 and 6: lesson bodies use ## and ### as the course's Markdown does.
const content: OfflinePackContent = {
  lang: 'en',
  courseTitle: 'Measuring labour migration',
  cohortTitle: 'Spring cohort',
  week: { number: 3, title: 'Sampling', opensOn: '2026-03-16', dueOn: '2026-03-22', timeZone: 'Europe/Rome' },
  modules: [5, 6].map((n) => ({
    id: `0${n}-m`,
    number: n,
    title: `Module title ${n}`,
    overviewHtml: '<p>Overview.</p><h2>Why it matters</h2><p>Text.</p>',
    objectives: ['Do it'],
    lessons: [
      {
        anchor: `lesson-0${n}-a`,
        title: `Lesson ${n}a`,
        hours: 1,
        html: '<h2 id="l-1">Part one</h2><p>x</p><h3 id="l-2">Detail</h3><p>y</p><h2>Part two</h2>',
      },
      { anchor: `lesson-0${n}-b`, title: `Lesson ${n}b`, hours: 0.5, html: '<p>No headings.</p>' },
    ],
    presentation: {
      title: 'The expert',
      slides: [slide(1, 'Opening', '<h2>Key point</h2><p>z</p>', '<p>Say hi.</p>')],
    },
    readings: [{ title: 'A book', publisher: 'ILO', year: 2021 }],
  })),
  glossary: [],
  generatedOn: '2026-03-18',
};

describe('nestHeadings', () => {
  it('moves the highest heading to the level asked for and the others with it', () => {
    expect(nestHeadings('<h2 id="a">A</h2><h3>B</h3><H2>C</H2>', 4)).toBe(
      '<h4 id="a">A</h4><h5>B</h5><h4>C</h4>',
    );
    expect(nestHeadings('<h1>A</h1><h6>B</h6>', 3)).toBe('<h3>A</h3><h6>B</h6>');
    expect(nestHeadings('<p>none</p><hr>', 4)).toBe('<p>none</p><hr>');
  });
});

describe('renderOfflinePack', () => {
  const html = renderOfflinePack(content);

  it('nests its headings: one h1, then never more than one level deeper than the heading before', () => {
    const levels = outline(html);
    expect(levels[0]).toEqual([1, 'Week 3: Sampling']);
    expect(levels.filter(([level]) => level === 1)).toHaveLength(1);
    const skips = levels.filter(([level], i) => i > 0 && level > levels[i - 1]![0] + 1);
    expect(skips).toEqual([]);
    // A lesson is an h3 under its module's h2; its own sections come below it.
    const lesson = levels.findIndex(([, text]) => text === 'Lesson 5a');
    expect(levels.slice(lesson - 3, lesson + 4)).toEqual([
      [2, 'Module 5: Module title 5'],
      [3, 'Why it matters'],
      [3, 'Objectives'],
      [3, 'Lesson 5a'],
      [4, 'Part one'],
      [5, 'Detail'],
      [4, 'Part two'],
    ]);
    expect(levels).toContainEqual([5, 'Key point']);
  });

  it('numbers the contents once: the list gives the module number, the text does not repeat it', () => {
    const toc = /<nav aria-label="Contents">(.*?)<\/nav>/s.exec(html)![1]!;
    expect(toc).toContain('<li value="5"><a href="#module-05-m">Module title 5</a>');
    expect(toc).toContain('<li value="6"><a href="#module-06-m">Module title 6</a>');
    // No item's text starts with a number of its own (which an ordered list would show as "5. 5.").
    const items = [...toc.matchAll(/<li\b[^>]*><a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!);
    expect(items).toEqual([
      'Module title 5',
      'Lesson 5a',
      'Lesson 5b',
      'Module title 6',
      'Lesson 6a',
      'Lesson 6b',
    ]);
    expect(toc).toContain('<a href="#glossary">Glossary</a>');
  });
});
