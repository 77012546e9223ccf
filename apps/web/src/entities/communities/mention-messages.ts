/** Texts of the @-suggestions (klankbord and editor). */
export const mentionMessages = {
  nl: {
    mentionHint: 'Typ @ om iemand uit dit leernetwerk te noemen; die krijgt een melding.',
    suggestions: (n: number) =>
      n === 0
        ? 'Geen leden gevonden'
        : n === 1
          ? '1 lid gevonden, kies met pijltjes en Enter'
          : `${n} leden gevonden, kies met pijltjes en Enter`,
  },
  en: {
    mentionHint: 'Type @ to mention someone from this community; they get a notification.',
    suggestions: (n: number) => (n === 0 ? 'No members found' : `${n} members found, choose with arrows and Enter`),
  },
};
