import { findAuthoringMarkers, isYamlComment } from './authoring-markers.rules.ts';
import { contentError, type ContentError } from './content-error.ts';
import { findUnsourcedFigures } from './figure-sources.rules.ts';
import { findStraightFrenchApostrophes } from './french-typography.rules.ts';
import { splitFrontMatter } from './front-matter.ts';

/**
 * The editorial checks of the content applied to one definition file — an assignment or a Lab exercise
 * (docs/content-format.md, "Editorial checks"): no authoring marker in what learners read (YAML comments are for
 * authors), the typographic apostrophe in French, and a source (or "fictitious") in every section of the body that
 * gives a figure. Tutor notes are for staff and are not checked here.
 */
export function checkDefinitionEditorial(file: string, text: string): ContentError[] {
  const split = splitFrontMatter(text);
  if (!split) return [];
  const yamlLine = (line: string) => isYamlComment(line);
  return [
    ...findAuthoringMarkers(split.yaml, yamlLine).map((m) =>
      contentError(
        file,
        m.line + 1,
        'content.authoring-marker',
        `authoring note shown to learners: ${m.what} ("${m.text}")`,
      ),
    ),
    ...findAuthoringMarkers(split.body).map((m) =>
      contentError(
        file,
        split.bodyLine + m.line - 1,
        'content.authoring-marker',
        `authoring note shown to learners: ${m.what} ("${m.text}")`,
      ),
    ),
    ...findStraightFrenchApostrophes(split.yaml, file).map((f) =>
      contentError(
        file,
        f.line + 1,
        'content.french-apostrophe',
        `French text uses the straight apostrophe ("${f.text}"): write ’, as the interface does`,
      ),
    ),
    ...findUnsourcedFigures(split.body, split.bodyLine).map((f) =>
      contentError(
        file,
        f.line,
        'content.unsourced-figure',
        `figure ${f.figure} in section "${f.section || '(introduction)'}" has no source in that section: cite it, e.g. "(ILO, 2021)", or say the figures are fictitious`,
      ),
    ),
  ];
}
