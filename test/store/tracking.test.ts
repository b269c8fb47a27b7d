import { afterEach, describe, expect, it, vi } from 'vitest';
import { trackerFor } from '../../src/content/lesson';

afterEach(() => {
  vi.doUnmock('../../src/store/preloaded');
  vi.resetModules();
});

describe("the lessons' live checker as the store reaches it", () => {
  it('in the production page it is absent until the lesson machinery installs it', async () => {
    vi.resetModules();
    vi.doMock('../../src/store/preloaded', () => ({ PRELOADED: undefined }));
    const t = await import('../../src/store/tracking');
    expect(t.lessonTracker()).toBeUndefined();
    t.installTracker(trackerFor);
    expect(t.lessonTracker()).toBe(trackerFor);
  });

  it('where the lesson code is loaded with the page (tests, the dev server) it is there from the start', async () => {
    vi.resetModules();
    const t = await import('../../src/store/tracking');
    const { trackerFor: fresh } = await import('../../src/content/lesson');
    expect(t.lessonTracker()).toBe(fresh);
  });
});
