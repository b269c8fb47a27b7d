import { fileText, writeFile } from '../session';
import { formatProblem } from '../../../formats/problem';
import { WORKLOAD_TYPES, deployRequests, parseManifest, planDeployment, scheduleExpression } from '../../../formats/copilot';
import type { CommandResult } from '../types';
import { execute, fail, needApp, str, type CopilotContext } from './copilotContext';

/** The manifest's image section from --image or --dockerfile. */
function imageField(flags: CopilotContext['flags']): string | undefined {
  const image = str(flags, 'image');
  const dockerfile = str(flags, 'dockerfile');
  return image ? `  location: ${image}` : dockerfile ? `  build: ${dockerfile}` : undefined;
}

/** copilot svc init: a service's manifest at copilot/<name>/manifest.yml. */
export function svcInit({ session, flags }: CopilotContext): CommandResult {
  const name = str(flags, 'name');
  const type = str(flags, 'svc-type');
  if (!name) return fail('--name is required');
  const path = `copilot/${name}/manifest.yml`;
  if (fileText(session.files, path) !== undefined) return { output: `Manifest file for service ${name} already exists at ${path}, skipping writing it.`, exitCode: 0 };
  if (!type || !WORKLOAD_TYPES.slice(0, 3).includes(type as (typeof WORKLOAD_TYPES)[number])) return fail(`--svc-type must be one of "Load Balanced Web Service", "Backend Service", "Worker Service"`);
  const image = imageField(flags);
  if (!image) return fail('give --image <uri> or --dockerfile <path>');
  const port = str(flags, 'port');
  writeFile(session.files, path, `name: ${name}\ntype: ${type}\n\nimage:\n${image}\n${port ? `  port: ${port}\n` : ''}${type === 'Load Balanced Web Service' ? "\nhttp:\n  path: '/'\n" : ''}\ncpu: 256\nmemory: 512\ncount: 1\n`);
  return { output: `✔ Wrote the manifest for service ${name} at ${path}\nYour manifest contains configurations like your container size and port.`, exitCode: 0 };
}

/** copilot job init: a Scheduled Job's manifest (the task runs on a schedule; EventBridge starts it). */
export function jobInit({ session, flags }: CopilotContext): CommandResult {
  const name = str(flags, 'name');
  const schedule = str(flags, 'schedule');
  if (!name) return fail('--name is required');
  if (!schedule || scheduleExpression(schedule) === undefined) return fail('--schedule must be @hourly, @daily, @weekly, @every <duration>, a cron expression, or none');
  const path = `copilot/${name}/manifest.yml`;
  if (fileText(session.files, path) !== undefined) return { output: `Manifest file for job ${name} already exists at ${path}, skipping writing it.`, exitCode: 0 };
  const image = imageField(flags);
  if (!image) return fail('give --image <uri> or --dockerfile <path>');
  writeFile(session.files, path, `name: ${name}\ntype: Scheduled Job\n\non:\n  schedule: "${schedule}"\n\nimage:\n${image}\n\ncpu: 256\nmemory: 512\n`);
  return { output: `✔ Wrote the manifest for job ${name} at ${path}\nYour manifest contains configurations like your container size and job schedule (${schedule}).`, exitCode: 0 };
}

/** copilot svc deploy / job deploy: the manifest's requests into a deployed environment. */
export function deploy({ sim, session, words, flags }: CopilotContext): CommandResult {
  const c = session.copilot;
  const job = words[0] === 'job';
  const name = str(flags, 'name');
  const env = str(flags, 'env');
  if (!name || !env) return fail('--name and --env are required');
  const e = c.environments[env];
  if (!e?.deployed) return fail(`environment ${env} is not deployed: run copilot env init --name ${env} and copilot env deploy --name ${env}`);
  if (c.services[name]?.includes(env)) return fail(`service ${name} is already deployed to ${env}; the sandbox changes a deployed service with aws ecs update-service`);
  const path = `copilot/${name}/manifest.yml`;
  const text = fileText(session.files, path);
  if (text === undefined) return fail(`read manifest file for ${name}: open ${path}: no such file or directory`);
  const { manifest, problems } = parseManifest(text, path);
  const shown = problems.map((p) => formatProblem(p, { severity: 'always' }));
  if (!manifest) return { output: shown.join('\n'), exitCode: 1 };
  if (manifest.type === 'Environment') return fail(`${path} is an environment manifest`);
  if ((manifest.type === 'Scheduled Job') !== job) return fail(job ? `${name} is a ${manifest.type}: deploy it with copilot svc deploy` : `${name} is a Scheduled Job: deploy it with copilot job deploy`);
  const plan = planDeployment(manifest, c.app!, env, { region: sim.world.region });
  const repos = Object.values(sim.world.ecr.repositories);
  const registry = { repositories: repos.map((r) => r.repositoryName), pushed: repos.flatMap((r) => Object.values(r.images).flatMap((i) => i.imageTags.map((t) => `${r.repositoryName}:${t}@${i.imageDigest}`))) };
  const { made, failed } = execute(sim, session, deployRequests(e, plan, Object.keys(sim.world.subnets), registry));
  if (failed) return { output: [...shown, `✘ ${failed.text}`].join('\n'), exitCode: 1, error: failed.error, calls: made };
  (c.services[name] ??= []).push(env);
  const created = plan.resources.filter((r) => !r.startsWith('ECS cluster ') && !r.startsWith('Cloud Map namespace ')).map((r) => `  - ${r}`);
  return { output: [...shown, ...created, ...plan.findings.map((f) => `  Note: ${f}`), `✔ Deployed ${job ? 'job' : 'service'} ${name}.`].join('\n'), exitCode: 0, calls: made };
}

