import { ITEM_KINDS, type ItemKind } from './knowledge';
import { validateTemplateName, ValidationError } from './validation';

/**
 * Starting points for new items, in Markdown: headings, and under each
 * heading the prompt that shows as a placeholder in the editor. The server
 * writes the headings with empty paragraphs into the item's document; the
 * prompts are never stored as text (docs/templates.md).
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

/** A template as the API shows it: the built-in ones and a community's own. */
export interface TemplateDefinition {
  id: string;
  kind: ItemKind;
  name: string;
  description: string;
  body: string;
}

/** Built-in templates have fixed ids; a community's own have UUIDs. */
export const BUILT_IN_TEMPLATE_PREFIX = 'builtin-';

const METHODS: readonly TemplateDefinition[] = [
  {
    id: `${BUILT_IN_TEMPLATE_PREFIX}incidentmethode`,
    kind: 'CASE',
    name: 'Incidentmethode',
    description:
      'Eén concreet voorval, kort verteld; de groep vraagt door en de inbrenger kiest wat helpt. / One concrete incident, questioned by the group.',
    body: `## Het incident

Beschrijf in een paar zinnen één concreet moment: wat gebeurde er, wat deed jij?

## Mijn vraag aan de groep

Wat wil je na deze ronde beter kunnen of begrijpen?

## Informatieve vragen

Vragen van de groep om het voorval helder te krijgen, nog zonder mening.

## Wat de groep zou doen

Ieder zegt kort hoe hij of zij in deze situatie zou handelen, en waarom.

## Wat ik meeneem

Wat kies je uit, en wat ga je de volgende keer anders doen?
`,
  },
  {
    id: `${BUILT_IN_TEMPLATE_PREFIX}roddelmethode`,
    kind: 'CASE',
    name: 'Roddelmethode',
    description:
      'De inbrenger luistert zwijgend terwijl de groep hardop over de casus nadenkt. / The presenter listens while the group thinks aloud.',
    body: `## De casus

Vertel wat er speelt en welke vraag je hebt.

## Verhelderende vragen

Korte vragen om de feiten scherp te krijgen.

## De groep denkt hardop

De inbrenger zit er zwijgend bij; de anderen praten over de casus alsof hij of zij er niet is.

## Wat raakte mij

De inbrenger vertelt wat opviel, wat schuurde en wat bruikbaar is.

## Afspraken

Wat ga je doen, en wanneer vertel je hoe het ging?
`,
  },
  {
    id: `${BUILT_IN_TEMPLATE_PREFIX}probleemoplossend`,
    kind: 'QUESTION',
    name: 'Probleemoplossende methode',
    description:
      'Stap voor stap van probleem naar plan: verhelderen, oorzaken, oplossingen, kiezen. / Step by step from problem to plan.',
    body: `## Het probleem

Wat is er aan de hand, en voor wie is het een probleem?

## Oorzaken

Wat houdt het probleem in stand? Verzamel zonder te oordelen.

## Mogelijke oplossingen

Bedenk er zoveel mogelijk, ook ongewone.

## Keuze

Welke oplossing kies je, en waarom deze?

## Plan

Wat is de eerste stap, wie helpt, en wanneer kijk je terug?
`,
  },
];

const KIND_TEMPLATE_NAMES: Readonly<Partial<Record<ItemKind, { slug: string; name: string; description: string }>>> = {
  CASE: {
    slug: 'casus',
    name: 'Casus',
    description: 'Een casus inbrengen volgens de intervisiestappen. / Bring in a case along the intervisie steps.',
  },
  STORY: { slug: 'verhaal', name: 'Verhaal', description: 'Een ervaring vertellen. / Tell an experience.' },
  QUESTION: {
    slug: 'werkvraag',
    name: 'Werkvraag',
    description: 'Een vraag uit de praktijk voorleggen. / Put a practice question to the group.',
  },
  REFLECTION: {
    slug: 'toepassingsreflectie',
    name: 'Toepassingsreflectie',
    description: 'Terugkijken op het toepassen van een richtlijn. / Look back on applying a guideline.',
  },
};

