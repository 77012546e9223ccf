import type { ItemKind, Perspective, Role } from '@spiraal/domain';

/** The demo leernetwerk: people and items, written for Spiraal (fictional). */
export const DEMO_PASSWORD = 'spiraal-demo-2026';

export const DEMO_COMMUNITY = {
  name: 'Leernetwerk Wijkzorg Oost (demo)',
  description: 'Wijkverpleging, sociaal werk en ervaringsdeskundigen leren samen van casussen uit de wijk.',
  visibility: 'PRIVATE' as const,
};

export const DEMO_PEOPLE: { email: string; displayName: string; role: Role; perspective: Perspective }[] = [
  {
    email: 'facilitator@demo.spiraal.nl',
    displayName: 'Fatima el Amrani',
    role: 'FACILITATOR',
    perspective: 'PROFESSIONAL',
  },
  {
    email: 'wijkverpleegkundige@demo.spiraal.nl',
    displayName: 'Joost Verhoeven',
    role: 'MEMBER',
    perspective: 'PROFESSIONAL',
  },
  {
    email: 'ervaringsdeskundige@demo.spiraal.nl',
    displayName: 'Marleen de Boer',
    role: 'MEMBER',
    perspective: 'ERVARINGSDESKUNDIGE',
  },
  { email: 'lezer@demo.spiraal.nl', displayName: 'Sanne Kuipers', role: 'READER', perspective: 'STUDENT' },
];

export interface DemoItem {
  author: string;
  kind: ItemKind;
  title: string;
  tags: string[];
  body: string;
  /** A guideline: made from these items (by title) with "uitwerken tot richtlijn", then tried out. */
  sources?: string[];
  /** A practice reflection on this guideline (by title), recorded with "uitproberen in de praktijk". */
  applies?: string;
}

