import { useMessages } from '../../shared/i18n/language';
import { VisuallyHidden } from '../../shared/ui/visually-hidden';
import { itemMessages } from './messages';
import type { SeciStage } from './vocabulary';
import './items.css';

/** The SECI stage as a coloured label; the colour only repeats what the word says. */
export function StageBadge({ stage }: { stage: SeciStage }) {
  const m = useMessages(itemMessages);
  return (
    <span className={`stage-badge stage-${stage.toLowerCase()}`}>
      <VisuallyHidden>{m.stagePrefix}</VisuallyHidden>
      {m.stages[stage]}
    </span>
  );
}
