/** Texts for bringing existing documents into a leernetwerk. */
export const importMessages = {
  nl: {
    title: 'Documenten importeren',
    hint: 'Bestaande verslagen, notities en rapporten als Markdown (.md), tekst (.txt) of HTML (.html, ook opgeslagen vanuit Word). Koppen, lijsten, nadruk en links blijven behouden. Hetzelfde bestand nog eens importeren maakt geen dubbele items.',
    files: 'Bestanden',
    kind: 'Soort',
    tags: 'Tags (met komma’s)',
    split: 'Eén item per hoofdkop (lange documenten splitsen)',
    submit: 'Importeren',
    busy: (done: number, total: number) => `Bezig met importeren… ${done} van ${total}`,
    noFiles: 'Kies eerst een of meer bestanden.',
    tooLarge: (mb: string) => `Groter dan ${mb} MB; splits het document of sla het op als tekst.`,
    results: 'Resultaat',
    status: { IMPORTED: 'Geïmporteerd', SKIPPED: 'Overgeslagen', FAILED: 'Mislukt' },
    items: (n: number) => (n === 1 ? '1 item' : `${n} items`),
    archiveHint:
      'Een zip van “Leernetwerk exporteren” zet een facilitator hier terug, met fasen, verbanden, richtlijnversies en reacties.',
    archiveFacilitatorsOnly:
      'Dit is een exportarchief (zip); alleen een facilitator van dit leernetwerk kan het terugzetten.',
    archiveTooLarge: (mb: string) => `Het archief is groter dan ${mb} MB.`,
    archiveRestored: (items: number, links: number, comments: number) =>
      `Exportarchief teruggezet: ${items} items, ${links} verbanden, ${comments} reacties.`,
    archiveAlreadyRestored: (items: number) =>
      `Dit exportarchief is hier al teruggezet (${items} items); er is niets nieuws geschreven.`,
  },
  en: {
    title: 'Import documents',
    hint: 'Existing reports, notes and write-ups as Markdown (.md), text (.txt) or HTML (.html, also saved from Word). Headings, lists, emphasis and links are kept. Importing the same file again does not duplicate items.',
    files: 'Files',
    kind: 'Kind',
    tags: 'Tags (comma-separated)',
    split: 'One item per top-level heading (split long documents)',
    submit: 'Import',
    busy: (done: number, total: number) => `Importing… ${done} of ${total}`,
    noFiles: 'Choose one or more files first.',
    tooLarge: (mb: string) => `Larger than ${mb} MB; split the document or save it as text.`,
    results: 'Result',
    status: { IMPORTED: 'Imported', SKIPPED: 'Skipped', FAILED: 'Failed' },
    items: (n: number) => (n === 1 ? '1 item' : `${n} items`),
    archiveHint:
      'A facilitator restores a zip made with “Export community” here, with stages, links, guideline versions and comments.',
    archiveFacilitatorsOnly: 'This is an export archive (zip); only a facilitator of this community can restore it.',
    archiveTooLarge: (mb: string) => `The archive is larger than ${mb} MB.`,
    archiveRestored: (items: number, links: number, comments: number) =>
      `Export archive restored: ${items} items, ${links} links, ${comments} comments.`,
    archiveAlreadyRestored: (items: number) =>
      `This export archive was restored here before (${items} items); nothing new was written.`,
  },
};
