import { useEffect, useState } from 'react';
import { StoreContext } from '../ui/context';
import { Workspace } from '../ui/Workspace';
import { bootStore, persist } from '../store/boot';
import { tick } from '../store/actions';
import { hashNamesLesson, openFromUrl, openShareLink } from '../store/links';
import { browserPort } from './port';
import { listenForKeys } from './keyboard';
import { followTheme } from './theme';
import { followLanguage } from './language';

/** The page: the store on the browser's port, the address it was opened at, the clock's frames and the keys. */
export function App() {
  const [store] = useState(() => {
    const s = bootStore(browserPort());
    followTheme(s);
    followLanguage(s);
    return s;
  });
  useEffect(() => {
    void openShareLink(store).then(() => openFromUrl(store)).finally(() => {
      document.documentElement.setAttribute('data-ready', 'true');
      if (!performance.getEntriesByName('sandbox-interactive').length) performance.mark('sandbox-interactive');
    });
    // A share link pasted into this tab's address bar changes only the hash.
    const onHash = () => void openShareLink(store).then(() => (hashNamesLesson(store) ? openFromUrl(store) : undefined));
    window.addEventListener('hashchange', onHash);
    const saving = persist(store);
    window.addEventListener('pagehide', saving.flush);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('pagehide', saving.flush);
      saving.stop();
    };
  }, [store]);
  useEffect(() => {
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
  }, [store]);
  useEffect(() => listenForKeys(store), [store]);
  return (
    <StoreContext.Provider value={store}>
      <Workspace />
    </StoreContext.Provider>
  );
}
