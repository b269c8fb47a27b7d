import { anyData, arrayOf, flat, partly, record, same, tableOf, values, type Copier, type Parts } from '../core/copy';
import type { Attribute, Container, ContainerInstance, Deployment, EbsVolumeAttachment, MetricSeries, NetworkBinding, PlacementTrace, Service, ServiceEventRecord, Tag, Task } from './types';
import type { WorldState } from './world';

/**
 * Copies of the world for snapshots and restores. The large tables (tasks and their containers, container
 * instances, metric series, services) have copiers made for their shapes; placement traces are shared, since a trace never changes
 * once its call has returned (only the ring that holds them does), and so are a task's overrides and tags,
 * which are replaced, never changed in place; every other member is copied generically.
 * A copy shares nothing with its original that either could change, and keeps every member in its order.
 */
const copyTag = record<Tag>({});

const copyContainer = record<Container>({ networkBindings: arrayOf(record<NetworkBinding>({})) });

const copyTask = record<Task>({
  containers: arrayOf(copyContainer),
  overrides: same,
  reserved: record<Task['reserved']>({ ports: values, portsUdp: values }),
  tags: same,
  ebsVolumes: arrayOf(record<EbsVolumeAttachment>({})),
  waiting: anyData,
  lbTargets: arrayOf(flat),
  traffic: flat,
});

const copyContainerInstance = record<ContainerInstance>({
  reservedPorts: values,
  reservedPortsUdp: values,
  usedPorts: values,
  usedPortsUdp: values,
  attributes: arrayOf(record<Attribute>({})),
  tags: arrayOf(copyTag),
  taskArns: values,
});

/** A metric series: its datapoints are a flat array of numbers, copied at once. */
const copySeries = record<MetricSeries>({ dimensions: arrayOf(flat), points: values });

/** A service: its events (up to 100) and task list by copiers of their own, the rest generically. */
const copyService = partly<Service>({ events: arrayOf(record<ServiceEventRecord>({})), taskArns: values, deployments: arrayOf(partly<Deployment>({})) });

/** The ring of recent traces: a new array holding the same (unchanging) traces. */
const shareTraces: Copier<PlacementTrace[]> = (a) => a.slice();

/** The world's members that have a copier of their own; the rest go through the generic copy. */
export const WORLD_PARTS: Partial<Parts<WorldState>> = {
  tasks: tableOf(copyTask),
  containerInstances: tableOf(copyContainerInstance),
  traces: shareTraces,
  metrics: tableOf(copySeries),
  services: tableOf(copyService),
  taskOrder: values,
  waiting: values,
  trafficTasks: values,
};

const PARTS = WORLD_PARTS as Record<string, Copier<unknown> | undefined>;

/** One member of the world, copied as a snapshot copies it. */
export function copyWorldMember<K extends keyof WorldState>(w: WorldState, key: K): WorldState[K] {
  return (PARTS[key] ?? anyData)(w[key]) as WorldState[K];
}

/** A copy of the whole world: what a snapshot keeps, and what a restore gives the live simulation. */
export function copyWorld(w: WorldState): WorldState {
  const src = w as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(src)) out[k] = (PARTS[k] ?? anyData)(src[k]);
  return out as unknown as WorldState;
}
