import './item-page.css';
import { FollowButton } from '../features/notifications/follow-button';
import { PROMOTABLE_KINDS } from '@spiraal/domain';
import { may } from '../shared/permissions/permissions';
import { lazy, Suspense } from 'react';
import { useItemChanges } from '../entities/items/item-changes';
import { useQuery } from '../shared/api/use-query';
import { useSession } from '../shared/api/session';
import { CommentsPanel } from '../features/comments/comments-panel';
import { ActiveThreadPanel } from '../features/comments/active-thread-panel';
import { DownloadMarkdownButton } from '../features/export/download-markdown-button';
import { useCurrentCommunity } from '../entities/communities/communities-provider';
import { AppliesTo } from '../features/guidelines/applies-to';
import { AttentionNotice } from '../features/guidelines/attention-notice';
import { DerivedGuidelines } from '../features/guidelines/derived-guidelines';
import { GuidelineApplications } from '../features/guidelines/guideline-applications';
import { GuidelineSources } from '../features/guidelines/guideline-sources';
import { GuidelineStatusBadge } from '../entities/items/guideline-status-badge';
import { GuidelineStatusPanel } from '../features/guidelines/guideline-status-panel';
import { GuidelineVersions } from '../features/guidelines/guideline-versions';
import { guidelineMessages } from '../features/guidelines/messages';
import { PromoteButton } from '../features/guidelines/promote-button';
import { TryOutButton } from '../features/guidelines/try-out-button';
import { useLanguage, useMessages } from '../shared/i18n/language';
import { ErrorBoundary } from '../shared/ui/error-boundary';
import { ErrorMessage } from '../shared/ui/error-message';
import { formatDate, formatDateTime } from '../shared/ui/format';
import { Link } from '../shared/ui/link';
import { Loading } from '../shared/ui/loading';
import { PageHeading } from '../shared/ui/page-heading';
import { ArchiveButton } from '../entities/items/archive-button';
import { ItemDetails } from '../entities/items/item-details';
import { ITEM_QUERY } from '../entities/items/item-queries';
import { itemMessages } from '../entities/items/messages';
import { RevisionList } from '../entities/items/revision-list';
import { StageBadge } from '../entities/items/stage-badge';
import { StagePanel } from '../entities/items/stage-panel';
import { PrivacyPanel } from '../features/privacy/privacy-panel';

// The editor and its dependencies (TipTap, Yjs) load only on an item page.
const ItemEditor = lazy(() => import('../features/editor/item-editor'));

/**
 * `/items/<id>`: one item, its live body in the middle with the klankbord
 * below it, stage and history beside it. A guideline also shows its status,
 * sources, practice and adopted versions; a practice reflection the guideline
 * it applied.
 */
