import { registerEnumType } from '@nestjs/graphql';
import {
  COMMENT_KINDS,
  GUIDELINE_STATUSES,
  ITEM_KINDS,
  MEETING_KINDS,
  PERSPECTIVES,
  ROLES,
  SECI_STAGES,
  VISIBILITIES,
} from '@spiraal/domain';

/** GraphQL enums built from the domain's lists, so both always agree. */
function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
}

export const ItemKindEnum = enumOf(ITEM_KINDS);
export const SeciStageEnum = enumOf(SECI_STAGES);
export const RoleEnum = enumOf(ROLES);
export const PerspectiveEnum = enumOf(PERSPECTIVES);
export const VisibilityEnum = enumOf(VISIBILITIES);
export const GuidelineStatusEnum = enumOf(GUIDELINE_STATUSES);
export const CommentKindEnum = enumOf(COMMENT_KINDS);
export const MeetingKindEnum = enumOf(MEETING_KINDS);

registerEnumType(ItemKindEnum, {
  name: 'ItemKind',
  description: 'Verhaal, Werkvraag, Casus, Begrip, Spanning, Notitie, Richtlijn, Toepassingsreflectie',
});
registerEnumType(SeciStageEnum, {
  name: 'SeciStage',
  description: 'The stage of the SECI knowledge spiral an item is in',
});
registerEnumType(RoleEnum, { name: 'Role', description: 'Facilitator, Lid (member), Lezer (reader)' });
registerEnumType(PerspectiveEnum, {
  name: 'Perspective',
  description: 'The perspective a member brings to the network',
});
registerEnumType(VisibilityEnum, {
  name: 'Visibility',
  description: 'PRIVATE: members only; NETWORK: every signed-in user may read',
});
registerEnumType(GuidelineStatusEnum, {
  name: 'GuidelineStatus',
  description: 'Concept, In uitprobeerfase (being tried out), Vastgesteld (adopted)',
});
registerEnumType(CommentKindEnum, {
  name: 'CommentKind',
  description: 'Klankbord: verdiepende vraag, reactie, samenvatting, suggestie',
});
registerEnumType(MeetingKindEnum, {
  name: 'MeetingKind',
  description: 'Intervisie, klankbord, reflectiebijeenkomst or another bijeenkomst',
});
