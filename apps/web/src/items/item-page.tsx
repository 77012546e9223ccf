import { may } from '../app/permissions';
import { lazy, Suspense } from 'react';
import { useQuery } from '../api/use-query';
import { useSession } from '../app/session';
import { useCurrentCommunity } from '../communities/communities-provider';
import { useLanguage, useMessages } from '../i18n/language';
import { ErrorBoundary } from '../ui/error-boundary';
import { ErrorMessage } from '../ui/error-message';
import { formatDate, formatDateTime } from '../ui/format';
import { Link } from '../ui/link';
import { Loading } from '../ui/loading';
import { PageHeading } from '../ui/page-heading';
import { ArchiveButton } from './archive-button';
import { ItemDetails } from './item-details';
import { ItemDetail, ITEM_QUERY } from './item-queries';
import { itemMessages } from './messages';
import { RevisionList } from './revision-list';
import { StageBadge } from './stage-badge';
import { StagePanel } from './stage-panel';
import { canEdit } from './vocabulary';

// The editor and its dependencies (TipTap, Yjs) load only on an item page.
const ItemEditor = lazy(() => import('../editor/item-editor'));

/** `/items/<id>`: one item, its live body in the middle, stage and history beside it. */
export function ItemPage({ itemId }: { itemId: string }) {
  const m = useMessages(itemMessages);
  const { language } = useLanguage();
  const { user } = useSession();
  const { data, error, reload } = useQuery<{ item: ItemDetail }>(ITEM_QUERY, { id: itemId });
  const item = data?.item.id === itemId ? data.item : undefined;
  useCurrentCommunity(item?.community.id);

  if (!item && error) {
    return (
      <>
        <PageHeading>{m.notFound}</PageHeading>
        <ErrorMessage error={error} />
      </>
    );
  }
  if (!item || !user) return <Loading />;

  const editable = canEdit(item.community.myRole) && !item.archivedAt;
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
        </div>
        <ItemDetails item={item} editable={editable} onSaved={reload} />
        <p className="byline">
          {m.authors} {item.authors.length ? item.authors.map((a) => a.displayName).join(', ') : m.noAuthors}
          <span aria-hidden="true"> · </span>
          <time dateTime={item.updatedAt}>{m.updated(formatDateTime(item.updatedAt, language))}</time>
        </p>
        <ErrorMessage error={error} />
        {item.archivedAt && <p className="message message-info">{m.archivedNote(formatDate(item.archivedAt, language))}</p>}
      </div>
      <div className="item-layout">
        <section className="item-body" aria-label={m.body}>
          <ErrorBoundary
            fallback={
              <p role="alert" className="message message-error">
                {m.editorFailed}
              </p>
            }
          >
            <Suspense fallback={<Loading label={m.editorLoading} />}>
              <ItemEditor itemId={item.id} user={user} />
            </Suspense>
          </ErrorBoundary>
        </section>
        <aside className="item-side" aria-label={m.aboutItem}>
          <StagePanel item={item} editable={editable} onChanged={reload} />
          <RevisionList itemId={item.id} editable={editable} onRestored={reload} />
          {editable && may(item.community.myRole, 'item.archive', { ownedByActor: item.createdBy?.id === user?.id }) && (
            <div className="panel panel-plain">
              <ArchiveButton itemId={item.id} onArchived={reload} />
            </div>
          )}
        </aside>
      </div>
    </>
  );
}
