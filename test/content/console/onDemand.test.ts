import { describe, expect, it, vi } from 'vitest';
import * as consoleModule from '../../../src/content/console/index';
import * as onDemand from '../../../src/content/console/onDemand';
import { newSession } from '../../../src/content/console/session';

describe('the console on demand, where it comes with the module (Node, the tests, the dev server)', () => {
  it('is loaded from the start, and runs what needs it at once', async () => {
    expect(onDemand.consoleLoaded()).toBe(true);
    expect(onDemand.withConsole(() => 42)).toBe(42);
    expect(await onDemand.loadConsole()).toBe(consoleModule);
  });

  it("answers with the console's own functions", () => {
    expect(onDemand.readLine('echo hi')).toEqual(consoleModule.readLine('echo hi'));
    expect(onDemand.waitOf('sleep 90s')).toEqual({ ms: 90_000 });
    expect(onDemand.filesRead('docker build -t a .', { Dockerfile: 'FROM x', other: 'y' })).toEqual({ Dockerfile: 'FROM x' });
    expect(onDemand.parseCompose('services:\n  web:\n    image: nginx\n', 'compose.yaml').project?.services.map((s) => s.name)).toEqual(['web']);
    expect(onDemand.parseManifest('name: api\ntype: Backend Service\nimage:\n  location: nginx\n', 'm.yml').manifest?.type).toBe('Backend Service');
  });
});

describe('the console on demand, where the build leaves it out of the first load', () => {
  it('refuses to run before it has loaded, loads once, and then runs as when it came with the module', async () => {
    vi.resetModules();
    vi.doMock('../../../src/content/console/preloaded', () => ({ PRELOADED: undefined }));
    try {
      const lazy = await import('../../../src/content/console/onDemand');
      expect(lazy.consoleLoaded()).toBe(false);
      expect(() => lazy.readLine('echo hi')).toThrow('the console has not loaded');
      expect(() => lazy.parseCompose('services: {}', 'compose.yaml')).toThrow('the console has not loaded');
      const later = lazy.withConsole(() => lazy.runLine(lazy.readLine('echo hi'), { sim: undefined as never, session: newSession() }).output);
      expect(later).toBeInstanceOf(Promise);
      expect(await later).toBe('hi');
      expect(lazy.consoleLoaded()).toBe(true);
      expect(lazy.loadConsole()).toBe(lazy.loadConsole());
      expect(lazy.withConsole(() => 'now')).toBe('now');
      expect(lazy.parseCompose('services:\n  a:\n    image: x\n', 'compose.yaml').project?.name).toBe('sandbox');
    } finally {
      vi.doUnmock('../../../src/content/console/preloaded');
      vi.resetModules();
    }
  });
});
