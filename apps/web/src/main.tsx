import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The shared stylesheets first, so the features' own (imported by their components) come after them.
import './shared/ui/tokens.css';
import './shared/ui/base.css';
import './shared/ui/messages.css';
import './shared/ui/forms.css';
import './shared/ui/buttons.css';
import './shared/ui/dialog.css';
import './shared/ui/table.css';
import { App } from './app/app';
import { SessionProvider } from './shared/api/session';
import { LanguageProvider } from './shared/i18n/language';
import { applyStoredTheme } from './shared/ui/theme';

applyStoredTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LanguageProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </LanguageProvider>
  </StrictMode>,
);
