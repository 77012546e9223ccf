/** Texts of the shared small components: errors, loading, dialogs. */
export const uiMessages = {
  nl: {
    loading: 'Laden…',
    close: 'Sluiten',
    errors: {
      wrongPassword: 'Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw.',
      unauthenticated: 'Je bent niet (meer) ingelogd. Log opnieuw in.',
      forbidden: 'Dit mag je niet doen in dit leernetwerk.',
      notFound: 'Dit bestaat niet (meer), of je hebt er geen toegang toe.',
      network: 'Geen verbinding met de server. Controleer je internetverbinding en probeer het opnieuw.',
      internal: 'Er ging iets mis aan onze kant. Probeer het over een poosje opnieuw.',
      badInput: 'Controleer wat je hebt ingevuld.',
      rateLimitedSeconds: (seconds: number) =>
        `Te veel pogingen. Probeer het over ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'} opnieuw.`,
      rateLimitedMinutes: (minutes: number) =>
        `Te veel pogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
    },
  },
  en: {
    loading: 'Loading…',
    close: 'Close',
    errors: {
      wrongPassword: 'This e-mail address and password do not match. Check them and try again.',
      unauthenticated: 'You are not signed in (any more). Please sign in again.',
      forbidden: 'You are not allowed to do this in this community.',
      notFound: 'This does not exist (any more), or you have no access to it.',
      network: 'No connection to the server. Check your internet connection and try again.',
      internal: 'Something went wrong on our side. Please try again in a while.',
      badInput: 'Please check what you entered.',
      rateLimitedSeconds: (seconds: number) =>
        `Too many attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
      rateLimitedMinutes: (minutes: number) =>
        `Too many attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
    },
  },
};
