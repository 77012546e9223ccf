import { useEffect, useState } from 'react';
import { graphql } from '../shared/api/graphql';
import { useLocationSearch } from '../shared/router/router';
import { useMessages } from '../shared/i18n/language';
import { Link } from '../shared/ui/link';
import { PageHeading } from '../shared/ui/page-heading';
import { VERIFY_EMAIL } from '../features/auth/auth-queries';
import { authMessages } from '../features/auth/messages';

/** /e-mailadres-bevestigen?token=…: the link of the verification mail, signed in or not. */
export function VerifyEmailPage() {
  const m = useMessages(authMessages);
  const token = new URLSearchParams(useLocationSearch()).get('token') ?? '';
  const [outcome, setOutcome] = useState<'busy' | 'verified' | 'failed'>('busy');
  useEffect(() => {
    let current = true;
    graphql(VERIFY_EMAIL, { token }).then(
      (result) => current && setOutcome(result.verifyEmail ? 'verified' : 'failed'),
      () => current && setOutcome('failed'),
    );
    return () => {
      current = false;
    };
  }, [token]);
  return (
    <div className="empty-state">
      <PageHeading>{m.verifyTitle}</PageHeading>
      <p role="status">{outcome === 'busy' ? m.verifying : outcome === 'verified' ? m.verified : m.verifyFailed}</p>
      <p>
        <Link href="/">{m.toStart}</Link>
      </p>
    </div>
  );
}
