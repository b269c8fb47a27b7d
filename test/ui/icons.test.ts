// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { Icon, type IconName } from '../../src/ui/icons';
import { sandbox } from '../support/sandbox';
import { render } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

describe("the header's icons", () => {
  it('are drawn in the text colour and hidden from assistive technology (the button says the word)', async () => {
    const names: IconName[] = ['share', 'export', 'import', 'keys', 'dark', 'light'];
    const { root, unmount } = await render(sandbox(), createElement('div', null, ...names.map((name) => createElement(Icon, { name, key: name }))));
    done = unmount;
    const svgs = [...root.querySelectorAll('svg')];
    expect(svgs).toHaveLength(6);
    for (const s of svgs) {
      expect(s.getAttribute('aria-hidden')).toBe('true');
      expect(s.getAttribute('focusable')).toBe('false');
      expect(s.querySelector('path')!.getAttribute('stroke')).toBe('currentColor');
    }
    // Each name draws a picture of its own.
    expect(new Set(svgs.map((s) => s.querySelector('path')!.getAttribute('d'))).size).toBe(6);
  });
});
