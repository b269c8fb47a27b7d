import { describe, expect, it } from 'vitest';
import { Engine, FAULT_EVENT } from '../../../src/sim/core/engine';
import { FREE_TEXT, NARRATION, say, sayWith, slotsOf, type Form } from '../../../src/sim/model/narration';

describe('the narration table', () => {
  it('says a form with its values in its slots, each as a template literal would say it', () => {
    const s = say('TaskStateChange.provisioning', { id: 'abc', family: 'web', provider: 'FARGATE' });
    expect(s).toEqual({ form: 'TaskStateChange.provisioning', values: { id: 'abc', family: 'web', provider: 'FARGATE' }, message: 'Task abc (web) is PROVISIONING: waiting for capacity from FARGATE.' });
    expect(say('ServiceCreated.created', { name: 'web', count: 3 }).values).toEqual({ name: 'web', count: '3' });
    expect(say('FargateSpotCapacity.none', {}).message).toBe('Fargate Spot has no spare capacity.');
  });

  it('fills a slot that stands twice with the same value, and keeps no values beyond the slots', () => {
    const v = { name: 'api', endpoint: 'api.example', min: 1, max: 4, taskDefinition: 'api:1', extra: 'not kept' };
    const s = say('ExpressGatewayServiceChange.active', v);
    expect(s.message).toContain('Express service api is ACTIVE at https://api.example: service api on Fargate (canary deployments, 1-4 tasks');
    expect(Object.keys(s.values).sort()).toEqual(['endpoint', 'max', 'min', 'name', 'taskDefinition']);
  });

  it('says a form whose values come in two parts as the whole values would say it', () => {
    const part = { form: 'TaskStateChange.on' as const, values: { id: 'abc', family: 'web', instance: 'i-1' } };
    expect(sayWith(part, { status: 'RUNNING' })).toEqual(say('TaskStateChange.on', { id: 'abc', family: 'web', status: 'RUNNING', instance: 'i-1' }));
    expect(sayWith(part, { status: 'RUNNING' }).message).toBe('Task abc (web) is RUNNING on i-1.');
  });

  it("has no form for ECS's own words: a service's events are free text", () => {
    expect(FREE_TEXT).toEqual(['ServiceEvent']);
    expect(Object.keys(NARRATION).some((f) => f.startsWith('ServiceEvent.'))).toBe(false);
  });

  it('names every slot of a template once, in order', () => {
    expect(slotsOf('TaskStateChange.on')).toEqual(['id', 'family', 'status', 'instance']);
    for (const form of Object.keys(NARRATION) as Form[]) expect(form.split('.').length, form).toBeGreaterThanOrEqual(2);
  });

  it("says the engine's fault report as the table's form does, though the engine sits on the floor below the table", () => {
    const e = new Engine('x');
    e.on('boom', () => {
      throw new Error('a defect');
    });
    e.after(500, { k: 'boom' });
    e.runUntil(1000);
    const fault = e.log.find((x) => x.type === FAULT_EVENT)!;
    expect(fault.form).toBe('sim.fault.stopped');
    expect(say('sim.fault.stopped', fault.values as { kind: string; at: string; error: string }).message).toBe(fault.message);
  });
});
