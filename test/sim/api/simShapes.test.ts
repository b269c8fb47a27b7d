import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { DOCKER_MODEL, SIM_MODEL } from '../../../src/sim/api/simShapes';
import { RANGES } from '../../../src/sim/model/limits';

const opsOf = (ns: string) =>
  Sim.operations()
    .filter((o) => o.startsWith(`${ns}.`))
    .map((o) => o.slice(ns.length + 1))
    .sort();

describe('the request tables of the simulator and the Docker host', () => {
  it('name exactly the operations each namespace has, each with a structure shape it defines', () => {
    for (const [ns, model] of [
      ['sim', SIM_MODEL],
      ['docker', DOCKER_MODEL],
    ] as const) {
      expect(Object.keys(model.operations).sort()).toEqual(opsOf(ns));
      for (const shape of Object.values(model.operations)) expect(model.shapes[shape]?.t, `${ns} ${shape}`).toBe('structure');
    }
  });

  it('refer only to shapes they define', () => {
    for (const model of [SIM_MODEL, DOCKER_MODEL]) {
      const refs = Object.values(model.shapes).flatMap((s) => [...Object.values(s.m ?? {}), ...(s.e ? [s.e] : []), ...(s.k ? [s.k] : []), ...(s.v ? [s.v] : [])]);
      expect(refs.filter((r) => !Object.hasOwn(model.shapes, r))).toEqual([]);
    }
  });

  it('carry the bounds of model/limits.ts', () => {
    expect(SIM_MODEL.shapes.LaunchCount).toEqual({ t: 'integer', min: RANGES.simLaunchCount.min, max: RANGES.simLaunchCount.max });
    expect(SIM_MODEL.shapes.Port).toEqual({ t: 'integer', min: 1, max: 65535 });
    expect(SIM_MODEL.shapes.InstanceIds).toMatchObject({ t: 'list', min: RANGES.simInstanceIds.min, max: RANGES.simInstanceIds.max });
  });

  it('are what Sim.call checks a request against', () => {
    const sim = new Sim();
    sim.call('ecs.CreateCluster', { clusterName: 'demo' });
    expect(sim.call('sim.LaunchInstances', { cluster: 'demo', count: 1001 }).error).toEqual({
      code: 'InvalidParameterException',
      message: "1 validation error detected: Value '1001' at 'count' failed to satisfy constraint: Member must have value less than or equal to 1000",
    });
    expect(sim.call('docker.ComposeUp', { project: 'p', services: [{ name: 'a', image: 'nginx', dependsOn: { b: 'service_ready' } }] }).error?.message).toContain(
      "at 'services.1.member.dependsOn.b.value' failed to satisfy constraint: Member must satisfy enum value set: [service_started, service_healthy, service_completed_successfully]",
    );
    expect(sim.call('sim.SetLoad', { cluster: 'demo', cpuUnits: 'lots' }).error?.code).toBe('ParamValidationError');
  });
});
