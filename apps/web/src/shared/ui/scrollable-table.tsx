import { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a small screen. Focusable and named,
 * so keyboard users can scroll it too.
 */
export function ScrollableTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="group" aria-label={label}>
      {children}
    </div>
  );
}
