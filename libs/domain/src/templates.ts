import type { ItemKind } from './knowledge';

/**
 * Starting points for new items, in Markdown. The server writes them into the
 * item's document, so every editor starts from the same content.
 */
export const TEMPLATES: Readonly<Partial<Record<ItemKind, string>>> = {
  CASE: `## Situatie

_Wat speelt er? Wie zijn betrokken, sinds wanneer?_

## Werkvraag

_Welke vraag wil je met de groep onderzoeken?_

## Dilemma's

_Tussen welke waarden of belangen sta je?_

## Perspectieven

_Hoe kijken de cliënt, het netwerk, collega's en jijzelf ernaar?_

## Verdiepende vragen

_Vragen van de groep, nog zonder oordeel of advies._

## Aandachtspunten

_Wat valt op? Wat mogen we niet vergeten?_

## Suggesties

_Pas nu: wat zou je kunnen proberen?_

## Afspraken

_Wie doet wat, en wanneer kijken we terug?_
`,
  STORY: `## Wat gebeurde er?

_Vertel het zoals je het beleefde._

## Wie waren erbij?

## Wat raakte je?

## Wat neem je mee?
`,
  QUESTION: `## Mijn vraag

_Formuleer de vraag zo concreet mogelijk._

## Achtergrond

_Waarom is deze vraag nu belangrijk?_

## Wat heb ik al geprobeerd?

## Wat zou me helpen?
`,
  REFLECTION: `## Wat deed je?

_Welke richtlijn of afspraak paste je toe, en hoe?_

## Wat gebeurde er?

## Wat zou je anders doen?
`,
};

export function templateFor(kind: ItemKind): string | null {
  return TEMPLATES[kind] ?? null;
}
