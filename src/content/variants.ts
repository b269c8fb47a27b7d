import { isSeq, parseDocument } from 'yaml';
import { parseYaml, type Located } from '../formats/yamlDoc';
import { fileError, type Problem, type Said } from '../formats/problem';
import { say, type DiagnosticKey } from '../formats/diagnostics';
import { parseScenario, ScenarioError, type Scenario } from './scenario';

/**
 * Worlds side by side as separate worlds: a demo's `presenter.variants` names two or three
 * variants of its scenario, each with a label, its own seed and overrides (`set`). Each variant is
 * the scenario's text with its overrides written in: a scenario of its own, run by its own
 * simulator, so the runner, the page and the audience's window all build the same world from it.
 */

/** One override: with `action` (its index or id), `path` inside that action's input; without, a member of the scenario. */
export interface Override {
  action?: number | string;
  path: string;
  value: unknown;
}

/** A variant as the demo file writes it. */
export interface VariantSpec {
  label: string;
  seed?: string | number;
  set?: Override[];
}

/** A variant ready to run: its label, its seed, and the scenario text (and scenario) its overrides make. */
export interface Variant {
  label: string;
  seed: string;
  text: string;
  scenario: Scenario;
  /** The variant as the file wrote it (what a demo saved again writes). */
  spec: VariantSpec;
}

/** Members a scenario-level override may not name: the actions (addressed with `action`), the seed (the variant's own) and the presenter block. */
const NOT_SET: Record<string, DiagnosticKey> = {
  actions: 'problem.variants.notSetActions',
  seed: 'problem.variants.notSetSeed',
  presenter: 'problem.variants.notSetPresenter',
};

/** A dotted path as segments: numbers for list items. */
const segments = (path: string): (string | number)[] => path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Why a path cannot be set in `data`, or null: its last member may be new; every member before it must
 * exist, unless `create` (a scenario's own members: the schema then names any member that is not one).
 */
function pathProblem(data: unknown, segs: (string | number)[], where: Said, create = false): Said | null {
  let node = data;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const last = i === segs.length - 1;
    const so = segs.slice(0, i).join('.');
    const inside = so ? say('problem.variants.inside', { where, path: so }) : where;
    if (Array.isArray(node)) {
      if (typeof seg !== 'number') return say('problem.variants.list', { where: so || where, segment: seg });
      if (seg > node.length || (!last && seg >= node.length)) return say(node.length === 1 ? 'problem.variants.listItem' : 'problem.variants.listItems', { where: so || where, count: node.length, last: node.length - 1, segment: seg });
    } else if (isRecord(node)) {
      if (!last && !(String(seg) in node)) return create ? null : say('problem.variants.noMember', { where: inside, segment: seg });
    } else return say('problem.variants.value', { where: inside });
    node = Array.isArray(node) ? node[seg as number] : (node as Raw)[String(seg)];
  }
  return null;
}

/** The index of the action an override names, or a problem's message. */
function actionIndex(actions: unknown[], ref: number | string): number | Said {
  if (typeof ref === 'number') {
    if (!Number.isInteger(ref) || ref < 0 || ref >= actions.length) return say('problem.variants.noAction', { index: ref, count: actions.length, last: actions.length - 1 });
    return ref;
  }
  const i = actions.findIndex((a) => isRecord(a) && a.id === ref);
  return i >= 0 ? i : say('problem.variants.noId', { id: ref });
}

/** Where an override writes in the scenario's document, or the member and message of why it cannot. */
function target(data: Raw, o: Override, member: string): { path: (string | number)[] } | { member: string; message: Said } {
  const segs = segments(o.path);
  if (segs.some((s) => s === '')) return { member: `${member}.path`, message: say('problem.variants.path', { path: o.path }) };
  if (o.action === undefined) {
    const why = NOT_SET[String(segs[0])];
    if (why) return { member: `${member}.path`, message: say(why) };
    const p = pathProblem(data, segs, say('problem.variants.scenario'), true);
    return p ? { member: `${member}.path`, message: p } : { path: segs };
  }
  const actions = Array.isArray(data.actions) ? data.actions : [];
  const i = actionIndex(actions, o.action);
  if (typeof i !== 'number') return { member: `${member}.action`, message: i };
  const input = (actions[i] as Raw).input;
  if (!isRecord(input)) return { member: `${member}.action`, message: say('problem.variants.noInput', { index: i }) };
  const p = pathProblem(input, segs, say('problem.variants.input', { index: i }));
  return p ? { member: `${member}.path`, message: p } : { path: ['actions', i, 'input', ...segs] };
}

/** The scenario text with a variant's overrides written in, or the problems of the overrides (at their members). */
function variantText(text: string, data: Raw, v: VariantSpec, i: number, at: Located['at'], file: string, problems: Problem[]): string | undefined {
  const doc = parseDocument(text);
  const member = `presenter.variants[${i}]`;
  const before = problems.length;
  (v.set ?? []).forEach((o, j) => {
    const m = `${member}.set[${j}]`;
    const t = target(data, o, m);
    if ('message' in t) {
      problems.push(fileError(file, at(['presenter', 'variants', i, 'set', j, t.member.endsWith('.action') ? 'action' : 'path']), t.member, t.message));
      return;
    }
    const parent = t.path.length > 1 ? doc.getIn(t.path.slice(0, -1), true) : doc.contents;
    // A list item one past the end is added; any other member is set (new or replaced).
    if (isSeq(parent) && t.path.at(-1) === parent.items.length) parent.add(doc.createNode(o.value));
    else doc.setIn(t.path, doc.createNode(o.value));
  });
  return problems.length === before ? doc.toString({ lineWidth: 0 }) : undefined;
}

/**
 * A demo's variants, each its own world: the base text with each variant's overrides, checked member by
 * member (the action named, the path inside it, then the scenario the overrides make, as any scenario is).
 * Problems name the variant and the member; none when the file has no variants.
 */
export function readVariants(text: string, file: string, problems: Problem[]): Variant[] {
  const doc = parseYaml(text, file);
  const data = doc.data as Raw | null;
  const presenter = isRecord(data?.presenter) ? data.presenter : {};
  const raw = presenter.variants as VariantSpec[] | undefined;
  if (!data || !Array.isArray(raw)) return [];
  if (presenter.panes !== undefined) {
    problems.push(fileError(file, doc.at(['presenter', 'variants'], true), 'presenter.variants', say('problem.variants.both')));
    return [];
  }
  const out: Variant[] = [];
  const labels = new Set<string>();
  raw.forEach((v, i) => {
    const member = `presenter.variants[${i}]`;
    if (labels.has(v.label)) problems.push(fileError(file, doc.at(['presenter', 'variants', i, 'label']), `${member}.label`, say('problem.variants.label', { label: v.label })));
    labels.add(v.label);
    const vt = variantText(text, data, v, i, doc.at, file, problems);
    if (vt === undefined) return;
    try {
      const scenario = parseScenario(vt, file);
      out.push({ label: v.label, seed: String(v.seed ?? scenario.seed), text: vt, scenario, spec: v });
    } catch (e) {
      const inner = e instanceof ScenarioError ? e.problems : [];
      // The first thing the scenario refuses (the others usually follow from it).
      const p = inner[0];
      const said: Said | string = p?.form ? { message: p.message, form: p.form } : (p?.message ?? String(e));
      const why = p?.member ? say('problem.variants.memberSays', { member: p.member, detail: said }) : said;
      problems.push(fileError(file, doc.at(['presenter', 'variants', i, 'set']), `${member}.set`, say('problem.variants.refused', { why })));
    }
  });
  return out;
}
