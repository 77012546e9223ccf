import { useId } from 'react';
import { useMessages } from '../../shared/i18n/language';
import { communityMessages } from './messages';
import { Perspective, PERSPECTIVES } from './vocabulary';

/** A labelled choice of the perspective someone brings to the network. */
export function PerspectiveSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: Perspective;
  onChange(value: Perspective): void;
}) {
  const m = useMessages(communityMessages);
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Perspective)}>
        {PERSPECTIVES.map((p) => (
          <option key={p} value={p}>
            {m.perspectives[p]}
          </option>
        ))}
      </select>
    </div>
  );
}
