import { useEffect, useState } from 'react';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { notificationMessages } from './messages';
import { FOLLOW, UNFOLLOW } from './notification-queries';

/** Volgen: a toggle button (aria-pressed) for an item, guideline or community. */
export function FollowButton({ targetId, followed }: { targetId: string; followed: boolean }) {
  const m = useMessages(notificationMessages);
  const [on, setOn] = useState(followed);
  const { run, busy, error } = useAction();
  useEffect(() => setOn(followed), [followed]);
  const toggle = async () => {
    if (
      await run(() =>
        on ? graphql(UNFOLLOW, { id: targetId }).then(() => true) : graphql(FOLLOW, { id: targetId }).then(() => true),
      )
    )
      setOn(!on);
  };
  return (
    <div className="follow">
      <button
        type="button"
        className="button-quiet button-small"
        aria-pressed={on}
        disabled={busy}
        onClick={() => void toggle()}
        title={on ? m.following : m.notFollowing}
      >
        {on ? m.unfollow : m.follow}
      </button>
      <ErrorMessage error={error} />
    </div>
  );
}
