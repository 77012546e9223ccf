import { useMessages } from '../i18n/language';
import { Link } from '../ui/link';
import { PageHeading } from '../ui/page-heading';
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
