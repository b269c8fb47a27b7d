import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { UpdatePrompt } from './offline/UpdatePrompt';
import { browserPort } from './port';
import { loadPrefs } from '../store/prefs';
import { loadLocale, pickLocale } from '../i18n';
import { loadWorkspace } from '../store/workspace';
import { defaultWorkspace, loadBuiltInTexts, SCENARIO_FILE } from '../store/defaults';
import { loadBuiltIn, loadParser, needsOperations, needsParser } from '../store/parser';
import { loadOperations } from '../sim';
import { windowMode } from '../store/present';
import { loadConsole } from '../content/console/onDemand';
import '../ui/styles.css';

// The language the page opens in (the one chosen here before, else the browser's) is fetched before
// the first paint, so the page never shows English first and then changes.
const port = browserPort();
const first = loadPrefs(port.storage).language ?? pickLocale(port.languages?.());

// The store rebuilds the saved world as it is made, so what that needs loads first: the scenario parser
// for a scenario that is not a built-in one (a built-in one opens from what the build parsed), the
// console for typed commands to replay. The audience's and class windows open whatever the presenter's
// window or a file says, so they load both. The engine starts with the operations the built-in scenarios
// that need no others call: a world with saved actions, or a built-in scenario that calls more (an ALB,
// Cloud Map, auto scaling), has the rest loaded first, and a built-in scenario other than the first view's
// its parse from the build. The clock runs only once the world is rebuilt.
// The first load has the first view's scenario text alone: a saved world with another text is told from
// a built-in scenario once the built-in texts have come.
const start = defaultWorkspace().scenarioText;
const saved = loadWorkspace(port.storage, defaultWorkspace()).workspace;
const follower = windowMode(location.search) !== 'page';
const commands = follower || saved.actions.some((a) => a.kind === 'command') ? loadConsole() : undefined;
const texts = [saved.scenarioText, saved.files[SCENARIO_FILE] ?? start].some((t) => t !== start) ? loadBuiltInTexts().catch(() => undefined) : undefined;
const world = Promise.resolve(texts).then(() => {
  const parser = follower || needsParser(saved.scenarioText) ? loadParser() : undefined;
  const operations = needsOperations(saved.scenarioText) ? loadBuiltIn() : saved.actions.length > 0 ? loadOperations() : undefined;
  return Promise.all([parser?.catch(() => undefined), operations?.catch(() => undefined)]);
});

void Promise.all([loadLocale(first).catch(() => undefined), commands?.catch(() => undefined), world]).finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <UpdatePrompt locale={first} />
      <App />
    </StrictMode>,
  );
});
