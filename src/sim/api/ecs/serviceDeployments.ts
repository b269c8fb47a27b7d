import { ApiError, invalidParameter, serviceNotFound } from '../../core/errors';
import { own } from '../../core/own';
import type { SimContext } from '../../model/context';
import type { HookAction, ServiceDeploymentRecord, ServiceDeploymentStatus } from '../../model/types';
import { findService } from '../../queries/lookups';
import { briefServiceDeployment, describeServiceDeployment, describeServiceRevision } from '../../queries/serviceDeployments';
import { continueHook, isOngoing, stopServiceDeployment } from '../../controllers/services';
import type { EcsOperations } from './operation';

/**
 * Service deployments and revisions (DG:service-deployment, DG:service-revision): describe and list
 * them, stop one (StopServiceDeployment, DG:stop-service-deployment), and continue one paused at a
 * PAUSE lifecycle hook (ContinueServiceDeployment, DG:continue-service-deployment). Where AWS's
 * wording of a refusal is not published the message is ours [INF].
 */

const STATUSES: ServiceDeploymentStatus[] = ['PENDING', 'SUCCESSFUL', 'STOPPED', 'STOP_REQUESTED', 'IN_PROGRESS', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED'];
const MAX_ARNS = 20;
const notFound = () => new ApiError('ServiceDeploymentNotFoundException', "The service deploy ARN that you specified doesn't exist. You can use ListServiceDeployments to retrieve the service deployment ARNs.");

function deploymentByArn(sim: SimContext, arn: string): ServiceDeploymentRecord {
  const sd = own(sim.world.serviceDeployments, arn);
  if (!sd) throw notFound();
  return sd;
}

/** A CreatedAt bound: epoch seconds, or an ISO 8601 date, as the SDKs send timestamps. */
function epochSeconds(v: string | number | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = typeof v === 'number' ? v : /^\d+(\.\d+)?$/.test(v) ? Number(v) : Date.parse(v) / 1000;
  if (!Number.isFinite(n)) throw invalidParameter(`Invalid timestamp in createdAt: ${String(v)}.`);
  return n;
}

export const SERVICE_DEPLOYMENT_OPERATIONS = {
  DescribeServiceDeployments(sim, input) {
    const arns = input.serviceDeploymentArns;
    if (arns.length === 0 || arns.length > MAX_ARNS) throw invalidParameter(`serviceDeploymentArns must name from 1 to ${MAX_ARNS} service deployments.`);
    const serviceDeployments: unknown[] = [];
    const failures: unknown[] = [];
    for (const arn of arns) {
      const sd = own(sim.world.serviceDeployments, arn);
      if (sd) serviceDeployments.push(describeServiceDeployment(sim, sd));
      else failures.push({ arn, reason: 'MISSING' });
    }
    return { serviceDeployments, failures };
  },

  /** The service's deployments, newest first [INF: the order], filtered by status and creation time, 20 a page by default. */
  ListServiceDeployments(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const svc = findService(sim, cluster, input.service);
    if (!svc || svc.status === 'INACTIVE') throw serviceNotFound();
    for (const st of input.status ?? []) if (!STATUSES.includes(st as ServiceDeploymentStatus)) throw invalidParameter(`Invalid service deployment status: ${st}. Valid values are ${STATUSES.join(', ')}.`);
    const after = epochSeconds(input.createdAt?.after);
    const before = epochSeconds(input.createdAt?.before);
    const all = [...(svc.serviceDeploymentArns ?? [])]
      .reverse()
      .map((a) => sim.world.serviceDeployments[a]!)
      .filter((sd) => {
        const created = sim.ts(sd.createdAtMs)!;
        return (!input.status?.length || input.status.includes(sd.status)) && (after === undefined || created >= after) && (before === undefined || created <= before);
      });
    const size = input.maxResults ?? 20;
    if (!Number.isInteger(size) || size < 1 || size > 100) throw invalidParameter('maxResults must be from 1 to 100.');
    const start = input.nextToken === undefined ? 0 : Number(input.nextToken);
    if (!Number.isInteger(start) || start < 0 || start > all.length) throw invalidParameter('The nextToken is not valid.');
    const page = all.slice(start, start + size);
    return { serviceDeployments: page.map((sd) => briefServiceDeployment(sim, sd)), ...(start + size < all.length ? { nextToken: String(start + size) } : {}) };
  },

  DescribeServiceRevisions(sim, input) {
    const arns = input.serviceRevisionArns;
    if (arns.length === 0 || arns.length > MAX_ARNS) throw invalidParameter(`serviceRevisionArns must name from 1 to ${MAX_ARNS} service revisions.`);
    const serviceRevisions: unknown[] = [];
    const failures: unknown[] = [];
    for (const arn of arns) {
      const r = own(sim.world.serviceRevisions, arn);
      if (r) serviceRevisions.push(describeServiceRevision(sim, r));
      else failures.push({ arn, reason: 'MISSING' });
    }
    return { serviceRevisions, failures };
  },

  /** Continues (or rolls back) a deployment paused at a PAUSE hook; the hook must be AWAITING_ACTION and the deployment IN_PROGRESS. */
  ContinueServiceDeployment(sim, input) {
    const sd = deploymentByArn(sim, input.serviceDeploymentArn);
    const action = (input.action ?? 'CONTINUE') as HookAction;
    if (action !== 'CONTINUE' && action !== 'ROLLBACK') throw invalidParameter(`Invalid action: ${String(action)}. Valid values are CONTINUE and ROLLBACK.`);
    const run = sd.hooks.find((h) => h.hookId === input.hookId);
    if (!run) throw invalidParameter(`The lifecycle hook ${input.hookId} was not found in service deployment ${sd.serviceDeploymentArn}.`);
    if (sd.status !== 'IN_PROGRESS') throw invalidParameter(`The service deployment is ${sd.status}: only an IN_PROGRESS deployment can be continued.`);
    if (run.status !== 'AWAITING_ACTION') throw invalidParameter(`The lifecycle hook ${run.hookId} is ${run.status}, not AWAITING_ACTION.`);
    continueHook(sim, sim.world.services[sd.serviceArn]!, sd, run, action);
    return { serviceDeploymentArn: sd.serviceDeploymentArn };
  },

  /** Stops a deployment that has not finished: ROLLBACK (the default [INF]) or ABORT. */
  StopServiceDeployment(sim, input) {
    const sd = deploymentByArn(sim, input.serviceDeploymentArn);
    const stopType = input.stopType ?? 'ROLLBACK';
    if (stopType !== 'ROLLBACK' && stopType !== 'ABORT') throw invalidParameter(`Invalid stopType: ${stopType}. Valid values are ABORT and ROLLBACK.`);
    if (!isOngoing(sd)) throw new ApiError('ConflictException', `The service deployment is ${sd.status} and can no longer be stopped.`);
    // Already stopping or rolling back: the request lets it go on (DG:stop-service-deployment).
    if (sd.status === 'PENDING' || sd.status === 'IN_PROGRESS') stopServiceDeployment(sim, sim.world.services[sd.serviceArn]!, sd, stopType);
    return { serviceDeploymentArn: sd.serviceDeploymentArn };
  },
} satisfies EcsOperations;
