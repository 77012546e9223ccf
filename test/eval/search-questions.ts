/**
 * Questions a newcomer to a leernetwerk would type, written before looking
 * at which passages answer them. `answer` holds phrases (compared as folded
 * words, so punctuation and line breaks do not matter) of which the right
 * item contains at least one: the judgement, encoded. The texts themselves
 * are read at run time from ../shared/corpus and never copied here.
 */
export type QuestionGroup = 'plain' | 'question' | 'inflection' | 'compound' | 'typo' | 'synonym' | 'half word';

export interface Question {
  group: QuestionGroup;
  query: string;
  answer: string[];
}

const SPIRAL = ['die spiraal bestaat uit', 'vier vormen van kennisconversie'];
const FACILITATOR = ['facilitator is dienstbaar aan het proces', 'de facilitator is procesvolgend', 'de facilitator is proactief'];
const TACIT = ['onderscheid tussen verborgen tacit en expliciete', 'we know more than we can tell'];
const DEVELOPMENT_WORKPLACE = ['wat is een ontwikkelwerkplaats', 'ontwikkelwerkplaatsen zijn gebaseerd op het model'];
const RESISTANCE = ['aanvankelijk te maken met veel weerstand', 'veel weerstand weggenomen', 'eventuele weerstand bij de client'];
const DOUBLE_LOOP = ['double loop leren tegenover single loop', 'double loop leren is niet de eerste neiging'];
const CARE_GROUPS = ['met dementie niet aangeboren hersenletsel en licht verstandelijke'];
const WMO_WORKPLACES = ['wmo werkplaatsen zijn regionale samenwerkingsverbanden'];
const LEARNING_ORGANISATION = ['lerende organisatie krijgt nieuw elan', 'cultuuromslag naar een lerende organisatie'];
const SELF_MANAGEMENT = ['doorstroomvoorziening in zelfbeheer'];
const ACTION_LEARNING = ['actieleren is de term die een collectief leerproces'];
const TRANSFORMATION_LEARNING = ['onder transformatieleren verstaan'];
const BATESON = ['bateson onderscheidt zes niveaus', 'reflectieniveaus van bateson'];
const VENLO = ['wijkteamaanpak in venlo', 'wijkteambenadering in venlo'];
const WORKLOAD = ['schrappen professionals als eerste activiteiten als intervisie', 'tweede plaats door hoge werkdruk'];
const INFORMAL = ['formeel en informeel leren'];
const HOLLOW = ['lerende praktijk een lege huls', 'lerende praktijk een soort lege huls'];
const CARERS = ['samenwerking tussen professionals en mantelzorgers zodat ze elkaar', 'thuiswonende mensen met dementie en hun mantelzorgers'];

