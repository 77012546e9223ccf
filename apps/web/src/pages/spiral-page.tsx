import './spiral-page.css';
import { ReactNode, useId, useMemo } from 'react';
import { useQuery } from '../shared/api/use-query';
import { useCurrentCommunity } from '../entities/communities/communities-provider';
import { useLanguage, useMessages } from '../shared/i18n/language';
import { ErrorMessage } from '../shared/ui/error-message';
import { formatDate } from '../shared/ui/format';
import { Loading } from '../shared/ui/loading';
import { PageHeading } from '../shared/ui/page-heading';
import { spiralMessages } from '../features/spiral/messages';
import { SpiralContributions } from '../features/spiral/spiral-contributions';
import { SpiralFlows } from '../features/spiral/spiral-flows';
import { SpiralInWords } from '../features/spiral/spiral-in-words';
import { SpiralMonths } from '../features/spiral/spiral-months';
import { movesInPeriod } from '../features/spiral/spiral-moves';
import { Period, PERIODS, usePeriod } from '../features/spiral/spiral-period';
import { SpiralPicture } from '../features/spiral/spiral-picture';
import { SPIRAL_QUERY } from '../features/spiral/spiral-queries';
import { SpiralSignals } from '../features/spiral/spiral-signals';

/**
 * `/c/<id>/spiraal`: how knowledge moves in a community over a period. A
 * mirror, not a KPI: counts and questions, no scores, no people ranked.
 */
export function SpiralPage({ communityId }: { communityId: string }) {
  const m = useMessages(spiralMessages);
  const { language } = useLanguage();
  const id = useId();
  useCurrentCommunity(communityId);
  const { months, from, setMonths } = usePeriod();
  const { data, error, loading } = useQuery(SPIRAL_QUERY, { communityId, from });
  const report = data?.community.id === communityId ? data.spiral : undefined;
  const moves = useMemo(() => movesInPeriod(report?.transitions ?? []), [report]);

  if (!report && error) {
    return (
      <>
        <PageHeading>{m.title}</PageHeading>
        <ErrorMessage error={error} />
      </>
    );
  }
  if (!data || !report) return <Loading />;

  const section = (key: string, title: string, intro: string | null, body: ReactNode) => (
    <section className="spiral-section" aria-labelledby={`${id}-${key}`}>
      <h2 id={`${id}-${key}`}>{title}</h2>
      {intro && <p className="muted">{intro}</p>}
      {body}
    </section>
  );

  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{data.community.name}</p>
          <PageHeading documentTitle={m.titleOf(data.community.name)}>{m.title}</PageHeading>
          <p className="lead">{m.intro}</p>
        </div>
        <div className="field period-field">
          <label htmlFor={`${id}-period`}>{m.period}</label>
          <select id={`${id}-period`} value={months} onChange={(e) => setMonths(Number(e.target.value) as Period)}>
            {PERIODS.map((n) => (
              <option key={n} value={n}>
                {m.months(n)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="muted" role="status">
        {m.periodNote(formatDate(report.from, language), formatDate(report.to, language))}
      </p>
      <ErrorMessage error={error} />
      <div aria-busy={loading}>
        <section className="spiral-overview" aria-labelledby={`${id}-picture`}>
          <h2 id={`${id}-picture`} className="visually-hidden">
            {m.picture}
          </h2>
          <figure className="spiral-figure">
            <SpiralPicture stageCounts={report.stageCounts} moves={moves} />
          </figure>
          <SpiralInWords stageCounts={report.stageCounts} moves={moves} />
        </section>
        {section('months', m.perMonth, m.movesExplained, <SpiralMonths transitions={report.transitions} />)}
        {section('flows', m.flows, m.flowsIntro, <SpiralFlows flows={report.flows} />)}
        {section('signals', m.signals, m.signalsIntro, <SpiralSignals signals={report.signals} />)}
        {section(
          'contributions',
          m.contributions,
          m.contributionsIntro,
          <SpiralContributions contributions={report.contributions} />,
        )}
      </div>
    </>
  );
}
