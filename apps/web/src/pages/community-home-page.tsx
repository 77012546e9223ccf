import './community-home-page.css';
import { useState } from 'react';
import { CommunityHomeDocument, type CommunityHomeQuery } from '../shared/api/generated/graphql';
import { useQuery } from '../shared/api/use-query';
import { may } from '../shared/permissions/permissions';
import { ExportCommunityLink } from '../features/export/export-community-link';
import { ImportPanel } from '../features/import/import-panel';
import { useMessages } from '../shared/i18n/language';
import { ItemList } from '../entities/items/item-list';
import { itemMessages } from '../entities/items/messages';
import { NewItemDialog } from '../entities/items/new-item-dialog';
import { StageBadge } from '../entities/items/stage-badge';
import { canEdit, ItemKind, SECI_STAGES, SeciStage } from '../entities/items/vocabulary';
import { ErrorMessage } from '../shared/ui/error-message';
import { Link } from '../shared/ui/link';
import { LinkedText } from '../shared/ui/linked-text';
import { Loading } from '../shared/ui/loading';
import { PageHeading } from '../shared/ui/page-heading';
import { useCurrentCommunity } from '../entities/communities/communities-provider';
import { communityMessages } from '../entities/communities/messages';
import { MyInvitations } from '../entities/communities/my-invitations';
import { PeopleOverview } from '../entities/communities/people-overview';

type Section = CommunityHomeQuery['guidelines'];

/** `/c/<id>`: for newcomers, "what does the network know already?" */
export function CommunityHomePage({ communityId }: { communityId: string }) {
  const m = useMessages(communityMessages);
  const im = useMessages(itemMessages);
  useCurrentCommunity(communityId);
  const { data, error } = useQuery(CommunityHomeDocument, { id: communityId });
  const [creating, setCreating] = useState<ItemKind | null>(null);

  if (!data && error) {
    return (
      <>
        <PageHeading>{m.switcherLabel}</PageHeading>
        <ErrorMessage error={error} />
      </>
    );
  }
  if (!data || data.community.id !== communityId) return <Loading />;
  const { community } = data;
  const itemsHref = `/c/${communityId}/items`;

  const section = (key: string, title: string, answer: Section, empty: string, search: string) => (
    <section className="panel" aria-labelledby={`home-${key}`}>
      <h3 id={`home-${key}`}>{title}</h3>
      {answer.edges.length ? (
        <ItemList items={answer.edges.map((e) => e.node)} compact />
      ) : (
        <p className="muted">{empty}</p>
      )}
      {answer.totalCount > answer.edges.length && (
        <p>
          <Link href={itemsHref + search}>{m.seeAll(title)}</Link>
        </p>
      )}
    </section>
  );

  return (
    <>
      <div className="page-header">
        <div>
          <PageHeading>{community.name}</PageHeading>
          {community.description && (
            <p className="lead">
              <LinkedText text={community.description} />
            </p>
          )}
          <p className="muted">{m.yourRole(community.myRole ? m.roles[community.myRole] : m.visitor)}</p>
        </div>
        {canEdit(community.myRole) && (
          <div className="actions">
            <button type="button" className="button-primary" onClick={() => setCreating('CASE')}>
              {m.addCase}
            </button>
            <button type="button" className="button-secondary" onClick={() => setCreating('STORY')}>
              {m.shareStory}
            </button>
          </div>
        )}
      </div>
      {!community.myRole && <p className="message message-info">{m.visitorNote}</p>}
      {community.myRole === 'READER' && <p className="message message-info">{m.readerNote}</p>}
      <MyInvitations />

      <h2>{m.whatWeKnow}</h2>
      <div className="home-grid">
        {section('guidelines', m.guidelines, data.guidelines, m.guidelinesEmpty, '?kind=GUIDELINE')}
        {section('recent', m.recent, data.recent, m.recentEmpty, '')}
        {section('concepts', m.concepts, data.concepts, m.conceptsEmpty, '?kind=CONCEPT')}
      </div>
      <p>
        <Link href={itemsHref}>{m.seeAllItems}</Link>
      </p>

      <h2>{m.spiral}</h2>
      <p className="muted">{m.spiralIntro}</p>
      <ul className="spiral">
        {SECI_STAGES.map((stage) => (
          <li key={stage} className={`spiral-stage stage-edge-${stage.toLowerCase()}`}>
            <Link href={`${itemsHref}?stage=${stage}`} className="spiral-link">
              <StageBadge stage={stage} />
              <span className="spiral-count">
                {m.itemsInStage(data[stage.toLowerCase() as Lowercase<SeciStage>].totalCount)}
              </span>
              <span className="muted">{im.stageHints[stage]}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link href={`/c/${communityId}/spiraal`}>{m.seeSpiral}</Link>
      </p>

      <h2>{m.people}</h2>
      {community.myRole ? <PeopleOverview communityId={communityId} /> : <p className="muted">{m.peopleHidden}</p>}
      {may(community.myRole, 'item.create') && <ImportPanel communityId={communityId} role={community.myRole} />}
      {may(community.myRole, 'community.export') && <ExportCommunityLink communityId={communityId} />}

      {creating && (
        <NewItemDialog
          communityId={communityId}
          role={community.myRole}
          initialKind={creating}
          onClose={() => setCreating(null)}
        />
      )}
    </>
  );
}
