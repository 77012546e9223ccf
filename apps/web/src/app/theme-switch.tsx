import { useMessages } from '../shared/i18n/language';
import { useTheme } from '../shared/ui/theme';
import { appMessages } from './messages';

/** Dark mode on or off: one toggle button, pressed when dark; the choice is remembered. */
export function ThemeSwitch() {
  const m = useMessages(appMessages);
  const { theme, setTheme } = useTheme();
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="theme-switch"
      aria-pressed={dark}
      title={m.darkMode}
      onClick={() => setTheme(dark ? 'light' : 'dark')}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z"
          fill={dark ? 'currentColor' : 'none'}
          stroke="currentColor"
          strokeWidth="2"
          strokeLinejoin="round"
        />
      </svg>
      <span className="visually-hidden">{m.darkMode}</span>
    </button>
  );
}
