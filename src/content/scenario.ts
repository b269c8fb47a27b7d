import { parseYaml } from '../formats/yamlDoc';
import { fileError, withForm, type Problem, type Said } from '../formats/problem';
import { say } from '../formats/diagnostics';
import { ScenarioError } from './scenarioError';
import validateScenario from './scenarioValidator.js';
import { Sim } from '../sim';
import { readTime } from './timeSaid';
import { checkScenario, memberPath } from './scenarioChecks';
import type { ImageBehavior } from '../sim';
import type { Expectation, Scenario } from './scenarioTypes';
import { composeRequests, composeToEcs, parseCompose } from '../formats/compose';
import { deployRequests, environmentRequests, parseManifest, planDeployment, pushedBy, type EnvironmentState, type PlanRequest } from '../formats/copilot';

export type { Expectation, Scenario } from './scenarioTypes';
export { ScenarioError } from './scenarioError';

// The schema compiled ahead of time (scripts/gen-validator.ts), so no schema compiler ships to the page.
const validate = validateScenario as ((data: unknown) => boolean) & { errors?: { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> }[] | null };

type At = (path: (string | number)[], key?: boolean) => { line: number; column: number };

/** The value at a member path of parsed data (own members only). */
function valueAt(data: unknown, segs: readonly (string | number)[]): unknown {
  let v = data;
  for (const s of segs) v = v !== null && typeof v === 'object' && Object.hasOwn(v, s) ? (v as Record<string | number, unknown>)[s] : undefined;
  return v;
}

/** What the schema says of an action that is none of the three kinds (call, copilot, compose). */
function actionKindMessage(a: Record<string, unknown>): Said {
  if ('compose' in a || 'project' in a) return say('problem.scenario.composeAction');
  if ('copilot' in a || 'app' in a || 'env' in a) return say('problem.scenario.copilotAction');
  return say('problem.scenario.actionKind');
}

/** The JSON Schema's findings as problems at their members, one message per member and alternative. */
function schemaProblems(data: unknown, at: At, file: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const err of validate.errors ?? []) {
    if (err.keyword === 'oneOf' && /^\/actions\/\d+$/.test(err.instancePath)) {
      const index = Number(err.instancePath.split('/')[2]);
      const a = (data as { actions: unknown[] }).actions[index];
      if (a === null || typeof a !== 'object' || Array.isArray(a)) continue;
      problems.push(fileError(file, at(['actions', index]), `actions[${index}]`, actionKindMessage(a as Record<string, unknown>)));
      continue;
    }
    if (err.keyword === 'oneOf' || err.keyword === 'if' || err.keyword === 'not') continue;
    const segs = err.instancePath
      .split('/')
      .slice(1)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    // The schema validator's own words ("must be number") are kept as they are; the sandbox's are said.
    let message = err.message ?? 'is invalid';
    let said: Said | undefined;
    if (err.keyword === 'additionalProperties') {
      const extra = (err.params as { additionalProperty: string }).additionalProperty;
      segs.push(extra);
      said = say('problem.scenario.unknownMember', { member: extra });
    } else if (err.keyword === 'enum') message += `: ${(err.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    else if (err.keyword === 'required') {
      said = say('problem.scenario.missingMember', { member: (err.params as { missingProperty: string }).missingProperty });
    }
    const member = memberPath(segs);
    const value = valueAt(data, segs);
    if (typeof value === 'number' && !Number.isFinite(value)) said = say('problem.scenario.notFinite', { value });
    if (said) message = said.message;
    // Alternatives (a number or a duration string) become one message.
    const sameMember = err.keyword === 'type' ? problems.find((p) => p.member === member && p.message.startsWith('must be ')) : undefined;
    if (sameMember) {
      if (!sameMember.message.includes(message.slice(8))) sameMember.message += ` or ${message.slice(8)}`;
      continue;
    }
    const key = `${member}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(fileError(file, at(segs, err.keyword === 'additionalProperties'), member, said ?? message));
  }
  if (problems.length === 0) problems.push(fileError(file, { line: 1, column: 1 }, '', say('problem.scenario.schema')));
  return problems;
}

/** `p` moved (a manifest's problems within the scenario that holds it): the same diagnostic, its form kept. */
const moved = (p: Problem, to: Omit<Problem, 'message' | 'form'>): Problem => withForm({ ...to, message: p.message }, p.form);

type Raw = Record<string, unknown> & { actions: Record<string, unknown>[]; expect?: Record<string, unknown>[] };

