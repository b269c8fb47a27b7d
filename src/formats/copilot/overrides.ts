import { ecsInputShape, ecsShape } from '../../sim';
import { isObj, type Obj } from './manifest';

/**
 * `taskdef_overrides` [DOC: CP manifest, taskdef_overrides]: each rule's `path` names a property of the CloudFormation
 * task definition Copilot renders (`ContainerDefinitions[0].Ulimits[-]`, `[-]` appending to a list) and `value`
 * replaces what is there. The task definition here is the ECS API's request, whose members are the CloudFormation
 * properties in camel case: a path is followed through the API model, and one that names no member of it is not
 * applied and is said so. As in Copilot, an index names an item the list has (`[-]` appends one), and the maps and
 * lists a path walks through are made where missing; a rule that cannot be applied leaves the task definition exactly
 * as it was, nothing made on its way kept.
 */

type Shape = NonNullable<ReturnType<typeof ecsShape>>;

/** The request member a CloudFormation property names in a structure shape (case-insensitively), if any. */
function memberOf(shape: Shape | undefined, property: string): string | undefined {
  return Object.keys(shape?.m ?? {}).find((m) => m.toLowerCase() === property.toLowerCase());
}

/** A CloudFormation value in the API's member names, or undefined when one of its keys names no member. */
function convert(value: unknown, shapeName: string | undefined): unknown {
  const shape = shapeName ? ecsShape(shapeName) : undefined;
  if (Array.isArray(value)) {
    const items = value.map((v) => convert(v, shape?.t === 'list' ? shape.e : undefined));
    return items.some((v) => v === undefined) ? undefined : items;
  }
  if (!isObj(value)) return value;
  if (shape?.t === 'map') return value;
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) {
    const m = memberOf(shape, k);
    if (!m) return undefined;
    const c = convert(v, shape?.m?.[m]);
    if (c === undefined) return undefined;
    out[m] = c;
  }
  return out;
}

/** Applies one rule; returns why it cannot be, or undefined. */
function applyRule(td: Obj, path: string, value: unknown): string | undefined {
  const steps = [...path.matchAll(/([A-Za-z][A-Za-z0-9]*)((?:\[(?:\d+|-)\])*)/g)];
  if (steps.length === 0 || steps.map((m) => m[0]).join('.') !== path) return 'it is not a path of the form Name[0].Name';
  let node: unknown = td;
  let shape = ecsShape(ecsInputShape('RegisterTaskDefinition') ?? '');
  for (let i = 0; i < steps.length; i++) {
    const [, prop, idx] = steps[i]!;
    const member = memberOf(shape, prop!);
    if (!member || !isObj(node)) return `${prop!} is not a member of the task definition there`;
    const indexes = [...idx!.matchAll(/\[(\d+|-)\]/g)].map((m) => m[1]!);
    let parent: Obj | unknown[] = node;
    let key: string | number = member;
    let memberShape = shape?.m?.[member];
    const last = i === steps.length - 1;
    let named = prop!;
    for (const [j, ix] of indexes.entries()) {
      const listShape = memberShape ? ecsShape(memberShape) : undefined;
      const holder = parent as Record<string | number, unknown>;
      const found: unknown = holder[key];
      if ((found !== undefined && !Array.isArray(found)) || listShape?.t !== 'list') return `${prop!} is not a list`;
      const existing = found as unknown[] | undefined;
      const n: number = ix === '-' ? (existing?.length ?? 0) : Number(ix);
      // As in Copilot, an index past the end is not an append, and a list that is not there has no item to go into:
      // only a value put at [0] of it, at the end of the path, makes it.
      const atEnd = last && j === indexes.length - 1;
      if (existing === undefined && ix !== '-' && !(atEnd && n === 0)) return `${named} does not exist, so ${named}[${ix}] names no item of it (${named}[-] appends one)`;
      if (existing !== undefined && ix !== '-' && n >= existing.length) return `${named}[${ix}] is past the end of ${named}, which has ${String(existing.length)} item${existing.length === 1 ? '' : 's'} (${named}[-] appends one)`;
      parent = (holder[key] ??= []) as unknown[];
      key = n;
      named = `${named}[${ix}]`;
      memberShape = listShape.e;
    }
    if (last) {
      const v = convert(value, memberShape);
      if (v === undefined) return `its value names a property the task definition does not have`;
      (parent as Record<string | number, unknown>)[key] = v;
      return undefined;
    }
    node = (parent as Record<string | number, unknown>)[key] ??= {};
    shape = memberShape ? ecsShape(memberShape) : undefined;
  }
  return undefined;
}

/** Applies the manifest's taskdef_overrides to the task definition, saying which were applied and which not. */
export function applyTaskdefOverrides(td: Obj, overrides: unknown, findings: string[]): void {
  if (overrides === undefined) return;
  if (!Array.isArray(overrides)) {
    findings.push('taskdef_overrides is a list of rules (path and value), so it is not applied.');
    return;
  }
  overrides.forEach((o, i) => {
    const path = isObj(o) && typeof o.path === 'string' ? o.path : undefined;
    // The rule is applied to a copy, which becomes the task definition only when all of it could be applied.
    const trial = structuredClone(td);
    const why = path === undefined ? 'it has no path' : !isObj(o) || !('value' in o) ? 'it has no value' : applyRule(trial, path, o.value);
    if (!why) {
      for (const k of Object.keys(td)) delete td[k];
      Object.assign(td, trial);
    }
    findings.push(why ? `taskdef_overrides[${i}]${path ? ` (${path})` : ''} is not applied: ${why}.` : `taskdef_overrides[${i}]: ${path!} is set in the task definition.`);
  });
}
