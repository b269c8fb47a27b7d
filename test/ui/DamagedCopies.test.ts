// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { DamagedCopies } from '../../src/ui/DamagedCopies';
import { runAction } from '../../src/store/actions';
import { keepDamaged } from '../../src/store/workspace';
import { sandbox } from '../support/sandbox';
import { click, render, settle } from '../support/render';
import type { FakePort } from '../support/fakePort';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

describe('the damaged copies dialog', () => {
  it('says there are none when none is kept', async () => {
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(DamagedCopies));
    done = unmount;
    await settle(() => runAction(store, 'damaged.show'));
    expect(root.querySelector('h2')!.textContent).toBe('Damaged copies of the saved workspace');
    expect(root.textContent).toContain('There are none.');
  });

  it('lists each copy with when, how big and why, and its buttons act on that copy', async () => {
    const store = sandbox();
    const port = store.port as FakePort;
    keepDamaged(port.storage, 'x'.repeat(3000), 'the workspace could not be read', 0);
    keepDamaged(port.storage, '{"a":1}', 'imported by hand', Date.UTC(2026, 0, 2, 10, 30));
    const { root, unmount } = await render(store, createElement(DamagedCopies));
    done = unmount;
    await settle(() => runAction(store, 'damaged.show'));
    const items = [...root.querySelectorAll('li')];
    expect(items).toHaveLength(2);
    const texts = items.map((li) => li.querySelector('p')!.textContent);
    expect(texts).toContainEqual(expect.stringMatching(/^Kept .*2026.*, 7 characters: imported by hand$/));
    expect(texts).toContain('Kept at an earlier visit, 3 K characters: the workspace could not be read');
    const small = items.find((li) => li.textContent!.includes('imported by hand'))!;
    expect([...small.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Restore', 'Download', 'Delete']);
    await click([...small.querySelectorAll('button')][1]!);
    expect(port.downloads.at(-1)!.text).toBe('{"a":1}');
    await click([...small.querySelectorAll('button')][2]!);
    // Deleted: the list is read again.
    expect(root.querySelectorAll('li')).toHaveLength(1);
  });
});
