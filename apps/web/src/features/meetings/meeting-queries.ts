import type { MeetingKind } from '@spiraal/domain';
import { COMMENT_FIELDS, Comment } from '../../entities/comments/comment-queries';
import { ITEM_SUMMARY, ItemSummary } from '../../entities/items/item-queries';

export interface MeetingSummary {
  id: string;
  title: string;
  date: string;
  kind: MeetingKind;
}

export const MEETING_SUMMARY = `id title date kind`;

export interface MeetingsAnswer {
  community: { id: string; name: string; myRole: string | null };
  meetings: MeetingSummary[];
}

export const MEETINGS_QUERY = `query Meetings($communityId: ID!) {
  community(id: $communityId) { id name myRole }
  meetings(communityId: $communityId) { ${MEETING_SUMMARY} }
}`;

export interface AgendaEntry {
  id: string;
  position: number;
  item: ItemSummary | null;
  comment: Comment | null;
  note: string | null;
  addedBy: { displayName: string } | null;
}

export interface AgendaSuggestion {
  reason: 'REFLECTION' | 'QUESTION_ITEM' | 'OPEN_QUESTION' | string;
  item: ItemSummary;
  comment: Comment | null;
}

export interface MeetingDetail extends MeetingSummary {
  community: { id: string; name: string; myRole: string | null };
  report: { id: string; title: string } | null;
  agenda: AgendaEntry[];
  agendaSuggestions: AgendaSuggestion[];
}

export const MEETING_QUERY = `query Meeting($id: ID!) {
  meeting(id: $id) {
    ${MEETING_SUMMARY}
    community { id name myRole }
    report { id title }
    agenda { id position note item { ${ITEM_SUMMARY} } comment { ${COMMENT_FIELDS} } addedBy { displayName } }
    agendaSuggestions { reason item { ${ITEM_SUMMARY} } comment { ${COMMENT_FIELDS} } }
  }
}`;

/** The items that can go on the agenda (the API's largest page, newest first). */
export const AGENDA_ITEMS_QUERY = `query AgendaItems($communityId: ID!) {
  items(communityId: $communityId, first: 100) { edges { node { ${ITEM_SUMMARY} } } }
}`;

export const CREATE_MEETING = `mutation CreateMeeting($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }`;
export const ADD_AGENDA_ITEM = `mutation AddAgendaItem($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }`;
