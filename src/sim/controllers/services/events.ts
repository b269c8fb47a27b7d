import type { SimContext } from '../../model/context';
import type { PlacementTrace, Service, Task } from '../../model/types';

/** A service's event list, with ECS's wording. */

const SIX_HOURS = 6 * 3600 * 1000;
const TROUBLESHOOTING = ' For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';

/**
 * Appends a service event (newest first, 100 kept). A problem the scheduler meets again on every
 * retry ("unable to …", "being throttled") is not repeated within 6 hours, as the console de-duplicates it [SIM];
 * progress messages are written each time.
 */
export function serviceEvent(sim: SimContext, svc: Service, message: string): void {
  if (/ unable to | are being throttled/.test(message)) {
    const last = svc.events.find((e) => e.message === message);
    if (last && sim.now - last.createdAtMs < SIX_HOURS) return;
  }
  svc.events.unshift({ id: sim.uuid(), createdAtMs: sim.now, message });
  if (svc.events.length > 100) svc.events.length = 100;
  sim.emit('ServiceEvent', message, { serviceArn: svc.serviceArn, serviceName: svc.serviceName });
}

export function unableToPlaceMessage(serviceName: string, trace: PlacementTrace): string {
  const base = `service ${serviceName} was unable to place a task because no container instance met all of its requirements.`;
  const f = trace.failure;
  if (!f) return base;
  const id = f.arn ? f.arn.slice(f.arn.lastIndexOf('/') + 1) : '';
  switch (f.reason) {
    case 'MISSING':
      // The trace says where none were found: in the cluster, or in the capacity provider that places the task.
      return `${base} Reason: ${f.detail ?? 'No Container Instances were found in your cluster.'}`;
    case 'RESOURCE:MEMORY':
      return `${base} The closest matching container-instance ${id} has insufficient memory available.${TROUBLESHOOTING}`;
    case 'RESOURCE:CPU':
      return `${base} The closest matching container-instance ${id} has insufficient CPU units available.${TROUBLESHOOTING}`;
    case 'RESOURCE:PORTS':
      return `${base} The closest matching container-instance ${id} is already using a port required by your task.${TROUBLESHOOTING}`;
    case 'ATTRIBUTE':
      return `${base} The closest matching container-instance ${id} is missing an attribute required by your task.${TROUBLESHOOTING}`;
    case 'INACTIVE':
      return `${base} The closest matching container-instance ${id} is not ACTIVE.${TROUBLESHOOTING}`;
    default:
      return `${base} The closest matching container-instance ${id} encountered error "${f.reason}".${TROUBLESHOOTING}`;
  }
}

/** "(task a) (task b)", as service events list tasks. */
export function taskIds(ts: Task[]): string {
  return ts.map((t) => `(task ${t.id})`).join(' ');
}

/** Listener of `serviceEvent`: another part of the engine writes a line in a service's event list. */
export function serviceEventNotice(sim: SimContext, n: { service: Service; message: string }): void {
  serviceEvent(sim, n.service, n.message);
}