export const QUESTIONS: Question[] = [
  // Plain: the words a newcomer would use for a subject.
  { group: 'plain', query: 'kennisspiraal', answer: SPIRAL },
  { group: 'plain', query: 'impliciete kennis expliciet maken', answer: ['impliciete kennis expliciet maken is een belangrijke taak', ...TACIT] },
  { group: 'plain', query: 'lerende organisatie', answer: LEARNING_ORGANISATION },
  { group: 'plain', query: 'double loop leren', answer: DOUBLE_LOOP },
  { group: 'plain', query: 'informeel leren', answer: INFORMAL },
  { group: 'plain', query: 'wicked problems', answer: ['wicked problems genoemd', 'clustering van wicked problems'] },
  { group: 'plain', query: 'reflectieniveaus Bateson', answer: BATESON },
  { group: 'plain', query: 'wijkteam Venlo', answer: VENLO },
  { group: 'plain', query: 'ontwikkelwerkplaats community of practice', answer: DEVELOPMENT_WORKPLACE },
  { group: 'plain', query: 'werkdruk intervisie', answer: WORKLOAD },
  { group: 'plain', query: 'lerende praktijk lege huls', answer: HOLLOW },
  { group: 'plain', query: 'facilitator proces groep', answer: FACILITATOR },
  { group: 'plain', query: 'zelfbeheer thuisloos', answer: SELF_MANAGEMENT },
  { group: 'plain', query: 'mantelzorgers dementie', answer: CARERS },
  { group: 'plain', query: 'actieleren collectief leerproces', answer: ACTION_LEARNING },

  // Question-shaped: whole questions, with stop and question words.
  { group: 'question', query: 'wat is een ontwikkelwerkplaats', answer: DEVELOPMENT_WORKPLACE },
  { group: 'question', query: 'wat is een lerende praktijk', answer: ['een lerende praktijk is de sociale praktijk'] },
  { group: 'question', query: 'wat doet een facilitator', answer: FACILITATOR },
  { group: 'question', query: 'hoe ga je om met weerstand', answer: RESISTANCE },
  { group: 'question', query: 'wat is het verschil tussen impliciete en expliciete kennis', answer: [...TACIT, 'expliciete kennis is kennis in gecodeerde vorm'] },
  { group: 'question', query: 'hoe werkt de kennisspiraal van nonaka', answer: [...SPIRAL, 'nonaka en takeuchi 1995 leggen dat uit'] },
  { group: 'question', query: 'wat is actieleren', answer: ACTION_LEARNING },
  { group: 'question', query: 'wat verstaan we onder transformatieleren', answer: TRANSFORMATION_LEARNING },
  { group: 'question', query: 'waarom blijft leren je hele leven belangrijk', answer: ['levenslang relevant voor iedereen'] },
  { group: 'question', query: 'wat levert leren op voor de organisatie', answer: ['gerealiseerde opbrengsten van leerinterventies', 'opbrengsten die de inzet op het gebied van leren'] },
  { group: 'question', query: 'waarom schrappen professionals intervisie als het druk is', answer: WORKLOAD },
  { group: 'question', query: 'wat zijn de wmo werkplaatsen', answer: WMO_WORKPLACES },
  { group: 'question', query: 'hoe werken professionals en mantelzorgers samen', answer: CARERS },
  { group: 'question', query: 'wat is double loop leren', answer: DOUBLE_LOOP },
  { group: 'question', query: 'waarom wordt een lerende praktijk soms een lege huls', answer: HOLLOW },
  { group: 'question', query: 'hoe evalueer je een scholing met de opdrachtgever', answer: ['gezamenlijk evalueren van de scholing'] },
  { group: 'question', query: 'wat is het doel van een leernetwerk met onderwijs', answer: ['het doel van het leernetwerk is om onderwijs en praktijk'] },

  // Inflection: other forms than the text uses.
  { group: 'inflection', query: 'weerstanden van cliënten begrijpen', answer: ['eventuele weerstand bij de client beter te begrijpen'] },
  { group: 'inflection', query: 'lerende organisaties', answer: LEARNING_ORGANISATION },
  { group: 'inflection', query: 'ervaringsdeskundige mantelzorger', answer: ['ervaringsdeskundige mantelzorgers en vrijwilligers', 'ervaringsdeskundig mantelzorger dementie'] },
  { group: 'inflection', query: 'facilitators procesvolgend', answer: FACILITATOR },
  { group: 'inflection', query: 'gezamenlijk reflecteren ontwikkelwerkplaats', answer: ['ontwikkelwerkplaats is ruimte voor gezamenlijke reflectie'] },
  { group: 'inflection', query: 'experimenteren nieuwe leervormen gehandicaptenzorg', answer: ['hebben geexperimenteerd met nieuwe vormen van leren'] },
  { group: 'inflection', query: 'scholingen evalueren', answer: ['gezamenlijk evalueren van de scholing'] },
  { group: 'inflection', query: 'wijkteams Venlo', answer: VENLO },
  { group: 'inflection', query: 'samenwerkende disciplines en domeinen', answer: ['effectief samenwerken tussen disciplines en domeinen'] },
  { group: 'inflection', query: 'vernieuwing zorg welzijn', answer: ['noodzakelijke vernieuwingen in zorg en welzijn'] },
  { group: 'inflection', query: 'kenniswerker', answer: ['kenniswerkers te worden wat doen kenniswerkers'] },
  { group: 'inflection', query: 'gemeente ondersteuning burger', answer: ['ondersteuning aan burgers veranderen ingrijpend'] },

  // Compound: the text glues what the question separates, or the other way round.
  { group: 'compound', query: 'ontwikkeling van kennis binnen organisaties', answer: ['kennisontwikkeling binnen organisaties'] },
  { group: 'compound', query: 'wijkteam aanpak', answer: VENLO },
  { group: 'compound', query: 'kennis conversie', answer: SPIRAL },
  { group: 'compound', query: 'leerpraktijk praktijknetwerk', answer: ['leerpraktijken verbonden aan een praktijknetwerk'] },
  { group: 'compound', query: 'zelfbeheer voorzieningen', answer: ['zelfbeheervoorzieningen zorgcooperaties'] },
  { group: 'compound', query: 'intervisie ontwikkelwerkplaats', answer: ['casuistiekbespreking in de ontwikkelwerkplaats intervisieachtige'] },
  { group: 'compound', query: 'interventies leren opbrengst', answer: ['opbrengsten van leerinterventies'] },
  { group: 'compound', query: 'reflectie niveaus', answer: BATESON },
  { group: 'compound', query: 'creatie van kennis trialogisch', answer: ['kenniscreatie via trialogisch leren'] },
  { group: 'compound', query: 'werkplaats ontwikkelen', answer: DEVELOPMENT_WORKPLACE },
  { group: 'compound', query: 'wijkteambenadering', answer: VENLO },
  { group: 'compound', query: 'transformatie leren', answer: TRANSFORMATION_LEARNING },

  // Typo: what fast typing makes of it.
  { group: 'typo', query: 'kennisspiraall', answer: SPIRAL },
  { group: 'typo', query: 'wat is een ontwikkelwerkplaast', answer: DEVELOPMENT_WORKPLACE },
  { group: 'typo', query: 'facilitatr', answer: FACILITATOR },
  { group: 'typo', query: 'weerstnd cliënt', answer: ['eventuele weerstand bij de client'] },
  { group: 'typo', query: 'refelctieniveaus', answer: BATESON },
  { group: 'typo', query: 'impliciete kenis expliciet', answer: ['impliciete kennis expliciet maken is een belangrijke taak', ...TACIT] },
  { group: 'typo', query: 'mantelzorgrs dementie', answer: CARERS },
  { group: 'typo', query: 'lerende organistie', answer: LEARNING_ORGANISATION },
  { group: 'typo', query: 'actieleeren', answer: ACTION_LEARNING },
  { group: 'typo', query: 'transformatieleern', answer: TRANSFORMATION_LEARNING },
  { group: 'typo', query: 'wijkteem Venloo', answer: VENLO },
  { group: 'typo', query: 'doubel loop leren', answer: DOUBLE_LOOP },

  // Synonym or abbreviation: the newcomer's word is not the text's.
  { group: 'synonym', query: 'wet maatschappelijke ondersteuning werkplaatsen', answer: WMO_WORKPLACES },
  { group: 'synonym', query: 'tacit knowledge', answer: TACIT },
  { group: 'synonym', query: 'stilzwijgende kennis', answer: TACIT },
  { group: 'synonym', query: 'seci model', answer: SPIRAL },
  { group: 'synonym', query: 'nah', answer: CARE_GROUPS },
  { group: 'synonym', query: 'lvb dementie', answer: CARE_GROUPS },
  { group: 'synonym', query: 'collegiale consultatie schrappen', answer: WORKLOAD },
  { group: 'synonym', query: 'lerend netwerk onderwijs praktijk', answer: ['het doel van het leernetwerk is om onderwijs en praktijk'] },
  { group: 'synonym', query: 'zzp zorg', answer: ['zzp er of als maatschap'] },
  { group: 'synonym', query: 'daklozen zelfbeheer', answer: SELF_MANAGEMENT },
  { group: 'synonym', query: 'hbo zorg welzijn gemeenten', answer: WMO_WORKPLACES },
  { group: 'synonym', query: 'cop ontwikkelwerkplaats', answer: DEVELOPMENT_WORKPLACE },
  { group: 'synonym', query: 'enkelslag en dubbelslag leren', answer: [...DOUBLE_LOOP, 'enkel slag leren single loop'] },

  // Half word: the search runs while the last word is still being typed.
  { group: 'half word', query: 'kennissp', answer: SPIRAL },
  { group: 'half word', query: 'ontwikkelwerkpl', answer: DEVELOPMENT_WORKPLACE },
  { group: 'half word', query: 'transformatiel', answer: TRANSFORMATION_LEARNING },
  { group: 'half word', query: 'reflectieniv', answer: BATESON },
  { group: 'half word', query: 'wijkteamaan', answer: VENLO },
  { group: 'half word', query: 'ervaringsdeskundige mantelz', answer: ['ervaringsdeskundige mantelzorgers en vrijwilligers', 'ervaringsdeskundig mantelzorger dementie'] },
  { group: 'half word', query: 'double lo', answer: DOUBLE_LOOP },
  { group: 'half word', query: 'formeel en informeel le', answer: INFORMAL },
  { group: 'half word', query: 'cultuuromslag lerende organ', answer: LEARNING_ORGANISATION },
  { group: 'half word', query: 'zelfbeheer doorstroomvoorz', answer: SELF_MANAGEMENT },
];
