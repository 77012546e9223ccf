import type { ExportManifest } from './manifest';

export const CASE_ID = '11111111-1111-4111-8111-111111111111';
export const GUIDELINE_ID = '22222222-2222-4222-8222-222222222222';

/** A small valid manifest: a case and the guideline made from it. */
export function sampleManifest(): ExportManifest {
  return {
    format: 'spiraal-export',
    version: 1,
    exportedAt: '2025-05-01T12:00:00.000Z',
    community: { id: '33333333-3333-4333-8333-333333333333', name: 'Leernetwerk Wijk', description: 'Samen leren' },
    items: [
      {
        id: CASE_ID,
        file: 'items/casus-11111111.md',
        title: 'Casus',
        kind: 'CASE',
        stage: 'EXTERNALISATIE',
        tags: ['wijk'],
        authors: ['Mo'],
        createdAt: '2025-01-01T10:00:00.000Z',
        updatedAt: '2025-01-02T10:00:00.000Z',
        archivedAt: null,
        guideline: null,
      },
      {
        id: GUIDELINE_ID,
        file: 'items/richtlijn-22222222.md',
        title: 'Richtlijn',
        kind: 'GUIDELINE',
        stage: 'COMBINATIE',
        tags: [],
        authors: ['Fenna'],
        createdAt: '2025-02-01T10:00:00.000Z',
        updatedAt: '2025-02-02T10:00:00.000Z',
        archivedAt: null,
        guideline: { status: 'VASTGESTELD', version: 1, reviewDate: '2026-02-01T10:00:00.000Z' },
      },
    ],
    links: [
      { type: 'source', from: GUIDELINE_ID, to: CASE_ID, position: 1, sourceStage: 'EXTERNALISATIE' },
      { type: 'mention', from: GUIDELINE_ID, to: CASE_ID },
    ],
    stageHistory: [
      { itemId: CASE_ID, from: null, to: 'EXTERNALISATIE', reason: null, by: 'Mo', at: '2025-01-01T10:00:00.000Z' },
    ],
    guidelineVersions: [
      {
        guidelineId: GUIDELINE_ID,
        number: 1,
        title: 'Richtlijn',
        markdown: '# Afspraak\n',
        adoptedBy: 'Fenna',
        adoptedAt: '2025-02-02T10:00:00.000Z',
        reviewDate: null,
      },
    ],
    comments: [
      {
        itemId: CASE_ID,
        kind: 'QUESTION',
        body: 'Waarom?',
        author: 'Lea',
        createdAt: '2025-01-03T10:00:00.000Z',
        resolvedAt: null,
      },
    ],
    proposals: [
      {
        itemId: CASE_ID,
        id: 'voorstel-1',
        kind: 'insert',
        authorName: 'Bram',
        createdAt: '2025-01-04T10:00:00.000Z',
        block: 0,
        offset: 3,
        text: 'wel ',
      },
    ],
  };
}
