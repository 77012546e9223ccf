import { useMessages } from '../../shared/i18n/language';
import { communityMessages } from '../../entities/communities/messages';
import { ScrollableTable } from '../../shared/ui/scrollable-table';
import { spiralMessages } from './messages';
import type { SpiralReport } from './spiral-queries';
import './spiral.css';

/** What each perspective brought in: counts only, in the fixed order of perspectives (no people, no ranking). */
export function SpiralContributions({ contributions }: { contributions: SpiralReport['contributions'] }) {
  const m = useMessages(spiralMessages);
  const cm = useMessages(communityMessages);
  const present = contributions.filter((c) => c.members > 0);
  const absent = contributions.filter((c) => c.members === 0 && c.perspective !== 'OTHER');
  return (
    <>
      <ScrollableTable label={m.contributionTable}>
        <table className="data-table">
          <caption className="visually-hidden">{m.contributionTable}</caption>
          <thead>
            <tr>
              <th scope="col">{m.colPerspective}</th>
              <th scope="col" className="number">
                {m.colMembers}
              </th>
              <th scope="col" className="number">
                {m.colContributedItems}
              </th>
              <th scope="col" className="number">
                {m.colComments}
              </th>
              <th scope="col" className="number">
                {m.colReflections}
              </th>
            </tr>
          </thead>
          <tbody>
            {present.map((c) => (
              <tr key={c.perspective}>
                <th scope="row">{cm.perspectives[c.perspective]}</th>
                <td className="number">{c.members}</td>
                <td className="number">{c.items}</td>
                <td className="number">{c.comments}</td>
                <td className="number">{c.reflections}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      {absent.length > 0 && (
        <p className="muted">
          {m.notRepresented} {absent.map((c) => cm.perspectives[c.perspective]).join(', ')}
        </p>
      )}
    </>
  );
}