/**
 * copilot svc logs: what the service's containers printed, from CloudWatch Logs, one line per event as
 * copilot/<service>/<task> <message>. Simulated containers print only their lifecycle.
 */
export function svcLogs({ sim, session, flags }: CopilotContext): CommandResult {
  const c = session.copilot;
  const name = str(flags, 'name');
  if (!name || !c.services[name]) return fail(`service ${name ?? '(--name)'} is not deployed`);
  const env = str(flags, 'env') ?? c.services[name]![0]!;
  const svc = Object.values(sim.world.services).find((s) => s.serviceName === name && s.clusterArn.endsWith(`:cluster/${c.app!}-${env}`));
  if (!svc) return fail(`service ${name} is not deployed to ${env}`);
  const ids = new Map(
    sim.world.taskOrder
      .map((a) => sim.world.tasks[a]!)
      .filter((t) => t.serviceArn === svc.serviceArn)
      .map((t) => [t.taskArn, t.id.slice(0, 8)]),
  );
  const limit = Number(str(flags, 'limit') ?? 10);
  const lines: string[] = [];
  for (const e of sim.events) {
    const id = typeof e.taskArn === 'string' ? ids.get(e.taskArn) : undefined;
    if (!id || !/^(ContainerStateChange|ContainerHealthChange|TaskStateChange)$/.test(e.type)) continue;
    if (e.type === 'TaskStateChange' && e.lastStatus !== 'STOPPED') continue;
    const text =
      e.type === 'ContainerStateChange'
        ? `${String(e.containerName)}: ${e.lastStatus === 'RUNNING' ? 'started' : String(e.lastStatus).toLowerCase()}`
        : e.type === 'ContainerHealthChange'
          ? `${String(e.containerName)}: health check ${String(e.healthStatus).toLowerCase()}`
          : `stopped: ${e.message}`;
    lines.push(`copilot/${name}/${id} ${new Date(sim.world.epochSeconds * 1000 + e.t).toISOString()} ${text}`);
  }
  return { output: (lines.length ? lines.slice(-Math.max(1, limit)) : [`No log events for ${name} in ${env} yet.`]).join('\n'), exitCode: 0 };
}

/** copilot svc show: the service's routes and service discovery names in each environment. */
export function svcShow({ sim, session, flags }: CopilotContext): CommandResult {
  const c = session.copilot;
  const name = str(flags, 'name');
  if (!name || !c.services[name]) return fail(`service ${name ?? '(--name)'} is not deployed`);
  const lines = [`Service ${name} in application ${c.app!}`, '', 'Routes and service discovery:'];
  for (const env of c.services[name]!) {
    const { manifest } = parseManifest(fileText(session.files, `copilot/${name}/manifest.yml`) ?? '', name);
    // A route is the environment's load balancer's address (copilot env init made it) and the rule's path.
    const lbName = `${c.app!}-${env}-alb`.slice(0, 32);
    const dns = Object.values(sim.world.loadBalancers).find((lb) => lb.LoadBalancerName === lbName)?.DNSName;
    if (manifest && manifest.type !== 'Environment') for (const ep of planDeployment(manifest, c.app!, env).endpoints) lines.push(`  ${env}: ${dns ? ep.replace('<environment load balancer>', dns) : ep}`);
  }
  return { output: lines.join('\n'), exitCode: 0 };
}

/** copilot svc status: how many of the service's tasks run, and each task's state and capacity. */
export function svcStatus({ sim, session, flags }: CopilotContext): CommandResult {
  const c = session.copilot;
  const name = str(flags, 'name');
  if (!name || !c.services[name]) return fail(`service ${name ?? '(--name)'} is not deployed`);
  const env = str(flags, 'env') ?? c.services[name]![0]!;
  const svc = Object.values(sim.world.services).find((s) => s.serviceName === name && s.clusterArn.endsWith(`:cluster/${c.app!}-${env}`) && s.status === 'ACTIVE');
  if (!svc) return fail(`service ${name} is not deployed to ${env}`);
  const tasks = svc.taskArns.map((a) => sim.world.tasks[a]!).filter((t) => t.desiredStatus === 'RUNNING');
  const running = tasks.filter((t) => t.lastStatus === 'RUNNING').length;
  return {
    output: [
      `Task Summary`,
      '',
      `  Running   ${running}/${svc.desiredCount} desired tasks are running`,
      '',
      'Tasks',
      '',
      ...tasks.map((t) => `  ${t.taskArn.split('/').pop()!.slice(0, 8)}  ${t.lastStatus}  ${t.capacityProviderName ?? t.launchType}`),
    ].join('\n'),
    exitCode: 0,
  };
}

/** The workload verbs, each needing an application first. */
export const WORKLOAD_VERBS: Record<string, (ctx: CopilotContext) => CommandResult> = {
  'svc init': svcInit,
  'job init': jobInit,
  'svc deploy': deploy,
  'job deploy': deploy,
  'svc logs': svcLogs,
  'svc show': svcShow,
  'svc status': svcStatus,
};

export const withApp =
  (verb: (ctx: CopilotContext) => CommandResult) =>
  (ctx: CopilotContext): CommandResult =>
    needApp(ctx.session) ?? verb(ctx);
