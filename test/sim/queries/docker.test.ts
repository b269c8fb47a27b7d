import { describe, expect, it } from 'vitest';
import { localImageBehavior, onlyLocal } from '../../../src/sim/queries/docker';
import type { DockerImage } from '../../../src/sim/model/docker';
import { demoSim } from '../../support/simcoreRecords';

const image = (ref: string, built: boolean): DockerImage => ({ ref, id: 'sha256:1', built, exposed: [], cmd: [], env: {}, createdMs: 0 });

describe('images of the local Docker host', () => {
  it('are only local when built here and not pushed; a bare name means its latest tag', () => {
    const { sim } = demoSim();
    const images = sim.world.docker.images;
    images['forum:latest'] = image('forum:latest', true);
    images['forum:2'] = image('forum:2', true);
    images['nginx:latest'] = image('nginx:latest', false);
    sim.world.docker.registry.push('forum:2');
    expect(onlyLocal(sim, 'forum')).toBe(true);
    expect(onlyLocal(sim, 'forum:latest')).toBe(true);
    expect(onlyLocal(sim, 'forum:2')).toBe(false);
    expect(onlyLocal(sim, 'nginx')).toBe(false);
    expect(onlyLocal(sim, 'never-built')).toBe(false);
    expect(onlyLocal(sim, 'constructor')).toBe(false);
  });

  it('behave as the scenario says for the name as written, else for it with its tag, else do nothing special', () => {
    const { sim } = demoSim();
    sim.world.images['forum'] = { cpuUnits: 50 };
    sim.world.images['api:latest'] = { memoryMiB: 300 };
    expect(localImageBehavior(sim, 'forum')).toEqual({ cpuUnits: 50 });
    expect(localImageBehavior(sim, 'api')).toEqual({ memoryMiB: 300 });
    expect(localImageBehavior(sim, 'other:1')).toEqual({});
  });
});
