/** The templates page's words, Dutch first. */
export const templateMessages = {
  nl: {
    title: 'Sjablonen',
    manageLink: 'Sjablonen van dit leernetwerk (maken en wijzigen)',
    titleOf: (community: string) => `Sjablonen van ${community}`,
    intro:
      'Een sjabloon geeft een nieuw item kopjes met hulpvragen. De hulpvragen staan grijs in de lege regels en worden nooit tekst.',
    builtIn: 'Ingebouwd',
    own: 'Eigen sjabloon',
    edit: 'Wijzigen',
    copy: 'Kopiëren als eigen sjabloon',
    archive: 'Archiveren',
    archived: (name: string) => `Sjabloon ‘${name}’ gearchiveerd.`,
    saved: (name: string) => `Sjabloon ‘${name}’ opgeslagen.`,
    newTitle: 'Nieuw sjabloon',
    editTitle: (name: string) => `Sjabloon ‘${name}’ wijzigen`,
    kind: 'Voor welk soort item',
    name: 'Naam',
    description: 'Waarvoor (optioneel)',
    body: 'Inhoud (Markdown)',
    bodyHint:
      'Elk kopje begint met ## . De alinea onder een kopje is de hulpvraag: die verschijnt als grijze tekst in de lege regel. Tabellen en lijsten blijven gewone tekst.',
    example:
      '## Het incident\n\nBeschrijf één concreet moment: wat gebeurde er, wat deed jij?\n\n## Mijn vraag\n\nWat wil je leren?\n',
    save: 'Opslaan',
    cancel: 'Annuleren',
    readOnly: 'Alleen facilitators maken en wijzigen sjablonen. Je gebruikt ze via ‘Nieuw item’ of met / in de tekst.',
    prompts: (n: number) => (n === 1 ? '1 hulpvraag' : `${n} hulpvragen`),
  },
  en: {
    title: 'Templates',
    manageLink: 'Templates of this community (make and change)',
    titleOf: (community: string) => `Templates of ${community}`,
    intro:
      'A template gives a new item headings with prompts. The prompts show greyed in the empty lines and never become text.',
    builtIn: 'Built in',
    own: 'Own template',
    edit: 'Edit',
    copy: 'Copy as own template',
    archive: 'Archive',
    archived: (name: string) => `Template ‘${name}’ archived.`,
    saved: (name: string) => `Template ‘${name}’ saved.`,
    newTitle: 'New template',
    editTitle: (name: string) => `Edit template ‘${name}’`,
    kind: 'For which kind of item',
    name: 'Name',
    description: 'What for (optional)',
    body: 'Content (Markdown)',
    bodyHint:
      'Each heading starts with ## . The paragraph below a heading is its prompt: it shows greyed in the empty line. Tables and lists stay ordinary text.',
    example:
      '## The incident\n\nDescribe one concrete moment: what happened, what did you do?\n\n## My question\n\nWhat do you want to learn?\n',
    save: 'Save',
    cancel: 'Cancel',
    readOnly: 'Only facilitators make and change templates. You use them through ‘New item’ or with / in the text.',
    prompts: (n: number) => (n === 1 ? '1 prompt' : `${n} prompts`),
  },
};
