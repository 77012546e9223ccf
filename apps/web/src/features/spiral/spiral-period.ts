import { useEffect, useMemo, useState } from 'react';

/** The periods one can look back over, in months. */
export const PERIODS = [3, 6, 12] as const;
export type Period = (typeof PERIODS)[number];
const DEFAULT_PERIOD: Period = 12;

function periodFromSearch(search: string): Period {
  const months = Number(new URLSearchParams(search).get('maanden'));
  return (PERIODS as readonly number[]).includes(months) ? (months as Period) : DEFAULT_PERIOD;
}

/**
 * The period lives in the address (`?maanden=3`), so a view can be shared; with
 * the start of the period, fixed while the period stays the same (so it
 * does not ask the server again on every render).
 */
export function usePeriod(): { months: Period; from: string; setMonths(months: Period): void } {
  const [months, setMonthsState] = useState(() => periodFromSearch(window.location.search));
  useEffect(() => {
    const update = () => setMonthsState(periodFromSearch(window.location.search));
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  const from = useMemo(() => {
    const date = new Date();
    date.setMonth(date.getMonth() - months);
    return date.toISOString();
  }, [months]);
  const setMonths = (next: Period) => {
    setMonthsState(next);
    window.history.replaceState(null, '', window.location.pathname + (next === DEFAULT_PERIOD ? '' : `?maanden=${next}`));
  };
  return { months, from, setMonths };
}
