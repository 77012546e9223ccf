// The meetings' operations live in meeting-queries.graphql; types generated from the API schema.
import type { MeetingQuery, MeetingSummaryFragment } from '../../shared/api/generated/graphql';

export {
  AddAgendaItemDocument as ADD_AGENDA_ITEM,
  AgendaItemsDocument as AGENDA_ITEMS_QUERY,
  CreateMeetingDocument as CREATE_MEETING,
  MeetingDocument as MEETING_QUERY,
  MeetingsDocument as MEETINGS_QUERY,
} from '../../shared/api/generated/graphql';

export type MeetingSummary = MeetingSummaryFragment;
export type MeetingDetail = MeetingQuery['meeting'];
export type AgendaEntry = MeetingDetail['agenda'][number];
export type AgendaSuggestion = MeetingDetail['agendaSuggestions'][number];
