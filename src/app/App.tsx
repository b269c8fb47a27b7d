import { lazy, Suspense, useEffect, useState } from 'react';
import { StoreContext } from '../ui/context';
import { Workspace } from '../ui/Workspace';
import { asksLinks, bootStore, persist } from '../store/boot';
import { watchLessonTime } from './lessonTime';
import { tick } from '../store/actions';
import type { SandboxStore } from '../store/store';
import { browserPort } from './port';
import { listenForKeys } from './keyboard';
import { followTheme } from './theme';
import { followPresenter, leadAudience } from './present';
import { windowMode } from '../store/present';
import { openDemoLink } from '../store/actions/demo';
import { followLanguage } from './language';
import { withEnglishLater } from '../i18n';

// The audience's window and the class page are pages of their own: loaded only when opened as one.
const AudienceView = lazy(withEnglishLater(() => import('../ui/Audience').then((m) => ({ default: m.AudienceView }))));
const ClassPage = lazy(withEnglishLater(() => import('../ui/ClassPage').then((m) => ({ default: m.ClassPage }))));

/**
 * The links' module (share, demo and lesson links, and a lesson or demo resumed after a reload) loads when the
 * address or the saved world asks it anything: the first view, from a plain address, does not.
 */
const links = () => import('../store/links');

/** Opens what the address links to (a share, a demo, a lesson) or resumes the saved lesson or demo, in that order. */
function openLinks(store: SandboxStore): Promise<void> {
  if (!asksLinks(store)) return Promise.resolve();
  return links().then((m) =>
    m
      .openShareLink(store)
      .then(() => openDemoLink(store))
      .then(() => m.openFromUrl(store)),
  );
}

/** A link pasted into this tab's address bar, which changes only the hash. */
function followHash(store: SandboxStore): Promise<void> {
  return links().then((m) =>
    m
      .openShareLink(store)
      .then(() => openDemoLink(store))
      .then(() => (m.hashNamesLesson(store) ? m.openFromUrl(store) : undefined)),
  );
}

/**
 * The page: the store on the browser's port, the address it was opened at, the clock's frames and the
 * keys. Opened with ?audience it is the audience's window instead: it follows the presenter's window
 * and keeps nothing (the presenter's saved workspace is not its to change); with ?class, the class page.
 */
export function App() {
  const [mode] = useState(() => windowMode(location.search));
  const audience = mode !== 'page';
  const [store] = useState(() => {
    const s = bootStore(browserPort());
    followTheme(s);
    followLanguage(s);
    return s;
  });
  useEffect(() => {
    void openLinks(store).finally(() => {
      document.documentElement.setAttribute('data-ready', 'true');
      if (!performance.getEntriesByName('sandbox-interactive').length) performance.mark('sandbox-interactive');
    });
    // A share link pasted into this tab's address bar changes only the hash.
    const onHash = () => void followHash(store);
    window.addEventListener('hashchange', onHash);
    if (audience) {
      const following = mode === 'audience' ? followPresenter(store) : () => undefined;
      return () => {
        window.removeEventListener('hashchange', onHash);
        following();
      };
    }
    const saving = persist(store);
    const leading = leadAudience(store);
    const timing = watchLessonTime(store);
    window.addEventListener('pagehide', saving.flush);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('pagehide', saving.flush);
      saving.stop();
      leading();
      timing();
    };
  }, [store, audience, mode]);
  useEffect(() => {
    if (audience) return undefined;
    // The clock: each frame advances the world by the elapsed time at the chosen speed, within a budget.
    let last = performance.now();
    let raf = 0;
    const frame = (now: number) => {
      tick(store, now - last);
      last = now;
      raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [store, audience]);
  useEffect(() => (audience ? undefined : listenForKeys(store)), [store, audience]);
  return (
    <StoreContext.Provider value={store}>
      {mode === 'audience' ? (
        <Suspense fallback={null}>
          <AudienceView />
        </Suspense>
      ) : mode === 'class' ? (
        <Suspense fallback={null}>
          <ClassPage />
        </Suspense>
      ) : (
        <Workspace />
      )}
    </StoreContext.Provider>
  );
}
