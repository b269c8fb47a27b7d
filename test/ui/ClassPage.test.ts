// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { ClassPage } from '../../src/ui/ClassPage';
import { sandbox } from '../support/sandbox';
import { click, render, settle } from '../support/render';
import type { FakePort } from '../support/fakePort';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

const file = (name: string, lessons: Record<string, unknown>) => ({ name, text: async () => JSON.stringify({ version: 1, lessons }) });

/** Drops files on the page's drop zone, as an instructor drags them from a folder. */
async function drop(root: HTMLElement, files: { name: string; text: () => Promise<string> }[]) {
  const zone = root.querySelector('label.drop')!;
  const e = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(e, 'dataTransfer', { value: { files } });
  await settle(async () => {
    zone.dispatchEvent(e);
    await new Promise((r) => setTimeout(r, 10));
  });
}

const column = (root: HTMLElement, i: number) => [...root.querySelectorAll('tbody tr')].map((tr) => tr.querySelectorAll('td')[i]!.textContent);

describe('the Class page', () => {
  it('before any file: no table, and says so', async () => {
    const { root, unmount } = await render(sandbox(), createElement(ClassPage));
    done = unmount;
    expect(root.querySelector('h1')!.textContent).toBe('Class progress');
    expect(root.querySelector('[role="status"]')!.textContent).toBe('No files yet.');
    expect(root.querySelector('table')).toBeNull();
  });

  it('reads dropped progress files into one row per learner and lesson, and names a file it cannot read', async () => {
    const { root, unmount } = await render(sandbox(), createElement(ClassPage));
    done = unmount;
    await drop(root, [
      file('ana.json', { L1: { passed: true, checkedAt: 95_000 }, L2: { passed: false, checkedAt: 30_000, traps: ['port-conflict'] } }),
      file('bo.json', { L1: { passed: false, checkedAt: 0 } }),
      { name: 'notes.txt', text: async () => 'hello' },
    ]);
    expect(root.querySelector('[role="status"]')!.textContent).toBe('3 files read, 3 results.');
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('notes.txt: it is not JSON');
    expect(column(root, 0)).toEqual(['ana', 'ana', 'bo']);
    expect(column(root, 2)).toEqual(['yes', 'no', 'no']);
    expect([...root.querySelectorAll('tbody td.ok')]).toHaveLength(1);
  });

  it('sorts by a column when its heading is pressed, the other way when pressed again, and says so to a screen reader', async () => {
    const { root, unmount } = await render(sandbox(), createElement(ClassPage));
    done = unmount;
    await drop(root, [file('ana.json', { L1: { passed: true, checkedAt: 95_000 } }), file('bo.json', { L1: { passed: false, checkedAt: 600_000 } }), file('cy.json', { L1: { passed: true, checkedAt: 30_000 } })]);
    const heading = [...root.querySelectorAll('th')].find((th) => th.textContent!.startsWith('Simulated time at the last check'))!;
    await click(heading.querySelector('button')!);
    expect(heading.getAttribute('aria-sort')).toBe('ascending');
    expect(column(root, 0)).toEqual(['cy', 'ana', 'bo']);
    await click(heading.querySelector('button')!);
    expect(heading.getAttribute('aria-sort')).toBe('descending');
    expect(heading.textContent).toBe('Simulated time at the last check ▼');
    expect(column(root, 0)).toEqual(['bo', 'ana', 'cy']);
  });

  it('exports the table as sorted as CSV', async () => {
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(ClassPage));
    done = unmount;
    await drop(root, [file('bo.json', { L1: { passed: false, checkedAt: 0 } }), file('ana.json', { L1: { passed: true, checkedAt: 95_000 } })]);
    const exportButton = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Export as CSV')!;
    await click(exportButton);
    const csv = (store.port as FakePort).downloads.at(-1)!;
    expect(csv.name).toBe('class-progress.csv');
    expect(
      csv.text
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    ).toEqual(['ana', 'bo']);
  });
});
