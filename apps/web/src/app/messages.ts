/** Texts of the app shell: header, skip link, start page, not found. */
export const appMessages = {
  nl: {
    skipLink: 'Naar de inhoud',
    home: 'Spiraal, naar de startpagina',
    language: 'Taal',
    signedInAs: (name: string) => `Ingelogd als ${name}`,
    signOut: 'Uitloggen',
    menu: 'Menu',
    darkMode: 'Donkere modus',
    notFoundTitle: 'Pagina niet gevonden',
    notFoundText: 'Deze pagina bestaat niet (meer). Misschien is de link verouderd.',
    toStart: 'Naar de startpagina',
  },
  en: {
    skipLink: 'Skip to content',
    home: 'Spiraal, to the start page',
    language: 'Language',
    signedInAs: (name: string) => `Signed in as ${name}`,
    signOut: 'Sign out',
    menu: 'Menu',
    darkMode: 'Dark mode',
    notFoundTitle: 'Page not found',
    notFoundText: 'This page does not exist (any more). Perhaps the link is out of date.',
    toStart: 'To the start page',
  },
};
