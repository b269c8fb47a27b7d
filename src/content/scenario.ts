import { parseYaml } from '../formats/yamlDoc';
import { formatProblems, type Problem } from '../formats/problem';
import validateScenario from './scenarioValidator.js';
import { Sim, parseDuration } from '../sim';
import type { ImageBehavior } from '../sim';
import { composeRequests, composeToEcs, parseCompose } from '../formats/compose';
import { deployRequests, environmentRequests, parseManifest, planDeployment, type EnvironmentState, type PlanRequest } from '../formats/copilot';

/** A scenario as the runner uses it (times in milliseconds). */
export interface Scenario {
  name: string;
  description?: string;
  seed: string;
  region?: string;
  availabilityZones?: string[];
  freeIpsPerSubnet?: number;
  durations: Record<string, number>;
  images: Record<string, ImageBehavior>;
  /** Requests in file order; `index` counts them after copilot actions are expanded, `source` is the entry in the file. */
  actions: { at: number; call: string; id?: string; input: Record<string, unknown>; index: number; source: number }[];
  until?: number;
  expect: Expectation[];
}

export interface Expectation {
  label?: string;
  at?: number;
  count?: string;
  where?: Record<string, unknown>;
  equals?: number;
  atLeast?: number;
  atMost?: number;
  event?: Record<string, unknown>;
  sequence?: Record<string, unknown>[];
  call?: number | string;
  ok?: boolean;
  output?: Record<string, unknown>;
  error?: Record<string, unknown>;
  index: number;
}

/** A scenario file that cannot run: every problem names the file, the line and the member. */
export class ScenarioError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'ScenarioError';
  }
}

// The schema compiled ahead of time (scripts/gen-validator.ts), so no schema compiler ships to the page.
const validate = validateScenario as ((data: unknown) => boolean) & { errors?: { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> }[] | null };

