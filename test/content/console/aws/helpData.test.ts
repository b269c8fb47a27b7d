// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HELP_LOADING, helpData, loadHelp } from '../../../../src/content/console/aws/helpData';
import { SERVICE_NAMES, inputShape, serviceModel } from '../../../../src/content/console/aws/model';

afterEach(() => {
  vi.useRealTimers();
});

describe("the API models' documentation", () => {
  it('is not there until it has loaded, and loads once', async () => {
    expect(helpData()).toBeUndefined();
    expect(HELP_LOADING).toBe("The AWS CLI's documentation is still loading; run the command again in a moment.");
    const [a, b] = await Promise.all([loadHelp(), loadHelp()]);
    expect(a).toBe(b);
    expect(helpData()).toBe(a);
  });

  it("has each service's titles, operations, members and enums, by the model's shape indexes", async () => {
    const docs = await loadHelp();
    expect(Object.keys(docs.services)).toEqual([...SERVICE_NAMES]);
    const ecs = docs.services.ecs!;
    expect(ecs.doc.split('\n\n')[0]).toBe('Amazon Elastic Container Service');
    expect(ecs.ops.ListClusters).toMatch(/^Returns a list of existing clusters\./);
    const input = inputShape(serviceModel('ecs')!, 'DescribeServices')!;
    expect(ecs.enums[`${input.ref}.include`]).toEqual(['TAGS']);
    expect(ecs.members[input.ref]!.services).toMatch(/^A list of services to describe/);
  });

  it('loads by itself a few seconds after a page is up', async () => {
    vi.resetModules();
    vi.useFakeTimers();
    const fresh = await import('../../../../src/content/console/aws/helpData');
    expect(fresh.helpData()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(2999);
    expect(fresh.helpData()).toBeUndefined();
    vi.advanceTimersByTime(1);
    vi.useRealTimers();
    await expect.poll(() => fresh.helpData()).toBeDefined();
  });
});
