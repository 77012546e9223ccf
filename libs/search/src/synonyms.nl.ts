/**
 * Dutch care and social-work jargon that means the same thing. Each line is
 * one group; a search for any expression in a group also finds the others.
 * Inflections need no entry (the engines stem), and accents are folded.
 * This is the one list both engines use; extend it here.
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['wijkteam', 'sociaal wijkteam', 'buurtteam'],
  ['ggz', 'geestelijke gezondheidszorg'],
  ['ervaringsdeskundige', 'ervaringsdeskundigheid', 'ervaringswerker'],
  ['intervisie', 'collegiale consultatie'],
  ['cliënt', 'zorgvrager', 'hulpvrager'],
  ['mantelzorger', 'mantelzorg'],
  ['wmo', 'wet maatschappelijke ondersteuning'],
  ['jeugdhulp', 'jeugdzorg'],
  ['lvb', 'licht verstandelijke beperking'],
  ['nah', 'niet-aangeboren hersenletsel'],
  ['pgb', 'persoonsgebonden budget'],
  ['poh-ggz', 'praktijkondersteuner ggz'],
  ['huisbezoek', 'thuisbezoek'],
  ['leernetwerk', 'lerend netwerk', 'praktijknetwerk', 'community of practice'],
  ['richtlijn', 'handreiking'],
  ['casus', 'casuïstiek'],
  ['methodiek', 'werkwijze'],
  ['zorgmijder', 'zorgmijding'],
  ['dagbesteding', 'dagactiviteiten'],
  ['beschermd wonen', 'begeleid wonen'],
  ['jgz', 'jeugdgezondheidszorg'],
  ['wlz', 'wet langdurige zorg'],
  ['zvw', 'zorgverzekeringswet'],
  ['vvt', 'verpleging verzorging en thuiszorg'],
  ['impliciete kennis', 'tacit knowledge', 'tacit kennis', 'stilzwijgende kennis', 'verborgen kennis'],
  ['seci', 'kennisspiraal'],
  ['cop', 'community of practice', 'leergemeenschap'],
  ['hbo', 'hogeschool'],
  ['zzp', 'zzper', 'zelfstandige zonder personeel'],
  ['dakloos', 'dakloze', 'daklozen', 'thuisloos'],
  ['double loop', 'dubbelslag', 'dubbelslagleren'],
  ['single loop', 'enkelslag', 'enkelslagleren'],
];
