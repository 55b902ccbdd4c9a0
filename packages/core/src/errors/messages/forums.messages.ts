import type { MessageTable } from './message-table.ts';

/** Error messages of forums and notifications. */
export const FORUMS_MESSAGES = {
  'forum.not_found': { en: 'This forum does not exist.', fr: 'Ce forum n’existe pas.' },
  'forum.thread_not_found': {
    en: 'This discussion does not exist or was removed.',
    fr: 'Cette discussion n’existe pas ou a été supprimée.',
  },
  'forum.post_not_found': {
    en: 'This post does not exist or was removed.',
    fr: 'Ce message n’existe pas ou a été supprimé.',
  },
  'forum.cannot_start': {
    en: 'You cannot start a discussion in this forum.',
    fr: 'Vous ne pouvez pas lancer de discussion dans ce forum.',
  },
  'forum.no_group': {
    en: 'This forum is organised by groups and you are not in a group yet. Ask your tutor to add you to one.',
    fr: 'Ce forum est organisé par groupes et vous n’êtes pas encore dans un groupe. Demandez à votre tuteur ou tutrice de vous y ajouter.',
  },
  'forum.locked': {
    en: 'This discussion is locked: no new replies can be posted.',
    fr: 'Cette discussion est verrouillée : il n’est plus possible d’y répondre.',
  },
  'forum.cannot_reply': {
    en: 'You cannot reply in this discussion.',
    fr: 'Vous ne pouvez pas répondre dans cette discussion.',
  },
  'forum.edit_window_closed': {
    en: 'The time for changing this post has passed (posts can be changed for a short while after posting). Post a reply instead.',
    fr: 'Le délai pour modifier ce message est passé (un message peut être modifié peu de temps après sa publication). Publiez plutôt une réponse.',
  },
  'forum.cannot_edit': {
    en: 'You cannot change this post.',
    fr: 'Vous ne pouvez pas modifier ce message.',
  },
  'forum.thread_has_replies': {
    en: 'Others have replied to this discussion, so you can no longer remove it. Ask a tutor if it must go.',
    fr: 'D’autres personnes ont répondu à cette discussion : vous ne pouvez plus la supprimer. Demandez à un tuteur ou une tutrice si elle doit disparaître.',
  },
  'forum.reason_required': {
    en: 'Say why the post is removed: its author will be told.',
    fr: 'Indiquez pourquoi le message est supprimé : son auteur ou autrice en sera informé·e.',
  },
  'forum.rate_limited': {
    en: 'You have posted several times in the last minute. Wait a minute, then post again — your text is kept below.',
    fr: 'Vous avez publié plusieurs messages au cours de la dernière minute. Attendez une minute avant de publier à nouveau — votre texte est conservé ci-dessous.',
  },
  'forum.move_same_thread': {
    en: 'The reply is already in this discussion. Give the link of another discussion of this course.',
    fr: 'La réponse est déjà dans cette discussion. Indiquez le lien d’une autre discussion de ce cours.',
  },
  'forum.move_first_post': {
    en: 'The first post opens its discussion: move the whole discussion to another forum instead.',
    fr: 'Le premier message ouvre la discussion : déplacez plutôt toute la discussion vers un autre forum.',
  },
  'forum.move_same_forum': {
    en: 'The discussion is already in this forum. Choose another forum.',
    fr: 'La discussion est déjà dans ce forum. Choisissez un autre forum.',
  },
  'forum.group_mode_not_allowed': {
    en: 'Only module and general discussion forums can be organised by groups.',
    fr: 'Seuls les forums de module et de discussion générale peuvent être organisés par groupes.',
  },
  'forum.announcements_forced': {
    en: 'Everyone receives announcements: you cannot unsubscribe from them.',
    fr: 'Tout le monde reçoit les annonces : vous ne pouvez pas vous en désabonner.',
  },
  'forum.search_too_short': {
    en: 'Type at least one word of two letters or more to search.',
    fr: 'Saisissez au moins un mot de deux lettres ou plus pour chercher.',
  },
  'forum.reply_to_unknown': {
    en: 'The post you are replying to is no longer there. Your reply can still be posted without the quote.',
    fr: 'Le message auquel vous répondez n’existe plus. Votre réponse peut être publiée sans la citation.',
  },
  'forum.files_unknown': {
    en: 'The attached files could not be found (they may have expired). Attach them again and post.',
    fr: 'Les fichiers joints sont introuvables (ils ont peut-être expiré). Joignez-les de nouveau et publiez.',
  },
  'forum.file_not_found': {
    en: 'This file does not exist, or it is not yours to see.',
    fr: 'Ce fichier n’existe pas, ou vous n’y avez pas accès.',
  },
  'notification.not_found': {
    en: 'This notification does not exist.',
    fr: 'Cette notification n’existe pas.',
  },
  'notification.unsubscribe_invalid': {
    en: 'This unsubscribe link is not valid (it may have been replaced by a newer one). Sign in to change your email settings.',
    fr: 'Ce lien de désabonnement n’est pas valide (il a peut-être été remplacé par un plus récent). Connectez-vous pour modifier vos réglages de courriel.',
  },
} as const satisfies MessageTable;
