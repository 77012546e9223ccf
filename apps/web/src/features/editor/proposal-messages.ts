/** The words of voorstellen (suggestion mode), Dutch first. */
export const proposalMessages = {
  nl: {
    suggest: 'Voorstellen',
    suggestingHint: 'Voorstelmodus: wat je typt of weghaalt wordt een voorstel, zichtbaar in kleur met je naam.',
    suggestOnlyHint:
      'Deze richtlijn is vastgesteld: je kunt voorstellen doen. De auteur of een facilitator neemt ze over of wijst ze af.',
    title: 'Voorstellen',
    none: 'Geen open voorstellen.',
    by: (name: string) => `Voorstel van ${name}`,
    inserted: 'toevoegen',
    deleted: 'weghalen',
    accept: 'Overnemen',
    reject: 'Afwijzen',
    acceptAll: 'Alles overnemen',
    rejectAll: 'Alles afwijzen',
    acceptOne: (name: string) => `Voorstel van ${name} overnemen`,
    rejectOne: (name: string) => `Voorstel van ${name} afwijzen`,
    decided: (n: number, accepted: boolean) =>
      `${n} ${n === 1 ? 'voorstel' : 'voorstellen'} ${accepted ? 'overgenomen' : 'afgewezen'}`,
  },
  en: {
    suggest: 'Suggest',
    suggestingHint: 'Suggestion mode: what you type or remove becomes a proposal, shown in colour with your name.',
    suggestOnlyHint:
      'This guideline is adopted: you can suggest changes. The author or a facilitator accepts or rejects them.',
    title: 'Proposals',
    none: 'No open proposals.',
    by: (name: string) => `Proposal by ${name}`,
    inserted: 'add',
    deleted: 'remove',
    accept: 'Accept',
    reject: 'Reject',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    acceptOne: (name: string) => `Accept the proposal by ${name}`,
    rejectOne: (name: string) => `Reject the proposal by ${name}`,
    decided: (n: number, accepted: boolean) =>
      `${n} ${n === 1 ? 'proposal' : 'proposals'} ${accepted ? 'accepted' : 'rejected'}`,
  },
};

export type ProposalMessages = typeof proposalMessages.nl;
