import { useEffect, useRef } from 'react';

let lastPath: string | null = null;

/**
 * The page's h1. It names the browser tab and, after an in-app navigation
 * (not on the first load), takes focus so screen reader users hear where
 * they landed, as they would on a full page load.
 */
export function PageHeading({ children, documentTitle }: { children: string; documentTitle?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const title = documentTitle ?? children;
  useEffect(() => {
    document.title = `${title} · Spiraal`;
  }, [title]);
  useEffect(() => {
    const path = window.location.pathname;
    if (lastPath !== null && lastPath !== path && !document.querySelector('dialog[open]')) ref.current?.focus();
    lastPath = path;
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
