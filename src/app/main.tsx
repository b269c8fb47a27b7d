import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { UpdatePrompt } from './offline/UpdatePrompt';
import { browserPort } from './port';
import { loadPrefs } from '../store/prefs';
import { loadLocale, pickLocale } from '../i18n';
import '../ui/styles.css';

// The language the page opens in (the one chosen here before, else the browser's) is fetched before
// the first paint, so the page never shows English first and then changes.
const port = browserPort();
const first = loadPrefs(port.storage).language ?? pickLocale(port.languages?.());

void loadLocale(first).catch(() => undefined).finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <UpdatePrompt locale={first} />
      <App />
    </StrictMode>,
  );
});
