import { runAction } from '../store/actions';
import { onTheme } from '../store/actions/layout';
import type { SandboxStore } from '../store/store';

/**
 * The theme on the page: the system's preference (prefers-color-scheme) is told to the store as it
 * changes, and the theme in effect is set on the root element, where the style sheets read it.
 * Runs before the first paint, so the page never flashes the other theme.
 */
export function followTheme(store: SandboxStore): () => void {
  const media = window.matchMedia?.('(prefers-color-scheme: dark)');
  const tell = () => runAction(store, 'theme.system', media?.matches ? 'dark' : 'light');
  tell();
  media?.addEventListener('change', tell);
  const unsub = onTheme(store, (theme) => {
    document.documentElement.dataset.theme = theme;
  });
  return () => {
    media?.removeEventListener('change', tell);
    unsub();
  };
}
