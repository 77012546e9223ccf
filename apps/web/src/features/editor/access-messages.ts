/** What the editor says when what you may do with an open document changes, Dutch first. */
export const accessMessages = {
  nl: {
    nowReadOnly: 'Je rechten voor dit document zijn gewijzigd: je kunt het nu alleen lezen.',
    nowEditable: 'Je rechten voor dit document zijn gewijzigd: je kunt het weer bewerken.',
    nowSuggesting:
      'Je rechten voor dit document zijn gewijzigd: wat je nu schrijft, wordt een voorstel dat de auteur of een facilitator overneemt of afwijst.',
    refusedTitle: 'Niet opgeslagen',
    refused:
      'De server heeft je laatste wijziging geweigerd, omdat je dit document niet meer mag bewerken. Het document staat weer zoals het is opgeslagen. Kopieer je tekst hieronder als je die wilt bewaren.',
    refusedNothing:
      'De server heeft je laatste wijziging geweigerd, omdat je dit document niet meer mag bewerken. Het document staat weer zoals het is opgeslagen.',
    refusedTextLabel: 'Tekst die niet is opgeslagen',
    copy: 'Kopiëren',
    copied: 'Gekopieerd',
    close: 'Sluiten',
  },
  en: {
    nowReadOnly: 'Your access to this document changed: you can now only read it.',
    nowEditable: 'Your access to this document changed: you can edit it again.',
    nowSuggesting:
      'Your access to this document changed: what you write now becomes a suggestion the author or a facilitator accepts or rejects.',
    refusedTitle: 'Not saved',
    refused:
      'The server refused your last change, because you may no longer edit this document. The document is back as it is stored. Copy your text below if you want to keep it.',
    refusedNothing:
      'The server refused your last change, because you may no longer edit this document. The document is back as it is stored.',
    refusedTextLabel: 'Text that was not saved',
    copy: 'Copy',
    copied: 'Copied',
    close: 'Close',
  },
};

export type AccessMessages = typeof accessMessages.nl;
