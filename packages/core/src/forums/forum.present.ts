import type { ForumRow, GroupSummaryRow } from '@labmig/db';
import type { Course } from '../content/course.types.ts';
import type { Locale } from '../errors/error-messages.ts';
import { renderPostMarkdown } from './post-markdown.render.ts';

/** What names a forum: its kind, and the module, group or title it belongs to. */
export interface ForumNaming {
  readonly kind: ForumRow['kind'];
  /** Module forums: the module's number and title (in the page's language). */
  readonly module: { readonly id: string; readonly number: number; readonly title: string } | null;
  /** Group forums: the group. */
  readonly group: { readonly id: string; readonly name: string } | null;
  /** Forums staff added: their title. */
  readonly title: string | null;
}

/** A forum as pages show it. */
export interface ForumDto extends ForumNaming {
  readonly id: string;
  readonly groupMode: ForumRow['group_mode'];
  /** The forum's name in the page's language. */
  readonly label: string;
  /** The module's prompt or the added forum's introduction, as safe HTML; null when there is none. */
  readonly introHtml: string | null;
}

/** A person as forum pages show them. */
export interface AuthorDto {
  readonly id: string;
  readonly name: string;
}

/** The groups of a cohort by id (for naming group forums). */
export type GroupNames = ReadonlyMap<string, Pick<GroupSummaryRow, 'id' | 'name'>>;

function namingOf(forum: ForumRow, course: Course | null, groups: GroupNames, locale: Locale): ForumNaming {
  const m = forum.module_id ? course?.modules.find((x) => x.id === forum.module_id) : undefined;
  const g = forum.group_id ? groups.get(forum.group_id) : undefined;
  return {
    kind: forum.kind,
    module: forum.module_id
      ? {
          id: forum.module_id,
          number: m?.number ?? Number(forum.module_id.slice(0, 2)),
          title: (m && ((locale === 'fr' && m.fr?.title) || m.title)) || forum.module_id,
        }
      : null,
    group: g ? { id: g.id, name: g.name } : null,
    title: forum.title,
  };
}

/**
 * A forum's name in plain text, in a language.
 * @example forumLabel({ kind: 'general', module: null, group: null, title: null }, 'fr') // 'Discussion générale'
 */
export function forumLabel(forum: ForumNaming, locale: Locale): string {
  const fr = locale === 'fr';
  if (forum.title) return forum.title;
  switch (forum.kind) {
    case 'announcements':
      return fr ? 'Annonces' : 'Announcements';
    case 'general':
      return fr ? 'Discussion générale' : 'General discussion';
    case 'qa':
      return fr ? 'Questions et réponses' : 'Questions and answers';
    case 'module':
      return forum.module ? `Module ${forum.module.number} · ${forum.module.title}` : 'Module';
    case 'group':
      return `${fr ? 'Groupe' : 'Group'} ${forum.group?.name ?? ''}`.trim();
  }
}

/** Presents a forum row with what the course and the groups say about it, in `locale`. */
export function presentForum(
  forum: ForumRow,
  course: Course | null,
  groups: GroupNames,
  locale: Locale,
): ForumDto {
  const naming = namingOf(forum, course, groups, locale);
  const m = forum.module_id ? course?.modules.find((x) => x.id === forum.module_id) : undefined;
  const prompt = m?.forum ? (locale === 'fr' && m.forum.fr?.prompt) || m.forum.prompt : null;
  const intro = prompt ?? (forum.intro || null);
  return {
    ...naming,
    id: forum.id,
    groupMode: forum.group_mode,
    label: forumLabel(naming, locale),
    introHtml: intro ? renderPostMarkdown(intro) : null,
  };
}

/** A forum's name in English and French (notifications are read in either). */
export function forumLabels(
  forum: ForumRow,
  course: Course | null,
  groups: GroupNames,
): { en: string; fr: string } {
  return {
    en: forumLabel(namingOf(forum, course, groups, 'en'), 'en'),
    fr: forumLabel(namingOf(forum, course, groups, 'fr'), 'fr'),
  };
}
