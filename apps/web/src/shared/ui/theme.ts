import { useEffect, useState } from 'react';

/**
 * Light or dark. Without a choice the page follows the system
 * (`prefers-color-scheme`: tokens.css uses `light-dark()` and `color-scheme:
 * light dark`, so that works before any script runs); a choice made with the
 * switch is remembered in localStorage and set as `data-theme` on <html>,
 * which pins `color-scheme` (docs/decisions/dark-mode.md).
 */
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'spiraal.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

/** Sets a remembered choice on <html> (call once before the first render). */
export function applyStoredTheme(): void {
  const stored = storedTheme();
  if (stored) document.documentElement.dataset.theme = stored;
}

/** The theme in effect, and a way to choose one (remembered). */
export function useTheme(): { theme: Theme; setTheme(theme: Theme): void } {
  const [chosen, setChosen] = useState<Theme | null>(storedTheme);
  const [system, setSystem] = useState<Theme>(systemTheme);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia(DARK_QUERY);
    const update = () => setSystem(query.matches ? 'dark' : 'light');
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  const setTheme = (theme: Theme) => {
    setChosen(theme);
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem(STORAGE_KEY, theme);
    } catch {
      // Private mode: the choice holds for this page only.
    }
  };
  return { theme: chosen ?? system, setTheme };
}
