import { useMemo, useSyncExternalStore } from 'react';
import { isLoaded, onLoaded, translate, translateMaybe, translator, type Message, type Translator } from '../i18n';
import { reasonMessage } from '../store/registry';
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

/** Why an action cannot run now, in the page's language (the English words where the rule said them without a key). */
export function reasonIn(t: Translator, why: string): string {
  const m = reasonMessage(why);
  return m ? translate(t.locale, m.key, m.params) : why;
}

/** A notice's or an echo's message in the page's language; a value that is a reason is said in that language too. */
export function messageIn(t: Translator, m: Pick<Message, 'key' | 'params'>): string {
  const params = m.params && Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, typeof v === 'string' ? reasonIn(t, v) : v]));
  // An action named by its id (a refusal's "Undo: not now, …") is named in the page's language.
  if (params && typeof m.params?.id === 'string' && typeof m.params.action === 'string') params.action = actionLabel(t, m.params.id, m.params.action);
  return translate(t.locale, m.key, params);
}

/** A registered action's label in the page's language (the registry's English one where it has none). */
export function actionLabel(t: Translator, id: string, english: string): string {
  return translateMaybe(t.locale, `action.${id}`) ?? english;
}

/** The label of one choice an action offers in the palette (a panel, a theme), translated where it can be. */
export function choiceLabel(t: Translator, id: string, arg: unknown, english: string): string {
  return translateMaybe(t.locale, `choice.${id}.${String(arg)}`) ?? english;
}