function memberPath(segments: (string | number)[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

/**
 * Parses and validates a scenario (YAML or JSON text). Throws ScenarioError naming the file, line
 * and member of every problem: YAML syntax, the published JSON Schema, unknown calls, bad times.
 */
export function parseScenario(text: string, file = 'scenario.yaml'): Scenario {
  const doc = parseYaml(text, file);
  const problems: Problem[] = [];
  problems.push(...doc.errors);
  if (problems.length) throw new ScenarioError(problems);
  const data = doc.data;
  const at = doc.at;
  if (!validate(data)) {
    const seen = new Set<string>();
    for (const err of validate.errors ?? []) {
      if (err.keyword === 'oneOf' && /^\/actions\/\d+$/.test(err.instancePath)) {
        const index = Number(err.instancePath.split('/')[2]);
        const a = (data as { actions: Record<string, unknown>[] }).actions[index]!;
        const message = 'compose' in a || 'project' in a
          ? 'a compose action has compose and project (and optionally at), and no call, input, id, copilot, app or env'
          : 'copilot' in a || 'app' in a || 'env' in a
            ? 'a copilot action has copilot, app and env (and optionally at), and no call, input or id'
            : "missing required member 'call' (or 'copilot' with 'app' and 'env', or 'compose' with 'project')";
        problems.push({ severity: 'error', file, ...at(['actions', index]), member: `actions[${index}]`, message });
        continue;
      }
      if (err.keyword === 'oneOf' || err.keyword === 'if' || err.keyword === 'not') continue;
      const segs = err.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
      let message = err.message ?? 'is invalid';
      if (err.keyword === 'additionalProperties') {
        const extra = (err.params as { additionalProperty: string }).additionalProperty;
        segs.push(extra);
        message = `unknown member '${extra}'`;
      } else if (err.keyword === 'enum') message += `: ${(err.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
      else if (err.keyword === 'required') {
        message = `missing required member '${(err.params as { missingProperty: string }).missingProperty}'`;
      }
      const member = memberPath(segs);
      // Alternatives (a number or a duration string) become one message.
      const sameMember = err.keyword === 'type' ? problems.find((p) => p.member === member && p.message.startsWith('must be ')) : undefined;
      if (sameMember) {
        if (!sameMember.message.includes(message.slice(8))) sameMember.message += ` or ${message.slice(8)}`;
        continue;
      }
      const key = `${member}|${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({ severity: 'error', file, ...at(segs, err.keyword === 'additionalProperties'), member: memberPath(segs), message });
    }
    if (problems.length === 0) problems.push({ severity: 'error', file, line: 1, column: 1, member: '', message: 'does not match the scenario schema' });
    throw new ScenarioError(problems);
  }
  const raw = data as Record<string, unknown> & { actions: Record<string, unknown>[]; expect?: Record<string, unknown>[] };
  const actions: Scenario['actions'] = [];
  const environments = new Map<string, EnvironmentState & { workloads: Set<string> }>();
  const region = (raw.region as string | undefined) ?? 'us-east-1';
  const subnets = ((raw.availabilityZones as string[] | undefined) ?? ['a', 'b', 'c'].map((s) => `${region}${s}`)).map((az) => `subnet-${az}`);
  raw.actions.forEach((a, source) => {
    const atMs = a.at === undefined ? 0 : parseDuration(a.at);
    if (atMs === undefined) problems.push({ severity: 'error', file, ...at(['actions', source, 'at']), member: `actions[${source}].at`, message: `'${String(a.at)}' is not a time` });
    if (typeof a.copilot === 'string') {
      for (const r of expandCopilot(a.copilot, a.app as string, a.env as string, { file, source, line: at(['actions', source, 'copilot']).line, region, subnets, environments, problems })) {
        actions.push({ at: atMs ?? 0, ...r, index: actions.length, source });
      }
      return;
    }
    if (typeof a.compose === 'string') {
      for (const r of expandCompose(a.compose, a.project as string, { file, source, line: at(['actions', source, 'compose']).line, region, subnets, problems })) {
        actions.push({ at: atMs ?? 0, ...r, index: actions.length, source });
      }
      return;
    }
    const call = a.call as string;
    if (!Sim.hasOperation(call)) {
      problems.push({ severity: 'error', file, ...at(['actions', source, 'call']), member: `actions[${source}].call`, message: `unknown call '${call}'. Known calls: ${Sim.operations().join(', ')}` });
    }
    actions.push({ at: atMs ?? 0, call, input: (a.input as Record<string, unknown>) ?? {}, index: actions.length, source, ...(a.id ? { id: a.id as string } : {}) });
  });
  const ids = new Set<string>();
  actions.forEach((a) => {
    if (!a.id) return;
    if (ids.has(a.id)) problems.push({ severity: 'error', file, ...at(['actions', a.source, 'id']), member: `actions[${a.source}].id`, message: `duplicate id '${a.id}'` });
    ids.add(a.id);
  });
  const expect = (raw.expect ?? []).map((e, index) => {
    const x: Expectation = { ...(e as object), index } as Expectation;
    if (e.at !== undefined) x.at = parseDuration(e.at)!;
    if (typeof e.call === 'string' && !ids.has(e.call)) {
      problems.push({ severity: 'error', file, ...at(['expect', index, 'call']), member: `expect[${index}].call`, message: `no action has id '${e.call}'` });
    }
    if (typeof e.call === 'number' && e.call >= actions.length) {
      problems.push({ severity: 'error', file, ...at(['expect', index, 'call']), member: `expect[${index}].call`, message: `there are only ${actions.length} actions` });
    }
    return x;
  });
  const durations: Record<string, number> = {};
  for (const [k, v] of Object.entries((raw.durations as Record<string, unknown>) ?? {})) durations[`${k}Ms`] = parseDuration(v)!;
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
    ...(raw.until !== undefined ? { until: parseDuration(raw.until)! } : {}),
  };
}

/** A copilot action becomes the requests its deployment makes; manifest problems name the scenario line. */
function expandCopilot(
  text: string, app: string, env: string,
  ctx: { file: string; source: number; line: number; region: string; subnets: string[]; environments: Map<string, EnvironmentState & { workloads: Set<string> }>; problems: Problem[] },
): PlanRequest[] {
  const member = `actions[${ctx.source}].copilot`;
  const { manifest, problems } = parseManifest(text, ctx.file);
  for (const p of problems) {
    if (p.severity !== 'error') continue;
    ctx.problems.push({ severity: 'error', file: ctx.file, line: ctx.line + p.line, column: p.column, member: p.member ? `${member}.${p.member}` : member, message: p.message });
  }
  if (!manifest) return [];
  if (manifest.type === 'Environment') {
    ctx.problems.push({ severity: 'error', file: ctx.file, line: ctx.line, column: 1, member, message: 'an Environment manifest is deployed with copilot env deploy; give a workload manifest (its environment is created with it)' });
    return [];
  }
  const plan = planDeployment(manifest, app, env, { region: ctx.region });
  const out: PlanRequest[] = [];
  const key = `${app}/${env}`;
  let e = ctx.environments.get(key);
  if (e?.workloads.has(manifest.name)) {
    ctx.problems.push({ severity: 'error', file: ctx.file, line: ctx.line, column: 1, member, message: `${manifest.name} is already deployed to ${key}; redeploying a manifest is not simulated (update the service with ecs.UpdateService)` });
    return [];
  }
  if (!e) {
    e = { loadBalancer: false, rules: 0, workloads: new Set() };
    ctx.environments.set(key, e);
    out.push(...environmentRequests(app, env));
  }
  e.workloads.add(manifest.name);
  out.push(...deployRequests(e, plan, ctx.subnets));
  return out;
}

/** A compose action becomes the requests of its ECS translation; problems name the scenario line and member. */
function expandCompose(
  text: string, project: string,
  ctx: { file: string; source: number; line: number; region: string; subnets: string[]; problems: Problem[] },
): { id: string; call: string; input: Record<string, unknown> }[] {
  const member = `actions[${ctx.source}].compose`;
  const { project: p, problems } = parseCompose(text, ctx.file, { project });
  for (const q of problems) {
    if (q.severity !== 'error') continue;
    ctx.problems.push({ severity: 'error', file: ctx.file, line: ctx.line + q.line, column: q.column, member: q.member ? `${member}.${q.member}` : member, message: q.message });
  }
  if (!p) return [];
  const t = composeToEcs(p, { region: ctx.region });
  for (const e of t.errors) ctx.problems.push({ severity: 'error', file: ctx.file, line: ctx.line + e.line, column: e.column, member: `${member}.${e.member}`, message: e.message });
  if (t.errors.length) return [];
  return composeRequests(t, p, { subnets: ctx.subnets });
}
