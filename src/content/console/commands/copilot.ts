import { environmentRequests } from '../../../formats/copilot';
import type { CallRecord } from '../../calls';
import type { CommandResult, ConsoleCommand, RunContext } from '../types';
import { parsed } from '../types';
import { execute, fail, record, str, type CopilotContext, type Flags } from './copilotContext';
import { WORKLOAD_VERBS, withApp } from './copilotWorkloads';

const COPILOT_HELP =
  'copilot init --app <app> --name <svc> --type "<type>" --image <uri> [--port N] [--deploy] | app init <name> | app delete | env init --name <env> | env deploy --name <env> | svc init --name <svc> --svc-type "<type>" --image <uri> [--port N] | svc deploy --name <svc> --env <env> | svc status --name <svc> --env <env> | svc show --name <svc> | svc logs --name <svc> [--env <env>] [--limit N] | job init --name <job> --schedule "@daily" --image <uri> | job deploy --name <job> --env <env>';

/** How long copilot app delete waits between deleting the services and deleting their environments' clusters. */
const APP_DELETE_WAIT_MS = 60_000;

const NAME = /^[a-z][a-z0-9-]*$/;

function appInit({ session, words, flags }: CopilotContext): CommandResult {
  const c = session.copilot;
  const name = words[2] ?? str(flags, 'name');
  if (!name || !NAME.test(name)) return fail('application name must start with a letter and contain only lower-case letters, numbers, and hyphens');
  if (c.app && c.app !== name) return fail(`this workspace is already registered with application ${c.app}`);
  c.app = name;
  return {
    output: `✔ Created the infrastructure to manage services and jobs under application ${name}.\n\nEnd of support: AWS Copilot reached end of support in June 2026; the sandbox teaches its manifests as a whole architecture in one file.`,
    exitCode: 0,
  };
}

/** copilot init: the application, the workload's manifest, and with --deploy a "test" environment and the deployment. */
function init(ctx: CopilotContext): CommandResult {
  const { session, flags } = ctx;
  const app = str(flags, 'app');
  const name = str(flags, 'name');
  if (!app || !name) return fail('copilot init needs --app, --name, --type (or --svc-type) and --image or --dockerfile');
  const step = (words: string[], f: Flags) => verbOf(words)!({ ...ctx, words, flags: f });
  const steps = [step(['app', 'init', app], {}), step(['svc', 'init'], { ...flags, 'svc-type': flags.type ?? flags['svc-type'] ?? true })];
  if (flags.deploy === true) {
    if (!session.copilot.environments.test) steps.push(step(['env', 'init'], { name: 'test' }));
    steps.push(step(['env', 'deploy'], { name: 'test' }), step(['svc', 'deploy'], { name, env: 'test' }));
  }
  const failed = steps.find((x) => x.exitCode !== 0);
  const calls = steps.flatMap((x) => x.calls ?? []);
  return { output: steps.map((x) => x.output).join('\n'), exitCode: failed ? failed.exitCode : 0, ...(failed?.error ? { error: failed.error } : {}), ...(calls.length ? { calls } : {}) };
}

/** copilot app delete, first step: the services, scaled to zero and deleted; the clusters follow a minute later. */
function appDelete({ sim, session }: CopilotContext): CommandResult {
  const c = session.copilot;
  const out: string[] = [];
  const calls: CallRecord[] = [];
  for (const [svc, envs] of Object.entries(c.services)) {
    for (const env of envs) {
      const cluster = `${c.app!}-${env}`;
      calls.push(record(sim, 'ecs.UpdateService', { cluster, service: svc, desiredCount: 0 }));
      const r = record(sim, 'ecs.DeleteService', { cluster, service: svc, force: true });
      calls.push(r);
      out.push(r.error ? `✘ ${svc} in ${env}: ${r.error.message}` : `✔ Deleted service ${svc} from environment ${env}.`);
    }
  }
  return { output: out.join('\n'), exitCode: out.some((l) => l.startsWith('✘')) ? 1 : 0, calls, then: { afterMs: APP_DELETE_WAIT_MS, step: 'environments', state: { app: c.app! } } };
}

/** copilot app delete, second step: each deployed environment's cluster, then the application. */
function deleteEnvironments({ sim, session }: RunContext, app: string): CommandResult {
  const c = session.copilot;
  const out: string[] = [];
  const calls: CallRecord[] = [];
  for (const env of Object.keys(c.environments)) {
    if (!c.environments[env]!.deployed) continue;
    const r = record(sim, 'ecs.DeleteCluster', { cluster: `${app}-${env}` });
    calls.push(r);
    out.push(r.error ? `✘ environment ${env}: ${r.error.message}` : `✔ Deleted environment ${env}.`);
  }
  out.push(`✔ Deleted application ${app}.`);
  session.copilot = { environments: {}, services: {}, calls: [] };
  return { output: out.join('\n'), exitCode: out.some((l) => l.startsWith('✘')) ? 1 : 0, calls };
}

