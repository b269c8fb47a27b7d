import type { SimContext } from '../../model/context';
import type { Service } from '../../model/types';

/** Asks for a scheduler pass of the service (at most one pending at a time). */
export function requestPass(sim: SimContext, svc: Service): void {
  if (svc.passPending || svc.status === 'INACTIVE') return;
  svc.passPending = true;
  sim.engine.after(0, { k: 'svc.pass', svc: svc.serviceArn });
}
