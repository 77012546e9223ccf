import { useState } from 'react';
import { useMessages } from '../../shared/i18n/language';
import { guidelineMessages } from './messages';
import { PromoteDialog } from './promote-dialog';

interface PromoteButtonProps {
  communityId: string;
  /** Sources to start with (the item the button sits on). */
  initialIds?: string[];
  className?: string;
}

/** "Uitwerken tot richtlijn" and its dialog. Show it only to whom `guideline.create` allows. */
export function PromoteButton({ communityId, initialIds, className = 'button-secondary' }: PromoteButtonProps) {
  const m = useMessages(guidelineMessages);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {m.promote}
      </button>
      {open && <PromoteDialog communityId={communityId} initialIds={initialIds} onClose={() => setOpen(false)} />}
    </>
  );
}
