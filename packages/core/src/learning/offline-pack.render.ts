import type { SlideDto } from './slide-deck.queries.ts';
import type { GlossaryEntryDto } from './glossary-page.queries.ts';

/** What one offline pack holds, already rendered to safe HTML fragments. */
export interface OfflinePackContent {
  readonly lang: string;
  readonly courseTitle: string;
  readonly cohortTitle: string;
  readonly week: {
    readonly number: number;
    readonly title: string;
    readonly opensOn: string;
    readonly dueOn: string;
    readonly timeZone: string;
  };
  readonly modules: readonly {
    readonly id: string;
    readonly number: number;
    readonly title: string;
    readonly overviewHtml: string;
    readonly objectives: readonly string[];
    readonly lessons: readonly {
      readonly anchor: string;
      readonly title: string;
      readonly hours: number;
      readonly html: string;
    }[];
    readonly presentation: { readonly title: string; readonly slides: readonly SlideDto[] };
    readonly readings: readonly {
      readonly title: string;
      readonly publisher: string;
      readonly year: number;
    }[];
  }[];
  readonly glossary: readonly GlossaryEntryDto[];
  readonly generatedOn: string;
}

// Minimal, inline, print-friendly; glossary tips show on hover/focus as on the lesson pages.
const CSS = `body{font:16px/1.55 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;color:#1a1a1a}
h1,h2,h3,h4{line-height:1.25}h2{border-top:2px solid #ccc;padding-top:1rem;margin-top:2rem}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .5rem}
.meta{color:#555}.transcript{border-left:3px solid #ccc;padding-left:.75rem;color:#333}
.glossary-term{position:relative}.glossary-tip{display:none}
.glossary-term:hover .glossary-tip,.glossary-term:focus-within .glossary-tip{display:block;position:absolute;z-index:1;background:#fff;border:1px solid #999;padding:.5rem;width:18rem}
.img-alt{font-style:italic}@media print{nav{display:none}}`;

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Replaces images by their alt text so the pack loads nothing from the network. */
export function stripImages(html: string): string {
  return html.replace(/<img\b[^>]*>/g, (tag) => {
    const alt = /\balt="([^"]*)"/.exec(tag)?.[1] ?? '';
    return `<span class="img-alt">[${alt || 'image'}]</span>`;
  });
}

/**
 * Moves the headings of a rendered fragment so that its highest becomes `<h{top}>`, keeping their relative levels
 * (a lesson's `##` and `###` become h4 and h5 under the lesson's h3), so the pack's outline never skips or climbs a
 * level. Levels past 6 stay at 6.
 */
export function nestHeadings(html: string, top: number): string {
  const levels = [...html.matchAll(/<h([1-6])(?=[\s>])/gi)].map((m) => Number(m[1]));
  if (levels.length === 0) return html;
  const shift = top - Math.min(...levels);
  const level = (n: string) => Math.min(6, Number(n) + shift);
  return html
    .replace(/<h([1-6])(?=[\s>])/gi, (_tag, n: string) => `<h${level(n)}`)
    .replace(/<\/h([1-6])>/gi, (_tag, n: string) => `</h${level(n)}>`);
}

/**
 * One self-contained HTML document for a week: inline CSS, no scripts, no external resources; contents, every
 * lesson, the slides with their transcripts, readings and the week's glossary.
 */
export function renderOfflinePack(c: OfflinePackContent): string {
  const w = c.week;
  const toc = c.modules
    .map(
      (m) =>
        `<li value="${m.number}"><a href="#module-${m.id}">${escapeHtml(m.title)}</a><ol>${m.lessons
          .map((l) => `<li><a href="#${l.anchor}">${escapeHtml(l.title)}</a></li>`)
          .join('')}</ol></li>`,
    )
    .join('');
  const modules = c.modules.map((m) => {
    const lessons = m.lessons
      .map(
        (l) =>
          `<article id="${l.anchor}"><h3>${escapeHtml(l.title)}</h3><p class="meta">${l.hours} h</p>${nestHeadings(stripImages(l.html), 4)}</article>`,
      )
      .join('\n');
    const slides = m.presentation.slides
      .map(
        (s) =>
          `<h4 id="${m.id}-${s.anchor}">${s.number}. ${escapeHtml(s.title)}</h4>${nestHeadings(stripImages(s.html), 5)}` +
          (s.notesHtml
            ? `<div class="transcript"><p><strong>Transcript</strong></p>${nestHeadings(stripImages(s.notesHtml), 5)}</div>`
            : ''),
      )
      .join('\n');
    const readings = m.readings
      .map((r) => `<li>${escapeHtml(r.title)}. ${escapeHtml(r.publisher)}, ${r.year}.</li>`)
      .join('');
    return (
      `<section id="module-${m.id}"><h2>Module ${m.number}: ${escapeHtml(m.title)}</h2>${nestHeadings(stripImages(m.overviewHtml), 3)}` +
      `<h3>Objectives</h3><ul>${m.objectives.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ul>\n${lessons}\n` +
      `<section><h3>Expert presentation: ${escapeHtml(m.presentation.title)}</h3>${slides}</section>` +
      `<h3>Further reading</h3><ul>${readings}</ul></section>`
    );
  });
  const glossary = c.glossary
    .map(
      (g) =>
        `<dt id="${g.anchor}">${escapeHtml(g.term)}</dt><dd>${escapeHtml(g.definition)} ` +
        `<span lang="${g.other.locale}">(${escapeHtml(g.other.term)}: ${escapeHtml(g.other.definition)})</span></dd>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${escapeHtml(c.lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Week ${w.number}: ${escapeHtml(w.title)} — ${escapeHtml(c.courseTitle)}</title>
<style>${CSS}</style></head>
<body>
<header><p class="meta">${escapeHtml(c.courseTitle)} · ${escapeHtml(c.cohortTitle)}</p>
<h1>Week ${w.number}: ${escapeHtml(w.title)}</h1>
<p class="meta">Opened ${w.opensOn}; due ${w.dueOn} (${escapeHtml(w.timeZone)}). Offline copy made ${c.generatedOn}.</p></header>
<nav aria-label="Contents"><h2>Contents</h2><ol>${toc}</ol><p><a href="#glossary">Glossary</a></p></nav>
<main>
${modules.join('\n')}
<section id="glossary"><h2>Glossary</h2><dl>${glossary}</dl></section>
</main>
</body>
</html>
`;
}
