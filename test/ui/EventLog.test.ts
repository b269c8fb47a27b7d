// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { EventLog } from '../../src/ui/EventLog';
import { runAction } from '../../src/store/actions';
import { loadLocale } from '../../src/i18n';
import { withTasks } from '../support/sandbox';
import { render, settle, type } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

/** The event log over a world with one running task, and what its entries read after typing into its text filter. */
async function eventLog(language: 'en' | 'es') {
  const store = withTasks(1);
  if (language === 'es') {
    await loadLocale('es');
    await settle(() => runAction(store, 'language.set', 'es'));
  }
  const { root, unmount } = await render(store, createElement(EventLog));
  done = unmount;
  const input = root.querySelector<HTMLInputElement>('input[type=search]')!;
  const filter = async (text: string) => {
    await type(input, text);
    return [...root.querySelectorAll('.events li')].map((li) => li.textContent!);
  };
  return { filter };
}

describe("the event log's text filter matches the text the learner reads", () => {
  it('in English, the English entries', async () => {
    const { filter } = await eventLog('en');
    const running = await filter('is running on');
    expect(running).toHaveLength(1);
    expect(running[0]).toMatch(/Task [0-9a-f]{32} \(web\) is RUNNING on i-/);
    expect(await filter('Cluster demo was created')).toHaveLength(1);
    // The Spanish words are not on the English page.
    expect(await filter('está RUNNING en')).toEqual([]);
  });

  it('in Spanish, the Spanish entries, with or without their accents', async () => {
    const { filter } = await eventLog('es');
    const running = await filter('está RUNNING en');
    expect(running).toHaveLength(1);
    expect(running[0]).toMatch(/La tarea [0-9a-f]{32} \(web\) está RUNNING en i-/);
    expect(await filter('esta running en')).toEqual(running);
    expect(await filter('Se creó el clúster demo')).toHaveLength(1);
    expect(await filter('se creo el cluster')).toHaveLength(1);
    // The English the page does not show finds nothing.
    expect(await filter('is running on')).toEqual([]);
    expect(await filter('was created')).toEqual([]);
  });
});
