import { fileText } from '../session';
import type { Sim } from '../../../sim';
import { dockerCall, fail, type DockerCall, type Printed } from './dockerHost';
import { flagValue } from '../shell';
import { psTable, type PsRow } from '../output';
import type { ConsoleCommand, ConsoleSession } from '../types';
import { COMPOSE_FILES, COMPOSE_VERBS, composeCommand } from './dockerCompose';

interface DockerContext {
  sim: Sim;
  session: ConsoleSession;
  call: DockerCall;
  stdin?: string;
}

function build(rest: string[], { session, call }: DockerContext): Printed {
  const tag = flagValue(rest, ['-t', '--tag']);
  const file = flagValue(rest, ['-f', '--file']) ?? 'Dockerfile';
  if (!tag) return fail('docker build: give the image a name with -t name:tag');
  const r = call('Build', { tag, dockerfile: fileText(session.files, file) });
  return r.ok ? { output: `Successfully built ${(r.out.id as string).slice(7, 19)}\nSuccessfully tagged ${String(r.out.tag)}`, exitCode: 0 } : fail(r.msg);
}

function run(rest: string[], { call }: DockerContext): Printed {
  const input: Record<string, unknown> = { ports: [] as string[], env: {} as Record<string, string> };
  let i = 0;
  for (; i < rest.length && rest[i]!.startsWith('-'); i++) {
    const a = rest[i]!;
    if (a === '-d' || a === '--detach' || a === '--rm' || a === '-it' || a === '-i' || a === '-t') continue;
    const v = rest[++i];
    if (v === undefined) return fail(`docker: flag needs an argument: ${a}`);
    if (a === '-p' || a === '--publish') (input.ports as string[]).push(v);
    else if (a === '-e' || a === '--env') {
      const eq = v.indexOf('=');
      (input.env as Record<string, string>)[eq < 0 ? v : v.slice(0, eq)] = eq < 0 ? '' : v.slice(eq + 1);
    } else if (a === '--name') input.name = v;
    else if (a === '--network') input.network = v;
    else if (a === '--restart') input.restart = v;
    else return fail(`unknown flag: ${a}\nSee 'docker run --help'.`);
  }
  if (!rest[i]) return fail('"docker run" requires at least 1 argument.\nSee \'docker run --help\'.');
  input.image = rest[i];
  const r = call('Run', input);
  if (r.ok) return { output: [...((r.out.pulled as string[] | undefined) ?? []), String(r.out.id)].join('\n'), exitCode: 0 };
  const missing = r.msg.includes('pull access denied') || r.msg.includes('manifest unknown') || r.msg.includes('no basic auth credentials') || r.msg.includes('name unknown');
  const err = r.msg.startsWith('docker:') ? r.msg : `docker: ${r.msg}${missing ? ".\nSee 'docker run --help'." : ''}`;
  return { output: missing ? `Unable to find image '${String(input.image).includes(':') ? String(input.image) : `${String(input.image)}:latest`}' locally\n${err}` : err, exitCode: 125 };
}

function ps(rest: string[], { call }: DockerContext): Printed {
  const r = call('Ps', { all: rest.includes('-a') || rest.includes('--all') });
  return r.ok ? { output: psTable(r.out.containers as PsRow[]), exitCode: 0 } : fail(r.msg);
}

function images(_rest: string[], { call }: DockerContext): Printed {
  const r = call('Images', {});
  if (!r.ok) return fail(r.msg);
  const rows = r.out.images as { Repository: string; Tag: string; ID: string }[];
  return { output: ['REPOSITORY   TAG   IMAGE ID', ...rows.map((x) => `${x.Repository}   ${x.Tag}   ${x.ID}`)].join('\n'), exitCode: 0 };
}

const EACH_OP = { logs: 'Logs', stop: 'Stop', start: 'Start', restart: 'Restart', rm: 'Rm', pull: 'Pull', push: 'Push' } as const;

/** logs / stop / start / restart / rm / pull / push: the operation on each container or image named. */
const onEach =
  (cmd: keyof typeof EACH_OP) =>
  (rest: string[], { call }: DockerContext): Printed => {
    const target = rest.filter((a) => !a.startsWith('-'));
    if (target.length === 0) return fail(`"docker ${cmd}" requires at least 1 argument.`);
    const out: string[] = [];
    for (const t of target) {
      const r = call(EACH_OP[cmd], cmd === 'pull' || cmd === 'push' ? { image: t } : { container: t, force: rest.includes('-f') || rest.includes('--force') });
      if (!r.ok) return { output: [...out, r.msg].join('\n'), exitCode: 1 };
      out.push(cmd === 'logs' || cmd === 'pull' || cmd === 'push' ? (r.out.lines as string[]).join('\n') : t);
    }
    return { output: out.join('\n'), exitCode: 0 };
  };

