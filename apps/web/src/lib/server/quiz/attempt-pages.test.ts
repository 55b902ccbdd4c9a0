import { describe, expect, it } from 'vitest';
import { resumeView, slotsOfView, viewAfter, viewOfPosted, viewOfUrl, viewQuery } from './attempt-pages.ts';

const url = (query: string) => new URL(`http://x/cohorts/c/attempts/a${query}`);

describe('attempt pages', () => {
  it('reads the view from the URL, keeping page numbers in range', () => {
    expect(viewOfUrl(url(''), 10)).toEqual({ kind: 'page', page: 1 });
    expect(viewOfUrl(url('?page=4'), 10)).toEqual({ kind: 'page', page: 4 });
    expect(viewOfUrl(url('?page=40'), 10)).toEqual({ kind: 'page', page: 10 });
    expect(viewOfUrl(url('?page=-2'), 10)).toEqual({ kind: 'page', page: 1 });
    expect(viewOfUrl(url('?page=abc'), 10)).toEqual({ kind: 'page', page: 1 });
    expect(viewOfUrl(url('?all=1'), 10)).toEqual({ kind: 'all' });
    expect(viewOfUrl(url('?summary=1&page=3'), 10)).toEqual({ kind: 'summary' });
  });

  it('moves with the go button', () => {
    const page3 = { kind: 'page', page: 3 } as const;
    expect(viewAfter('next', page3, 10)).toEqual({ kind: 'page', page: 4 });
    expect(viewAfter('prev', page3, 10)).toEqual({ kind: 'page', page: 2 });
    expect(viewAfter('next', { kind: 'page', page: 10 }, 10)).toEqual({ kind: 'page', page: 10 });
    expect(viewAfter('prev', { kind: 'page', page: 1 }, 10)).toEqual({ kind: 'page', page: 1 });
    expect(viewAfter('7', page3, 10)).toEqual({ kind: 'page', page: 7 });
    expect(viewAfter('finish', page3, 10)).toEqual({ kind: 'summary' });
    expect(viewAfter('next', { kind: 'all' }, 10)).toEqual({ kind: 'all' });
    expect(viewAfter('', page3, 10)).toEqual(page3);
    expect(viewAfter('next', undefined, 10)).toEqual({ kind: 'page', page: 2 });
  });

  it('knows the slots of the page a form came from', () => {
    expect(slotsOfView(viewOfPosted('3', 10), 10)).toEqual([2]);
    expect(slotsOfView(viewOfPosted('all', 3), 3)).toEqual([0, 1, 2]);
    expect(slotsOfView(viewOfPosted('x', 3), 3)).toEqual([]);
    expect(slotsOfView({ kind: 'summary' }, 3)).toEqual([]);
  });

  it('writes the query of a view', () => {
    expect(viewQuery({ kind: 'page', page: 2 })).toBe('?page=2');
    expect(viewQuery({ kind: 'all' })).toBe('?all=1');
    expect(viewQuery({ kind: 'summary' })).toBe('?summary=1');
  });
});

describe('resumeView', () => {
  it('opens the page of the slot core says to resume at, or the summary when every question has an answer', () => {
    expect(resumeView(3)).toEqual({ kind: 'page', page: 4 });
    expect(resumeView(0)).toEqual({ kind: 'page', page: 1 });
    expect(resumeView(null)).toEqual({ kind: 'summary' });
  });
});
