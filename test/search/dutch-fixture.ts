/**
 * A small Dutch knowledge base written for the search tests (and the
 * benchmark's fallback corpus): inflections, accents, jargon with synonyms,
 * a phrase, a long write-up, and hostile markup in a title.
 */
export interface FixtureItem {
  key: string;
  kind: 'STORY' | 'QUESTION' | 'CASE' | 'CONCEPT' | 'TENSION' | 'NOTE' | 'GUIDELINE' | 'REFLECTION';
  title: string;
  stage?: 'SOCIALISATIE' | 'EXTERNALISATIE' | 'COMBINATIE' | 'INTERNALISATIE';
  tags?: string[];
  body: string;
}

/** Sentences for filler text: ordinary social-work prose without the words the tests look for. */
export const FILLER_SENTENCES = [
  'De buurt kent veel oudere bewoners die alleen wonen en weinig contact hebben met hun familie.',
  'We spraken af om na drie weken opnieuw bij elkaar te komen en te kijken wat er veranderd was.',
  'De huisarts had eerder al een verwijzing gegeven, maar die was nooit opgevolgd.',
  'Het gesprek begon stroef, maar na een kop koffie ontstond er meer ruimte om te vertellen.',
  'Een collega merkte op dat we vaak te snel met oplossingen komen in plaats van eerst te luisteren.',
  'De school maakte zich zorgen over het verzuim van de oudste dochter.',
  'Er waren schulden bij de woningcorporatie en de energieleverancier.',
  'We hebben samen een overzicht gemaakt van wie er allemaal betrokken was bij het gezin.',
  'Niet alles liet zich in een plan vangen; sommige afspraken ontstonden gewoon in de gang.',
  'De vrijwilliger van het buurthuis bleek de enige die wekelijks langskwam.',
  'Achteraf zagen we dat de signalen er al veel langer waren.',
  'In het team wisselden we ervaringen uit over wat wel en niet had gewerkt.',
  'Een stagiair stelde de vraag waarom we dit eigenlijk altijd zo doen.',
  'Het dossier was dik, maar het verhaal van de bewoner zelf stond er nauwelijks in.',
  'We besloten de volgende keer met een kleinere groep verder te praten.',
  'De gemeente vroeg om een korte rapportage, liefst op één pagina.',
  'Tijdens de lunch kwam het gesprek vanzelf terug op de moeilijke situatie van vorige week.',
  'Wat hielp was dat iedereen eerst zijn eigen beeld mocht schetsen zonder onderbreking.',
];

/** A long write-up: ~6,000 words, with a word that occurs only near the end. */
export function longWriteUp(): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < 40; p++) {
    const sentences = Array.from({ length: 9 }, (_, s) => FILLER_SENTENCES[(p * 7 + s * 5) % FILLER_SENTENCES.length]);
    paragraphs.push(sentences.join(' '));
  }
  paragraphs.push(
    'Pas helemaal aan het eind kwam het zeldzaamheidsonderzoek ter sprake, dat niemand eerder had genoemd.',
  );
  return paragraphs.join('\n\n');
}

