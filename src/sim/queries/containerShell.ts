import type { SimContext } from '../model/context';
import type { Container, Task } from '../model/types';
import { resolve } from './discovery';
import { privateDnsName } from './describeTask';
import { taskDefinitionOf } from './taskDefinitions';
import { requestCost, route, receivingTargets } from './traffic';

/**
 * A shell inside a task's container, as ECS Exec opens it (ecs-spec §13.3): `env`/`printenv`,
 * `hostname`, `getent hosts`/`nslookup`, `curl` to the task's own ports, to Cloud Map and Service
 * Connect names, to load balancers and to other tasks' addresses, and `sh -c '…; …'`. Names resolve
 * as the task's network sees them (queries/discovery). What ECS adds to a container's environment is
 * the documented set (AWS_EXECUTION_ENV, AWS_REGION, AWS_DEFAULT_REGION, the task metadata endpoints,
 * DG:task-metadata-endpoint-v4).
 */

export interface ShellResult {
  output: string;
  exitCode: number;
}

const SHELLS = ['/bin/sh', 'sh', '/bin/bash', 'bash'];

/** Whether the command opens a shell that reads its commands from the session (no `-c`). */
export function isInteractiveShell(command: string): boolean {
  return SHELLS.includes(command.trim());
}

/** Splits a command line into words, honouring single and double quotes. */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

/** The script of `sh -c '<script>'`, or the command itself. */
function scriptOf(command: string): string {
  const w = words(command);
  if (w.length >= 3 && SHELLS.includes(w[0]!) && w[1] === '-c') return w.slice(2).join(' ');
  return command;
}

/** Runs a command in a running container; `;` and `&&` chain commands as a shell does. */
export function runInContainer(sim: SimContext, t: Task, c: Container, command: string): ShellResult {
  const out: string[] = [];
  let code = 0;
  for (const part of scriptOf(command).split(/(;|&&)/)) {
    if (part === ';' || part === '&&') continue;
    const line = part.trim();
    if (!line) continue;
    const r = runOne(sim, t, c, words(line));
    if (r.output) out.push(r.output);
    code = r.exitCode;
    if (words(line)[0] === 'exit') break;
  }
  return { output: out.join('\n'), exitCode: code };
}

function runOne(sim: SimContext, t: Task, c: Container, argv: string[]): ShellResult {
  const [prog, ...args] = argv;
  switch (prog) {
    case 'env':
      return { output: envLines(sim, t, c).join('\n'), exitCode: 0 };
    case 'printenv': {
      if (!args[0]) return { output: envLines(sim, t, c).join('\n'), exitCode: 0 };
      const v = environment(sim, t, c).find(([k]) => k === args[0]);
      return v ? { output: v[1], exitCode: 0 } : { output: '', exitCode: 1 };
    }
    case 'hostname':
      return { output: hostnameOf(sim, t, c), exitCode: 0 };
    case 'getent':
      return args[0] === 'hosts' && args[1] ? getent(sim, t, c, args[1]) : { output: 'getent: usage: getent hosts <name>', exitCode: 1 };
    case 'nslookup':
      return args[0] ? nslookup(sim, t, c, args[0]) : { output: 'nslookup: a host name is required', exitCode: 1 };
    case 'curl':
      return curl(sim, t, c, args.filter((a) => !a.startsWith('-'))[0]);
    case 'echo':
      return { output: args.join(' '), exitCode: 0 };
    case 'exit':
      return { output: '', exitCode: Number(args[0] ?? 0) || 0 };
    default:
      return { output: `sh: ${prog}: not found`, exitCode: 127 };
  }
}

