import { fold } from './text';

/**
 * Dutch stop words (the Snowball list PostgreSQL's `dutch` configuration
 * uses) and the question words and fillers a newcomer types around what they
 * mean ("hoe ga je om met …"). Such words neither decide a match nor weigh in
 * the rank; a query of nothing else still searches with them.
 */
const SNOWBALL = `de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of wat mijn men dit
zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden
toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen
na reeds wil kon niets uw iemand geweest andere`;
const QUESTION_WORDS = `waarom wanneer waar welke welk hoeveel hoezo waardoor waarmee waarover waarvoor jij jullie we wij mijn onze
zijn mag moeten kunnen zou zouden kun kunt ga gaat gaan doe doet is zijn wordt word het een de`;

export const STOP_WORDS: ReadonlySet<string> = new Set(fold(`${SNOWBALL} ${QUESTION_WORDS}`).split(/\s+/).filter(Boolean));

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
