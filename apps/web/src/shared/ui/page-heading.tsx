import { useEffect, useRef } from 'react';

let lastPath: string | null = null;

/**
 * The page's h1. It names the browser tab and, after an in-app navigation
 * (not on the first load), takes focus so screen reader users hear where
 * they landed, as they would on a full page load. Not from someone who is
 * typing in a field meanwhile (such as the header's search box).
 */
export function PageHeading({ children, documentTitle }: { children: string; documentTitle?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const title = documentTitle ?? children;
  useEffect(() => {
    document.title = `${title} · Spiraal`;
  }, [title]);
  useEffect(() => {
    const path = window.location.pathname;
    const typing = document.activeElement?.matches(
      'input:not([type=checkbox], [type=radio], [type=button], [type=submit]), textarea, [contenteditable="true"]',
    );
    if (lastPath !== null && lastPath !== path && !document.querySelector('dialog[open]') && !typing)
      ref.current?.focus();
    lastPath = path;
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
