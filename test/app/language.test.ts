// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { followLanguage } from '../../src/app/language';
import { runAction } from '../../src/store/actions';
import { sandbox } from '../support/sandbox';

afterEach(() => void document.documentElement.removeAttribute('lang'));

describe("the page's lang attribute", () => {
  it("is the page's language from the start and changes with it, until told to stop", async () => {
    const store = sandbox();
    document.documentElement.lang = 'fr';
    const stop = followLanguage(store);
    expect(document.documentElement.lang).toBe('en');
    await runAction(store, 'language.set', 'es');
    await expect.poll(() => store.getState().ui.language).toBe('es');
    expect(document.documentElement.lang).toBe('es');
    stop();
    await runAction(store, 'language.set', 'en');
    await expect.poll(() => store.getState().ui.language).toBe('en');
    expect(document.documentElement.lang).toBe('es');
  });
});
