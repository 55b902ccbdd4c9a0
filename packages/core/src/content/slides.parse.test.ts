import { describe, expect, it } from 'vitest';
import { parseSlides } from './slides.parse.ts';

describe('parseSlides', () => {
  const deck = [
    '---',
    'title: Measuring migrant workers',
    'presenter: ILO Department of Statistics',
    '---',
    '# Why measure',
    '- Policy needs numbers',
    '',
    'Note: Welcome. Today we look at why',
    'labour migration statistics matter.',
    '',
    'A second note paragraph.',
    '---',
    '## Definitions',
    'Stocks and flows',
    '---',
    '',
  ].join('\n');

  it('reads the front matter', () => {
    expect(parseSlides(deck).meta).toEqual({
      title: 'Measuring migrant workers',
      presenter: 'ILO Department of Statistics',
    });
  });

  it('splits slides on --- lines, with titles, bodies and start lines', () => {
    const { slides } = parseSlides(deck);
    expect(slides.map((s) => [s.number, s.title, s.body, s.line])).toEqual([
      [1, 'Why measure', '- Policy needs numbers', 5],
      [2, 'Definitions', 'Stocks and flows', 13],
    ]);
  });

  it('takes the Note: paragraph and what follows as the speaker notes', () => {
    const { slides } = parseSlides(deck);
    expect(slides[0]!.notes).toBe(
      'Welcome. Today we look at why\nlabour migration statistics matter.\n\nA second note paragraph.',
    );
    expect(slides[1]!.notes).toBe('');
  });

  it('does not treat Note: in the middle of a paragraph as notes', () => {
    const { slides } = parseSlides('# A\nText line\nNote: still text\n');
    expect(slides[0]!.notes).toBe('');
    expect(slides[0]!.body).toBe('Text line\nNote: still text');
  });

  it('works without front matter', () => {
    const { meta, slides } = parseSlides('# Only\nOne slide');
    expect(meta).toEqual({});
    expect(slides).toHaveLength(1);
  });
});
