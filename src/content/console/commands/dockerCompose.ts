import { fileText } from '../session';
import { formatProblem } from '../../../formats/problem';
import { parseCompose, type ComposeProject } from '../../../formats/compose';
import { psTable, type PsRow } from '../output';
import type { ConsoleSession } from '../types';
import { fail, type DockerCall, type Printed } from './dockerHost';

/** The names docker compose looks for when no -f is given, in its order. */
export const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
export const COMPOSE_VERBS = ['down', 'exec', 'logs', 'ps', 'restart', 'start', 'stop', 'up'];

interface Project {
  name: string;
  p: ComposeProject;
  session: ConsoleSession;
  call: DockerCall;
  /** The file's problems (warnings), printed first. */
  shown: string[];
}

/** The editor file a Compose service's build context names (context and dockerfile, relative to the project). */
function dockerfileOf(build: unknown): string {
  const b = build as { context?: unknown; dockerfile?: unknown } | string;
  const ctx = typeof b === 'string' ? b : typeof b?.context === 'string' ? b.context : '.';
  const df = typeof b === 'object' && b && typeof b.dockerfile === 'string' ? b.dockerfile : 'Dockerfile';
  return ctx === '.' || ctx === './' ? df : `${ctx.replace(/^\.\//, '').replace(/\/$/, '')}/${df}`;
}

interface UpOutput {
  network: string;
  networkCreated: boolean;
  containers: { name: string; action: 'Created' | 'Recreated' | 'Running' | 'Kept' | 'Stopped' }[];
  started: string[];
  waitingFor: string[];
}

/** What each step of `up` did, one line per step as Compose prints its progress when it does not draw on a terminal. */
const step = (what: string, text: string) => ` ${what}  ${text}`;

/**
 * `up`'s progress, service by service in dependency order: the network, each container created ("Creating",
 * "Created"), recreated because its configuration or image changed ("Recreate", "Recreated"; the running
 * dependents that restart with it are stopped first: "Stopping", "Stopped"), left running ("Running") or kept
 * stopped ("Created"); then each container started now ("Starting", "Started") and the dependencies the
 * others still wait for ("Waiting"), which start when their conditions hold.
 */
function upProgress(r: UpOutput): string[] {
  const lines = r.networkCreated ? [step(`Network ${r.network}`, 'Creating'), step(`Network ${r.network}`, 'Created')] : [];
  // A stopped container kept as it was is "Created" again, as Compose says before it starts it.
  const converged = { Created: ['Creating', 'Created'], Recreated: ['Recreate', 'Recreated'], Running: ['Running'], Kept: ['Created'], Stopped: ['Stopping', 'Stopped'] } as const;
  for (const c of r.containers) for (const text of converged[c.action]) lines.push(step(`Container ${c.name}`, text));
  for (const c of r.started) lines.push(step(`Container ${c}`, 'Starting'), step(`Container ${c}`, 'Started'));
  for (const c of r.waitingFor) lines.push(step(`Container ${c}`, 'Waiting'));
  return lines;
}

function up({ name, p, session, call, shown }: Project): Printed {
  const services: Record<string, unknown>[] = [];
  const out = [...shown];
  for (const s of p.services) {
    let image = s.image;
    if (s.build !== undefined && image === undefined) {
      image = `${name}-${s.name}`;
      const r = call('Build', { tag: image, dockerfile: fileText(session.files, dockerfileOf(s.build)) });
      if (!r.ok) return { output: [...out, `failed to build ${s.name}: ${r.msg}`].join('\n'), exitCode: 1 };
      out.push(step(`Image ${image}`, 'Built'));
    }
    const restart = typeof s.raw.restart === 'string' ? s.raw.restart : undefined;
    services.push({
      name: s.name,
      image,
      env: s.environment,
      dependsOn: s.dependsOn,
      ...(s.restartWith ? { restartWith: s.restartWith } : {}),
      ports: s.ports.filter((x) => x.published !== undefined).map((x) => `${x.published!}:${x.target}${x.protocol === 'udp' ? '/udp' : ''}`),
      ...(restart ? { restart } : {}),
      ...(s.healthcheck && !s.healthcheck.disable && s.healthcheck.test.length ? { healthcheck: s.healthcheck } : {}),
    });
  }
  const r = call('ComposeUp', { project: name, services });
  if (!r.ok) return { output: [...out, r.msg].join('\n'), exitCode: 1 };
  return { output: [...out, ...upProgress(r.out as unknown as UpOutput)].join('\n'), exitCode: 0 };
}

function down({ name, call }: Project): Printed {
  const r = call('ComposeDown', { project: name });
  if (!r.ok) return fail(r.msg);
  const removed = (r.out.removed as string[]).flatMap((c) => ['Stopping', 'Stopped', 'Removing', 'Removed'].map((text) => step(`Container ${c}`, text)));
  return { output: [...removed, step(`Network ${String(r.out.network)}`, 'Removing'), step(`Network ${String(r.out.network)}`, 'Removed')].join('\n'), exitCode: 0 };
}