/** The container's environment: ECS's variables, then the task definition's and the overrides'. */
function environment(sim: SimContext, t: Task, c: Container): [string, string][] {
  const w = sim.world;
  const cd = taskDefinitionOf(sim, t)?.containerDefinitions.find((d) => d.name === c.name);
  const fromTd = ((cd?.environment as { name?: string; value?: string }[] | undefined) ?? []).map((e) => [e.name ?? '', e.value ?? ''] as [string, string]);
  const ov = (t.overrides.containerOverrides as { name?: string; environment?: { name?: string; value?: string }[] }[] | undefined)?.find((o) => o.name === c.name);
  const fromOv = (ov?.environment ?? []).map((e) => [e.name ?? '', e.value ?? ''] as [string, string]);
  const metadata = `http://169.254.170.2/v4/${t.id}-${c.containerArn.slice(-8)}`;
  const base: [string, string][] = [
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOSTNAME', hostnameOf(sim, t, c)],
    ['HOME', '/root'],
    ['AWS_EXECUTION_ENV', t.launchType === 'FARGATE' ? 'AWS_ECS_FARGATE' : 'AWS_ECS_EC2'],
    ['AWS_REGION', w.region],
    ['AWS_DEFAULT_REGION', w.region],
    ['ECS_CONTAINER_METADATA_URI', metadata.replace('/v4/', '/v3/')],
    ['ECS_CONTAINER_METADATA_URI_V4', metadata],
  ];
  const env = new Map<string, string>(base);
  for (const [k, v] of [...fromTd, ...fromOv]) env.set(k, v);
  return [...env];
}

function envLines(sim: SimContext, t: Task, c: Container): string[] {
  return environment(sim, t, c).map(([k, v]) => `${k}=${v}`);
}

/** awsvpc tasks have the ENI's DNS name; bridge containers Docker's short container id; host mode the instance's name. */
function hostnameOf(sim: SimContext, t: Task, c: Container): string {
  if (t.networkMode === 'awsvpc' && t.privateIp) return privateDnsName(sim.world.region, t.privateIp);
  const inst = t.ec2InstanceId ? sim.world.ec2[t.ec2InstanceId] : undefined;
  if (t.networkMode === 'host' && inst) return privateDnsName(sim.world.region, inst.privateIp);
  return c.containerArn.replace(/[^0-9a-f]/g, '').slice(-12);
}

/** The address a name has for this container: itself, its own task, or what DNS answers from its task. */
function lookup(sim: SimContext, t: Task, c: Container, name: string): { ips: string[]; serviceConnect?: boolean } {
  if (name === 'localhost') return { ips: ['127.0.0.1'] };
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return { ips: [name] };
  if (name === hostnameOf(sim, t, c)) return { ips: [t.privateIp ?? '127.0.0.1'] };
  const lb = Object.values(sim.world.loadBalancers).find((l) => l.DNSName === name);
  if (lb) return { ips: ['10.0.0.10'] };
  const from = t.serviceArn ? sim.world.services[t.serviceArn] : undefined;
  const r = resolve(sim, name, 'A', from);
  return { ips: r.answers, ...(r.answers[0] === '127.255.0.1' ? { serviceConnect: true } : {}) };
}

function getent(sim: SimContext, t: Task, c: Container, name: string): ShellResult {
  const { ips } = lookup(sim, t, c, name);
  // getent exits 2 when the name is not found.
  if (ips.length === 0) return { output: '', exitCode: 2 };
  return { output: ips.map((ip) => `${ip.padEnd(15)} ${name}`).join('\n'), exitCode: 0 };
}

function nslookup(sim: SimContext, t: Task, c: Container, name: string): ShellResult {
  const { ips } = lookup(sim, t, c, name);
  if (ips.length === 0) return { output: `** server can't find ${name}: NXDOMAIN`, exitCode: 1 };
  return { output: ['Server:\t\t169.254.169.253', 'Address:\t169.254.169.253#53', '', 'Non-authoritative answer:', ...ips.map((ip) => `Name:\t${name}\nAddress: ${ip}`)].join('\n'), exitCode: 0 };
}

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 404: 'Not Found', 502: 'Bad Gateway', 503: 'Service Unavailable' };

function answer(status: number, path: string, who: string): ShellResult {
  return { output: `${status} ${STATUS_TEXT[status] ?? ''} ${path} (answered by ${who})`, exitCode: 0 };
}