export const FIXTURE: FixtureItem[] = [
  {
    key: 'intervisie',
    kind: 'CASE',
    title: 'Intervisie over een zorgmijdende bewoner',
    stage: 'EXTERNALISATIE',
    tags: ['intervisie', 'zorgmijding'],
    body: 'Tijdens de intervisie bespraken we meneer K., die al maanden elke hulp afhoudt. De wijkverpleegkundige vertelde hoe zij toch binnenkwam: door eerst over zijn duiven te praten.',
  },
  {
    key: 'clienten',
    kind: 'STORY',
    title: 'Wat cliënten ons leerden over wachten',
    stage: 'SOCIALISATIE',
    tags: ['wachtlijst'],
    body: 'Drie cliënten vertelden over de maanden op de wachtlijst. Wat hen hielp was een vast aanspreekpunt dat af en toe belde, ook als er nog niets te melden was.',
  },
  {
    key: 'wijkteam',
    kind: 'STORY',
    title: 'Huisbezoek bij een gezin met schulden',
    stage: 'SOCIALISATIE',
    tags: ['schulden'],
    body: 'Samen met het sociaal wijkteam gingen we op huisbezoek. Een ervaringsdeskundige ging mee en dat maakte het verschil: moeder voelde zich voor het eerst begrepen.',
  },
  {
    key: 'ervaring',
    kind: 'CONCEPT',
    title: 'Ervaringsdeskundigheid',
    stage: 'EXTERNALISATIE',
    tags: ['begrip'],
    body: 'Ervaringsdeskundigheid is het vermogen om eigen herstelervaring in te zetten voor anderen. Ervaringsdeskundigen werken naast professionals, niet in plaats van hen.',
  },
  {
    key: 'ggz',
    kind: 'GUIDELINE',
    title: 'Samenwerken met de geestelijke gezondheidszorg',
    stage: 'COMBINATIE',
    tags: ['samenwerking'],
    body: 'Bel bij zorgen eerst de praktijkondersteuner. Spreek af wie de regie heeft en leg vast wanneer je elkaar weer spreekt. De geestelijke gezondheidszorg sluit aan bij het overleg in de wijk.',
  },
  {
    key: 'begeleiding',
    kind: 'NOTE',
    title: 'Notities bij de begeleiding van mantelzorgers',
    stage: 'EXTERNALISATIE',
    tags: ['mantelzorg'],
    body: 'In de begeleidingsgesprekken merkten we dat mantelzorgers zelden om hulp vragen. Een vaste avond per maand bleek laagdrempeliger dan een spreekuur.',
  },
  {
    key: 'reflectie',
    kind: 'REFLECTION',
    title: 'Toepassingsreflectie op de checklist voor huisbezoeken',
    stage: 'INTERNALISATIE',
    tags: ['checklist', 'huisbezoek'],
    body: 'Wat deed je: ik gebruikte de checklist bij drie bezoeken. Wat gebeurde er: het gesprek werd rustiger. Wat zou je anders doen: de vragen minder letterlijk voorlezen.',
  },
  {
    key: 'phrase',
    kind: 'NOTE',
    title: 'Over collegiale consultatie',
    stage: 'EXTERNALISATIE',
    tags: [],
    body: 'Collegiale consultatie vraagt een veilige groep en een duidelijke vraag.',
  },
  {
    key: 'phrase-apart',
    kind: 'NOTE',
    title: 'Een consultatie bij een collega buiten het team',
    stage: 'EXTERNALISATIE',
    tags: [],
    body: 'De groep voelde pas veilig toen de vraag duidelijk was; collegiale steun kwam later pas.',
  },
  {
    key: 'title-weight',
    kind: 'NOTE',
    title: 'Zelfregie',
    stage: 'EXTERNALISATIE',
    tags: [],
    body: 'Een korte notitie over eigen kracht.',
  },
  {
    key: 'tag-weight',
    kind: 'NOTE',
    title: 'Een notitie over eigen kracht',
    stage: 'EXTERNALISATIE',
    tags: ['zelfregie'],
    body: 'Een korte notitie.',
  },
  {
    key: 'body-weight',
    kind: 'NOTE',
    title: 'Nog een notitie over eigen kracht',
    stage: 'EXTERNALISATIE',
    tags: [],
    body: 'Hier gaat het ook over zelfregie, maar pas in de tekst.',
  },
  {
    key: 'markup',
    kind: 'NOTE',
    title: '<img src=x onerror=alert(1)> & "wachtlijst"',
    stage: 'EXTERNALISATIE',
    tags: [],
    body: 'Een <b>notitie</b> over de wachtlijst & de <script>alert(2)</script> gevolgen.',
  },
  {
    key: 'long',
    kind: 'CASE',
    title: 'Uitgebreid verslag van een lange casus',
    stage: 'EXTERNALISATIE',
    tags: ['verslag'],
    body: longWriteUp(),
  },
];

/** In a community of someone else: never found by the fixture's users. */
export const OTHER_COMMUNITY_ITEM: FixtureItem = {
  key: 'other',
  kind: 'CASE',
  title: 'Intervisie in de ggz over geheimhouding',
  stage: 'EXTERNALISATIE',
  tags: ['intervisie'],
  body: 'Een vertrouwelijke casus over een cliënt met schulden en een zorgmijdende houding.',
};

/** In a NETWORK community: every signed-in user may find it. */
export const NETWORK_ITEM: FixtureItem = {
  key: 'network',
  kind: 'STORY',
  title: 'Buurtteam-aanpak bij eenzaamheid',
  stage: 'SOCIALISATIE',
  tags: ['eenzaamheid'],
  body: 'Het buurtteam organiseerde wandelingen voor bewoners die alleen wonen.',
};
