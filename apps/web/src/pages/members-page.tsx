import { may } from '../shared/permissions/permissions';
import { useQuery } from '../shared/api/use-query';
import { useSession } from '../shared/api/session';
import { useMessages } from '../shared/i18n/language';
import { ErrorMessage } from '../shared/ui/error-message';
import { Loading } from '../shared/ui/loading';
import { PageHeading } from '../shared/ui/page-heading';
import { InviteMemberForm } from '../entities/communities/invite-member-form';
import { PendingInvitations } from '../entities/communities/pending-invitations';
import { useCurrentCommunity } from '../entities/communities/communities-provider';
import { COMMUNITY_INVITATIONS, MEMBERS_QUERY } from '../entities/communities/community-queries';
import { MemberList } from '../entities/communities/member-list';
import { communityMessages } from '../entities/communities/messages';
import { CommunitySettingsForm } from '../features/directory/community-settings-form';
import { JoinRequestsPanel } from '../features/directory/join-requests-panel';
import { templateMessages } from '../features/templates/messages';
import { Link } from '../shared/ui/link';

/** `/c/<id>/members`: facilitators manage people; everyone else sees the list. */
export function MembersPage({ communityId }: { communityId: string }) {
  const m = useMessages(communityMessages);
  const tm = useMessages(templateMessages);
  const { user } = useSession();
  useCurrentCommunity(communityId);
  const { data, error, reload } = useQuery(MEMBERS_QUERY, { id: communityId });
  const facilitator = data?.community.id === communityId && may(data.community.myRole, 'member.manage');
  const invitations = useQuery(COMMUNITY_INVITATIONS, { id: communityId }, { skip: !facilitator });

  if (!data && error) {
    return (
      <>
        <PageHeading>{m.membersTitle}</PageHeading>
        <ErrorMessage error={error} />
      </>
    );
  }
  if (!data || data.community.id !== communityId || !user) return <Loading />;
  const { community } = data;
  const manage = may(community.myRole, 'member.manage');

  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{community.name}</p>
          <PageHeading documentTitle={m.membersOf(community.name)}>{m.membersTitle}</PageHeading>
          <p className="muted">{m.rolesExplained}</p>
        </div>
      </div>
      {manage ? (
        <InviteMemberForm communityId={communityId} onInvited={invitations.reload} />
      ) : (
        <p className="message message-info">{m.readOnlyMembers}</p>
      )}
      {manage && (
        <PendingInvitations invitations={invitations.data?.communityInvitations ?? []} onChanged={invitations.reload} />
      )}
      <section aria-labelledby="member-list-heading">
        <h2 id="member-list-heading">
          {m.memberList} <span className="muted heading-count">({m.memberCount(community.members.length)})</span>
        </h2>
        <MemberList
          communityId={communityId}
          members={community.members}
          viewerId={user.id}
          manage={manage}
          onChanged={reload}
        />
      </section>
      {manage && <JoinRequestsPanel communityId={communityId} onAnswered={reload} />}
      {may(community.myRole, 'community.manage') && (
        <CommunitySettingsForm key={community.id} community={community} onSaved={reload} />
      )}
      <p>
        <Link href={`/c/${communityId}/sjablonen`}>{tm.manageLink}</Link>
      </p>
    </>
  );
}