/** docker tag SOURCE TARGET: another name for the image, such as its ECR repository's URI with a tag. */
function tag(rest: string[], { call }: DockerContext): Printed {
  const names = rest.filter((a) => !a.startsWith('-'));
  if (names.length !== 2) return fail('"docker tag" requires exactly 2 arguments.\nSee \'docker tag --help\'.\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]');
  const r = call('Tag', { source: names[0], target: names[1] });
  return r.ok ? { output: '', exitCode: 0 } : fail(r.msg);
}

/** docker login [-u user] [-p password | --password-stdin] [server]: the password from the option or from standard input. */
function login(rest: string[], { call, stdin }: DockerContext): Printed {
  const username = flagValue(rest, ['-u', '--username']);
  const password = flagValue(rest, ['-p', '--password']);
  const fromStdin = rest.includes('--password-stdin');
  if (password !== undefined && fromStdin) return fail('--password and --password-stdin are mutually exclusive');
  if (fromStdin && !username) return fail('Must provide --username with --password-stdin');
  const server = rest.filter((a, i) => !a.startsWith('-') && !['-u', '--username', '-p', '--password'].includes(rest[i - 1] ?? ''))[0];
  const r = call('Login', { ...(server ? { registry: server } : {}), username, password: fromStdin ? (stdin ?? '').trim() : password });
  const warning = password !== undefined ? ['WARNING! Using --password via the CLI is insecure. Use --password-stdin.'] : [];
  return r.ok ? { output: [...warning, String(r.out.status)].join('\n'), exitCode: 0 } : { output: [...warning, r.msg].join('\n'), exitCode: 1 };
}

function exec(rest: string[], { call }: DockerContext): Printed {
  const opts = rest.filter((a, i) => a.startsWith('-') && i < rest.findIndex((x) => !x.startsWith('-')));
  const [container, ...command] = rest.slice(opts.length);
  if (!container || command.length === 0) return fail('"docker exec" requires at least 2 arguments: a container and a command');
  const r = call('Exec', { container, command });
  return r.ok ? { output: String(r.out.output), exitCode: r.out.exitCode as number } : { output: r.msg, exitCode: 126 };
}

function network(rest: string[], { sim, call }: DockerContext): Printed {
  if (rest[0] !== 'create' || !rest[1]) return fail('usage: docker network create <name>');
  const r = call('NetworkCreate', { name: rest[1] });
  return r.ok ? { output: sim.hex(64), exitCode: 0 } : fail(r.msg);
}

/** docker's subcommands, each on the world's local Docker host. */
const SUBCOMMANDS: Record<string, (rest: string[], ctx: DockerContext) => Printed> = {
  build,
  compose: (rest, ctx) => composeCommand(ctx.session, rest, ctx.call),
  exec,
  images,
  login,
  logs: onEach('logs'),
  network,
  ps,
  pull: onEach('pull'),
  push: onEach('push'),
  restart: onEach('restart'),
  rm: onEach('rm'),
  run,
  start: onEach('start'),
  stop: onEach('stop'),
  tag,
};

export const dockerCommand: ConsoleCommand<{ words: string[] }> = {
  name: 'docker',
  usage: [
    'docker build -t <name:tag> [-f Dockerfile] .',
    'docker run [-d] [-p host:container] [-e K=V] [--name N] [--network N] [--restart P] <image>',
    'docker ps [-a] | images | logs | stop | start | restart | rm [-f] <container>',
    'docker exec <container> <command>',
    'docker pull | push <image>',
    'docker tag <image> <registry>/<repository>:<tag>',
    'docker login [-u user] [-p password | --password-stdin] <registry>',
    'docker network create <name>',
    'docker compose [-f file] [-p project] up | down | ps [-a] | logs | exec | start | stop | restart',
  ],
  help: "Docker on the world's local host, before ECS: build images from the editor's Dockerfile, run containers with published ports, and run a Compose file from the editor.",
  time: 'none',
  reads: (words, files) => {
    const f = flagValue(words, ['-f', '--file']);
    if (words[0] === 'build') return [f ?? 'Dockerfile'];
    if (words[0] === 'compose') return [...(f ? [f] : []), ...COMPOSE_FILES.filter((n) => n in files)];
    return [];
  },
  complete: (before) => {
    if (before.length === 0) return Object.keys(SUBCOMMANDS);
    if (before[0] === 'compose' && before.filter((w) => !w.startsWith('-')).length === 1) return COMPOSE_VERBS;
    return [];
  },
  parse: (words) => ({ ok: true, args: { words } }),
  run: ({ words }, { sim, session, stdin }) => {
    const [cmd, ...rest] = words;
    const sub = cmd !== undefined && Object.hasOwn(SUBCOMMANDS, cmd) ? SUBCOMMANDS[cmd] : undefined;
    const r = sub ? sub(rest, { sim, session, call: dockerCall(sim), ...(stdin !== undefined ? { stdin } : {}) }) : { output: `docker: '${cmd ?? ''}' is not a docker command.\nSee 'docker --help'`, exitCode: 1 };
    sim.runUntil(sim.now);
    return r;
  },
};
