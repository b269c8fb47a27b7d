import type { SimContext } from '../model/context';
import type { LbTarget, Service, Task, TargetGroup } from '../model/types';
import { findTarget, forgetQuietTick, quietTick, rememberQuietTick, type QuietTick } from '../queries/targets';
import { requestCost } from '../queries/traffic';
import { ruleActions, ruleOrDefault } from '../queries/rules';
import { say } from '../model/narration';

/**
 * Application Load Balancer targets of ECS services (ecs-spec §5.5): a service task is registered
 * in its target groups when it reaches RUNNING (instance targets: the instance and the host port;
 * ip targets: the task's IP and the container port), health-checked every interval (healthy after
 * HealthyThresholdCount passes, unhealthy after UnhealthyThresholdCount failures), and deregistered
 * before it stops, draining connections for the deregistration delay.
 */

function serviceOf(sim: SimContext, t: Task): Service | undefined {
  return t.serviceArn ? sim.world.services[t.serviceArn] : undefined;
}

/** Listener of `taskChanged`: a service task that is RUNNING is registered in its service's target groups. */
export function taskChangedTargets(sim: SimContext, t: Task): void {
  if (t.serviceArn !== undefined && t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING') registerTargets(sim, t);
}

/** Registers a RUNNING service task in the target groups of its service. */
function registerTargets(sim: SimContext, t: Task): void {
  const svc = serviceOf(sim, t);
  if (!svc || !svc.loadBalancers.length || t.lbTargets) return;
  t.lbTargets = [];
  // The task's service revision says which target groups: with an alternate target group, blue's or green's.
  const dep = svc.deployments.find((d) => d.id === t.deploymentId);
  const revision = dep?.serviceRevisionArn ? sim.world.serviceRevisions[dep.serviceRevisionArn] : undefined;
  for (const lb of revision?.targetGroups ?? svc.loadBalancers) {
    const tg = sim.world.targetGroups[lb.targetGroupArn];
    if (!tg) continue;
    let id: string | undefined;
    let port: number | undefined;
    if (tg.TargetType === 'ip') {
      id = t.privateIp;
      port = lb.containerPort;
    } else {
      id = t.ec2InstanceId;
      port = t.containers.find((c) => c.name === lb.containerName)?.networkBindings.find((b) => b.containerPort === lb.containerPort)?.hostPort;
    }
    if (!id || port === undefined) continue;
    const target: LbTarget = { Id: id, Port: port, State: 'initial', Reason: 'Elb.RegistrationInProgress', passes: 0, failures: 0, taskArn: t.taskArn, registeredMs: sim.now, gen: 0, settled: false };
    tg.targets.push(target);
    t.lbTargets.push({ targetGroupArn: tg.TargetGroupArn, id, port });
    sim.notices.emit('serviceEvent', { service: svc, message: `(service ${svc.serviceName}) registered 1 targets in (target-group ${tg.TargetGroupArn})` });
    sim.emit('TargetRegistered', say('TargetRegistered.registered', { target: `${id}:${port}`, id: t.id, group: tg.TargetGroupName }), { targetGroupArn: tg.TargetGroupArn, id, port, taskArn: t.taskArn });
    sim.engine.after(tg.HealthCheckIntervalSeconds * 1000, { k: 'elb.check', tg: tg.TargetGroupArn, id, port, gen: target.gen });
  }
}

/** Listener of `taskStopping`: the task's targets drain for the deregistration delay, and the task stays DEACTIVATING until then. */
export function drainTargets(sim: SimContext, t: Task): void {
  const drain = deregisterTargets(sim, t);
  if (drain > 0) t.drainUntilMs = sim.now + drain;
}

/** Deregisters a stopping task's targets; they drain for the deregistration delay. Returns the longest delay (ms). */
function deregisterTargets(sim: SimContext, t: Task): number {
  if (!t.lbTargets?.length) return 0;
  const svc = serviceOf(sim, t);
  let delay = 0;
  for (const r of t.lbTargets) {
    const tg = sim.world.targetGroups[r.targetGroupArn];
    const target = tg ? findTarget(tg.targets, r.id, r.port) : undefined;
    if (!tg || !target || target.State === 'draining') continue;
    target.State = 'draining';
    target.Reason = 'Target.DeregistrationInProgress';
    target.gen++;
    forgetQuietTick(tg);
    delay = Math.max(delay, tg.deregistrationDelaySeconds * 1000);
    if (svc) sim.notices.emit('serviceEvent', { service: svc, message: `(service ${svc.serviceName}) deregistered 1 targets in (target-group ${tg.TargetGroupArn})` });
    sim.emit('TargetDeregistered', say('TargetDeregistered.draining', { target: `${r.id}:${r.port}`, id: t.id, group: tg.TargetGroupName, seconds: tg.deregistrationDelaySeconds }), {
      targetGroupArn: tg.TargetGroupArn,
      id: r.id,
      port: r.port,
    });
  }
  if (svc && delay > 0) {
    const dep = svc.deployments.find((d) => d.id === t.deploymentId) ?? svc.deployments[0]!;
    sim.notices.emit('serviceEvent', { service: svc, message: `(service ${svc.serviceName}, taskSet ${dep.id}) has begun draining connections on 1 tasks.` });
  }
  return delay;
}

/** Listener of `taskDrained` and `taskKilled`: removes a task's targets once they have drained (or the task is gone). */
export function removeTargets(sim: SimContext, t: Task): void {
  for (const r of t.lbTargets ?? []) {
    const tg = sim.world.targetGroups[r.targetGroupArn];
    if (!tg) continue;
    tg.targets = tg.targets.filter((x) => !(x.Id === r.id && x.Port === r.port));
    forgetQuietTick(tg);
  }
  t.lbTargets = [];
}

/**
 * What a one-container task's health check answers, by image, for one group's tick: it depends on the
 * image (and the group's health-check path) only, and a group's targets mostly run the same one. `images`
 * collects the names of the image records the tick's checks read, for the group's quiet-tick memo.
 */
interface CheckMemo {
  image?: string;
  passes: boolean;
  images: string[];
}

function note(memo: CheckMemo | undefined, image: string): void {
  if (memo && !memo.images.includes(image)) memo.images.push(image);
}

function checkPasses(sim: SimContext, tg: TargetGroup, target: LbTarget, memo?: CheckMemo): boolean {
  const t = target.taskArn ? sim.world.tasks[target.taskArn] : undefined;
  if (!t || t.lastStatus !== 'RUNNING') return false;
  if (memo && t.containers.length === 1) {
    const c = t.containers[0]!;
    if (c.state !== 'RUNNING') return true;
    if (c.image !== memo.image) {
      memo.image = c.image;
      memo.passes = containerPasses(sim, tg, t, memo);
    }
    return memo.passes;
  }
  return containerPasses(sim, tg, t, memo);
}

function containerPasses(sim: SimContext, tg: TargetGroup, t: Task, memo?: CheckMemo): boolean {
  for (const c of t.containers) {
    if (c.state !== 'RUNNING') continue;
    note(memo, c.image);
    const img = sim.world.images[c.image];
    if (img?.passesLbHealthCheck === false) return false;
    // An application that lists its routes answers the health-check path only if it serves it.
    if (img?.routes) {
      // requestCost reads the routes of the task's first container that lists any, running or not.
      for (const x of t.containers) note(memo, x.image);
      if (!requestCost(sim, t, tg.HealthCheckPath).served) return false;
    }
  }
  return true;
}

/** One health check of one target; returns whether it passed. */
function checkTarget(sim: SimContext, tg: TargetGroup, target: LbTarget, memo?: CheckMemo): boolean {
  const before = target.State;
  const passed = checkPasses(sim, tg, target, memo);
  if (passed) {
    target.failures = 0;
    // Passes count only on the way to healthy: a healthy target that passes changes nothing, so a quiet
    // tick leaves the world as it found it (a failure starts the count again from 0).
    if (target.State !== 'healthy') {
      target.passes++;
      if (target.passes >= tg.HealthyThresholdCount) target.State = 'healthy';
    }
  } else {
    target.passes = 0;
    target.failures++;
    if (target.State !== 'unhealthy' && target.failures >= tg.UnhealthyThresholdCount) {
      target.State = 'unhealthy';
      target.Reason = 'Target.FailedHealthChecks';
    }
  }
  if (target.State !== before) {
    // Cleared rather than deleted: a deleted property turns every target into a slow dictionary-mode object.
    if (target.State === 'healthy') target.Reason = undefined;
    sim.emit('TargetHealthChange', say('TargetHealthChange.state', { target: `${target.Id}:${target.Port}`, group: tg.TargetGroupName, state: target.State }), {
      targetGroupArn: tg.TargetGroupArn,
      id: target.Id,
      port: target.Port,
      state: target.State,
    });
    const t = target.taskArn ? sim.world.tasks[target.taskArn] : undefined;
    if (t?.serviceArn) sim.notices.emit('taskChanged', t);
  }
  return passed;
}

/** Whether nothing a quiet tick of the group read has changed since: its targets, their images, the path. */
function stillQuiet(sim: SimContext, tg: TargetGroup, q: QuietTick): boolean {
  if (q.world !== sim.world || q.targets !== tg.targets || q.length !== tg.targets.length || q.path !== tg.HealthCheckPath) return false;
  for (const i of q.images) {
    const img = sim.world.images[i.name];
    if (img !== i.record || img?.passesLbHealthCheck !== i.passes || img?.routes !== i.routes) return false;
  }
  return true;
}

/**
 * Listener of `forwardWeights`: sets the weights of a listener rule's (or a listener default rule's) forward action, as ECS does
 * through its infrastructure role to shift traffic between two target groups; a target group the
 * action does not list yet is added. Requests follow from the next minute's traffic.
 */
export function setForwardWeights(sim: SimContext, { ruleArn, weights }: { ruleArn: string; weights: { targetGroupArn: string; weight: number }[] }): void {
  const found = ruleOrDefault(sim, ruleArn);
  if (!found) return;
  const fwd = ruleActions(found).find((a) => a.Type === 'forward');
  if (!fwd) return;
  const groups = fwd.ForwardConfig?.TargetGroups ?? (fwd.TargetGroupArn ? [{ TargetGroupArn: fwd.TargetGroupArn, Weight: 1 }] : []);
  for (const w of weights) {
    const g = groups.find((x) => x.TargetGroupArn === w.targetGroupArn);
    if (g) g.Weight = w.weight;
    else groups.push({ TargetGroupArn: w.targetGroupArn, Weight: w.weight });
  }
  fwd.ForwardConfig = { TargetGroups: groups, TargetGroupStickinessConfig: fwd.ForwardConfig?.TargetGroupStickinessConfig ?? { Enabled: false } };
  if (groups.length === 1) fwd.TargetGroupArn = groups[0]!.TargetGroupArn;
  else delete fwd.TargetGroupArn;
  sim.world.routingVersion++;
  const list = groups.map((g) => ({ targetGroupArn: g.TargetGroupArn, weight: g.Weight }));
  const names = list.map((g) => `${sim.world.targetGroups[g.targetGroupArn]?.TargetGroupName ?? g.targetGroupArn} ${g.weight}`).join(', ');
  sim.emit('ForwardWeightsChanged', say('ForwardWeightsChanged.weights', { rule: ruleArn.slice(ruleArn.lastIndexOf('/') + 1), weights: names }), { ruleArn, targetGroups: list });
}

export function registerElbHandlers(sim: SimContext): void {
  sim.engine.on('elb.check', (ev) => {
    const tg = sim.world.targetGroups[ev.tg];
    const target = tg ? findTarget(tg.targets, ev.id, ev.port) : undefined;
    if (!tg || !target || target.gen !== ev.gen || target.State === 'draining' || target.settled) return;
    checkTarget(sim, tg, target);
    if (target.State === 'healthy') {
      // Settled: from now on checked with the group's other settled targets, one event per interval [SIM].
      target.settled = true;
      forgetQuietTick(tg);
      if (!tg.ticking) {
        tg.ticking = true;
        sim.engine.after(tg.HealthCheckIntervalSeconds * 1000, { k: 'elb.tick', tg: tg.TargetGroupArn });
      }
      return;
    }
    sim.engine.after(tg.HealthCheckIntervalSeconds * 1000, { k: 'elb.check', tg: tg.TargetGroupArn, id: target.Id, port: target.Port, gen: target.gen });
  });
  sim.engine.on('elb.tick', (ev) => {
    const tg = sim.world.targetGroups[ev.tg];
    if (!tg) return;
    const interval = tg.HealthCheckIntervalSeconds * 1000;
    const q = quietTick(tg);
    // Nothing a check reads has changed since a tick in which every target was healthy and passed: every
    // check would pass again and change nothing, so only the next tick is scheduled.
    if (q && stillQuiet(sim, tg, q)) {
      sim.engine.after(interval, { k: 'elb.tick', tg: tg.TargetGroupArn });
      return;
    }
    let any = false;
    let quiet = true;
    // The targets as the tick finds them: a check may register others (pushed after these) or remove some
    // (tg.targets is then a new array), and neither changes which this tick checks.
    const targets = tg.targets;
    const n = targets.length;
    const memo: CheckMemo = { passes: false, images: [] };
    for (let i = 0; i < n; i++) {
      const target = targets[i]!;
      if (!target.settled || target.State === 'draining') continue;
      any = true;
      const wasHealthy = target.State === 'healthy';
      if (!checkTarget(sim, tg, target, memo) || !wasHealthy) quiet = false;
    }
    tg.ticking = any;
    if (!any) return;
    sim.engine.after(interval, { k: 'elb.tick', tg: tg.TargetGroupArn });
    // A check that changed a target may have changed others' tasks through the listeners (a service
    // stopping a task): only a tick that changed nothing is remembered, as the group is now.
    if (quiet && tg.targets === targets) {
      const images = memo.images.map((name) => {
        const record = sim.world.images[name];
        return { name, record, passes: record?.passesLbHealthCheck, routes: record?.routes };
      });
      rememberQuietTick(tg, { world: sim.world, targets, length: targets.length, path: tg.HealthCheckPath, images });
    } else forgetQuietTick(tg);
  });
}
