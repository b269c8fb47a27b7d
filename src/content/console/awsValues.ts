import { shapeOf } from '../../sim';
import { shorthand } from './shorthand';

/**
 * Option values as the AWS CLI converts them: JSON, shorthand and plain text, typed by the member's shape in
 * the ECS API model (numbers, booleans, lists, structures); for the other services, by the member names their
 * published models give numbers, booleans and lists.
 */

const looksJson = (s: string) => /^\s*[[{"]/.test(s) || /^(true|false|null|-?\d+(\.\d+)?)$/.test(s.trim());

/** Converts option values by the ECS member's shape (the others by their text). */
export function convert(values: string[], shapeName: string | undefined, option: string, ns = 'ecs'): unknown {
  const shape = shapeName ? shapeOf(ns, shapeName) : undefined;
  const one = () => {
    if (values.length !== 1) throw new Error(`argument ${option}: expected one argument`);
    return values[0]!;
  };
  if (!shape) {
    if (values.length > 1) {
      return values.map((v) => {
        if (looksJson(v)) return JSON.parse(v);
        const s = v.includes('=') ? shorthand(v) : v;
        return typeof s === 'string' ? v : typedByName(s);
      });
    }
    const v = one();
    if (looksJson(v)) {
      try {
        return JSON.parse(v);
      } catch {
        return v;
      }
    }
    if (v.includes('=')) {
      const s = shorthand(v);
      if (typeof s !== 'string') return typedByName(s);
    }
    return v;
  }
  switch (shape.t) {
    case 'string': return one();
    case 'integer': case 'long': case 'double': case 'float': {
      const n = Number(one());
      if (Number.isNaN(n)) throw new Error(`argument ${option}: invalid ${shape.t === 'integer' || shape.t === 'long' ? 'int' : 'float'} value: '${values[0]!}'`);
      return n;
    }
    case 'boolean': return one() === 'true';
    case 'list': {
      if (values.length === 1 && /^\s*\[/.test(values[0]!)) return parseJsonOption(values[0]!, option);
      return values.map((v) => convert([v], shape.e, option, ns));
    }
    case 'structure': case 'map': {
      const v = one();
      if (/^\s*\{/.test(v)) return parseJsonOption(v, option);
      const s = shorthand(v);
      if (typeof s === 'string') throw new Error(`Error parsing parameter '${option}': Expected: '=', received: ${s}`);
      return shape.t === 'structure' ? typed(s, shape, ns) : s;
    }
    default: return one();
  }
}

/**
 * Members that are numbers or booleans in the published Application Auto Scaling, CloudWatch,
 * ELBv2, EC2 Auto Scaling and Cloud Map models (the CLI converts shorthand by the model; the
 * sandbox carries the model only for ECS).
 */
const NUMBER_MEMBERS = new Set(['TargetValue', 'ScaleInCooldown', 'ScaleOutCooldown', 'MinCapacity', 'MaxCapacity', 'ScalingAdjustment', 'MetricIntervalLowerBound',
  'MetricIntervalUpperBound', 'MinAdjustmentMagnitude', 'Cooldown', 'Period', 'EvaluationPeriods', 'DatapointsToAlarm', 'Threshold', 'Port', 'Priority',
  'HealthCheckIntervalSeconds', 'HealthCheckTimeoutSeconds', 'HealthyThresholdCount', 'UnhealthyThresholdCount', 'Weight', 'MinSize', 'MaxSize', 'DesiredCapacity', 'TTL', 'FailureThreshold']);
const BOOLEAN_MEMBERS = new Set(['DisableScaleIn', 'Enabled', 'NewInstancesProtectedFromScaleIn']);
/** Members that are lists in those models: one shorthand value becomes a list of one. */
export const LIST_MEMBERS = new Set(['Conditions', 'Actions', 'DefaultActions', 'RulePriorities', 'Dimensions', 'Tags', 'Attributes', 'StepAdjustments', 'Targets', 'DnsRecords', 'Values']);

function typedByName(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string' && NUMBER_MEMBERS.has(k) && v.trim() !== '' && !Number.isNaN(Number(v))) out[k] = Number(v);
    else if (typeof v === 'string' && BOOLEAN_MEMBERS.has(k) && (v === 'true' || v === 'false')) out[k] = v === 'true';
    else if (typeof v === 'string' && LIST_MEMBERS.has(k)) out[k] = [v];
    else if (Array.isArray(v)) out[k] = v.map((x) => (x && typeof x === 'object' && !Array.isArray(x) ? typedByName(x as Record<string, unknown>) : x));
    else if (v && typeof v === 'object') out[k] = typedByName(v as Record<string, unknown>);
    else out[k] = v;
  }
  return out;
}

/** Shorthand values are strings; give members their shape's type. */
function typed(obj: Record<string, unknown>, shape: { m?: Record<string, string> }, ns: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const s = shape.m?.[k] ? shapeOf(ns, shape.m[k]!) : undefined;
    if (!s || typeof v !== 'string') {
      const el = s?.t === 'list' && s.e ? shapeOf(ns, s.e) : undefined;
      out[k] = Array.isArray(v) && s?.t === 'list' && s.e
        ? v.map((x) => (typeof x === 'string' ? convert([x], s.e, k, ns) : x && typeof x === 'object' && !Array.isArray(x) && el?.t === 'structure' ? typed(x as Record<string, unknown>, el, ns) : x))
        : v && typeof v === 'object' && !Array.isArray(v) && s?.t === 'structure' ? typed(v as Record<string, unknown>, s, ns) : v;
      continue;
    }
    // A list member given one shorthand value is a list of one (as the CLI's shorthand parser reads it).
    out[k] = ['integer', 'long', 'double', 'float'].includes(s.t) ? Number(v) : s.t === 'boolean' ? v === 'true' : s.t === 'list' ? [s.e ? convert([v], s.e, k, ns) : v] : v;
  }
  return out;
}

export function parseJsonOption(text: string, option: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`Error parsing parameter '${option}': Invalid JSON: ${(e as Error).message}\nJSON received: ${text}`);
  }
}