export function ItemPage({ itemId }: { itemId: string }) {
  const m = useMessages(itemMessages);
  const gm = useMessages(guidelineMessages);
  const { language } = useLanguage();
  const { user } = useSession();
  const { data, error, reload } = useQuery(ITEM_QUERY, { id: itemId });
  const item = data?.item.id === itemId ? data.item : undefined;
  useCurrentCommunity(item?.community.id);
  useItemChanges(itemId, item?.community.id, reload);

  if (!item && error) {
    return (
      <>
        <PageHeading>{m.notFound}</PageHeading>
        <ErrorMessage error={error} />
      </>
    );
  }
  if (!item || !user) return <Loading />;

  const role = item.community.myRole;
  const guideline = item.kind === 'GUIDELINE';
  // An adopted guideline is frozen for everyone until a facilitator starts bijstellen.
  const frozen = guideline && item.guidelineStatus === 'VASTGESTELD';
  const live = !item.archivedAt;
  const editable = may(role, 'item.edit', { frozen }) && live;
  const canTryOut =
    guideline &&
    live &&
    (item.guidelineStatus === 'IN_UITPROBEERFASE' || item.guidelineStatus === 'VASTGESTELD') &&
    may(role, 'reflection.record');
  const canPromote = live && PROMOTABLE_KINDS.includes(item.kind) && may(role, 'guideline.create');
  const communityHref = `/c/${item.community.id}`;

  return (
    <>
      <nav aria-label={m.breadcrumb} className="breadcrumb">
        <ol>
          <li>
            <Link href={communityHref}>{item.community.name}</Link>
          </li>
          <li>
            <Link href={`${communityHref}/items`}>{m.listTitle}</Link>
          </li>
          <li aria-current="page">{item.title}</li>
        </ol>
      </nav>
      <div className="item-header">
        <div className="item-card-meta">
          <span className="item-kind">{m.kinds[item.kind]}</span>
          <StageBadge stage={item.stage} />
          {guideline && item.guidelineStatus && (
            <GuidelineStatusBadge status={item.guidelineStatus} version={item.guidelineVersion} />
          )}
        </div>
        <ItemDetails item={item} editable={editable} onSaved={reload} />
        <p className="byline">
          {m.authors} {item.authors.length ? item.authors.map((a) => a.displayName).join(', ') : m.noAuthors}
          <span aria-hidden="true"> · </span>
          <time dateTime={item.updatedAt}>{m.updated(formatDateTime(item.updatedAt, language))}</time>
        </p>
        {item.appliesTo && <AppliesTo appliesTo={item.appliesTo} />}
        <ErrorMessage error={error} />
        {item.archivedAt && (
          <p className="message message-info">{m.archivedNote(formatDate(item.archivedAt, language))}</p>
        )}
        {guideline && <AttentionNotice item={item} />}
        {frozen && <p className="message message-info">{gm.frozen(item.guidelineVersion ?? 1)}</p>}
        {(canTryOut || canPromote) && (
          <div className="item-actions">
            {canTryOut && <TryOutButton guidelineId={item.id} guidelineTitle={item.title} />}
            {canPromote && <PromoteButton communityId={item.community.id} initialIds={[item.id]} />}
          </div>
        )}
      </div>
      <div className="item-layout">
        <div className="item-main">
          <section className="item-body" aria-label={m.body}>
            <ErrorBoundary
              fallback={
                <p role="alert" className="message message-error">
                  {m.editorFailed}
                </p>
              }
            >
              <Suspense fallback={<Loading label={m.editorLoading} />}>
                {/* A new status or role changes the open editor in place (features/editor/access-changes.ts). */}
                <ItemEditor
                  itemId={item.id}
                  user={user}
                  communityId={item.community.id}
                  canDecideProposals={
                    live && may(role, 'proposal.decide', { ownedByActor: item.createdBy?.id === user.id })
                  }
                  onProposalsDecided={reload}
                />
              </Suspense>
            </ErrorBoundary>
          </section>
          <CommentsPanel itemId={item.id} />
        </div>
        <aside className="item-side" aria-label={m.aboutItem}>
          <ActiveThreadPanel itemId={item.id} communityId={item.community.id} />
          {guideline && <GuidelineStatusPanel item={item} onChanged={reload} />}
          {guideline && <GuidelineSources sources={item.sources} />}
          {guideline && <GuidelineApplications applications={item.applications} />}
          {guideline && <GuidelineVersions versions={item.guidelineVersions} />}
          <DerivedGuidelines guidelines={item.derivedItems} />
          {editable && <PrivacyPanel itemId={item.id} />}
          <StagePanel item={item} editable={may(role, 'item.setStage') && live} onChanged={reload} />
          <RevisionList itemId={item.id} editable={editable} onRestored={reload} />
          <div className="panel panel-plain">
            <FollowButton targetId={item.id} followed={item.followedByMe} />
          </div>
          <div className="panel panel-plain">
            <DownloadMarkdownButton itemId={item.id} />
          </div>
          {live && may(role, 'item.archive', { ownedByActor: item.createdBy?.id === user.id }) && (
            <div className="panel panel-plain">
              <ArchiveButton itemId={item.id} onArchived={reload} />
            </div>
          )}
        </aside>
      </div>
    </>
  );
}
