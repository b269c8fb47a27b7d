import { useMemo, useSyncExternalStore } from 'react';
import { isLoaded, onLoaded, translator, type Translator } from '../i18n';
import { useSandbox } from './context';

/**
 * The page's translator: the messages of the language chosen (ui.language), once they have loaded,
 * else English; components re-render when the language changes or its messages arrive.
 */
export function useT(): Translator {
  const language = useSandbox((s) => s.ui.language);
  const ready = useSyncExternalStore(onLoaded, () => isLoaded(language));
  return useMemo(() => translator(ready ? language : 'en'), [language, ready]);
}