function env({ sim, session, words, flags }: CopilotContext): CommandResult {
  const c = session.copilot;
  const name = str(flags, 'name');
  if (!name || !NAME.test(name)) return fail('--name: environment name must start with a letter and contain only lower-case letters, numbers, and hyphens');
  if (words[1] === 'init') {
    if (c.environments[name]) return fail(`environment ${name} already exists in application ${c.app!}`);
    c.environments[name] = { deployed: false, loadBalancer: false, rules: 0 };
    return { output: `✔ Wrote the manifest for environment ${name} at copilot/environments/${name}/manifest.yml\nRecommended follow-up action:\n  - Run copilot env deploy --name ${name} to deploy your environment.`, exitCode: 0 };
  }
  const e = c.environments[name];
  if (!e) return fail(`environment ${name} does not exist: run copilot env init --name ${name} first`);
  if (e.deployed) return { output: `✔ Environment ${name} is up to date.`, exitCode: 0 };
  const { made, failed } = execute(sim, session, environmentRequests(c.app!, name));
  if (failed) return fail(failed.text, { error: failed.error, calls: made });
  e.deployed = true;
  return { output: `✔ Deployed environment ${name}: cluster ${c.app!}-${name} (Fargate and Fargate Spot), namespace ${name}.${c.app!}.local.`, exitCode: 0, calls: made };
}

/** Every verb, by `<noun> <verb>` (and `init` alone). */
const VERBS: Record<string, (ctx: CopilotContext) => CommandResult> = {
  'app init': appInit,
  init,
  'app delete': withApp(appDelete),
  'env init': withApp(env),
  'env deploy': withApp(env),
  ...Object.fromEntries(Object.entries(WORKLOAD_VERBS).map(([k, v]) => [k, withApp(v)])),
};

function verbOf(words: string[]): ((ctx: CopilotContext) => CommandResult) | undefined {
  const key = words[0] === 'init' ? 'init' : `${words[0] ?? ''} ${words[1] ?? ''}`;
  return Object.hasOwn(VERBS, key) ? VERBS[key] : undefined;
}

/** `--name web`, `-n web`, and flags without a value (`--deploy`). */
function readFlags(toks: string[]): { words: string[]; flags: Flags } {
  const words: string[] = [];
  const flags: Flags = {};
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.startsWith('--')) flags[t.slice(2)] = i + 1 < toks.length && !toks[i + 1]!.startsWith('--') ? toks[++i]! : true;
    else if (/^-[a-z]$/.test(t)) flags[{ n: 'name', e: 'env', a: 'app', t: 'svc-type', i: 'image', d: 'dockerfile' }[t[1]!] ?? t.slice(1)] = toks[++i] ?? true;
    else words.push(t);
  }
  return { words, flags };
}

/**
 * The copilot commands of the lessons, on the workspace the editor's files form (a service's manifest is
 * copilot/<name>/manifest.yml): they make the requests copilot would and print what it created.
 */
export const copilotCommand: ConsoleCommand<{ words: string[]; flags: Flags }> = {
  name: 'copilot',
  usage: COPILOT_HELP.split(' | ').map((u, i) => (i === 0 ? u : `copilot ${u}`)),
  help: 'AWS Copilot on the simulated account: an application, its environments (each a cluster and a Cloud Map namespace) and services or scheduled jobs from the manifests in the editor (copilot/<name>/manifest.yml). app delete removes the services, then a minute later the environments.',
  time: 'steps',
  reads: (_words, files) => Object.keys(files).filter((f) => f.startsWith('copilot/')),
  complete: (before) => {
    const keys = Object.keys(VERBS).map((k) => k.split(' '));
    if (before.length === 0) return [...new Set(keys.map((k) => k[0]!))];
    return before.length === 1 ? keys.filter((k) => k[0] === before[0] && k[1]).map((k) => k[1]!) : [];
  },
  parse: (words) => parsed(readFlags(words)),
  run: ({ words, flags }, { sim, session }) => {
    const verb = verbOf(words);
    return verb ? verb({ sim, session, words, flags }) : fail(`unknown command. ${COPILOT_HELP}`);
  },
  resume: (step, state, ctx) => {
    const app = state && typeof state === 'object' && !Array.isArray(state) && typeof state.app === 'string' ? state.app : undefined;
    return step === 'environments' && app ? deleteEnvironments(ctx, app) : fail(`copilot: no step ${step}`);
  },
};
