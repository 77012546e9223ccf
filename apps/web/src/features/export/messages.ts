/** Texts for taking knowledge out of Spiraal. */
export const exportMessages = {
  nl: {
    downloadMarkdown: 'Downloaden als Markdown',
    downloading: 'Bezig met downloaden…',
    exportCommunity: 'Leernetwerk exporteren (zip)',
    exportPseudonymised: 'Gepseudonimiseerd exporteren (persoonsgegevens vervangen)',
    exportCommunityHint:
      'Alle items als Markdown-bestanden, met hun fasen, verbanden, richtlijnversies en reacties. Zo blijft de kennis ook na het project bruikbaar.',
  },
  en: {
    downloadMarkdown: 'Download as Markdown',
    downloading: 'Downloading…',
    exportCommunity: 'Export community (zip)',
    exportPseudonymised: 'Export pseudonymised (personal data replaced)',
    exportCommunityHint:
      'Every item as a Markdown file, with its stages, links, guideline versions and comments, so the knowledge stays usable after the project.',
  },
};
