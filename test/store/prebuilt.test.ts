import { describe, expect, it } from 'vitest';
import { LATER, loadPrebuilt, PREBUILT } from '../../src/store/prebuilt';

// The module as Node, the tests and the dev server have it; the production build fills it (vite.config.ts,
// prebuiltScenariosPlugin, checked by test/browser/firstLoad.test.ts and test/store/parser.test.ts).
describe('the built-in scenarios the build parsed', () => {
  it('are none outside the build, and none are left to load', async () => {
    expect(PREBUILT).toEqual({});
    expect(LATER).toEqual([]);
    await loadPrebuilt();
    expect(PREBUILT).toEqual({});
  });
});
