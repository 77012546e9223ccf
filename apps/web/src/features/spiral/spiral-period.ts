import { useEffect, useMemo, useState } from 'react';

/** The periods one can look back over, in months. */
export const PERIODS = [3, 6, 12] as const;
export type Period = (typeof PERIODS)[number];
const DEFAULT_PERIOD: Period = 12;

/** The period in an address's query string; the default when it names none we offer. */
export function periodFromSearch(search: string): Period {
  const months = Number(new URLSearchParams(search).get('maanden'));
  return (PERIODS as readonly number[]).includes(months) ? (months as Period) : DEFAULT_PERIOD;
}

/** The start of the period: the same moment `months` months before `now`, as the API takes it. */
export function periodStart(months: Period, now: Date): string {
  const date = new Date(now);
  date.setMonth(date.getMonth() - months);
  return date.toISOString();
}

/** The address's query string for a period: none for the default. */
export function searchForPeriod(months: Period): string {
  return months === DEFAULT_PERIOD ? '' : `?maanden=${months}`;
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
  const from = useMemo(() => periodStart(months, new Date()), [months]);
  const setMonths = (next: Period) => {
    setMonthsState(next);
    window.history.replaceState(null, '', window.location.pathname + searchForPeriod(next));
  };
  return { months, from, setMonths };
}
