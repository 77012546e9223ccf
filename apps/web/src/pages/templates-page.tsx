import { may } from '../shared/permissions/permissions';
import { useMessages } from '../shared/i18n/language';
import { Loading } from '../shared/ui/loading';
import { PageHeading } from '../shared/ui/page-heading';
import { useCommunities, useCurrentCommunity } from '../entities/communities/communities-provider';
import { TemplatesPanel } from '../features/templates/templates-panel';
import { templateMessages } from '../features/templates/messages';

/** `/c/<id>/sjablonen`: the community's templates; facilitators make, change and archive their own. */
export function TemplatesPage({ communityId }: { communityId: string }) {
  const m = useMessages(templateMessages);
  useCurrentCommunity(communityId);
  const community = useCommunities().list?.find((c) => c.id === communityId);
  if (!community) return <Loading />;
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{community.name}</p>
          <PageHeading documentTitle={m.titleOf(community.name)}>{m.title}</PageHeading>
        </div>
      </div>
      <TemplatesPanel communityId={communityId} manage={may(community.myRole, 'template.manage')} />
    </>
  );
}
