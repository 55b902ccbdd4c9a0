import type { MessageTable } from './message-table.ts';

/** Error messages of the live support desk. */
export const SUPPORT_MESSAGES = {
  'support.question_not_found': {
    en: 'This question does not exist, or it is not yours.',
    fr: 'Cette question n’existe pas, ou ce n’est pas la vôtre.',
  },
  'support.closed': {
    en: 'This question is closed. Ask a new question if you need more help.',
    fr: 'Cette question est close. Posez une nouvelle question si vous avez encore besoin d’aide.',
  },
  'support.already_claimed': {
    en: 'Another tutor is already answering this question. Ask them to hand it over to you if needed.',
    fr: 'Un autre tuteur ou une autre tutrice répond déjà à cette question. Demandez-lui de vous la passer si nécessaire.',
  },
  'support.handover_target': {
    en: 'Choose an active tutor or manager of this cohort other than the one answering now.',
    fr: 'Choisissez un tuteur, une tutrice ou un·e responsable actif de cette session, autre que la personne qui répond déjà.',
  },
  'support.not_answered': {
    en: 'Answer the question before turning it into a forum post.',
    fr: 'Répondez à la question avant d’en faire un message du forum.',
  },
  'support.faq_exists': {
    en: 'This question is already a forum post.',
    fr: 'Cette question a déjà été publiée dans le forum.',
  },
  'support.faq_forum': {
    en: 'Choose the cohort’s Q&A forum or a general discussion forum.',
    fr: 'Choisissez le forum de questions-réponses ou un forum de discussion générale de la session.',
  },
  'support.rate_limited': {
    en: 'You have asked several questions in the last few minutes. Wait a little, then ask again — your text is kept below.',
    fr: 'Vous avez posé plusieurs questions ces dernières minutes. Patientez un peu avant d’en poser une autre — votre texte est conservé ci-dessous.',
  },
  'support.too_many_open': {
    en: 'You already have several questions waiting. Close one that is answered before asking another — your text is kept below.',
    fr: 'Vous avez déjà plusieurs questions en attente. Fermez-en une qui a reçu sa réponse avant d’en poser une autre — votre texte est conservé ci-dessous.',
  },
} as const satisfies MessageTable;
