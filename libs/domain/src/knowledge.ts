/** Kinds of knowledge item and the SECI stages of Nonaka & Takeuchi (see docs/DOMAIN.md). */

export const ITEM_KINDS = [
  'STORY',
  'QUESTION',
  'CASE',
  'CONCEPT',
  'TENSION',
  'NOTE',
  'GUIDELINE',
  'REFLECTION',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const SECI_STAGES = ['SOCIALISATIE', 'EXTERNALISATIE', 'COMBINATIE', 'INTERNALISATIE'] as const;
export type SeciStage = (typeof SECI_STAGES)[number];

/** The stage an item starts in when its author does not choose one. */
export const DEFAULT_STAGE: Readonly<Record<ItemKind, SeciStage>> = {
  STORY: 'SOCIALISATIE',
  QUESTION: 'SOCIALISATIE',
  CASE: 'EXTERNALISATIE',
  CONCEPT: 'EXTERNALISATIE',
  TENSION: 'EXTERNALISATIE',
  NOTE: 'EXTERNALISATIE',
  GUIDELINE: 'COMBINATIE',
  REFLECTION: 'INTERNALISATIE',
};

/** Interface labels, Dutch first with English. */
export const KIND_LABELS: Readonly<Record<ItemKind, { nl: string; en: string }>> = {
  STORY: { nl: 'Verhaal', en: 'Story' },
  QUESTION: { nl: 'Werkvraag', en: 'Question' },
  CASE: { nl: 'Casus', en: 'Case' },
  CONCEPT: { nl: 'Begrip', en: 'Concept' },
  TENSION: { nl: 'Spanning', en: 'Tension' },
  NOTE: { nl: 'Notitie', en: 'Note' },
  GUIDELINE: { nl: 'Richtlijn', en: 'Guideline' },
  REFLECTION: { nl: 'Toepassingsreflectie', en: 'Practice reflection' },
};

export const STAGE_LABELS: Readonly<Record<SeciStage, { nl: string; en: string }>> = {
  SOCIALISATIE: { nl: 'Socialisatie', en: 'Socialisation' },
  EXTERNALISATIE: { nl: 'Externalisatie', en: 'Externalisation' },
  COMBINATIE: { nl: 'Combinatie', en: 'Combination' },
  INTERNALISATIE: { nl: 'Internalisatie', en: 'Internalisation' },
};

export function defaultStageFor(kind: ItemKind): SeciStage {
  return DEFAULT_STAGE[kind];
}

/**
 * A kind or stage as people write it (in a command's option, in front
 * matter): the value itself or its Dutch or English label, in any case.
 * Null when it is none of them.
 */
export function kindFromText(text: string): ItemKind | null {
  return fromText(text, ITEM_KINDS, KIND_LABELS);
}

export function stageFromText(text: string): SeciStage | null {
  return fromText(text, SECI_STAGES, STAGE_LABELS);
}

function fromText<T extends string>(
  text: string,
  values: readonly T[],
  labels: Readonly<Record<T, { nl: string; en: string }>>,
): T | null {
  const wanted = text.trim().toLowerCase();
  return (
    values.find(
      (v) =>
        v.toLowerCase() === wanted || labels[v].nl.toLowerCase() === wanted || labels[v].en.toLowerCase() === wanted,
    ) ?? null
  );
}

/**
 * "Casus: <title>", unless the title starts with that label already: a case
 * called "Casus: overbelaste mantelzorger" is not shown as "Casus: Casus: …".
 */
export function labelled(label: string, title: string): string {
  const fold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLocaleLowerCase('nl');
  const start = fold(title.trim());
  const prefix = fold(label);
  if (start.startsWith(prefix) && !/[\p{L}\p{N}]/u.test(start.charAt(prefix.length))) return title.trim();
  return `${label}: ${title.trim()}`;
}
