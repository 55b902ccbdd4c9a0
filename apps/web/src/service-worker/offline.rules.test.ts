import { describe, expect, it } from 'vitest';
import { renderOfflinePage } from './offline-page.render.ts';
import {
  escapeHtml,
  formatSavedAt,
  localeOfPath,
  pageKindOf,
  showOfflineNotice,
  titleOf,
} from './offline.rules.ts';

describe('pageKindOf', () => {
  it.each([
    ['/cohorts/c1/learn/01-overview/01-why', 'lesson'],
    ['/fr/cohorts/c1/learn/01-overview/01-why', 'lesson'],
    ['/cohorts/c1/learn/01-overview/slides', 'lesson'],
    ['/cohorts/c1/learn/01-overview/01-why/', 'lesson'],
    ['/cohorts/c1/learn', 'learn'],
    ['/cohorts/c1/learn/calendar', 'learn'],
    ['/cohorts/c1/learn/01-overview', 'learn'],
    ['/fr/cohorts/c1/learn/glossary', 'learn'],
    ['/cohorts/c1/learn/week-1/offline', null],
    ['/cohorts/c1/learn/progress.csv', null],
    ['/cohorts/c1/roster', null],
    ['/cohorts/c1/assessments/q1', null],
    ['/profile', null],
    ['/fr', null],
    ['/cohorts/c1/learning/a/b', null],
  ])('%s → %s', (path, kind) => {
    expect(pageKindOf(path)).toBe(kind);
  });
});

describe('localeOfPath', () => {
  it('is French under /fr only', () => {
    expect(localeOfPath('/fr/cohorts/c1/learn')).toBe('fr');
    expect(localeOfPath('/fr')).toBe('fr');
    expect(localeOfPath('/free/x')).toBe('en');
    expect(localeOfPath('/cohorts/c1/learn')).toBe('en');
  });
});

describe('showOfflineNotice', () => {
  const page =
    '<main><p class="notice offline-notice" hidden>You are offline — this is the copy saved on {date}.</p><h1>L</h1></main>';

  it('reveals the notice as a status with the date filled in and escaped', () => {
    expect(showOfflineNotice(page, '1 May 2026 at 10:00 <x>')).toBe(
      '<main><p class="notice offline-notice" role="status">You are offline — this is the copy saved on 1 May 2026 at 10:00 &lt;x&gt;.</p><h1>L</h1></main>',
    );
  });

  it('also accepts hidden="" and leaves pages without the notice alone', () => {
    expect(showOfflineNotice('<p class="notice offline-notice" hidden="">At {date}</p>', 'noon')).toBe(
      '<p class="notice offline-notice" role="status">At noon</p>',
    );
    expect(showOfflineNotice('<p class="notice">{date}</p>', 'noon')).toBe('<p class="notice">{date}</p>');
  });
});

describe('formatSavedAt', () => {
  const at = new Date('2026-11-25T07:05:00Z');
  it('formats in the site language and the given zone', () => {
    expect(formatSavedAt(at, 'en', 'UTC')).toBe('25 November 2026 at 07:05');
    expect(formatSavedAt(at, 'fr', 'Europe/Paris')).toBe('25 novembre 2026 à 08:05');
  });
});

describe('titleOf', () => {
  it('takes the <title> without the site name and unescapes it', () => {
    expect(titleOf('<head><title>Stocks &amp; flows · Module 1 · labmig</title></head>')).toBe(
      'Stocks & flows · Module 1',
    );
    expect(titleOf('<p>no title</p>')).toBe('');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('renderOfflinePage', () => {
  it('explains in French, links back and lists the saved lessons, escaped, with no script', () => {
    const html = renderOfflinePage({
      locale: 'fr',
      href: '/fr/cohorts/c1/learn/m/l?x=1&y=2',
      saved: [{ href: '/fr/cohorts/c1/learn/m/k', title: 'Stocks <et> flux' }],
      stylesheets: ['/_app/immutable/assets/0.css'],
    });
    expect(html).toMatch(/^<!doctype html><html lang="fr">/);
    expect(html).toContain('<title>Vous êtes hors ligne</title>');
    expect(html).toContain('<link rel="stylesheet" href="/_app/immutable/assets/0.css">');
    expect(html).toContain('<a href="/fr/cohorts/c1/learn/m/l?x=1&amp;y=2">Réessayer</a>');
    expect(html).toContain('<h2>Leçons enregistrées sur cet appareil</h2>');
    expect(html).toContain('<li><a href="/fr/cohorts/c1/learn/m/k">Stocks &lt;et&gt; flux</a></li>');
    expect(html).not.toMatch(/<script/i);
  });

  it('has no saved list when nothing is saved (English)', () => {
    const html = renderOfflinePage({ locale: 'en', href: '/x', saved: [], stylesheets: [] });
    expect(html).toContain('<h1>You are offline</h1>');
    expect(html).not.toContain('<h2>');
  });
});