/** The file's actions as requests, copilot and compose actions expanded into theirs; `source` is the entry in the file. */
function readActions(raw: Raw, at: At, file: string, problems: Problem[]): Scenario['actions'] {
  const actions: Scenario['actions'] = [];
  const environments = new Map<string, EnvironmentState & { workloads: Set<string> }>();
  const region = (raw.region as string | undefined) ?? 'us-east-1';
  const subnets = ((raw.availabilityZones as string[] | undefined) ?? ['a', 'b', 'c'].map((s) => `${region}${s}`)).map((az) => `subnet-${az}`);
  raw.actions.forEach((a, source) => {
    const atMs = a.at === undefined ? 0 : time(a.at, ['actions', source, 'at'], at, file, problems);
    const push = (r: { call: string; id?: string; input: Record<string, unknown> }) => actions.push({ at: atMs ?? 0, ...r, index: actions.length, source });
    if (typeof a.copilot === 'string') {
      expandCopilot(a.copilot, a.app as string, a.env as string, { file, source, line: at(['actions', source, 'copilot']).line, region, subnets, environments, problems }).forEach(push);
      return;
    }
    if (typeof a.compose === 'string') {
      expandCompose(a.compose, a.project as string, { file, source, line: at(['actions', source, 'compose']).line, region, subnets, problems, profiles: (a.profiles as string[] | undefined) ?? [] }).forEach(push);
      return;
    }
    const call = a.call as string;
    if (!Sim.hasOperation(call)) {
      problems.push(fileError(file, at(['actions', source, 'call']), `actions[${source}].call`, say('problem.scenario.unknownCall', { call, calls: Sim.operations().join(', ') })));
    }
    push({ call, input: (a.input as Record<string, unknown>) ?? {}, ...(a.id ? { id: a.id as string } : {}) });
  });
  return actions;
}

/** The actions' ids, each once. */
function actionIds(actions: Scenario['actions'], at: At, file: string, problems: Problem[]): Set<string> {
  const ids = new Set<string>();
  for (const a of actions) {
    if (!a.id) continue;
    if (ids.has(a.id)) problems.push(fileError(file, at(['actions', a.source, 'id']), `actions[${a.source}].id`, say('problem.scenario.duplicateId', { id: a.id })));
    ids.add(a.id);
  }
  return ids;
}

/** A time of the file in milliseconds, or undefined after a problem at its member (not a time, or beyond the horizon). */
function time(v: unknown, path: (string | number)[], at: At, file: string, problems: Problem[]): number | undefined {
  const r = readTime(v);
  if (r.problem !== undefined) problems.push(fileError(file, at(path), memberPath(path), r.problem));
  return r.ms;
}

function readExpect(raw: Raw, ids: Set<string>, actionCount: number, at: At, file: string, problems: Problem[]): Expectation[] {
  return (raw.expect ?? []).map((e, index) => {
    const x: Expectation = { ...(e as object), index } as Expectation;
    if (e.at !== undefined) x.at = time(e.at, ['expect', index, 'at'], at, file, problems) ?? 0;
    if (typeof e.call === 'string' && !ids.has(e.call)) {
      problems.push(fileError(file, at(['expect', index, 'call']), `expect[${index}].call`, say('problem.scenario.noSuchId', { id: e.call })));
    }
    if (typeof e.call === 'number' && e.call >= actionCount) {
      problems.push(fileError(file, at(['expect', index, 'call']), `expect[${index}].call`, say('problem.scenario.onlyActions', { count: actionCount })));
    }
    return x;
  });
}

/**
 * Parses and validates a scenario (YAML or JSON text). Throws ScenarioError naming the file, line
 * and member of every problem: YAML syntax, the published JSON Schema, unknown calls, times that are not
 * times or lie beyond the horizon, references to calls that do not exist or have not run yet, expectations
 * the run never reaches, matchers of the wrong shape. `until` is the runner's --until, when it overrides the file's.
 */
