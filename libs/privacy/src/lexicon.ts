import { dictionary } from '@zxcvbn-ts/language-nl-be';
import { extraFirstNames, extraLastNames } from './name-supplement';

/**
 * The word lists the detector looks names up in: the Dutch (Belgian) name
 * dictionaries of @zxcvbn-ts/language-nl-be plus our supplement
 * (docs/decisions/privacy-own-detector.md), and the words around a name.
 */
export const FIRST_NAMES = new Set<string>([
  ...dictionary.boysFirstnames,
  ...dictionary.girlsFirstnames,
  ...extraFirstNames(),
]);
export const LAST_NAMES = new Set<string>([...dictionary.lastnames, ...extraLastNames()]);

const set = (text: string) => new Set(text.trim().split(/\s+/));

/** Lower-case particles between first name and surname ("van der", "el", "ter"). */
export const PARTICLES = set(
  `van de der den ter ten te in het 't op el al bin ben da dos das du le la di del von zu abu ibn`,
);

/** Words just before a name that say a person is meant (lower case, without the final dot). */
export const PERSON_TITLES = set(`mevrouw mevr mw mvr meneer dhr hr heer juffrouw juf meester mr dr drs ir ing prof`);

export const PERSON_ROLES = set(`
cliënt cliënte client cliente patiënt patiënte patient bewoner bewoonster leerling leerlinge jongere
moeder vader zoon dochter broer zus zusje broertje oma opa tante oom neef nicht partner echtgenoot echtgenote
vriend vriendin vriendje buurman buurvrouw collega mentor huisarts casemanager begeleider begeleidster stagiair
stagiaire kind kleinzoon kleindochter stiefvader stiefmoeder pleegmoeder pleegvader pleegkind pleegzoon pleegdochter
genaamd heet heette noemen noemde familie gezin man vrouw jongen meisje baby peuter mantelzorger wijkverpleegkundige
schoonmoeder schoonvader schoonzoon schoondochter ex-partner
`);

/** Verbs that, right after a capitalised word at the start of a sentence, say it is someone. */
export const PERSON_VERBS = set(`
is was heeft had wil wilde vertelt vertelde zegt zei komt kwam gaat ging kan kon moet moest woont woonde werkt werkte
zit zat vindt vond voelt voelde geeft gaf belt belde loopt liep huilt huilde lacht lachte reageert reageerde
schrijft schreef vraagt vroeg zag ziet weet wist krijgt kreeg heeft ontvangt ontving slaapt sliep eet at drinkt
dronk speelt speelde leeft leefde verhuist verhuisde raakt raakte durft durfde
`);

/** Capitalised words that are not persons even when a name list has them. */
export const NOT_NAMES = set(`
januari februari maart april mei juni juli augustus september oktober november december
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag pasen kerst pinksteren kerstmis ramadan suikerfeest
nederland belgië vlaanderen duitsland frankrijk europa holland friesland groningen drenthe overijssel gelderland
utrecht flevoland noord-holland zuid-holland zeeland brabant noord-brabant limburg amsterdam rotterdam den haag
eindhoven tilburg almere breda nijmegen arnhem haarlem enschede apeldoorn zwolle leiden maastricht dordrecht
zoetermeer leeuwarden deventer delft alkmaar heerlen venlo helmond hilversum amersfoort assen emmen gouda
persoon personen god heer jezus allah wmo wlz zvw avg wgbo jeugdwet participatiewet ggd ggz uwv svb cak
veilig thuis raad kinderbescherming gemeente provincie rijk team teams wijkteam intervisie casus richtlijn
bijeenkomst leernetwerk spiraal seci de het een dit dat deze die wij we zij ze hij ik jij je u hun hem haar
daarna toen nu later eerst ook maar en of want dus omdat als wanneer tijdens na voor bij in op aan met
goedemorgen hallo beste groeten mvg
er wat wie waar hoe dan zo nog al wel niet geen alle elke veel soms vaak hier daar door per ons boven dag zelf
albert-heijn action jumbo lidl aldi hema kruidvat blokker ikea
`);

/** Authors of theory that case write-ups cite: not persons to protect. */
export const THEORY_AUTHORS = set(`
nonaka takeuchi kolb schön schon argyris wenger lave polanyi senge dewey rogers maslow bowlby piaget vygotsky
bandura freud erikson kübler-ross covey kotter lewin bateson korthagen kessels simons ruijters verdonschot
boonstra homan rosenberg gordon goleman dweck kahneman tuckman belbin hersey blanchard quinn mintzberg
deming juran prochaska diclemente miller rollnick beck ellis seligman csikszentmihalyi antonovsky huber
zimmerman schein argyris wierdsma swieringa glasser minuchin satir watzlawick bronfenbrenner
`);

/** Lower-case words after which a capitalised name is a cited author, not a person ("volgens Kolb"). */
export const CITATION_CUES =
  /(?:volgens|naar|model van|theorie van|cyclus van|leercyclus van|piramide van|fasen van|stadia van|spiraal van|zoals|boek van|werk van|methode van|begrip van|aanpak van|komt van|boeken van|artikel van)\s+$/i;

/** Well-known companies whose names look like a person's. */
export const COMPANY_NAMES = new Set(['albert heijn', 'hema', 'c&a', 'douwe egberts', 'van haren', 'de gruyter']);

/** Nouns that make the next capitalised words an institution's name. */
export const INSTITUTION_NOUNS = set(`
basisschool school obs cbs rkbs pcbs sbo so vso mavo havo vwo college lyceum gymnasium
huisartsenpraktijk praktijk tandartspraktijk fysiotherapiepraktijk apotheek ziekenhuis kliniek polikliniek
verpleeghuis zorgcentrum woonzorgcentrum zorginstelling instelling zorggroep kinderdagverblijf kdv bso peuterspeelzaal
opvang crèche creche woongroep gezinshuis jeugdinstelling behandelcentrum revalidatiecentrum hospice
`);
