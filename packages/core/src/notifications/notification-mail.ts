import type { Locale } from '../errors/error-messages.ts';
import type { MailMessage } from '../mail/mailer.ts';
import type { NotificationData } from './notification.schema.ts';

/** Links every forum mail carries: the item itself, the mail settings, and the one-click unsubscribe. */
export interface MailLinks {
  readonly settings: string;
  readonly unsubscribe: string;
}

/** One notification as a mail shows it. */
export interface MailItem {
  readonly cohortTitle: string;
  readonly data: NotificationData;
  readonly link: string;
  readonly kind: 'forum.post' | 'forum.announcement' | 'forum.post_removed';
}

/**
 * The headers of RFC 2369 and RFC 8058: mail programs show an "unsubscribe" button that POSTs to the link, which
 * works without signing in.
 */
export function unsubscribeHeaders(links: MailLinks): Record<string, string> {
  return {
    'List-Unsubscribe': `<${links.unsubscribe}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

function footer(links: MailLinks, locale: Locale, why: string): string[] {
  return locale === 'fr'
    ? [
        '',
        '—',
        why,
        `Choisir comment recevoir ces courriels\u202f: ${links.settings}`,
        `Ne plus recevoir ces courriels\u202f: ${links.unsubscribe}`,
      ]
    : [
        '',
        '—',
        why,
        `Choose how these emails arrive: ${links.settings}`,
        `Stop these emails: ${links.unsubscribe}`,
      ];
}

/** The forum's name in the mail's language. */
const forumOf = (item: MailItem, locale: Locale) => item.data.forum[locale];

/**
 * The mail for one new post (people who chose "each post"): who wrote it where, the whole text, the link.
 */
export function postMail(input: {
  readonly to: string;
  readonly name: string;
  readonly locale: Locale;
  readonly item: MailItem;
  readonly text: string;
  readonly links: MailLinks;
}): MailMessage {
  const { to, name, locale, item, text, links } = input;
  const fr = locale === 'fr';
  const d = item.data;
  const announcement = item.kind === 'forum.announcement';
  const subject = `[${item.cohortTitle}] ${announcement ? (fr ? 'Annonce\u202f: ' : 'Announcement: ') : ''}${d.threadTitle}`;
  const lead = fr
    ? `${d.author} a écrit dans «\u202f${forumOf(item, locale)}\u202f»\u202f:`
    : `${d.author} wrote in "${forumOf(item, locale)}":`;
  const why = fr
    ? `Vous recevez ce courriel car vous suivez cette discussion ou ce forum dans «\u202f${item.cohortTitle}\u202f».`
    : `You get this email because you follow this discussion or forum in "${item.cohortTitle}".`;
  return {
    to,
    kind: 'forum-post',
    locale,
    subject,
    text: [
      fr ? `Bonjour ${name},` : `Hello ${name},`,
      '',
      lead,
      '',
      text,
      '',
      fr ? `Lire et répondre\u202f: ${item.link}` : `Read and reply: ${item.link}`,
      ...footer(links, locale, why),
    ].join('\n'),
  };
}

/** The mail telling an author that a moderator removed their post, with the reason. */
export function removalMail(input: {
  readonly to: string;
  readonly name: string;
  readonly locale: Locale;
  readonly item: MailItem;
  readonly links: MailLinks;
}): MailMessage {
  const { to, name, locale, item, links } = input;
  const fr = locale === 'fr';
  const d = item.data;
  return {
    to,
    kind: 'forum-post-removed',
    locale,
    subject: fr
      ? `[${item.cohortTitle}] Votre message a été retiré`
      : `[${item.cohortTitle}] Your post was removed`,
    text: [
      fr ? `Bonjour ${name},` : `Hello ${name},`,
      '',
      fr
        ? `${d.author} a retiré votre message dans «\u202f${d.threadTitle}\u202f» (${forumOf(item, locale)}).`
        : `${d.author} removed your post in "${d.threadTitle}" (${forumOf(item, locale)}).`,
      '',
      fr ? `Motif\u202f: ${d.reason ?? ''}` : `Reason: ${d.reason ?? ''}`,
      '',
      fr ? `Votre message\u202f: «\u202f${d.excerpt}\u202f»` : `Your post: "${d.excerpt}"`,
      '',
      item.link,
      ...footer(
        links,
        locale,
        fr
          ? 'Les tuteurs et tutrices expliquent ainsi leurs décisions.'
          : 'Tutors tell you about their decisions this way.',
      ),
    ].join('\n'),
  };
}

/**
 * The daily digest: every waiting item, by cohort and discussion, oldest first, each with its link.
 * @example digestMail({ items: [a, b], … }).subject // 'Your forum digest: 2 new posts'
 */
export function digestMail(input: {
  readonly to: string;
  readonly name: string;
  readonly locale: Locale;
  readonly items: readonly MailItem[];
  readonly links: MailLinks;
}): MailMessage {
  const { to, name, locale, items, links } = input;
  const fr = locale === 'fr';
  const n = items.length;
  const subject = fr
    ? `Votre résumé des forums\u202f: ${n} ${n > 1 ? 'nouveaux messages' : 'nouveau message'}`
    : `Your forum digest: ${n} new ${n === 1 ? 'post' : 'posts'}`;
  const lines: string[] = [fr ? `Bonjour ${name},` : `Hello ${name},`, ''];
  lines.push(
    fr
      ? 'Voici ce qui a été publié depuis votre dernier résumé.'
      : 'Here is what was posted since your last digest.',
  );
  const byCohort = groupBy(items, (i) => i.cohortTitle);
  for (const [cohort, ofCohort] of byCohort) {
    lines.push('', `== ${cohort} ==`);
    for (const [, ofThread] of groupBy(ofCohort, (i) => i.data.threadId)) {
      const first = ofThread[0]!;
      lines.push('', `${first.data.threadTitle} — ${forumOf(first, locale)}`);
      for (const item of ofThread) {
        const who =
          item.kind === 'forum.announcement'
            ? `${item.data.author} (${fr ? 'annonce' : 'announcement'})`
            : item.data.author;
        lines.push(`  * ${who}${fr ? '\u202f: ' : ': '}${item.data.excerpt}`, `    ${item.link}`);
      }
    }
  }
  const why = fr
    ? 'Vous recevez ce résumé quotidien car vous suivez des forums du campus labmig.'
    : 'You get this daily digest because you follow forums on the labmig campus.';
  return {
    to,
    kind: 'forum-digest',
    locale,
    subject,
    text: [...lines, ...footer(links, locale, why)].join('\n'),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
