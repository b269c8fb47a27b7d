// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import WorldCanvas from '../../../src/ui/canvas/WorldCanvas';
import { selectWorldView, type WorldView } from '../../../src/store/selectors/world';
import { initialState, makeStore } from '../../../src/store/store';
import { defaultWorkspace } from '../../../src/store/defaults';
import { sandbox } from '../../support/sandbox';
import { fakePort } from '../../support/fakePort';
import { render, settle } from '../../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

// The canvas lays the world out for the size it is given on screen: 1000 × 600 here.
const sizes = ['clientWidth', 'clientHeight'] as const;
const saved = sizes.map((k) => Object.getOwnPropertyDescriptor(HTMLElement.prototype, k));
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
});
afterAll(() => sizes.forEach((k, i) => saved[i] && Object.defineProperty(HTMLElement.prototype, k, saved[i]!)));

async function canvas(view: WorldView, more: Partial<Parameters<typeof WorldCanvas>[0]> = {}) {
  const page = await render(sandbox(), createElement(WorldCanvas, { view, focus: null, label: 'Cluster canvas', title: 'The world', theme: 'light', ...more }));
  done = page.unmount;
  await settle(() => new Promise((r) => setTimeout(r, 20)));
  return page.root;
}

/** A world with nothing in it: a scenario that creates nothing. */
function emptyView(): WorldView {
  const w = defaultWorkspace();
  const text = 'name: nothing\nseed: 1\nactions: []\n';
  return selectWorldView(makeStore(initialState({ ...w, scenarioId: null, scenarioText: text, files: { ...w.files, 'scenario.yaml': text } }), fakePort()).getState())!;
}

describe('the world canvas', () => {
  it('is a named region with its title and the zoom and fit buttons above it, never over it', async () => {
    const root = await canvas(selectWorldView(sandbox().getState())!, { fitRequest: 0 });
    const region = root.querySelector('[role="region"]')!;
    expect(region.getAttribute('aria-label')).toBe('Cluster canvas');
    const bar = region.querySelector('.canvas-bar')!;
    expect(bar.querySelector('.canvas-title')!.textContent).toBe('The world');
    expect([...bar.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual(['Zoom out', 'Zoom in', 'Fit']);
    // The fit key is said where the page has one (F).
    expect(bar.querySelector('button:last-child')!.getAttribute('aria-keyshortcuts')).toBe('F');
    expect(region.querySelector('.canvas .canvas-bar')).toBeNull();
    expect(root.querySelector('.canvas-empty')).toBeNull();
  });

  it('a canvas with no fit key (a world beside the learner’s) says none', async () => {
    const root = await canvas(selectWorldView(sandbox().getState())!);
    expect(root.querySelector('.canvas-bar button:last-child')!.hasAttribute('aria-keyshortcuts')).toBe(false);
  });

  it('with nothing to draw, says what will appear there', async () => {
    const root = await canvas(emptyView());
    expect(root.querySelector('.canvas-empty')!.textContent).toBe('Nothing runs here yet: what you start (a process, a container, a cluster) appears on this canvas.');
  });

  it('a pane of worlds side by side is framed as one', async () => {
    const root = await canvas(selectWorldView(sandbox().getState())!, { pane: true });
    expect(root.querySelector('[role="region"]')!.className).toBe('canvas-frame pane');
  });
});
