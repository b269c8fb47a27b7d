import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { dependencyOrder } from '../../../src/sim/api/dockerCompose';
import { ok } from '../../support/simapiWorld';

describe('compose start order on the local host', () => {
  it('starts every container whose dependencies one event satisfies, and their dependents after them, each once', () => {
    // Images Docker Hub has (official ones), so that the host pulls them.
    const sim = new Sim({ images: { 'postgres:16': { readySeconds: 1 } } });
    sim.call('docker.ComposeUp', {
      project: 'p',
      services: [
        { name: 'db', image: 'postgres:16', healthcheck: { test: ['CMD', 'x'], intervalSeconds: 2 } },
        { name: 'a', image: 'nginx:1', dependsOn: { db: 'service_healthy' } },
        { name: 'b', image: 'httpd:2', dependsOn: { db: 'service_healthy' } },
        { name: 'c', image: 'redis:7', dependsOn: { a: 'service_started' } },
      ],
    });
    sim.runUntil(10_000);
    const ps = (sim.call('docker.ComposePs', { project: 'p' }).output as { containers: { Names: string; State: string }[] }).containers;
    expect(ps.map((c) => `${c.Names}:${c.State}`)).toEqual(['p-db-1:running', 'p-a-1:running', 'p-b-1:running', 'p-c-1:running']);
    const started = sim.events.filter((e) => e.type === 'ContainerStarted').map((e) => `${String(e.container)}@${e.t}`);
    expect(started).toEqual(['p-db-1@0', 'p-a-1@2000', 'p-b-1@2000', 'p-c-1@2000']);
  });
});

describe('dependencyOrder', () => {
  it('puts each service after those it depends on, keeping the given order otherwise; a cycle keeps the rest as given', () => {
    const names = (s: { name: string }[]) => s.map((x) => x.name);
    expect(names(dependencyOrder([{ name: 'web', dependsOn: ['api'] }, { name: 'api', dependsOn: { db: 'service_healthy' } }, { name: 'db' }, { name: 'cache' }]))).toEqual(['db', 'api', 'web', 'cache']);
    expect(names(dependencyOrder([{ name: 'a', dependsOn: ['outside'] }, { name: 'b' }]))).toEqual(['a', 'b']);
    expect(names(dependencyOrder([{ name: 'a', dependsOn: ['b'] }, { name: 'b', dependsOn: ['a'] }, { name: 'c' }]))).toEqual(['c', 'a', 'b']);
  });
});

describe('ComposeUp, ComposePs and ComposeDown', () => {
  const project = {
    project: 'p',
    services: [
      { name: 'db', image: 'postgres:16' },
      { name: 'web', image: 'nginx:1.27', ports: ['8080:80'], dependsOn: { db: 'service_started' } },
    ],
  };

  it('create the project network and its containers, keep them as they are on a second up, and remove them dependents first', () => {
    const sim = new Sim();
    const up = ok(sim, 'docker.ComposeUp', project);
    expect(up).toMatchObject({ network: 'p_default', networkCreated: true, created: ['p-db-1', 'p-web-1'], recreated: [], started: ['p-db-1', 'p-web-1'] });
    sim.runUntil(10_000);
    expect(ok(sim, 'docker.ComposePs', { project: 'p' }).containers.map((c: { Names: string; State: string }) => `${c.Names}:${c.State}`)).toEqual(['p-db-1:running', 'p-web-1:running']);
    const again = ok(sim, 'docker.ComposeUp', project);
    expect(again.networkCreated).toBe(false);
    expect(again.containers).toEqual([
      { name: 'p-db-1', action: 'Running' },
      { name: 'p-web-1', action: 'Running' },
    ]);
    expect(ok(sim, 'docker.ComposeDown', { project: 'p' })).toEqual({ removed: ['p-web-1', 'p-db-1'], network: 'p_default' });
    expect(ok(sim, 'docker.ComposePs', { project: 'p', all: true }).containers).toEqual([]);
  });

  it('recreates a container whose configuration changed', () => {
    const sim = new Sim();
    ok(sim, 'docker.ComposeUp', project);
    sim.runUntil(10_000);
    const changed = { ...project, services: [project.services[0], { ...project.services[1]!, env: { MODE: 'prod' } }] };
    expect(ok(sim, 'docker.ComposeUp', changed).recreated).toEqual(['p-web-1']);
  });

  it('pulls nothing and creates nothing when one image cannot be pulled', () => {
    const sim = new Sim();
    const r = sim.call('docker.ComposeUp', {
      project: 'p',
      services: [
        { name: 'db', image: 'postgres:16' },
        { name: 'app', image: 'nosuchimage-xyz:1' },
      ],
    });
    expect(r.error?.message.startsWith('app ')).toBe(true);
    expect(ok(sim, 'docker.ComposePs', { project: 'p', all: true }).containers).toEqual([]);
  });
});