/** Whether a running container of `task` listens on `port` (a port mapping's container port). */
function listens(sim: SimContext, task: Task, port: number, only?: Container): boolean {
  const td = taskDefinitionOf(sim, task);
  return task.containers.some((x) => (!only || x === only) && x.state === 'RUNNING' && (td?.containerDefinitions.find((d) => d.name === x.name)?.portMappings ?? []).some((pm) => pm.containerPort === port));
}

/** The HTTP answer of a task that listens on the port, for the path. */
function served(sim: SimContext, target: Task, port: number, path: string, host: string, only?: Container): ShellResult {
  if (!listens(sim, target, port, only)) return refused(host, port);
  return answer(requestCost(sim, target, path).served ? 200 : 404, path, `task ${target.id}`);
}

function refused(host: string, port: number): ShellResult {
  return { output: `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`, exitCode: 7 };
}

function curl(sim: SimContext, t: Task, c: Container, url: string | undefined): ShellResult {
  if (!url) return { output: "curl: try 'curl --help' for more information", exitCode: 2 };
  const m = /^(?:https?:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
  if (!m) return { output: `curl: (3) URL rejected: Malformed input to a URL function`, exitCode: 3 };
  const host = m[1]!;
  const port = Number(m[2] ?? 80);
  const path = m[3] ?? '/';
  const w = sim.world;
  if (host === 'localhost' || host === '127.0.0.1') {
    // awsvpc and host containers share the task's network; a bridge container has its own.
    return served(sim, t, port, path, host, t.networkMode === 'bridge' ? c : undefined);
  }
  const lb = Object.values(w.loadBalancers).find((l) => l.DNSName === host);
  if (lb) {
    const r = route(sim, lb.LoadBalancerArn, path);
    if (r.status !== undefined) return answer(r.status, path, `load balancer ${lb.LoadBalancerName}`);
    // One request goes to one target group: under a weighted forward, the one with the largest share [SIM].
    const pick = (r.groups ?? []).reduce<{ targetGroupArn: string; share: number } | undefined>((a, g) => (a && a.share >= g.share ? a : g), undefined);
    const tg = pick ? w.targetGroups[pick.targetGroupArn] : undefined;
    const target = tg ? receivingTargets(tg)[0] : undefined;
    const task = target ? Object.values(w.tasks).find((x) => x.lbTargets?.some((l) => l.targetGroupArn === tg!.TargetGroupArn && l.id === target.Id)) : undefined;
    if (!task) return answer(503, path, `load balancer ${lb.LoadBalancerName}`);
    return answer(requestCost(sim, task, path).served ? 200 : 404, path, `task ${task.id} behind ${lb.LoadBalancerName}`);
  }
  const { ips, serviceConnect } = lookup(sim, t, c, host);
  if (ips.length === 0) return { output: `curl: (6) Could not resolve host: ${host}`, exitCode: 6 };
  if (serviceConnect) return serviceConnectCall(sim, host, port, path);
  const target = Object.values(w.tasks).find((x) => x.privateIp === ips[0] && x.lastStatus === 'RUNNING');
  if (!target) return refused(host, port);
  return served(sim, target, port, path, host);
}

/** Through the Service Connect proxy: the alias's port, to a running task of the service that owns the alias [SIM: the first]. */
function serviceConnectCall(sim: SimContext, host: string, port: number, path: string): ShellResult {
  for (const svc of Object.values(sim.world.services)) {
    for (const s of svc.serviceConnectConfiguration?.services ?? []) {
      const alias = s.clientAliases.find((a) => a.dnsName === host);
      if (!alias) continue;
      if (alias.port !== port) return refused(host, port);
      const task = svc.taskArns.map((a) => sim.world.tasks[a]!).find((x) => x && x.lastStatus === 'RUNNING');
      if (!task) return answer(503, path, `the Service Connect proxy (no task of ${svc.serviceName} is running)`);
      return answer(requestCost(sim, task, path).served ? 200 : 404, path, `task ${task.id} of ${svc.serviceName} through Service Connect`);
    }
  }
  return refused(host, port);
}