/** The templates every community starts with: one per kind, then the intervisie methods. */
export const BUILT_IN_TEMPLATES: readonly TemplateDefinition[] = [
  ...(Object.keys(KIND_TEMPLATE_NAMES) as ItemKind[]).map((kind) => {
    const names = KIND_TEMPLATE_NAMES[kind]!;
    return {
      id: `${BUILT_IN_TEMPLATE_PREFIX}${names.slug}`,
      kind,
      name: names.name,
      description: names.description,
      body: TEMPLATES[kind]!,
    };
  }),
  ...METHODS,
];

export function builtInTemplate(id: string): TemplateDefinition | null {
  return BUILT_IN_TEMPLATES.find((template) => template.id === id) ?? null;
}

/** The built-in template `createItem(template: true)` uses for a kind. */
export function builtInTemplateFor(kind: ItemKind): TemplateDefinition | null {
  const slug = KIND_TEMPLATE_NAMES[kind]?.slug;
  return slug ? builtInTemplate(`${BUILT_IN_TEMPLATE_PREFIX}${slug}`) : null;
}

export const TEMPLATE_LIMITS = {
  nameMax: 80,
  descriptionMax: 500,
  bodyMaxChars: 20_000,
  headingsMax: 40,
  perCommunityMax: 100,
} as const;

export interface TemplateFields {
  kind: ItemKind;
  name: string;
  description: string;
  body: string;
}

function fail(field: string, nl: string, en: string): never {
  throw new ValidationError(field, `${nl} / ${en}`);
}

// eslint-disable-next-line no-control-regex -- matches control characters on purpose
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Checks a template a facilitator writes; returns the cleaned fields. */
export function validateTemplate(input: {
  kind?: string | null;
  name?: string | null;
  description?: string | null;
  body?: string | null;
}): TemplateFields {
  if (!input.kind || !(ITEM_KINDS as readonly string[]).includes(input.kind) || input.kind === 'GUIDELINE') {
    fail('kind', 'Kies een soort item voor dit sjabloon', 'Choose a kind of item for this template');
  }
  const name = validateTemplateName(input.name ?? '', TEMPLATE_LIMITS.nameMax);
  const description = (input.description ?? '').trim();
  if (description.length > TEMPLATE_LIMITS.descriptionMax || CONTROL_CHARS.test(description)) {
    fail(
      'description',
      `De beschrijving mag hoogstens ${TEMPLATE_LIMITS.descriptionMax} tekens hebben, zonder stuurtekens`,
      `The description may have at most ${TEMPLATE_LIMITS.descriptionMax} characters, without control characters`,
    );
  }
  const body = (input.body ?? '').replace(/\r\n?/g, '\n').trim();
  if (body.length > TEMPLATE_LIMITS.bodyMaxChars || CONTROL_CHARS.test(body)) {
    fail(
      'body',
      `Een sjabloon mag hoogstens ${TEMPLATE_LIMITS.bodyMaxChars} tekens hebben, zonder stuurtekens`,
      `A template may have at most ${TEMPLATE_LIMITS.bodyMaxChars} characters, without control characters`,
    );
  }
  const headings = body.match(/^#{1,6}[ \t]/gm)?.length ?? 0;
  if (headings === 0 || headings > TEMPLATE_LIMITS.headingsMax) {
    fail(
      'body',
      `Een sjabloon heeft 1 tot ${TEMPLATE_LIMITS.headingsMax} koppen (## Kop) met eronder de hulpvraag`,
      `A template has 1 to ${TEMPLATE_LIMITS.headingsMax} headings (## Heading) with the prompt below each`,
    );
  }
  return { kind: input.kind as ItemKind, name, description, body: `${body}\n` };
}

/** The key under which a heading's prompt is found: the editor looks up the heading above an empty paragraph. */
export function templateHeadingKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl');
}
