import { translateMaybe, type Locale } from '../i18n';
import type { SimEvent } from '../sim';

/**
 * An event's message in a locale. The engine writes each message in English (the runner prints it, the pins
 * hash it) and, for the sandbox's own narration, keeps the form it said it from and the form's values beside
 * it (src/sim/model/narration.ts); the page says that form through the locale files' `event.<form>` key with
 * those values. ECS's own words have no form and stay as ECS writes them: service events, and wherever a
 * sentence embeds a stopped reason, a status reason or a status value, that value.
 */
export function eventText(locale: Locale, e: Pick<SimEvent, 'message' | 'form' | 'values'>): string {
  if (locale === 'en' || e.form === undefined) return e.message;
  return translateMaybe(locale, `event.${e.form}`, e.values) ?? e.message;
}
