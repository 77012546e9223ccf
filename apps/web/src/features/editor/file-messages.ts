/** The words of adding images and files to an item, Dutch first. */
export const fileMessages = {
  nl: {
    attach: 'Afbeelding of bestand toevoegen',
    uploading: (name: string, percent: number) => `${name} uploaden… ${percent}%`,
    uploaded: (name: string) => `${name} toegevoegd`,
    tooLarge: (name: string) => `${name} is te groot: een bestand mag hoogstens 20 MB zijn.`,
    quota: (name: string) => `${name} past niet meer: de bestanden van dit leernetwerk nemen al de maximale ruimte in.`,
    typeNotAllowed: (name: string) =>
      `${name} kan niet: alleen PNG, JPEG, WebP, GIF, PDF, DOCX, XLSX, ODT en TXT zijn toegestaan.`,
    forbidden: (name: string) => `Je mag geen bestanden toevoegen aan dit item (${name}).`,
    failed: (name: string) => `${name} kon niet worden geüpload. Probeer het opnieuw.`,
    dismiss: 'Melding sluiten',
    download: (name: string, size: string) => `${name} downloaden (${size})`,
  },
  en: {
    attach: 'Add an image or a file',
    uploading: (name: string, percent: number) => `Uploading ${name}… ${percent}%`,
    uploaded: (name: string) => `${name} added`,
    tooLarge: (name: string) => `${name} is too large: a file may be at most 20 MB.`,
    quota: (name: string) => `${name} does not fit: this community's files already take up the maximum space.`,
    typeNotAllowed: (name: string) =>
      `${name} is not allowed: only PNG, JPEG, WebP, GIF, PDF, DOCX, XLSX, ODT and TXT are.`,
    forbidden: (name: string) => `You may not add files to this item (${name}).`,
    failed: (name: string) => `${name} could not be uploaded. Please try again.`,
    dismiss: 'Dismiss',
    download: (name: string, size: string) => `Download ${name} (${size})`,
  },
};

export type FileMessages = typeof fileMessages.nl;
