import type { ItemKind } from './knowledge';

/**
 * Starting points for new items, in Markdown. The server writes them into the
 * item's document, so every editor starts from the same content.
 */
export const TEMPLATES: Readonly<Partial<Record<ItemKind, string>>> = {
  CASE: `## Situatie

Wat speelt er? Wie zijn betrokken, sinds wanneer?

## Werkvraag

Welke vraag wil je met de groep onderzoeken?

## Dilemma's

Tussen welke waarden of belangen sta je?

## Perspectieven

Hoe kijken de cliënt, het netwerk, collega's en jijzelf ernaar?

## Verdiepende vragen

Vragen van de groep, nog zonder oordeel of advies.

## Aandachtspunten

Wat valt op? Wat mogen we niet vergeten?

## Suggesties

Pas nu: wat zou je kunnen proberen?

## Afspraken

Wie doet wat, en wanneer kijken we terug?
`,
  STORY: `## Wat gebeurde er?

Vertel het zoals je het beleefde.

## Wie waren erbij?

## Wat raakte je?

## Wat neem je mee?
`,
  QUESTION: `## Mijn vraag

Formuleer de vraag zo concreet mogelijk.

## Achtergrond

Waarom is deze vraag nu belangrijk?

## Wat heb ik al geprobeerd?

## Wat zou me helpen?
`,
  REFLECTION: `## Wat deed je?

Welke richtlijn of afspraak paste je toe, en hoe?

## Wat gebeurde er?

## Wat zou je anders doen?
`,
};

export function templateFor(kind: ItemKind): string | null {
  return TEMPLATES[kind] ?? null;
}
