import { useMemo, useSyncExternalStore } from 'react';
import { isLoaded, onLoaded, translateMaybe, translator, type Translator } from '../i18n';
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


/** A registered action's label in the page's language (the registry's English one where it has none). */
export function actionLabel(t: Translator, id: string, english: string): string {
  return translateMaybe(t.locale, `action.${id}`) ?? english;
}

/** The label of one choice an action offers in the palette (a panel, a theme), translated where it can be. */
export function choiceLabel(t: Translator, id: string, arg: unknown, english: string): string {
  return translateMaybe(t.locale, `choice.${id}.${String(arg)}`) ?? english;
}
