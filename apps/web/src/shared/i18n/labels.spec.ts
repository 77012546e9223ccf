import { KIND_LABELS, ROLE_LABELS } from '@spiraal/domain';
import { describe, expect, it } from 'vitest';
import { labelsIn } from './labels';

describe('labelsIn', () => {
  it("gives every value of the domain's label table in one language", () => {
    expect(labelsIn(ROLE_LABELS, 'nl')).toEqual({ FACILITATOR: 'Facilitator', MEMBER: 'Lid', READER: 'Lezer' });
    expect(labelsIn(ROLE_LABELS, 'en')).toEqual({ FACILITATOR: 'Facilitator', MEMBER: 'Member', READER: 'Reader' });
    expect(Object.keys(labelsIn(KIND_LABELS, 'en'))).toEqual(Object.keys(KIND_LABELS));
  });
});
