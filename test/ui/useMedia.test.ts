// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { NARROW, NARROW_WITH_LESSON, useMedia } from '../../src/ui/useMedia';
import { sandbox } from '../support/sandbox';
import { render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

function Probe({ query }: { query: string }) {
  return createElement('output', null, useMedia(query) ? 'holds' : 'not');
}

/** A window whose width the test sets, with matchMedia answering max-width queries from it. */
function fakeWidth(width: number) {
  const listeners = new Set<() => void>();
  let w = width;
  const holds = (q: string) => {
    const m = /max-width: (\d+)px/.exec(q);
    return m ? w <= Number(m[1]) : false;
  };
  window.matchMedia = ((q: string) => ({
    get matches() {
      return holds(q);
    },
    media: q,
    addEventListener: (_: string, f: () => void) => listeners.add(f),
    removeEventListener: (_: string, f: () => void) => listeners.delete(f),
  })) as unknown as typeof window.matchMedia;
  return {
    resize: (to: number) => {
      w = to;
      for (const f of listeners) f();
    },
    listeners,
  };
}

describe('a media query followed as the window changes', () => {
  it('the event log joins the tools below 1200 px, and below 1440 px beside a lesson', async () => {
    const win = fakeWidth(1280);
    const { root, unmount } = await render(sandbox(), createElement('div', null, createElement(Probe, { query: NARROW }), createElement(Probe, { query: NARROW_WITH_LESSON })));
    done = unmount;
    const said = () => [...root.querySelectorAll('output')].map((o) => o.textContent);
    expect(said()).toEqual(['not', 'holds']);
    await settle(() => win.resize(1024));
    expect(said()).toEqual(['holds', 'holds']);
    await settle(() => win.resize(1920));
    expect(said()).toEqual(['not', 'not']);
    await unmount();
    done = undefined;
    expect(win.listeners.size).toBe(0);
  });
});
