import { Sim } from '../../src/sim';
import type { Goal, Lesson } from '../../src/content/lesson/types';

/**
 * A lesson of only the given goals (and whatever `more` sets): what the judge, the tracker and the locale read of a
 * lesson, without files to parse. Its start scenario is empty unless `more` gives one (the checker replays it).
 */
export function bareLesson(goals: Goal[], more: Partial<Lesson> = {}): Lesson {
  return {
    id: 'T',
    title: 'T',
    chapter: '',
    summary: '',
    prerequisites: [],
    allowed: [],
    until: 0,
    sampleEvery: 10_000,
    goals,
    diagnostics: [],
    predictions: [],
    start: {} as Lesson['start'],
    startText: '',
    solution: { actions: [], predictions: {} },
    traps: [],
    text: { briefing: '', steps: '', hints: [], debrief: '' },
    files: {},
    ...more,
  };
}

/**
 * One m5.large (7987 MiB) in cluster `a`, a family `worker` of 3000 MiB, and at 10 s a RunTask of `count`: two fit,
 * a third fails on memory. Tasks are PENDING from 10 s and RUNNING at 22.5 s. Run to `to` (no earlier than 10 s).
 */
export function workerWorld(count: number, to: number): Sim {
  const sim = new Sim({ seed: '1', durations: { instanceBootMs: 0 } });
  sim.call('ecs.CreateCluster', { clusterName: 'a' });
  sim.call('sim.LaunchInstances', { cluster: 'a', instanceType: 'm5.large', availabilityZone: 'us-east-1a', ec2InstanceIds: ['i-a1'] });
  sim.call('ecs.RegisterTaskDefinition', { family: 'worker', containerDefinitions: [{ name: 'w', image: 'busybox', memory: 3000 }] });
  sim.runUntil(10_000);
  sim.call('ecs.RunTask', { cluster: 'a', taskDefinition: 'worker', count });
  sim.runUntil(to);
  return sim;
}
