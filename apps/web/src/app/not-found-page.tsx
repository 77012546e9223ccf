import { useMessages } from '../shared/i18n/language';
import { Link } from '../shared/ui/link';
import { PageHeading } from '../shared/ui/page-heading';
import { appMessages } from './messages';

export function NotFoundPage() {
  const m = useMessages(appMessages);
  return (
    <>
      <PageHeading>{m.notFoundTitle}</PageHeading>
      <p>{m.notFoundText}</p>
      <p>
        <Link href="/">{m.toStart}</Link>
      </p>
    </>
  );
}
