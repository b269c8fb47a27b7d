import { parseDuration } from '../../sim';
import { fileError, type Problem, type Said } from '../../formats/problem';
import { say } from '../../formats/diagnostics';
import type { Located } from '../../formats/yamlDoc';
import type { Scenario } from '../scenario';
import type { Callout, DemoPause } from './types';
import { readChoicePredicate } from './predicate';

/**
 * A demo's questions with their answer choices and its callouts, read from the `presenter` member (the schema
 * has checked their shapes): each choice's predicate as a lesson's goal is read, each callout's node against
 * what the demo's requests name.
 */

/** The kinds of node a callout may be pinned to, and how a reference is written. */
export const NODE_KINDS = ['instance', 'cluster', 'service', 'family', 'loadBalancer'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** A node reference (instance:i-a1) as its kind and name; undefined when it is not one. */
export function nodeRef(ref: string): { kind: NodeKind; name: string } | undefined {
  const i = ref.indexOf(':');
  const kind = ref.slice(0, i) as NodeKind;
  const name = ref.slice(i + 1);
  return i > 0 && name && NODE_KINDS.includes(kind) ? { kind, name } : undefined;
}

/** What the demo's requests name, by node kind; `unnamedInstances` when some instances get ids only as the world runs. */
export function namedNodes(scenario: Scenario): { names: Record<NodeKind, Set<string>>; unnamedInstances: boolean } {
  const names = Object.fromEntries(NODE_KINDS.map((k) => [k, new Set<string>()])) as Record<NodeKind, Set<string>>;
  let unnamedInstances = false;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  for (const a of scenario.actions) {
    const x = a.input;
    const add = (k: NodeKind, v: unknown) => void (str(v) && names[k].add(v as string));
    add('cluster', x.clusterName ?? x.cluster);
    add('service', x.serviceName);
    if (a.call === 'ecs.RegisterTaskDefinition') add('family', x.family);
    if (a.call === 'elbv2.CreateLoadBalancer') add('loadBalancer', x.Name);
    if (a.call === 'sim.LaunchInstances') {
      const ids = Array.isArray(x.ec2InstanceIds) ? x.ec2InstanceIds : [];
      ids.forEach((id) => add('instance', id));
      if (!ids.length) unnamedInstances = true;
    }
    if (a.call.startsWith('autoscaling.') || a.call.startsWith('ec2.')) unnamedInstances = true;
  }
  return { names, unnamedInstances };
}

/** An instance id the simulator gives an instance launched without one (i-0 and 16 hex digits). */
const GENERATED_INSTANCE = /^i-0[0-9a-f]{16}$/;

/** Why a callout's node reference names nothing of the demo, or undefined when it does. */
function refProblem(ref: string, known: ReturnType<typeof namedNodes>): Said | undefined {
  const r = nodeRef(ref);
  if (!r) return say('problem.demo.nodeRef', { ref, kinds: NODE_KINDS.join(', ') });
  if (known.names[r.kind].has(r.name)) return undefined;
  // An id given as the world runs cannot be checked before: it is shown if a node has it then.
  if (r.kind === 'instance' && known.unnamedInstances && GENERATED_INSTANCE.test(r.name)) return undefined;
  const named = [...known.names[r.kind]];
  return named.length ? say('problem.demo.noNodeOf', { kind: r.kind, name: r.name, named: named.slice(0, 8).join(', ') }) : say('problem.demo.noNode', { kind: r.kind, name: r.name });
}

type RawPresenter = { pauses?: { at: unknown; revealAt?: unknown; prompt: string; reveal: string; choices?: { label: string; when: unknown }[] }[]; callouts?: { at: unknown; until?: unknown; node?: string; text: string }[] };

/** The demo's pauses, with their choices; a pause's revealAt comes after it is asked and no later than the next question. */
export function readPauses(raw: RawPresenter, file: string, doc: Located, problems: Problem[]): DemoPause[] {
  const pauses = raw.pauses ?? [];
  return pauses.map((p, i) => {
    const pause: DemoPause = { at: parseDuration(p.at) ?? 0, prompt: p.prompt, reveal: p.reveal };
    if (p.revealAt !== undefined) {
      pause.revealAt = parseDuration(p.revealAt) ?? 0;
      const next = pauses[i + 1] ? parseDuration(pauses[i + 1]!.at) : undefined;
      const why = pause.revealAt <= pause.at ? say('problem.demo.revealAfter') : next !== undefined && pause.revealAt > next ? say('problem.demo.revealBefore', { at: next / 1000 }) : undefined;
      if (why) problems.push(fileError(file, doc.at(['presenter', 'pauses', i, 'revealAt']), `presenter.pauses[${i}].revealAt`, why));
    }
    if (p.choices) {
      pause.choices = p.choices.map((c, j) => {
        const path = ['presenter', 'pauses', i, 'choices', j, 'when'];
        const member = `presenter.pauses[${i}].choices[${j}].when`;
        return { label: c.label, when: c.when, predicate: readChoicePredicate(c.when, member, { file, at: (x, key) => doc.at([...path, ...x], key), problems }, c.label) };
      });
    }
    return pause;
  });
}

/** The demo's callouts, each node reference checked against what the demo's requests name. */
export function readCallouts(raw: RawPresenter, scenario: Scenario, file: string, doc: Located, problems: Problem[]): Callout[] {
  if (!raw.callouts) return [];
  const known = namedNodes(scenario);
  return raw.callouts.map((c, i) => {
    const member = `presenter.callouts[${i}]`;
    const callout: Callout = { at: parseDuration(c.at) ?? 0, text: c.text };
    if (c.until !== undefined) {
      callout.until = parseDuration(c.until) ?? 0;
      if (callout.until <= callout.at) problems.push(fileError(file, doc.at(['presenter', 'callouts', i, 'until']), `${member}.until`, say('problem.lesson.calloutEnds')));
    }
    if (c.node !== undefined) {
      const why = refProblem(c.node, known);
      if (why) problems.push(fileError(file, doc.at(['presenter', 'callouts', i, 'node']), `${member}.node`, why));
      callout.node = c.node;
    }
    return callout;
  });
}