export const DEMO_ITEMS: DemoItem[] = [
  {
    author: 'wijkverpleegkundige@demo.spiraal.nl',
    kind: 'STORY',
    title: 'De koffie die niet gedronken werd',
    tags: ['eenzaamheid', 'huisbezoek'],
    body: `Bij mijn derde bezoek aan meneer Bakker stond er voor het eerst koffie klaar. Hij dronk die zelf niet op: hij wilde vooral dat ik bleef zitten.

Pas toen ik mijn tas weer dichtdeed, begon hij over zijn overleden vrouw.`,
  },
  {
    author: 'ervaringsdeskundige@demo.spiraal.nl',
    kind: 'QUESTION',
    title: 'Hoe vraag je door zonder te oordelen?',
    tags: ['gespreksvoering', 'oordeel'],
    body: `In gesprekken merk ik dat ik snel met oplossingen kom. **Welke vragen** helpen om eerst de situatie te begrijpen?`,
  },
  {
    author: 'wijkverpleegkundige@demo.spiraal.nl',
    kind: 'CASE',
    title: 'Casus: mevrouw Jansen wil geen thuiszorg',
    tags: ['zorgmijding', 'wijkteam', 'autonomie'],
    body: `# Situatie

Mevrouw Jansen (84) woont alleen. De buren maken zich zorgen omdat ze vaak verward over straat loopt. Zij zegt dat ze het prima redt.

# Werkvraag

Hoe respecteren we haar eigen regie en zorgen we tegelijk voor haar veiligheid?

# Dilemma's

- Autonomie tegenover veiligheid
- Signalen van buren serieus nemen zonder haar te passeren

# Perspectieven

- **Wijkverpleegkundige:** ziet achteruitgang in zelfzorg
- **Buurvrouw:** wil helpen maar niet "verraden"
- **Mevrouw Jansen:** wil thuis blijven wonen

# Verdiepende vragen

1. Wat is voor haar een goede dag?
2. Wie vertrouwt ze wel?

# Aandachtspunten

Neem de tijd; een tweede of derde gesprek zegt vaak meer dan het eerste.

# Suggesties

Begin bij wat zij zelf belangrijk vindt, bijvoorbeeld haar tuin.

# Afspraken

Joost gaat volgende week samen met de buurvrouw op bezoek.`,
  },
  {
    author: 'facilitator@demo.spiraal.nl',
    kind: 'CONCEPT',
    title: 'Presentie',
    tags: ['presentie', 'houding'],
    body: `Presentie is een manier van werken waarin je **aanwezig bent** voor de ander, zonder meteen te willen oplossen. Je sluit aan bij wat er voor iemand op het spel staat.`,
  },
  {
    author: 'ervaringsdeskundige@demo.spiraal.nl',
    kind: 'TENSION',
    title: 'Snel handelen of eerst vertrouwen opbouwen?',
    tags: ['autonomie', 'tijdsdruk'],
    body: `De organisatie vraagt om snelle indicaties, terwijl bewoners pas na een paar gesprekken vertellen wat er echt speelt.`,
  },
  {
    author: 'wijkverpleegkundige@demo.spiraal.nl',
    kind: 'NOTE',
    title: 'Notitie intervisie 12 maart',
    tags: ['intervisie'],
    body: `- Drie casussen besproken over zorgmijding
- Patroon: eerste contact via een vertrouwd persoon werkt beter
- Volgende keer: ervaringen met de buurtkamer`,
  },
  {
    author: 'facilitator@demo.spiraal.nl',
    kind: 'GUIDELINE',
    title: 'Richtlijn: contact leggen bij zorgmijding',
    tags: ['zorgmijding', 'richtlijn'],
    sources: [
      'De koffie die niet gedronken werd',
      'Casus: mevrouw Jansen wil geen thuiszorg',
      'Notitie intervisie 12 maart',
    ],
    body: `# Richtlijn contact leggen bij zorgmijding

Gebaseerd op de casussen en intervisies van dit leernetwerk.

1. Zoek eerst een vertrouwd persoon in het netwerk van de bewoner.
2. Plan minstens drie korte bezoeken voordat je een plan voorstelt.
3. Begin bij wat de bewoner zelf belangrijk vindt.
4. Bespreek twijfel over veiligheid altijd in de intervisie.`,
  },
  {
    author: 'ervaringsdeskundige@demo.spiraal.nl',
    kind: 'REFLECTION',
    title: 'Toepassingsreflectie: drie bezoeken bij meneer Smit',
    tags: ['zorgmijding', 'toepassing'],
    applies: 'Richtlijn: contact leggen bij zorgmijding',
    body: `# Wat deed je?

Ik ben drie keer langsgegaan zonder iets voor te stellen.

# Wat gebeurde er?

Bij het derde bezoek vroeg hij zelf om hulp bij zijn administratie.

# Wat zou je anders doen?

Eerder de buurman betrekken; die bleek de sleutel te zijn.`,
  },
  {
    author: 'facilitator@demo.spiraal.nl',
    kind: 'NOTE',
    title: 'Weerstand in het team bij de nieuwe werkwijze',
    tags: ['verandering', 'team'],
    body: `Sinds we wijkgericht werken, hoor ik in het team vooral bezwaren: "dat deden we toch al" en "waar halen we de tijd vandaan".

Wat hielp: de twijfels serieus nemen, één casus samen uitproberen en na een maand terugkijken. De weerstand werd kleiner toen collega's zelf zagen wat het opleverde.`,
  },
  {
    author: 'wijkverpleegkundige@demo.spiraal.nl',
    kind: 'NOTE',
    title: 'Afspraken voor het overleg met het hele team',
    tags: ['overleg', 'team'],
    body: `Elke dinsdag overleggen we een uur met het team. Eerst de casussen waar iemand vastloopt, dan de signalen uit de wijk. Wie een casus inbrengt, schrijft vooraf de werkvraag op.`,
  },
  {
    author: 'ervaringsdeskundige@demo.spiraal.nl',
    kind: 'STORY',
    title: 'Samen met de geestelijke gezondheidszorg naar een bewoner',
    tags: ['samenwerking', 'psychische problemen'],
    body: `Een bewoner met psychische klachten wilde niemand binnenlaten. Met de behandelaar uit de geestelijke gezondheidszorg gingen we samen langs, en ik vertelde over mijn eigen herstel. Toen ging de deur open.`,
  },
];