/** `ps` lists the running containers; `ps -a` / `--all` the stopped ones too. */
function ps({ name, call }: Project, rest: string[]): Printed {
  const r = call('ComposePs', { project: name, all: rest.includes('-a') || rest.includes('--all') });
  return r.ok ? { output: psTable(r.out.containers as PsRow[], true), exitCode: 0 } : fail(r.msg);
}

function logs({ name, call }: Project, rest: string[]): Printed {
  const r = call('ComposePs', { project: name, all: true });
  if (!r.ok) return fail(r.msg);
  const lines: string[] = [];
  for (const c of r.out.containers as PsRow[]) {
    if (rest.length && !rest.includes(c.Service ?? '')) continue;
    const l = call('Logs', { container: c.Names });
    if (l.ok) for (const x of l.out.lines as string[]) lines.push(`${c.Names}  | ${x}`);
  }
  return { output: lines.join('\n'), exitCode: 0 };
}

const EACH = { restart: ['Restart', 'Restarting', 'Restarted'], stop: ['Stop', 'Stopping', 'Stopped'], start: ['Start', 'Starting', 'Started'] } as const;

/**
 * The services `restart` reaches: those named and, unless --no-deps, every service that restarts with one of
 * them (depends_on's `restart: true`), transitively [DOC: docs.docker.com/reference/cli/docker/compose/restart].
 */
function restartReach(p: ComposeProject, named: string[], noDeps: boolean): Set<string> {
  const reach = new Set(named);
  for (let grew = !noDeps; grew;) {
    grew = false;
    for (const s of p.services) {
      if (reach.has(s.name) || !s.restartWith?.some((d) => reach.has(d))) continue;
      reach.add(s.name);
      grew = true;
    }
  }
  return reach;
}

/** restart / stop / start: each of the project's containers (or the services named). */
const onEach =
  (sub: keyof typeof EACH) =>
  ({ name, p, call }: Project, args: string[]): Printed => {
    const r = call('ComposePs', { project: name, all: true });
    if (!r.ok) return fail(r.msg);
    const named = args.filter((a) => !a.startsWith('-'));
    const rest = sub === 'restart' && named.length ? [...restartReach(p, named, args.includes('--no-deps'))] : named;
    const out: string[] = [];
    let failed = false;
    for (const c of r.out.containers as PsRow[]) {
      if (rest.length && !rest.includes(c.Service ?? '')) continue;
      const x = call(EACH[sub][0], { container: c.Names });
      if (!x.ok) failed = true;
      out.push(...(x.ok ? [step(`Container ${c.Names}`, EACH[sub][1]), step(`Container ${c.Names}`, EACH[sub][2])] : [x.msg]));
    }
    return { output: out.join('\n'), exitCode: failed ? 1 : 0 };
  };

function exec({ name, call }: Project, rest: string[]): Printed {
  const [svc, ...command] = rest;
  if (!svc || command.length === 0) return fail('"docker compose exec" requires a service and a command');
  const r = call('Exec', { container: `${name}-${svc}-1`, command });
  return r.ok ? { output: String(r.out.output), exitCode: r.out.exitCode as number } : { output: r.msg.replace(/No such container: .*/, `service "${svc}" is not running`), exitCode: 1 };
}

const VERBS: Record<string, (p: Project, rest: string[]) => Printed> = { up, down, ps, logs, restart: onEach('restart'), stop: onEach('stop'), start: onEach('start'), exec };

/** docker compose up / down / ps / logs / exec / start / stop / restart, on the Compose file in the editor. */
export function composeCommand(session: ConsoleSession, args: string[], call: DockerCall): Printed {
  let file: string | undefined;
  let project: string | undefined;
  const profiles: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-f' || a === '--file') file = args[++i];
    else if (a === '-p' || a === '--project-name') project = args[++i];
    else if (a === '--profile') profiles.push(args[++i] ?? '');
    else if (a !== '-d' && a !== '--detach') words.push(a);
  }
  file ??= COMPOSE_FILES.find((f) => fileText(session.files, f) !== undefined);
  if (!file || fileText(session.files, file) === undefined) return fail('no configuration file provided: not found');
  // The project is -p, else the file's `name:`, else "sandbox" (there is no directory name to default to).
  // Only the profiles named with --profile are active (the console has no COMPOSE_PROFILES variable).
  const { project: p, problems } = parseCompose(fileText(session.files, file)!, file, { ...(project ? { project } : {}), profiles });
  const shown = problems.map((q) => formatProblem(q, { severity: 'always' }));
  if (!p) return { output: shown.join('\n'), exitCode: 1 };
  const [sub, ...rest] = words;
  const verb = sub !== undefined && Object.hasOwn(VERBS, sub) ? VERBS[sub] : undefined;
  if (!verb) return fail(`unknown docker compose command: ${sub ?? ''} (up, down, ps, logs, exec, start, stop, restart)`);
  return verb({ name: p.name, p, session, call, shown }, rest);
}
