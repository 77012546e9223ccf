import { useEffect, useState } from 'react';
import { graphql } from '../api/graphql';
import { useAction } from '../api/use-query';
import { useMessages } from '../i18n/language';
import { ErrorMessage } from '../ui/error-message';
import { notificationMessages } from './messages';
import { FOLLOW, UNFOLLOW } from './notification-queries';

/** Volgen: a toggle button (aria-pressed) for an item, guideline or community. */
export function FollowButton({ targetId, followed }: { targetId: string; followed: boolean }) {
  const m = useMessages(notificationMessages);
  const [on, setOn] = useState(followed);
  const { run, busy, error } = useAction();
  useEffect(() => setOn(followed), [followed]);
  const toggle = async () => {
    if (await run(() => graphql(on ? UNFOLLOW : FOLLOW, { id: targetId }))) setOn(!on);
  };
  return (
    <div className="follow">
      <button type="button" className="button-quiet button-small" aria-pressed={on} disabled={busy} onClick={toggle} title={on ? m.following : m.notFollowing}>
        {on ? m.unfollow : m.follow}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
