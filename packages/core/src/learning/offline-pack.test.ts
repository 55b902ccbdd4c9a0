import { describe, expect, it } from 'vitest';
import { forEachDialect } from '@labmig/db/testing';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { weekOfflinePack } from './offline-pack.queries.ts';
import { setUpLearning } from './testing/learning-setup.ts';

/** Every `href="#x"` must point at an element with `id="x"` in the same document. */
function brokenAnchors(html: string): string[] {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  return [...html.matchAll(/href="#([^"]*)"/g)].map((m) => m[1]!).filter((id) => !ids.has(id));
}

forEachDialect((ctx) => {
  describe('weekOfflinePack', () => {
    it('gives one self-contained HTML document with the lessons, transcripts and glossary of the week', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      const pack = await weekOfflinePack(app, actors.learner, cohortId, 1);
      expect(pack.filename).toBe('tiny-course-week-1.html');
      const html = pack.html;
      expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
      expect(html).toContain('<style>');
      // Nothing is fetched: no scripts, stylesheets, images, frames or CSS urls.
      for (const forbidden of [/<script/i, /<link/i, /<img/i, /<iframe/i, /\bsrc=/i, /url\(/i, /@import/i])
        expect(html).not.toMatch(forbidden);
      expect(html).toContain('[A chart of rates]');
      // Both lessons of module 01-alpha, and not those of week 2.
      expect(html).toContain('id="lesson-01-alpha-01-first"');
      expect(html).toContain('id="lesson-01-alpha-02-second"');
      expect(html).toContain('World.');
      expect(html).toContain('matters.');
      expect(html).not.toContain('lesson-02-beta');
      // The lesson link inside the pack points at the other lesson in the pack.
      expect(html).toContain('href="#lesson-01-alpha-02-second"');
      // Slide transcript and glossary of the week (term of module 01 only).
      expect(html).toContain('<div class="transcript"><p><strong>Transcript</strong></p><p>Say hi.</p>');
      expect(html).toContain('<dt id="term-term-01-alpha">Term</dt>');
      expect(html).not.toContain('term-term-02-beta');
      expect(brokenAnchors(html)).toEqual([]);
    });

    it('refuses a week not yet open and a week the course does not have', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      await expect(weekOfflinePack(app, actors.learner, cohortId, 2)).rejects.toThrow(ConflictError);
      await expect(weekOfflinePack(app, actors.manager, cohortId, 2)).rejects.toMatchObject({
        code: 'learning.week_not_open',
      });
      await expect(weekOfflinePack(app, actors.learner, cohortId, 9)).rejects.toThrow(NotFoundError);
      app.clock.set('2026-03-08T23:00:00.000Z');
      expect((await weekOfflinePack(app, actors.learner, cohortId, 2, 'fr')).html).toContain(
        '<html lang="fr">',
      );
    });

    it('refuses outsiders and learners no longer active', async () => {
      const { app, cohortId, actors } = await setUpLearning(ctx);
      for (const who of [actors.outsider, actors.withdrawn, actors.waitlisted])
        await expect(weekOfflinePack(app, who, cohortId, 1)).rejects.toThrow(ForbiddenError);
    });
  });
});
