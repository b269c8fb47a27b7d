import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocale, translator } from '../../src/i18n';
import { reason } from '../../src/store/registry';
import { actionLabel, choiceLabel, messageIn, reasonIn } from '../../src/ui/i18n';

beforeAll(() => loadLocale('es'));

describe("the page's words in the page's language", () => {
  it('a reason an action gives is said in Spanish when the rule said it by its key, and left as it is otherwise', () => {
    const es = translator('es');
    const why = reason('reason.noWorld');
    expect(why).toBe('the scenario cannot run; fix it in the editor first');
    expect(reasonIn(es, why)).toBe('el escenario no puede ejecutarse; corrígelo antes en el editor');
    expect(reasonIn(translator('en'), why)).toBe(why);
    expect(reasonIn(es, 'words no key made')).toBe('words no key made');
  });

  it('a refusal names the action and its reason in the page’s language', () => {
    const es = translator('es');
    const m = { key: 'notice.notNow' as const, params: { action: 'Undo the last action', id: 'history.undo', why: reason('reason.noWorld') } };
    expect(messageIn(translator('en'), m)).toBe('Undo the last action: not now, the scenario cannot run; fix it in the editor first.');
    expect(messageIn(es, m)).toMatch(/^Deshacer la última acción\b.*el escenario no puede ejecutarse; corrígelo antes en el editor/);
  });

  it('an action and a palette choice are named from the locale, or by the English given where it has no entry', () => {
    const es = translator('es');
    expect(actionLabel(es, 'history.undo', 'Undo the last action')).toBe('Deshacer la última acción');
    expect(actionLabel(es, 'no.such.action', 'Do a thing')).toBe('Do a thing');
    expect(choiceLabel(es, 'theme.set', 'dark', 'Dark')).toBe('Oscuro');
    expect(choiceLabel(es, 'theme.set', 'sepia', 'Sepia')).toBe('Sepia');
  });
});
