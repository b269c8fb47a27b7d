import { onLanguage } from '../store/actions/layout';
import type { SandboxStore } from '../store/store';

/** The root element's lang attribute follows the page's language (screen readers and hyphenation read it). */
export function followLanguage(store: SandboxStore): () => void {
  return onLanguage(store, (l) => {
    document.documentElement.lang = l;
  });
}