export function parseScenario(text: string, file = 'scenario.yaml', opts: { until?: number } = {}): Scenario {
  const doc = parseYaml(text, file);
  if (doc.errors.length) throw new ScenarioError(doc.errors);
  const { data, at } = doc;
  if (!validate(data)) throw new ScenarioError(schemaProblems(data, at, file));
  const raw = data as Raw;
  const problems: Problem[] = [];
  const actions = readActions(raw, at, file, problems);
  const ids = actionIds(actions, at, file, problems);
  const expect = readExpect(raw, ids, actions.length, at, file, problems);
  const durations: Record<string, number> = {};
  for (const [k, v] of Object.entries((raw.durations as Record<string, unknown>) ?? {})) durations[`${k}Ms`] = time(v, ['durations', k], at, file, problems) ?? 0;
  const until = raw.until !== undefined ? time(raw.until, ['until'], at, file, problems) : undefined;
  if (problems.length) throw new ScenarioError(problems);
  const end = opts.until ?? until ?? actions.reduce((m, a) => Math.max(m, a.at), 0);
  checkScenario(actions, raw.actions, expect, end, at, file, problems);
  if (problems.length) throw new ScenarioError(problems);
  return {
    name: raw.name as string,
    seed: String(raw.seed ?? 1),
    durations,
    images: (raw.images as Record<string, ImageBehavior>) ?? {},
    actions,
    expect,
    ...(raw.description ? { description: raw.description as string } : {}),
    ...(raw.region ? { region: raw.region as string } : {}),
    ...(raw.availabilityZones ? { availabilityZones: raw.availabilityZones as string[] } : {}),
    ...(raw.freeIpsPerSubnet !== undefined ? { freeIpsPerSubnet: raw.freeIpsPerSubnet as number } : {}),
    ...(until !== undefined ? { until } : {}),
  };
}

/** A copilot action becomes the requests its deployment makes; manifest problems name the scenario line. */
function expandCopilot(
  text: string,
  app: string,
  env: string,
  ctx: { file: string; source: number; line: number; region: string; subnets: string[]; environments: Map<string, EnvironmentState & { workloads: Set<string> }>; problems: Problem[] },
): PlanRequest[] {
  const member = `actions[${ctx.source}].copilot`;
  const { manifest, problems } = parseManifest(text, ctx.file);
  for (const p of problems) {
    if (p.severity !== 'error') continue;
    ctx.problems.push(moved(p, { severity: 'error', file: ctx.file, line: ctx.line + p.line, column: p.column, member: p.member ? `${member}.${p.member}` : member }));
  }
  if (!manifest) return [];
  if (manifest.type === 'Environment') {
    ctx.problems.push(fileError(ctx.file, { line: ctx.line, column: 1 }, member, say('problem.scenario.environmentManifest')));
    return [];
  }
  const plan = planDeployment(manifest, app, env, { region: ctx.region });
  const out: PlanRequest[] = [];
  const key = `${app}/${env}`;
  let e = ctx.environments.get(key);
  if (e?.workloads.has(manifest.name)) {
    ctx.problems.push(fileError(ctx.file, { line: ctx.line, column: 1 }, member, say('problem.scenario.redeploy', { name: manifest.name, environment: key })));
    return [];
  }
  if (!e) {
    e = { loadBalancer: false, rules: 0, workloads: new Set() };
    ctx.environments.set(key, e);
    out.push(...environmentRequests(app, env));
  }
  // The service's ECR repository is the application's: an earlier deployment to another environment created it and pushed the image.
  const earlier = [...ctx.environments].some(([k, x]) => k.startsWith(`${app}/`) && x.workloads.has(manifest.name));
  e.workloads.add(manifest.name);
  out.push(...deployRequests(e, plan, ctx.subnets, earlier ? pushedBy(plan) : undefined));
  return out;
}

/** A compose action becomes the requests of its ECS translation; problems name the scenario line and member. */
function expandCompose(
  text: string,
  project: string,
  ctx: { file: string; source: number; line: number; region: string; subnets: string[]; problems: Problem[]; profiles: string[] },
): { id: string; call: string; input: Record<string, unknown> }[] {
  const member = `actions[${ctx.source}].compose`;
  const { project: p, problems } = parseCompose(text, ctx.file, { project, profiles: ctx.profiles });
  for (const q of problems) {
    if (q.severity !== 'error') continue;
    ctx.problems.push(moved(q, { severity: 'error', file: ctx.file, line: ctx.line + q.line, column: q.column, member: q.member ? `${member}.${q.member}` : member }));
  }
  if (!p) return [];
  const t = composeToEcs(p, { region: ctx.region });
  for (const e of t.errors) ctx.problems.push(moved(e, { severity: 'error', file: ctx.file, line: ctx.line + e.line, column: e.column, member: `${member}.${e.member}` }));
  if (t.errors.length) return [];
  return composeRequests(t, p, { subnets: ctx.subnets });
}
